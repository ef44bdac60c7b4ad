import type { BasisKind, BasisLevel, FamiliarityLevel } from "./delphi-types.js";

/**
 * The judgment-basis table (判断依据) of the authority coefficient as Chinese Delphi papers use it (commonly cited
 * to 曾光, 现代流行病学方法与应用, 1994): theory 0.3 / 0.2 / 0.1, practice 0.5 / 0.4 / 0.3, literature and
 * intuition 0.1 at every level (high / medium / low), so Ca sums to 1.0 / 0.8 / 0.6. Pass another table
 * to {@link delphi} as `basisTable` (a common variant has literature and intuition 0.1 / 0.1 / 0.05).
 *
 * @example
 * ```ts
 * DELPHI_BASIS_TABLE.practice.high; // => 0.5
 * ```
 */
export const DELPHI_BASIS_TABLE: Readonly<Record<BasisKind, Readonly<Record<BasisLevel, number>>>> = {
  theory: { high: 0.3, medium: 0.2, low: 0.1 },
  practice: { high: 0.5, medium: 0.4, low: 0.3 },
  literature: { high: 0.1, medium: 0.1, low: 0.1 },
  intuition: { high: 0.1, medium: 0.1, low: 0.1 },
};

/**
 * The familiarity table (熟悉程度) of the authority coefficient: very familiar 1.0, familiar 0.8, fairly
 * familiar 0.6, moderately 0.4, less familiar 0.2, unfamiliar 0. Pass another as `familiarityTable`.
 *
 * @example
 * ```ts
 * DELPHI_FAMILIARITY_TABLE.familiar; // => 0.8
 * ```
 */
export const DELPHI_FAMILIARITY_TABLE: Readonly<Record<FamiliarityLevel, number>> = {
  "very-familiar": 1,
  familiar: 0.8,
  "fairly-familiar": 0.6,
  moderate: 0.4,
  "less-familiar": 0.2,
  unfamiliar: 0,
};
