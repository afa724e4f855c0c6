/**
 * The typed header view: walks the raw header tree (indented or tagged keys) and builds the
 * normalised `SubmissionHeader` (ISO dates, 10-digit CIKs, SIC code + description, item codes).
 * @module
 */
import { itemCodeFromTitle } from '../core/items.ts';
import type {
  Address,
  FilingValues,
  FormerName,
  FundClass,
  FundSeries,
  HeaderNode,
  Party,
  SubmissionHeader,
} from '../core/submission.ts';
import type { WarningSink } from '../core/warnings.ts';
import { parseAcceptanceDateTime, parseHeaderDate } from './dates.ts';
import { canonicalKey, roleByTag } from './header-keys.ts';

/**
 * The canonical keys the typed view reads, as small integers: one cached map lookup per node
 * (`codeOf`) and integer switches, instead of `canonicalKey` plus string switches per node.
 */
const CODE_NAMES = [
  '',
  'ACCESSION-NUMBER',
  'TYPE',
  'PUBLIC-DOCUMENT-COUNT',
  'PERIOD',
  'FILING-DATE',
  'DATE-OF-FILING-DATE-CHANGE',
  'EFFECTIVENESS-DATE',
  'ACCEPTANCE-DATETIME',
  'ITEMS',
  'GROUP-MEMBERS',
  'SERIES-AND-CLASSES-CONTRACTS-DATA',
  'MULTI-ACCESSION-NUMBERS',
  'COMPANY-DATA',
  'OWNER-DATA',
  'FILING-VALUES',
  'BUSINESS-ADDRESS',
  'MAIL-ADDRESS',
  'FORMER-COMPANY',
  'FORMER-NAME',
  'CONFORMED-NAME',
  'CIK',
  'ASSIGNED-SIC',
  'ORGANIZATION-NAME',
  'IRS-NUMBER',
  'EIN',
  'STATE-OF-INCORPORATION',
  'FISCAL-YEAR-END',
  'RELATIONSHIP',
  'FORM-TYPE',
  'ACT',
  'FILE-NUMBER',
  'FILM-NUMBER',
  'STREET1',
  'STREET2',
  'CITY',
  'STATE',
  'ZIP',
  'PHONE',
  'FORMER-CONFORMED-NAME',
  'DATE-CHANGED',
] as const;
const C_OTHER = 0;
const C_ACCESSION_NUMBER = 1;
const C_TYPE = 2;
const C_PUBLIC_DOCUMENT_COUNT = 3;
const C_PERIOD = 4;
const C_FILING_DATE = 5;
const C_DATE_OF_CHANGE = 6;
const C_EFFECTIVENESS_DATE = 7;
const C_ACCEPTANCE_DATETIME = 8;
const C_ITEMS = 9;
const C_GROUP_MEMBERS = 10;
const C_SERIES_DATA = 11;
const C_MULTI_ACCESSION = 12;
const C_COMPANY_DATA = 13;
const C_OWNER_DATA = 14;
const C_FILING_VALUES = 15;
const C_BUSINESS_ADDRESS = 16;
const C_MAIL_ADDRESS = 17;
const C_FORMER_COMPANY = 18;
const C_FORMER_NAME = 19;
const C_CONFORMED_NAME = 20;
const C_CIK = 21;
const C_ASSIGNED_SIC = 22;
const C_ORGANIZATION_NAME = 23;
const C_IRS_NUMBER = 24;
const C_EIN = 25;
const C_STATE_OF_INCORPORATION = 26;
const C_FISCAL_YEAR_END = 27;
const C_RELATIONSHIP = 28;
const C_FORM_TYPE = 29;
const C_ACT = 30;
const C_FILE_NUMBER = 31;
const C_FILM_NUMBER = 32;
const C_STREET1 = 33;
const C_STREET2 = 34;
const C_CITY = 35;
const C_STATE = 36;
const C_ZIP = 37;
const C_PHONE = 38;
const C_FORMER_CONFORMED_NAME = 39;
const C_DATE_CHANGED = 40;
/** Codes from this one up are role blocks (`ROLES[code - C_ROLE]`). */
const C_ROLE = 64;
const ROLES: readonly string[] = Object.values(roleByTag);
const codeByCanonical = new Map<string, number>([
  ...CODE_NAMES.map((name, i) => [name, i] as [string, number]),
  ...Object.keys(roleByTag).map((tag, i) => [tag, C_ROLE + i] as [string, number]),
]);
codeByCanonical.delete('');
/** Raw key (either spelling) → code; header keys are interned, so this map stays small. */
const codeCache = new Map<string, number>();

/** Slots of the direct-mapped code cache in front of `codeCache` (a power of two). */
const CODE_SLOTS = 1024;
const slotKeys: string[] = new Array<string>(CODE_SLOTS).fill('');
const slotCodes: number[] = new Array<number>(CODE_SLOTS).fill(C_OTHER);

/**
 * The code of a raw header key (`C_OTHER` for keys the typed view does not read). Keys are
 * interned by the tree, so a slot from the length and two chars plus one identity compare
 * usually answers without a map lookup.
 */
function codeOf(key: string): number {
  const len = key.length;
  const slot =
    len === 0 ? 0 : (len ^ (key.charCodeAt(0) << 3) ^ (key.charCodeAt(len - 1) << 6)) & (CODE_SLOTS - 1);
  if (slotKeys[slot] === key && len > 0) return slotCodes[slot] as number;
  let c = codeCache.get(key);
  if (c === undefined) {
    c = codeByCanonical.get(canonicalKey(key)) ?? C_OTHER;
    if (codeCache.size < 10_000) codeCache.set(key, c);
  }
  slotKeys[slot] = key;
  slotCodes[slot] = c;
  return c;
}

/**
 * Build the typed header from the raw tree. Never throws; bad values become warnings.
 * @example toSubmissionHeader(parseHeaderTree(buf, 0, end, sink), sink).form // '8-K'
 */
export function toSubmissionHeader(raw: HeaderNode[], sink: WarningSink): SubmissionHeader {
  const h: SubmissionHeader = {
    accessionNumber: '',
    form: '',
    items: [],
    itemTitles: [],
    groupMembers: [],
    parties: [],
    series: [],
    raw,
  };
  const itemValues: HeaderNode[] = [];
  walkTop(raw, h, itemValues, sink);
  for (const node of itemValues) {
    const v = node.value ?? '';
    if (v === '') continue;
    if (/^[0-9][0-9A-Za-z.]*$/.test(v)) {
      h.items.push(v);
    } else {
      h.itemTitles.push(v);
      const code = itemCodeFromTitle(v, h.filingDate);
      // Titles of other forms' items (ABS-15G, Form D) have no 8-K code: kept in itemTitles only.
      if (code) h.items.push(code);
    }
  }
  for (const p of h.parties) {
    const fv = p.filingValues.find((f) => f.act !== undefined || f.fileNumber !== undefined);
    if (fv) {
      if (h.act === undefined && fv.act !== undefined) h.act = fv.act;
      if (h.fileNumber === undefined && fv.fileNumber !== undefined) h.fileNumber = fv.fileNumber;
    }
    const film = p.filingValues.find((f) => f.filmNumber !== undefined)?.filmNumber;
    if (h.filmNumber === undefined && film !== undefined) h.filmNumber = film;
  }
  return h;
}

function walkTop(nodes: HeaderNode[], h: SubmissionHeader, items: HeaderNode[], sink: WarningSink): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as HeaderNode;
    const code = codeOf(node.key);
    const v = node.value;
    if (code >= C_ROLE && node.children) {
      h.parties.push(toParty(ROLES[code - C_ROLE] as string, node, sink));
      continue;
    }
    if (code === C_SERIES_DATA && node.children) {
      collectSeries(node.children, 'existing', undefined, h.series);
      continue;
    }
    // Other submissions' accession numbers (kept in the raw tree): never this submission's own.
    if (code === C_MULTI_ACCESSION) continue;
    if (v === undefined) {
      // An unknown container: look inside (some generators wrap everything once more).
      if (node.children) walkTop(node.children, h, items, sink);
      continue;
    }
    switch (code) {
      case C_ACCESSION_NUMBER:
        h.accessionNumber = v;
        break;
      case C_TYPE:
        h.form = v;
        break;
      case C_PUBLIC_DOCUMENT_COUNT: {
        const n = Number(v);
        if (/^\d+$/.test(v)) h.publicDocumentCount = n;
        else
          sink.warn(
            'malformed-header-line',
            `Expected a document count, got ${JSON.stringify(v)}`,
            node.offset,
          );
        break;
      }
      case C_PERIOD:
      case C_FILING_DATE:
      case C_DATE_OF_CHANGE:
      case C_EFFECTIVENESS_DATE:
        // One call site: the date code is compiled (and inlined) once, not once per field.
        setDate(h, code, v, node, sink);
        break;
      case C_ACCEPTANCE_DATETIME: {
        const t = parseAcceptanceDateTime(v);
        if (t) h.acceptanceDateTime = t;
        else sink.warn('invalid-date', `Expected YYYYMMDDHHMMSS, got ${JSON.stringify(v)}`, node.offset);
        break;
      }
      case C_ITEMS:
        items.push(node);
        break;
      case C_GROUP_MEMBERS:
        if (v !== '') h.groupMembers.push(v.replace(/^>+/, '').trim());
        break;
    }
  }
}

function setDate(h: SubmissionHeader, code: number, v: string, node: HeaderNode, sink: WarningSink): void {
  if (v === '') return;
  const iso = parseHeaderDate(v);
  if (iso === undefined) {
    sink.warn('invalid-date', `Expected a date like 20170308, got ${JSON.stringify(v)}`, node.offset);
    return;
  }
  // Fixed property names (a store keyed by a variable name is a megamorphic store).
  if (code === C_PERIOD) h.reportDate = iso;
  else if (code === C_FILING_DATE) h.filingDate = iso;
  else if (code === C_DATE_OF_CHANGE) h.dateOfChange = iso;
  else h.effectivenessDate = iso;
}

function leaf(nodes: HeaderNode[] | undefined, key: string): string | undefined {
  if (!nodes) return undefined;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as HeaderNode;
    if (n.value !== undefined && (n.key === key || canonicalKey(n.key) === key)) return n.value;
  }
  return undefined;
}

function toParty(role: string, block: HeaderNode, sink: WarningSink): Party {
  const party: Party = { role, cik: '', name: '', kind: 'company', filingValues: [], formerNames: [] };
  const sawCik = visitParty(block.children ?? [], party, sink, false);
  if (!sawCik) sink.warn('invalid-cik', `${block.key} block has no CIK`, block.offset);
  return party;
}

/** Fill `party` from the nodes of its block; returns `sawCik` updated. */
function visitParty(nodes: HeaderNode[], party: Party, sink: WarningSink, sawCikIn: boolean): boolean {
  let sawCik = sawCikIn;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as HeaderNode;
    const code = codeOf(node.key);
    const kids = node.children;
    if (code === C_COMPANY_DATA || code === C_OWNER_DATA) {
      if (code === C_OWNER_DATA) party.kind = 'owner';
      if (kids) sawCik = visitParty(kids, party, sink, sawCik);
    } else if (code === C_FILING_VALUES) {
      party.filingValues.push(toFilingValues(kids ?? []));
    } else if (code === C_BUSINESS_ADDRESS || code === C_MAIL_ADDRESS) {
      const a = toAddress(kids ?? []);
      if (code === C_BUSINESS_ADDRESS) party.businessAddress = a;
      else party.mailAddress = a;
    } else if (code === C_FORMER_COMPANY || code === C_FORMER_NAME) {
      const f = toFormerName(kids ?? [], sink, node.offset);
      if (f) party.formerNames.push(f);
    } else if (node.value !== undefined) {
      const v = node.value;
      switch (code) {
        case C_CONFORMED_NAME:
          party.name = v;
          break;
        case C_CIK: {
          sawCik = true;
          const cik = toCik(v);
          if (cik !== undefined) party.cik = cik;
          else
            sink.warn(
              'invalid-cik',
              `Expected a CIK of 1 to 10 digits, got ${JSON.stringify(v)}`,
              node.offset,
            );
          break;
        }
        case C_ASSIGNED_SIC:
          setSic(party, v);
          break;
        case C_ORGANIZATION_NAME:
          if (v !== '') party.organizationName = v;
          break;
        case C_IRS_NUMBER:
        case C_EIN:
          if (v !== '') party.irsNumber = v;
          break;
        case C_STATE_OF_INCORPORATION:
          if (v !== '') party.stateOfIncorporation = v;
          break;
        case C_FISCAL_YEAR_END:
          if (v !== '') party.fiscalYearEnd = v;
          break;
        case C_RELATIONSHIP:
          if (v !== '') party.relationship = v;
          break;
      }
    } else if (kids) {
      sawCik = visitParty(kids, party, sink, sawCik);
    }
  }
  return sawCik;
}

/**
 * `v` as a 10-digit CIK: leading zeros dropped, then 1 to 10 digits padded back to 10; undefined
 * otherwise (what `v.replace(/^0+/, '')`, `/^\d{1,10}$/` and `padStart` did, without two regexes).
 */
function toCik(v: string): string | undefined {
  const n = v.length;
  let i = 0;
  while (i < n && v.charCodeAt(i) === 48) i++;
  if (n - i < 1 || n - i > 10) return undefined;
  for (let j = i; j < n; j++) {
    const c = v.charCodeAt(j);
    if (c < 48 || c > 57) return undefined;
  }
  return n === 10 ? v : v.slice(i).padStart(10, '0');
}

/** True for the chars `\s` matches in latin1 text: TAB, LF, VT, FF, CR, space, NBSP. */
function isRegexSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 160;
}

function setSic(party: Party, v: string): void {
  // The usual `NAME [1234]`, without the regex: the last `[`, digits, a final `]`; the name is what
  // precedes it, trailing spaces dropped (what the lazy group of the regex below gives).
  const n = v.length;
  if (n > 0 && v.charCodeAt(n - 1) === 93 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
    const lb = v.lastIndexOf('[');
    let ok = lb >= 0;
    for (let i = lb + 1; ok && i < n - 1; i++) {
      const c = v.charCodeAt(i);
      ok = c >= 48 && c <= 57;
    }
    if (ok) {
      let e = lb;
      while (e > 0 && isRegexSpace(v.charCodeAt(e - 1))) e--;
      if (n - 1 > lb + 1) party.sic = v.slice(lb + 1, n - 1);
      if (e > 0) party.sicDescription = v.slice(0, e);
      return;
    }
  }
  const m = /^(.*?)\s*\[(\d*)\]\s*$/.exec(v);
  if (m) {
    if (m[2]) party.sic = m[2];
    if (m[1]) party.sicDescription = m[1];
  } else if (/^\d+$/.test(v)) {
    party.sic = v;
  } else if (v !== '') {
    party.sicDescription = v;
  }
}

function toFilingValues(nodes: HeaderNode[]): FilingValues {
  const fv: FilingValues = {};
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as HeaderNode;
    const v = n.value;
    if (!v) continue;
    switch (codeOf(n.key)) {
      case C_FORM_TYPE:
        fv.formType ??= v;
        break;
      case C_ACT:
        fv.act ??= toAct(v);
        break;
      case C_FILE_NUMBER:
        fv.fileNumber ??= v;
        break;
      case C_FILM_NUMBER:
        fv.filmNumber ??= v;
        break;
    }
  }
  return fv;
}

/** `1934 Act` → `34` (as SEC's JSON writes it); other values as they are. */
function toAct(v: string): string {
  return v.length >= 7 && v.startsWith('19') && /^19\d\d\s*act$/i.test(v) ? v.slice(2, 4) : v;
}

function toAddress(nodes: HeaderNode[]): Address {
  const a: Address = {};
  // Fixed property names (no keyed access by a variable name: that is a megamorphic lookup).
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as HeaderNode;
    const v = n.value;
    if (!v) continue;
    switch (codeOf(n.key)) {
      case C_STREET1:
        a.street1 ??= v;
        break;
      case C_STREET2:
        a.street2 ??= v;
        break;
      case C_CITY:
        a.city ??= v;
        break;
      case C_STATE:
        a.stateOrCountry ??= v;
        break;
      case C_ZIP:
        a.zipCode ??= v;
        break;
      case C_PHONE:
        a.phone ??= v;
        break;
    }
  }
  return a;
}

function toFormerName(nodes: HeaderNode[], sink: WarningSink, offset: number): FormerName | undefined {
  let name: string | undefined;
  let date: string | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as HeaderNode;
    if (n.value === undefined) continue;
    const code = codeOf(n.key);
    if (code === C_FORMER_CONFORMED_NAME) name ??= n.value;
    else if (code === C_DATE_CHANGED) date ??= n.value;
  }
  if (name === undefined) return undefined;
  const f: FormerName = { name };
  if (date) {
    const iso = parseHeaderDate(date);
    if (iso) f.date = iso;
    else sink.warn('invalid-date', `Expected a date like 20170308, got ${JSON.stringify(date)}`, offset);
  }
  return f;
}

const seriesStatus: Readonly<Record<string, string>> = {
  'EXISTING-SERIES-AND-CLASSES-CONTRACTS': 'existing',
  'NEW-SERIES-AND-CLASSES-CONTRACTS': 'new',
  'ACQUIRING-DATA': 'merger-acquiring',
  'TARGET-DATA': 'merger-target',
};

function collectSeries(
  nodes: HeaderNode[],
  status: string,
  ownerCik: string | undefined,
  out: FundSeries[],
): void {
  let owner = ownerCik;
  for (const node of nodes) {
    const key = canonicalKey(node.key);
    if (key === 'OWNER-CIK' && node.value) owner = node.value;
    if (!node.children) continue;
    if (key === 'SERIES' || key === 'NEW-SERIES') {
      const kids = node.children;
      const s: FundSeries = { seriesId: leaf(kids, 'SERIES-ID') ?? '', classes: [], status };
      const own = leaf(kids, 'OWNER-CIK') ?? owner;
      if (own) s.ownerCik = own;
      const name = leaf(kids, 'SERIES-NAME');
      if (name) s.name = name;
      for (const c of kids)
        if (c.children && canonicalKey(c.key) === 'CLASS-CONTRACT') s.classes.push(toClass(c.children));
      out.push(s);
    } else if (key === 'NEW-CLASSES-CONTRACTS') {
      const kids = node.children;
      const s: FundSeries = { seriesId: leaf(kids, 'SERIES-ID') ?? '', classes: [], status: 'new-classes' };
      if (owner) s.ownerCik = owner;
      for (const c of kids)
        if (c.children && canonicalKey(c.key) === 'CLASS-CONTRACT') s.classes.push(toClass(c.children));
      out.push(s);
    } else {
      collectSeries(node.children, seriesStatus[key] ?? status, owner, out);
    }
  }
}

function toClass(nodes: HeaderNode[]): FundClass {
  const c: FundClass = { classContractId: leaf(nodes, 'CLASS-CONTRACT-ID') ?? '' };
  const name = leaf(nodes, 'CLASS-CONTRACT-NAME');
  const ticker = leaf(nodes, 'CLASS-CONTRACT-TICKER-SYMBOL');
  if (name) c.name = name;
  if (ticker) c.ticker = ticker;
  return c;
}
