/** Normalization and outlier treatment of one indicator column. */
export { kurtosis, skewness } from "./moments.js";
export {
  type NormalizeMethod,
  type NormalizeOptions,
  type NormalizeParams,
  type NormalizeResult,
  type NormalizeWarning,
  normalize,
  normalizeDetailed,
} from "./normalize.js";
export { type Aim, type ResolvedNormalize, resolveNormalize, type Sense } from "./resolve-normalize.js";
export { type TreatReport, type TreatResult, treat } from "./treat.js";
