/**
 * Compile edgarbox's query tree to an FTS5 MATCH expression. Every token is emitted as a quoted
 * FTS5 string, so no user input can reach FTS5's own syntax.
 * @module
 */
import { createError } from '../../core/errors.ts';
import type { QueryNode } from '../../search/query-node.ts';

function quote(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

/**
 * The FTS5 MATCH string for `node`.
 * @throws EdgarError `invalid-query` for a tree FTS5 cannot express (an AND with only exclusions).
 * @example toFtsMatch({ kind: 'phrase', tokens: ['clr', '131'] }) // '"clr" + "131"'
 */
export function toFtsMatch(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return node.prefix ? `${quote(node.token)}*` : quote(node.token);
    case 'phrase': {
      const body = node.tokens.map(quote).join(' + ');
      return node.prefix ? `${body}*` : body;
    }
    case 'or':
      return `(${node.children.map(toFtsMatch).join(' OR ')})`;
    case 'and': {
      if (node.children.length === 0)
        throw createError('invalid-query', 'it excludes words but has none to find');
      let out =
        node.children.length === 1
          ? toFtsMatch(node.children[0] as QueryNode)
          : `(${node.children.map(toFtsMatch).join(' AND ')})`;
      for (const ex of node.exclude ?? []) out = `(${out} NOT ${toFtsMatch(ex)})`;
      return out;
    }
  }
}
