import { fail } from "../internal/errors.js";
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import type { Direction } from "../internal/types.js";
import { alignInto, alignParams, columnRange, readDirections, requireUnits } from "./data.js";
import { rawEntropySums, sumAndXLogX } from "./xlogx.js";

/** Rows per chunk when aligning a column: 8192 values (64 kB) stay in cache between the two loops. */
const CHUNK = 8192;

/** Options of {@link entropyWeights}. */
export interface EntropyOptions {
  /**
   * One direction per column. When given, each column is first min-max normalized by its direction (benefit,
   * cost, target point 1 - |x - t| / max|x - t|, or range [a, b]; docs/methods.md) into [0, 1]. When absent, the raw
   * values are used as proportions (as pymcdm does) and must be non-negative.
   */
  directions?: readonly Direction[];
  /**
   * Additive shift A added to every value before the proportions are taken (平移, often 0.0001 or 0.01).
   * Default 0: the limit convention 0 ln 0 = 0.
   */
  shift?: number;
}

/** Result of {@link entropyWeightsDetailed}. */
export interface EntropyDetails {
  /** w_j = d_j / Σ d_j, summing to 1. */
  weights: number[];
  /** Entropy e_j = -(1 / ln m) Σ_i p_ij ln p_ij, in [0, 1] (1 for a constant column). */
  entropy: number[];
  /** Divergence d_j = 1 - e_j (差异系数). */
  divergence: number[];
  /** True for a column with one value for every unit (after alignment): its weight is 0. */
  constant: boolean[];
  /** The shift A that was added. */
  shift: number;
  /** True when the columns were min-max normalized by direction first. */
  aligned: boolean;
}

/**
 * Entropy weights (熵权法; Shannon entropy of each indicator's distribution over the units): p_ij = y_ij / Σ_i y_ij,
 * e_j = -(1 / ln m) Σ_i p_ij ln p_ij with 0 ln 0 = 0, d_j = 1 - e_j, w_j = d_j / Σ_k d_k. Indicators whose values are
 * spread unevenly over the units get more weight; a constant indicator gets 0.
 *
 * With `directions`, each column is min-max normalized by direction first (the usual Chinese-literature pipeline);
 * without, the raw non-negative values are the proportions. `shift` adds A to every value (整体平移, e.g. 0.0001).
 * Entropy rewards dispersion, not relevance: compare with {@link criticWeights}, which also accounts for
 * correlation, and combine with subjective (AHP) weights via `combineWeights`.
 * Data: rows (`number[][]`) or columns (`{ columns: Float64Array[] }`, read without copying).
 * Reference: Shannon, C.E. (1948) A mathematical theory of communication, Bell System Technical Journal 27;
 * Zeleny, M. (1982) Multiple Criteria Decision Making, McGraw-Hill.
 *
 * @throws {IndicatrixError} `too_few_units` (fewer than 2 rows), `invalid_matrix` (ragged or non-finite, naming row
 *   and column), `negative_value` (a negative value without directions, naming row and column),
 *   `invalid_direction`, `invalid_option`, `all_constant` (every column is constant).
 * @example
 * ```ts
 * entropyWeights([[1, 5], [2, 5], [3, 6]]).map((w) => +w.toFixed(4));
 * // => [0.9579, 0.0421]
 * ```
 */
export function entropyWeights(data: MatrixInput, opts: EntropyOptions = {}): number[] {
  return entropyWeightsDetailed(data, opts).weights;
}

/**
 * {@link entropyWeights} with the intermediate quantities: entropy e_j, divergence d_j and the constant-column flags.
 *
 * @throws {IndicatrixError} as {@link entropyWeights}.
 * @example
 * ```ts
 * entropyWeightsDetailed([[1, 5], [2, 5], [3, 5]]).constant;
 * // => [false, true]
 * ```
 */
export function entropyWeightsDetailed(data: MatrixInput, opts: EntropyOptions = {}): EntropyDetails {
  const { m, n, cols } = readMatrix(data, "matrix", { finite: false });
  requireUnits(m);
  const directions = readDirections(opts.directions, n);
  const shift = opts.shift ?? 0;
  if (typeof shift !== "number" || !Number.isFinite(shift) || shift < 0)
    fail("invalid_option", "opts.shift", `expected a finite number >= 0, got ${String(shift)}`);
  const buffers: Buffers = { m, sums: new Float64Array(2), raw: new Float64Array(4) };
  const entropy: number[] = [];
  const constant: boolean[] = [];
  cols.forEach((col, j) => {
    const e = columnEntropy(col, j, directions?.[j], shift, buffers);
    constant.push(e === null);
    entropy.push(e ?? 1);
  });
  if (constant.every(Boolean))
    fail("all_constant", "matrix", "every column is constant: entropy cannot tell the indicators apart");
  const divergence = entropy.map((e) => 1 - e);
  let total = 0;
  for (const d of divergence) total += d;
  if (!(total > 0)) fail("degenerate_weights", "matrix", "every divergence 1 - e_j is 0");
  return {
    weights: divergence.map((d) => d / total),
    entropy,
    divergence,
    constant,
    shift,
    aligned: directions !== undefined,
  };
}

/** Scratch arrays shared by the columns of one call; `chunk` and `column` are allocated when first needed. */
interface Buffers {
  /** Number of rows. */
  m: number;
  /** [Σ y, Σ y ln y] of the last sumAndXLogX. */
  sums: Float64Array;
  /** [Σ y, Σ y ln y, min, max] of the last rawEntropySums. */
  raw: Float64Array;
  /** Room for one chunk of aligned values. */
  chunk?: Float64Array;
  /** Room for one whole shifted column. */
  column?: Float64Array;
}

/**
 * Entropy e_j of column `j`, or null for a column that is constant (after alignment by `dir`, if given).
 * Without a direction the raw values, shifted by `shift`, are the proportions and must be non-negative.
 */
function columnEntropy(
  col: Float64Array,
  j: number,
  dir: Direction | undefined,
  shift: number,
  buffers: Buffers,
): number | null {
  const lnm = Math.log(buffers.m);
  const { sums } = buffers;
  if (dir === undefined && shift === 0) {
    // Fast path (pymcdm's convention): sums, log sums, min and max in one pass; checks afterwards.
    const { raw } = buffers;
    rawEntropySums(col, raw);
    const [sum, xlogx, min, max] = [raw[0]!, raw[1]!, raw[2]!, raw[3]!];
    if (!Number.isFinite(sum)) columnRange(col, j, "matrix"); // throws naming the row
    if (min < 0) negative(col, j, 0);
    return max > min ? entropyOf(sum, xlogx, lnm) : null;
  }
  const { min, max } = columnRange(col, j, "matrix");
  if (dir !== undefined) {
    const p = alignParams(dir, min, max);
    if (p.constant) return null;
    // Align in cache-sized chunks and sum as we go, instead of writing a whole aligned column.
    const m = col.length;
    const scratch = (buffers.chunk ??= new Float64Array(Math.min(m, CHUNK)));
    let S = 0;
    let T = 0;
    for (let r0 = 0; r0 < m; r0 += CHUNK) {
      const len = Math.min(CHUNK, m - r0);
      alignInto(col, r0, len, p, scratch, 0, shift);
      sumAndXLogX(len === scratch.length ? scratch : scratch.subarray(0, len), sums);
      S += sums[0]!;
      T += sums[1]!;
    }
    return entropyOf(S, T, lnm);
  }
  if (min + shift < 0) negative(col, j, shift);
  if (!(max > min)) return null;
  const shifted = (buffers.column ??= new Float64Array(buffers.m));
  for (let i = 0; i < col.length; i++) shifted[i] = col[i]! + shift;
  sumAndXLogX(shifted, sums);
  return entropyOf(sums[0]!, sums[1]!, lnm);
}

/** e = -(1/ln m) Σ p ln p from S = Σ y and T = Σ y ln y, since Σ p ln p = T/S - ln S; clamped to [0, 1]. */
function entropyOf(S: number, T: number, lnm: number): number {
  const e = -(T / S - Math.log(S)) / lnm;
  return e < 0 ? 0 : e > 1 ? 1 : e;
}

function negative(col: Float64Array, j: number, shift: number): never {
  const i = col.findIndex((v) => v + shift < 0);
  fail(
    "negative_value",
    `matrix[${i}][${j}]`,
    `row ${i}, column ${j}: ${col[i]} is negative; entropy on raw data needs values >= 0 (give directions to min-max normalize first, or a shift)`,
  );
}
