/**
 * Write a header tree in the indented `.txt` form (`KEY:<TAB>value`), the way EDGAR renders a
 * tagged (`.nc`) header: SEC's per-key separators, blank lines between blocks, values converted
 * (`34` → `1934 Act`, SIC code → `NAME [code]`, item code → title). Tags that stay tagged inside
 * `.txt` headers (`<ACCEPTANCE-DATETIME>`, the fund series block, ...) are written as tags.
 * @module
 */
import { itemTitle } from '../core/items.ts';
import type { HeaderNode } from '../core/submission.ts';
import { tagToIndented } from './header-keys.ts';
import { sicDescriptions as defaultSic } from './sic-codes.ts';

/** Separator after `KEY:` as EDGAR writes it (measured on real `.txt` headers); default one TAB. */
const separators: Readonly<Record<string, string>> = {
  'ACCESSION NUMBER': '\t\t',
  'PUBLIC DOCUMENT COUNT': '\t\t',
  'ITEM INFORMATION': '\t\t',
  'FILED AS OF DATE': '\t\t',
  'DATE AS OF CHANGE': '\t\t',
  'EFFECTIVENESS DATE': '\t\t',
  'GROUP MEMBERS': '\t\t',
  SROS: '\t\t\t',
  'ABS ASSET CLASS': '             \t',
  'ABS RULE': '           \t',
  'PERIOD START': '           \t',
  'COMPANY CONFORMED NAME': '\t\t\t',
  'CENTRAL INDEX KEY': '\t\t\t',
  'ORGANIZATION NAME': '           \t',
  'IRS NUMBER': '\t\t\t\t',
  EIN: '\t\t\t\t',
  'STATE OF INCORPORATION': '\t\t\t',
  'FISCAL YEAR END': '\t\t\t',
  'FORM TYPE': '\t\t',
  'SEC ACT': '\t\t',
  'FILM NUMBER': '\t\t',
  'STREET 1': '\t\t',
  'STREET 2': '\t\t',
  CITY: '\t\t\t',
  STATE: '\t\t\t',
  ZIP: '\t\t\t',
  'BUSINESS PHONE': '\t\t',
};

/** Tags that EDGAR keeps in tagged form inside an indented header. */
const staysTagged = new Set([
  'ACCEPTANCE-DATETIME',
  'PRIVATE-TO-PUBLIC',
  'DEPOSITOR-CIK',
  'SPONSOR-CIK',
  'PAPER',
  'RELATIONSHIP',
  'SERIES-AND-CLASSES-CONTRACTS-DATA',
  // ABS-15G flags stay tagged in real .txt headers (sec-edgar-parser-fixture-8.txt, 2025)
  'NO-QUARTERLY-ACTIVITY',
  'NO-ANNUAL-ACTIVITY',
  'NO-INITIAL-PERIOD-ACTIVITY',
]);

/** Options for `formatIndentedHeader`. */
export interface IndentedHeaderOptions {
  /** SIC code → description, merged over the built-in partial table. */
  sicDescriptions?: Readonly<Record<string, string>>;
}

/**
 * The indented header lines (without `<SEC-HEADER>` / `</SEC-HEADER>`), LF-terminated.
 * @example formatIndentedHeader(parseSubmission(ncBytes).raw)
 */
export function formatIndentedHeader(raw: HeaderNode[], options: IndentedHeaderOptions = {}): string {
  const sic = { ...defaultSic, ...options.sicDescriptions };
  const out: string[] = [];
  writeNodes(raw, 0, out, sic);
  return out.join('');
}

function indentedKey(key: string): string {
  return tagToIndented[key] ?? key.replaceAll('-', ' ');
}

function writeNodes(
  nodes: HeaderNode[],
  depth: number,
  out: string[],
  sic: Readonly<Record<string, string>>,
): void {
  let containers = 0;
  for (const node of nodes) {
    if (staysTagged.has(node.key)) {
      writeTagged(node, out);
      continue;
    }
    const tabs = '\t'.repeat(depth);
    const key = indentedKey(node.key);
    if (node.children) {
      // Blank line before every block, and after a top-level role line.
      if (depth === 0 || containers > 0) out.push('\n');
      out.push(`${tabs}${key}:\n`);
      if (depth === 0) out.push('\n');
      containers++;
      writeNodes(node.children, depth + 1, out, sic);
      continue;
    }
    const value = toIndentedValue(node.key, node.value ?? '', sic);
    out.push(value === '' ? `${tabs}${key}:\n` : `${tabs}${key}:${separators[key] ?? '\t'}${value}\n`);
  }
}

function toIndentedValue(tag: string, value: string, sic: Readonly<Record<string, string>>): string {
  if (tag === 'ACT' && /^\d\d$/.test(value)) return `19${value} Act`;
  if (tag === 'ASSIGNED-SIC' && /^\d+$/.test(value)) return `${sic[value] ?? ''} [${value}]`.trimStart();
  if (tag === 'ITEMS') return itemTitle(value) ?? value;
  return value;
}

function writeTagged(node: HeaderNode, out: string[]): void {
  if (node.children) {
    out.push(`<${node.key}>\n`);
    for (const c of node.children) writeTagged(c, out);
    out.push(`</${node.key}>\n`);
  } else {
    out.push(`<${node.key}>${node.value ?? ''}\n`);
  }
}
