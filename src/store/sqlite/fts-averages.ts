/**
 * FTS5's averages record: the row count and token totals bm25() reads at its first row (the
 * `%_data` row with id 1: a varint row count, then a varint token total per column; varints in
 * SQLite's format, big-endian 7-bit groups, the ninth byte whole).
 * @module
 */
import type Database from 'better-sqlite3';

/** What an FTS5 index holds, as bm25() sees it. */
export interface FtsAverages {
  /** Rows (documents) in the index: bm25()'s N. */
  rows: number;
  /** Tokens per column over all rows. */
  tokens: number[];
}

/**
 * Decode an averages record; a short or empty record gives zeros (an empty index has none).
 * @example parseFtsAverages(new Uint8Array([3, 0x81, 0x00])) // { rows: 3, tokens: [128] }
 */
export function parseFtsAverages(record: Uint8Array, columns = 1): FtsAverages {
  let at = 0;
  const varint = (): number => {
    let v = 0;
    for (let i = 0; i < 9 && at < record.length; i++) {
      const byte = record[at++] as number;
      if (i === 8) return v * 256 + byte;
      v = v * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return v;
    }
    return v;
  };
  const rows = varint();
  const tokens: number[] = [];
  for (let c = 0; c < columns; c++) tokens.push(varint());
  return { rows, tokens };
}

/**
 * Read the averages record of the FTS5 table `fts` (one of this package's table names).
 * @example readFtsAverages(db, 'document_fts') // { rows: 128805, tokens: [412345678] }
 */
export function readFtsAverages(db: Database.Database, fts: string): FtsAverages {
  const row = db.prepare(`SELECT block FROM ${fts}_data WHERE id = 1`).get() as
    | { block: Uint8Array }
    | undefined;
  return parseFtsAverages(row?.block ?? new Uint8Array(0));
}
