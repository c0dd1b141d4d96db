/** One step of an edit script: an item kept, taken away from the old sequence, or added from the new one. */
export type Edit = { readonly kind: "equal"; readonly old: number; readonly new: number } | { readonly kind: "delete"; readonly old: number } | { readonly kind: "insert"; readonly new: number };

/** Above this many cells the table of the longest common subsequence is not made: the middle is all deleted, then all inserted. */
const MAX_CELLS = 16_000_000;

/**
 * The edit script from `a` to `b` by their longest common subsequence, items
 * compared by `key`: common ends first, then a table over the middle. In a
 * changed stretch the deletions come before the insertions, as Word shows a
 * replacement.
 */
export function diffSequences<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): Edit[] {
  const ids = new Map<string, number>();
  const id = (item: T) => {
    const k = key(item);
    let n = ids.get(k);
    if (n === undefined) ids.set(k, (n = ids.size));
    return n;
  };
  const ka = a.map(id);
  const kb = b.map(id);
  let start = 0;
  while (start < ka.length && start < kb.length && ka[start] === kb[start]) start++;
  let endA = ka.length;
  let endB = kb.length;
  while (endA > start && endB > start && ka[endA - 1] === kb[endB - 1]) {
    endA--;
    endB--;
  }
  const edits: Edit[] = [];
  for (let i = 0; i < start; i++) edits.push({ kind: "equal", old: i, new: i });
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= MAX_CELLS) {
    // lengths[i][j]: the LCS of a[start+i..endA) and b[start+j..endB).
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * width + j] = ka[start + i] === kb[start + j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    const deleted: Edit[] = [];
    const inserted: Edit[] = [];
    const flush = () => {
      edits.push(...deleted, ...inserted);
      deleted.length = 0;
      inserted.length = 0;
    };
    while (i < n || j < m) {
      if (i < n && j < m && ka[start + i] === kb[start + j]) {
        flush();
        edits.push({ kind: "equal", old: start + i++, new: start + j++ });
      } else if (j >= m || (i < n && lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
        deleted.push({ kind: "delete", old: start + i++ });
      } else {
        inserted.push({ kind: "insert", new: start + j++ });
      }
    }
    flush();
  } else {
    for (let i = start; i < endA; i++) edits.push({ kind: "delete", old: i });
    for (let j = start; j < endB; j++) edits.push({ kind: "insert", new: j });
  }
  for (let i = endA, j = endB; i < ka.length; i++, j++) edits.push({ kind: "equal", old: i, new: j });
  return edits;
}

/**
 * How alike two texts are by their words, 0 to 1 (Dice's coefficient over
 * the words as multisets): whether a changed block is the same block edited,
 * or another one.
 */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of b) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common++;
      counts.set(word, left - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}
