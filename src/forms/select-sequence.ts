/**
 * Chooses, among heading candidates, the one sequence that reads as the document's body:
 * codes strictly in catalog order, positions strictly increasing, most weight (text under
 * each heading) overall. A table of contents repeats the same codes with no text under them,
 * so it loses to the body; a stray in-text reference breaks the order and is skipped.
 * @module
 */

/** One way to read one heading candidate (a 10-Q "Item 2" may be Part I or Part II). */
export interface SequenceNode {
  /** Position of the candidate in document order (ties broken by `rank`). */
  position: number;
  /** Order of the candidate on its line (a Part before an Item on the same line). */
  rank: number;
  /** Place of the code in the form's catalog; a sequence is strictly increasing in it. */
  order: number;
  /** How much this heading is worth when kept (text under it, markup, title match). */
  weight: number;
}

/**
 * Picks the heaviest subsequence that increases in both position and catalog order.
 * @param nodes candidate readings, in any order
 * @returns the chosen nodes in document order
 * @example selectSequence([{ position: 1, rank: 0, order: 1, weight: 1 }]) // that one node
 */
export function selectSequence<N extends SequenceNode>(nodes: readonly N[]): N[] {
  const sorted = [...nodes].sort((a, b) => a.position - b.position || a.rank - b.rank || a.order - b.order);
  const best = new Float64Array(sorted.length);
  const previous = new Int32Array(sorted.length).fill(-1);
  let top = -1;
  for (let i = 0; i < sorted.length; i++) {
    const node = sorted[i] as N;
    best[i] = node.weight;
    for (let j = 0; j < i; j++) {
      const before = sorted[j] as N;
      const earlier =
        before.position < node.position || (before.position === node.position && before.rank < node.rank);
      if (!earlier || before.order >= node.order) continue;
      const total = (best[j] ?? 0) + node.weight;
      if (total > (best[i] ?? 0)) {
        best[i] = total;
        previous[i] = j;
      }
    }
    if (top === -1 || (best[i] ?? 0) > (best[top] ?? 0)) top = i;
  }
  const chosen: N[] = [];
  for (let i = top; i !== -1; i = previous[i] ?? -1) chosen.push(sorted[i] as N);
  return chosen.reverse();
}
