/** A score near a cut point. */
export interface NearCut {
  /** Index of the unit in the scores. */
  index: number;
  /** The nearest cut point. */
  cut: number;
  /** score - cut (negative: below the cut). */
  distance: number;
}

/**
 * The scores within `margin` of a cut point (|s - c| <= margin), each with its nearest cut and the
 * signed distance, closest first (ties in input order). Use it to list the units whose grade a small
 * change of score would flip, before the grades are published.
 *
 * @param scores - The scores (NaN = no score, never listed).
 * @param cuts - Cut points, ascending.
 * @param margin - The distance on the score scale, at least 0.
 * @example
 * ```ts
 * nearCuts([79.8, 85, 90.4], [60, 80, 90], 0.5);
 * // => [{ index: 0, cut: 80, distance: -0.2... }, { index: 2, cut: 90, distance: 0.4... }]
 * ```
 */
export function nearCuts(scores: ArrayLike<number>, cuts: readonly number[], margin: number): NearCut[] {
  const out: NearCut[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (Number.isNaN(s)) continue;
    let best: NearCut | undefined;
    for (const c of cuts) {
      const d = s - c;
      if (Math.abs(d) <= margin && (best === undefined || Math.abs(d) < Math.abs(best.distance)))
        best = { index: i, cut: c, distance: d };
    }
    if (best) out.push(best);
  }
  return out.sort((a, b) => Math.abs(a.distance) - Math.abs(b.distance) || a.index - b.index);
}
