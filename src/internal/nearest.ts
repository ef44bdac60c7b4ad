/**
 * Edit distance between two strings (optimal string alignment: insertions, deletions, substitutions and
 * transpositions of two neighbours, each 1), so `skpi` is 1 from `skip`. @internal
 */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= m; i++)
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[m]![n]!;
}

/**
 * The candidate nearest to a misspelt name by edit distance (case-insensitive), when it is near enough to be a
 * likely typo: no suggestion for names of 1 or 2 characters, 1 edit for 3 to 5, 2 edits from 6. Ties go to the
 * first candidate.
 * @internal
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  const limit = name.length <= 2 ? 0 : name.length <= 5 ? 1 : 2;
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= limit && bestD > 0 ? best : undefined;
}

/** `; did you mean "x"?`, or "" when no candidate is near. @internal */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const near = nearestName(name, candidates);
  return near === undefined ? "" : `; did you mean ${JSON.stringify(near)}?`;
}
