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
 * Runs in O(n log k) for n nodes and k distinct orders (a Fenwick tree of prefix maxima), so a
 * hostile document with a million "Item 1" lines costs a linear pass, not a quadratic one.
 * @param nodes candidate readings, in any order
 * @returns the chosen nodes in document order
 * @example selectSequence([{ position: 1, rank: 0, order: 1, weight: 1 }]) // that one node
 */
export function selectSequence<N extends SequenceNode>(nodes: readonly N[]): N[] {
  const sorted = [...nodes].sort((a, b) => a.position - b.position || a.rank - b.rank || a.order - b.order);
  const orders = [...new Set(sorted.map((n) => n.order))].sort((a, b) => a - b);
  const slot = new Map(orders.map((order, i) => [order, i + 1]));
  // Fenwick tree over order slots: best total ending at an order <= slot, and which node holds it.
  const treeBest = new Float64Array(orders.length + 1);
  const treeNode = new Int32Array(orders.length + 1).fill(-1);
  const best = new Float64Array(sorted.length);
  const previous = new Int32Array(sorted.length).fill(-1);
  let top = -1;
  let group = 0;
  while (group < sorted.length) {
    // Readings of one candidate (same position and rank) cannot follow each other: query all, then update.
    let end = group;
    const first = sorted[group] as N;
    while (
      end < sorted.length &&
      (sorted[end] as N).position === first.position &&
      (sorted[end] as N).rank === first.rank
    )
      end++;
    for (let i = group; i < end; i++) {
      const node = sorted[i] as N;
      let bestBefore = 0;
      let from = -1;
      for (let k = (slot.get(node.order) ?? 1) - 1; k > 0; k -= k & -k) {
        if ((treeBest[k] ?? 0) > bestBefore) {
          bestBefore = treeBest[k] ?? 0;
          from = treeNode[k] ?? -1;
        }
      }
      best[i] = bestBefore + node.weight;
      previous[i] = from;
      if (top === -1 || (best[i] ?? 0) > (best[top] ?? 0)) top = i;
    }
    for (let i = group; i < end; i++) {
      const value = best[i] ?? 0;
      for (let k = slot.get((sorted[i] as N).order) ?? 1; k <= orders.length; k += k & -k) {
        if (value > (treeBest[k] ?? 0)) {
          treeBest[k] = value;
          treeNode[k] = i;
        }
      }
    }
    group = end;
  }
  const chosen: N[] = [];
  for (let i = top; i !== -1; i = previous[i] ?? -1) chosen.push(sorted[i] as N);
  return chosen.reverse();
}
