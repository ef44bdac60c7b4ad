/** The normalization kernels, one per formula, and the table that dispatches to them. */
import type { NormalizeFormula } from "../resolve-normalize.js";
import { distanceToMax } from "./distance-to-max.js";
import { fractionOfMax } from "./fraction-of-max.js";
import { goalposts } from "./goalposts.js";
import { minmax } from "./minmax.js";
import { none } from "./none.js";
import { borda, percentile, rank } from "./ranks.js";
import type { Kernel } from "./shared.js";
import { sum } from "./sum.js";
import { target } from "./target.js";
import { vector } from "./vector.js";
import { zscore } from "./zscore.js";

export type { Kernel, KernelOutput } from "./shared.js";

/** The kernel of every formula a resolved normalization can name. @internal */
export const NORMALIZE_KERNELS: { readonly [F in NormalizeFormula]: Kernel<F> } = {
  minmax,
  goalposts,
  target,
  zscore,
  rank,
  percentile,
  borda,
  "distance-to-max": distanceToMax,
  "fraction-of-max": fractionOfMax,
  vector,
  sum,
  none,
};
