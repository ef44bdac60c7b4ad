import { fail } from "../internal/errors.js";

/** Options of {@link g1Weights}. */
export interface G1Options {
  /**
   * `"strict"` (default): each r_k on Guo's scale [1, 1.8] (1.0 equally, 1.2 slightly, 1.4 obviously, 1.6 strongly,
   * 1.8 extremely more important; 1.1, 1.3, 1.5, 1.7 in between). `"free"`: any r_k > 0.
   */
  scale?: "strict" | "free";
}

/**
 * G1 weights (the order-relation method, 序关系分析法; Guo Yajun 2002, 综合评价理论与方法, Science Press): the
 * expert orders the criteria by importance, x_1* ≻ x_2* ≻ ... ≻ x_n*, and for k = 2..n gives r_k = w_{k-1}* / w_k*
 * (1.0 equal, 1.2 slightly, 1.4 obviously, 1.6 strongly, 1.8 extremely more important). Then w_n* = (1 + Σ_{k=2}^n
 * Π_{i=k}^n r_i)^-1 and w_{k-1}* = r_k w_k*. It needs only n - 1 judgments and no consistency check: use it
 * instead of {@link ahp} when the expert can rank the criteria and say by how much each one leads the next.
 * `ratios` holds r_2..r_n (n - 1 values); the weights come back in the same importance order (w_1* first).
 *
 * @throws {IndicatrixError} `invalid_judgment` (a ratio that is not a finite number > 0, or outside [1, 1.8] under
 *   the strict scale, naming its place), `invalid_option`.
 * @example
 * ```ts
 * g1Weights([1.2, 1.4, 1.0]).map((w) => +w.toFixed(4));
 * // => [0.3307, 0.2756, 0.1969, 0.1969]
 * ```
 */
export function g1Weights(ratios: readonly number[], opts: G1Options = {}): number[] {
  const scale = opts.scale ?? "strict";
  if (scale !== "strict" && scale !== "free")
    fail("invalid_option", "opts.scale", `expected "strict" or "free", got ${JSON.stringify(scale)}`);
  if (!Array.isArray(ratios)) fail("invalid_judgment", "ratios", "expected an array of the ratios r_2..r_n");
  ratios.forEach((r, i) => {
    const ok = typeof r === "number" && Number.isFinite(r) && r > 0;
    if (!ok || (scale === "strict" && !(r >= 1 && r <= 1.8)))
      fail(
        "invalid_judgment",
        `ratios[${i}]`,
        `r_${i + 2} = w_${i + 1} / w_${i + 2} must be ${scale === "strict" ? 'in [1, 1.8] (Guo\'s scale; give scale: "free" for other values)' : "a finite number > 0"}, got ${String(r)}`,
      );
  });
  const n = ratios.length + 1;
  // Products Π_{i=k}^n r_i for k = n..2, accumulated from the end.
  let sum = 1;
  let prod = 1;
  for (let k = n; k >= 2; k--) {
    prod *= ratios[k - 2]!;
    sum += prod;
  }
  const w = new Array<number>(n);
  w[n - 1] = 1 / sum;
  for (let k = n; k >= 2; k--) w[k - 2] = ratios[k - 2]! * w[k - 1]!;
  return w;
}
