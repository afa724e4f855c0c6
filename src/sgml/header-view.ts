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
  for (const node of nodes) {
    const key = canonicalKey(node.key);
    const v = node.value;
    const role = roleByTag[key];
    if (role !== undefined && node.children) {
      h.parties.push(toParty(role, node, sink));
      continue;
    }
    if (key === 'SERIES-AND-CLASSES-CONTRACTS-DATA' && node.children) {
      collectSeries(node.children, 'existing', undefined, h.series);
      continue;
    }
    // Other submissions' accession numbers (kept in the raw tree): never this submission's own.
    if (key === 'MULTI-ACCESSION-NUMBERS') continue;
    if (v === undefined) {
      // An unknown container: look inside (some generators wrap everything once more).
      if (node.children) walkTop(node.children, h, items, sink);
      continue;
    }
    switch (key) {
      case 'ACCESSION-NUMBER':
        h.accessionNumber = v;
        break;
      case 'TYPE':
        h.form = v;
        break;
      case 'PUBLIC-DOCUMENT-COUNT': {
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
      case 'PERIOD':
        setDate(h, 'reportDate', v, node, sink);
        break;
      case 'FILING-DATE':
        setDate(h, 'filingDate', v, node, sink);
        break;
      case 'DATE-OF-FILING-DATE-CHANGE':
        setDate(h, 'dateOfChange', v, node, sink);
        break;
      case 'EFFECTIVENESS-DATE':
        setDate(h, 'effectivenessDate', v, node, sink);
        break;
      case 'ACCEPTANCE-DATETIME': {
        const t = parseAcceptanceDateTime(v);
        if (t) h.acceptanceDateTime = t;
        else sink.warn('invalid-date', `Expected YYYYMMDDHHMMSS, got ${JSON.stringify(v)}`, node.offset);
        break;
      }
      case 'ITEMS':
        items.push(node);
        break;
      case 'GROUP-MEMBERS':
        if (v !== '') h.groupMembers.push(v.replace(/^>+/, '').trim());
        break;
    }
  }
}

type DateField = 'reportDate' | 'filingDate' | 'dateOfChange' | 'effectivenessDate';

function setDate(
  h: SubmissionHeader,
  field: DateField,
  v: string,
  node: HeaderNode,
  sink: WarningSink,
): void {
  if (v === '') return;
  const iso = parseHeaderDate(v);
  if (iso) h[field] = iso;
  else sink.warn('invalid-date', `Expected a date like 20170308, got ${JSON.stringify(v)}`, node.offset);
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
  let sawCik = false;
  const visit = (nodes: HeaderNode[]) => {
    for (const node of nodes) {
      const key = canonicalKey(node.key);
      const kids = node.children;
      if (key === 'COMPANY-DATA' || key === 'OWNER-DATA') {
        if (key === 'OWNER-DATA') party.kind = 'owner';
        if (kids) visit(kids);
      } else if (key === 'FILING-VALUES') {
        party.filingValues.push(toFilingValues(kids ?? []));
      } else if (key === 'BUSINESS-ADDRESS' || key === 'MAIL-ADDRESS') {
        const a = toAddress(kids ?? []);
        if (key === 'BUSINESS-ADDRESS') party.businessAddress = a;
        else party.mailAddress = a;
      } else if (key === 'FORMER-COMPANY' || key === 'FORMER-NAME') {
        const f = toFormerName(kids ?? [], sink, node.offset);
        if (f) party.formerNames.push(f);
      } else if (node.value !== undefined) {
        const v = node.value;
        switch (key) {
          case 'CONFORMED-NAME':
            party.name = v;
            break;
          case 'CIK': {
            sawCik = true;
            const cik = v.replace(/^0+/, '');
            if (/^\d{1,10}$/.test(cik)) party.cik = cik.padStart(10, '0');
            else
              sink.warn(
                'invalid-cik',
                `Expected a CIK of 1 to 10 digits, got ${JSON.stringify(v)}`,
                node.offset,
              );
            break;
          }
          case 'ASSIGNED-SIC':
            setSic(party, v);
            break;
          case 'ORGANIZATION-NAME':
            if (v !== '') party.organizationName = v;
            break;
          case 'IRS-NUMBER':
          case 'EIN':
            if (v !== '') party.irsNumber = v;
            break;
          case 'STATE-OF-INCORPORATION':
            if (v !== '') party.stateOfIncorporation = v;
            break;
          case 'FISCAL-YEAR-END':
            if (v !== '') party.fiscalYearEnd = v;
            break;
          case 'RELATIONSHIP':
            if (v !== '') party.relationship = v;
            break;
        }
      } else if (kids) {
        visit(kids);
      }
    }
  };
  visit(block.children ?? []);
  if (!sawCik) sink.warn('invalid-cik', `${block.key} block has no CIK`, block.offset);
  return party;
}

function setSic(party: Party, v: string): void {
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
  for (const n of nodes) {
    const v = n.value;
    if (!v) continue;
    switch (canonicalKey(n.key)) {
      case 'FORM-TYPE':
        fv.formType ??= v;
        break;
      case 'ACT':
        fv.act ??= toAct(v);
        break;
      case 'FILE-NUMBER':
        fv.fileNumber ??= v;
        break;
      case 'FILM-NUMBER':
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

const addressFields: Readonly<Record<string, keyof Address>> = {
  STREET1: 'street1',
  STREET2: 'street2',
  CITY: 'city',
  STATE: 'stateOrCountry',
  ZIP: 'zipCode',
  PHONE: 'phone',
};

function toAddress(nodes: HeaderNode[]): Address {
  const a: Address = {};
  for (const n of nodes) {
    const field = n.value ? addressFields[canonicalKey(n.key)] : undefined;
    if (field && a[field] === undefined) a[field] = n.value as string;
  }
  return a;
}

function toFormerName(nodes: HeaderNode[], sink: WarningSink, offset: number): FormerName | undefined {
  let name: string | undefined;
  let date: string | undefined;
  for (const n of nodes) {
    if (n.value === undefined) continue;
    const k = canonicalKey(n.key);
    if (k === 'FORMER-CONFORMED-NAME') name ??= n.value;
    else if (k === 'DATE-CHANGED') date ??= n.value;
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
