/**
 * An entity's record as the merge over all its stored filings, shared by both backends. Each
 * field (name, SIC, state, fiscal year end, addresses...) comes from the latest filing that has
 * it, a company block of a FILER / SUBJECT COMPANY / ISSUER preferred over any other block; former
 * names are the union of every FORMER COMPANY entry seen. The merge state is order-independent,
 * so a new filing folds into it without reading the others; a delete or replace rebuilds it.
 * @module
 */
import type { Address, FormerName, Party } from '../core/submission.ts';
import type { EntityName, EntityRecord } from './store.ts';

/** Fields merged field by field, each from the best filing that has it. */
const FIELDS = [
  'name',
  'sic',
  'sicDescription',
  'stateOfIncorporation',
  'fiscalYearEnd',
  'irsNumber',
  'businessAddress',
  'mailAddress',
] as const;

type MergedField = (typeof FIELDS)[number];

/** Where a value was seen: block preference, filing date, accession, party position. */
type SeenKey = [rank: number, date: string, accession: string, position: number];

/** The merge state of one entity (JSON-serialisable; `v` marks the format). */
export interface EntityState {
  v: 1;
  /** Seen at least once in a company block. */
  company: boolean;
  fields: Partial<Record<MergedField, { value: string | Address; key: SeenKey }>>;
  /** Every FORMER COMPANY / FORMER NAME entry seen, deduplicated by name and date. */
  formerNames: FormerName[];
}

/** One party block of a stored filing, as folded into its entity. */
export interface PartySeen {
  party: Party;
  filingDate: string;
  accession: string;
  /** The block's place in the filing's party list. */
  position: number;
}

/** The facts of an entity record (without the counts and dates, which come from its filings). */
export type EntityFacts = Omit<EntityRecord, 'filingCount' | 'firstFilingDate' | 'lastFilingDate'>;

/** A name seen in stored filings with the first and last filing date it appeared under. */
export interface SeenName {
  name: string;
  first: string | null;
  last: string | null;
}

const PRIMARY_ROLES = new Set(['filer', 'subject-company', 'issuer']);

/** 2 for a FILER / SUBJECT COMPANY / ISSUER company block, 1 for another company block, 0 for an owner block. */
function rankOf(p: Party): number {
  if (p.kind !== 'company') return 0;
  return PRIMARY_ROLES.has(p.role) ? 2 : 1;
}

function compareKeys(a: SeenKey, b: SeenKey): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  if (a[2] !== b[2]) return a[2] < b[2] ? -1 : 1;
  return a[3] - b[3];
}

function hasValue(v: string | Address | undefined): v is string | Address {
  if (v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  return Object.values(v).some((x) => typeof x === 'string' && x.trim() !== '');
}

/** Whether a stored JSON value is an `EntityState` (older stores kept the latest party). */
export function isEntityState(x: unknown): x is EntityState {
  return typeof x === 'object' && x !== null && (x as { v?: unknown }).v === 1;
}

/**
 * Fold one party block of a filing into an entity's state (a new state; `state` is not changed).
 * `position` is the block's place in the filing's party list.
 */
export function foldEntity(
  state: EntityState | undefined,
  party: Party,
  filingDate: string,
  accession: string,
  position: number,
): EntityState {
  const out: EntityState = {
    v: 1,
    company: (state?.company ?? false) || party.kind === 'company',
    fields: { ...state?.fields },
    formerNames: [...(state?.formerNames ?? [])],
  };
  const key: SeenKey = [rankOf(party), filingDate, accession, position];
  for (const f of FIELDS) {
    const v = party[f];
    if (!hasValue(v)) continue;
    const cur = out.fields[f];
    if (cur === undefined || compareKeys(key, cur.key) > 0) out.fields[f] = { value: v, key };
  }
  const known = new Set(out.formerNames.map((n) => `${n.name.toUpperCase()}\u0000${n.date ?? ''}`));
  for (const n of party.formerNames) {
    const k = `${n.name.toUpperCase()}\u0000${n.date ?? ''}`;
    if (known.has(k) || n.name.trim() === '') continue;
    known.add(k);
    out.formerNames.push(n.date === undefined ? { name: n.name } : { name: n.name, date: n.date });
  }
  return out;
}

/**
 * Names over time: FORMER NAME entries give `to` (their DATE OF NAME CHANGE) and, through the
 * previous change, `from`; names seen only in filings (other than the current one) get the
 * first/last filing dates they appeared under. Newest first.
 */
export function toEntityNames(current: string, former: FormerName[], seen: SeenName[]): EntityName[] {
  const byDate = [...former].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const out: EntityName[] = byDate.map((f, i) => {
    const n: EntityName = { name: f.name };
    const prev = byDate[i - 1]?.date;
    if (prev !== undefined) n.from = prev;
    if (f.date !== undefined) n.to = f.date;
    return n;
  });
  const known = new Set([current.toUpperCase(), ...former.map((f) => f.name.toUpperCase())]);
  for (const s of seen) {
    if (known.has(s.name.toUpperCase())) continue;
    known.add(s.name.toUpperCase());
    const n: EntityName = { name: s.name };
    if (s.first) n.from = s.first;
    if (s.last) n.to = s.last;
    out.push(n);
  }
  return out.sort((a, b) => (b.to ?? '').localeCompare(a.to ?? ''));
}

/** The record facts of an entity from its merge state and the names its filings carried. */
export function toEntityFacts(cik: string, state: EntityState, seen: SeenName[]): EntityFacts {
  const str = (f: MergedField): string | undefined => {
    const v = state.fields[f]?.value;
    return typeof v === 'string' ? v : undefined;
  };
  const addr = (f: MergedField): Address | undefined => {
    const v = state.fields[f]?.value;
    return typeof v === 'object' ? v : undefined;
  };
  const name = str('name') ?? '';
  const e: EntityFacts = {
    cik,
    name,
    entityType: state.company ? 'company' : 'owner',
    formerNames: toEntityNames(name, state.formerNames, seen),
  };
  const sic = str('sic');
  if (sic !== undefined) e.sic = sic;
  const sicDescription = str('sicDescription');
  if (sicDescription !== undefined) e.sicDescription = sicDescription;
  const state_ = str('stateOfIncorporation');
  if (state_ !== undefined) e.stateOfIncorporation = state_;
  const fye = str('fiscalYearEnd');
  if (fye !== undefined) e.fiscalYearEnd = fye;
  const irs = str('irsNumber');
  if (irs !== undefined) e.irsNumber = irs;
  const business = addr('businessAddress');
  if (business !== undefined) e.businessAddress = business;
  const mail = addr('mailAddress');
  if (mail !== undefined) e.mailAddress = mail;
  return e;
}
