/**
 * The block layout both renderers share: one blank line between blocks, a single newline between
 * consecutive list items, a final newline.
 * @module
 */
import type { Block } from './block.ts';

/**
 * Render each block with `render` and join them.
 * @example joinBlocks(blocks, (b) => b.text)
 */
export function joinBlocks(blocks: readonly Block[], render: (block: Block) => string): string {
  const out: string[] = [];
  let prev: Block['kind'] | null = null;
  for (const block of blocks) {
    if (prev !== null) out.push(prev === 'list-item' && block.kind === 'list-item' ? '\n' : '\n\n');
    out.push(render(block));
    prev = block.kind;
  }
  if (out.length > 0) out.push('\n');
  return out.join('');
}
