/**
 * The limits of indicatrix, each stated once: the constants below are what the code reads, and
 * {@link LIMITS} is the one public, documented view of them (the table in docs/model.md).
 * @module
 */

/** Deepest tree accepted, in levels below the root (the root is depth 0). */
export const MAX_TREE_DEPTH = 32;
/** Most nodes accepted in a tree. */
export const MAX_NODES = 20_000;
/** Formulas longer than this many characters are refused before parsing. */
export const MAX_FORMULA_LENGTH = 4096;
/** Formulas nested deeper than this (parentheses or operators) are refused. */
export const MAX_FORMULA_DEPTH = 64;
/** Most arguments of the formula functions `min` and `max`. */
export const MAX_FORMULA_ARGUMENTS = 16;
/**
 * Deepest nesting of objects and arrays accepted in a model value (before the schema is checked).
 * A tree of MAX_TREE_DEPTH (32) levels nests about 70 deep; the limit keeps a hostile file from
 * overflowing the stack of the recursive schema check.
 */
export const MAX_INPUT_DEPTH = 200;
/** Most YAML alias expansions in a model text (a guard against "billion laughs" documents). */
export const MAX_YAML_ALIASES = 100;
/**
 * Largest magnitude of a raw value accepted by normalization and scoring: 1e150. Beyond it,
 * differences, squares and sums of squares of a column could overflow to Infinity (1e308 - (-1e308)
 * does), and a min-max or z-score would silently flatten the column or turn it into NaN; such a
 * value is refused with `value_out_of_range`. Indicator data never come near it (rescale, e.g. to
 * thousands, or take a log).
 *
 * @example
 * ```ts
 * normalize([1e200, 1], "minmax"); // throws IndicatrixError value_out_of_range at values[0]
 * ```
 */
export const MAX_ABS_VALUE = 1e150;
/** Largest model file read by `readModelFile` and the CLI (bytes): 16 MiB. */
export const MAX_MODEL_FILE_BYTES = 16 * 1024 * 1024;
/** Largest data file read by `readCsvFile`, `readCsvColumns` and the CLI (bytes): 512 MiB. */
export const MAX_DATA_FILE_BYTES = 512 * 1024 * 1024;

/**
 * Most Monte Carlo runs of one uncertainty analysis: 1,000,000. The runs x units rank matrix is
 * kept (4 bytes a cell: 200 MB at 50 units), and a run re-scores the model, so a larger count is a
 * mistake (`--runs 1e9`) rather than a study; it is refused up front with `invalid_option`.
 */
export const MAX_RUNS = 1_000_000;

/**
 * Largest order of a pairwise comparison matrix (AHP): 100 elements. The eigenvector's power
 * iteration and the consistency checks grow with the square of the order and the judgments with
 * it (4,950 at 100); a larger matrix is refused up front with `matrix_too_large`. The published
 * random indices stop at 15; beyond, give your own `ri` array.
 */
export const MAX_AHP_ORDER = 100;

/**
 * Most units of a pairwise majority comparison (Copeland's combination of rankings and MULTIMOORA's
 * dominance combination): 10,000. The comparison visits every pair (5 x 10^7 at the limit, 1-2 s of CPU for
 * 3-5 rankings) without storing a matrix; beyond it, rank a sample or combine by Borda (linear). Refused
 * with `too_many_units`.
 */
export const MAX_DOMINANCE_UNITS = 10_000;

/**
 * Most units of ELECTRE I: 2,000. Its concordance and discordance matrices and its outranking graph
 * hold one cell per pair (3 x 4 x 10^6 cells, about 70 MB at the limit), and the kernel search walks
 * the graph; beyond it, evaluate a sample (or a shortlist from a linear method). Refused with
 * `too_many_units`.
 */
export const MAX_OUTRANKING_UNITS = 2_000;

/**
 * Most units of the PROMETHEE computations that are quadratic in the units: 10,000. The Gaussian
 * preference function has no exact sub-quadratic form (every pair is compared: 5e7 pairs per
 * criterion at 10,000 units), and the PROMETHEE I partial order lists pairs of units; both are
 * refused beyond it with `too_many_units` (score a random sample instead). The usual, U-shape,
 * V-shape, level and linear functions run by sorting, in O(m log m) per criterion, at any size.
 */
export const MAX_PROMETHEE_PAIRWISE_UNITS = 10_000;

/** The limits of indicatrix, as {@link LIMITS} holds them. */
export interface Limits {
  /** Deepest tree, in levels below the root (the root is depth 0): 32. Deeper is `too_deep`. */
  readonly maxTreeDepth: number;
  /** Most nodes in a tree: 20,000. More is `too_many_nodes`. */
  readonly maxNodes: number;
  /** Longest formula, in characters: 4,096. Longer is `invalid_formula`. */
  readonly maxFormulaLength: number;
  /** Deepest nesting of a formula (parentheses or operators): 64. Deeper is `invalid_formula`. */
  readonly maxFormulaDepth: number;
  /** Most arguments of the formula functions `min` and `max`: 16. More is `invalid_formula`. */
  readonly maxFormulaArguments: number;
  /** Deepest nesting of objects and arrays in a model value, checked before the schema: 200 (`invalid_model`). */
  readonly maxInputDepth: number;
  /** Most YAML alias expansions in a model text: 100 (`invalid_syntax`). */
  readonly maxYamlAliases: number;
  /**
   * Largest magnitude of a raw value in normalization and scoring: 1e150, where squares and spans
   * of a column could start to overflow. Beyond it is `value_out_of_range`.
   */
  readonly maxAbsValue: number;
  /** Largest model file read by `indicatrix/node`'s `readModelFile` and the CLI: 16 MiB (`file_too_large`). */
  readonly maxModelFileBytes: number;
  /** Largest data file read by `readCsvFile`, `readCsvColumns` and the CLI: 512 MiB (`file_too_large`). */
  readonly maxDataFileBytes: number;
  /** Most Monte Carlo runs of `uncertaintyAnalysis` and `indicatrix analyze --runs`: 1,000,000 (`invalid_option`). */
  readonly maxRuns: number;
  /** Largest order of an AHP pairwise comparison matrix: 100 (`matrix_too_large`). */
  readonly maxAhpOrder: number;
  /** Most units of a pairwise majority comparison (Copeland, MULTIMOORA's dominance): 10,000 (`too_many_units`). */
  readonly maxDominanceUnits: number;
  /** Most units of ELECTRE I (pairwise matrices): 2,000 (`too_many_units`). */
  readonly maxOutrankingUnits: number;
  /** Most units of PROMETHEE with a Gaussian criterion or with the PROMETHEE I partial order: 10,000 (`too_many_units`). */
  readonly maxPrometheePairwiseUnits: number;
}

/**
 * Every limit indicatrix enforces, in one frozen object: the size of a model (depth, nodes,
 * formulas, nesting of the file), the magnitude of data values and the size of the files read by
 * `indicatrix/node` and the CLI. The limits keep hostile or mistaken input from exhausting the
 * stack, memory or floating point; real models stay far below them. They are fixed: the object
 * documents them, changing it changes nothing.
 *
 * @example
 * ```ts
 * import { LIMITS } from "indicatrix";
 * LIMITS.maxTreeDepth; // => 32
 * LIMITS.maxAbsValue; // => 1e150
 * ```
 */
export const LIMITS: Limits = Object.freeze({
  maxTreeDepth: MAX_TREE_DEPTH,
  maxNodes: MAX_NODES,
  maxFormulaLength: MAX_FORMULA_LENGTH,
  maxFormulaDepth: MAX_FORMULA_DEPTH,
  maxFormulaArguments: MAX_FORMULA_ARGUMENTS,
  maxInputDepth: MAX_INPUT_DEPTH,
  maxYamlAliases: MAX_YAML_ALIASES,
  maxAbsValue: MAX_ABS_VALUE,
  maxModelFileBytes: MAX_MODEL_FILE_BYTES,
  maxDataFileBytes: MAX_DATA_FILE_BYTES,
  maxRuns: MAX_RUNS,
  maxAhpOrder: MAX_AHP_ORDER,
  maxDominanceUnits: MAX_DOMINANCE_UNITS,
  maxOutrankingUnits: MAX_OUTRANKING_UNITS,
  maxPrometheePairwiseUnits: MAX_PROMETHEE_PAIRWISE_UNITS,
});
