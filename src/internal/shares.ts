/**
 * Non-negative finite weights divided by their sum, so that they sum to 1; `null` when they sum to
 * 0. When the plain sum overflows (weights of 1e308: 1e308 + 1e308 is Infinity, and w / Infinity
 * is 0 for every weight), the weights are first divided by the largest, so that the sum stays
 * finite; otherwise the result is exactly `w / sum(w)`. @internal
 * @example
 * ```ts
 * shares([3, 1]); // => [0.75, 0.25]
 * shares([1e308, 1e308]); // => [0.5, 0.5]
 * shares([0, 0]); // => null
 * ```
 */
export function shares(weights: readonly number[]): number[] | null {
  let sum = 0;
  let max = 0;
  for (const w of weights) {
    sum += w;
    if (w > max) max = w;
  }
  if (!(max > 0)) return null;
  if (sum !== Number.POSITIVE_INFINITY) return weights.map((w) => w / sum);
  let scaled = 0;
  for (const w of weights) scaled += w / max;
  return weights.map((w) => w / max / scaled);
}
