import { fail } from "../internal/errors.js";
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import type { Direction } from "../internal/types.js";
import {
  type AlignParams,
  alignInto,
  alignParams,
  columnRange,
  readDirections,
  requireUnits,
} from "./data.js";

/** Options of {@link criticWeights}. */
export interface CriticOptions {
  /** One direction per column for the min-max normalization that CRITIC starts with. Default: all `"benefit"`. */
  directions?: readonly Direction[];
  /** Conflict term: `"1-r"` (default; Diakoulaki et al. 1995) or `"1-|r|"` (the "improved CRITIC" variant). */
  correlation?: "1-r" | "1-|r|";
  /** Degrees of freedom of the standard deviation: 1 (default, sample) or 0. It cancels out of the weights. */
  ddof?: 0 | 1;
  /**
   * Min-max normalize each column first (default true, as Diakoulaki et al. 1995). `false` measures σ and r on the
   * values as given: for data already normalized on a common scale (the scoring engine passes its normalized
   * indicator values, which fixed goalposts need not stretch to [0, 1]).
   */
  normalize?: boolean;
}

/** Result of {@link criticWeightsDetailed}. */
export interface CriticDetails {
  /** w_j = C_j / Σ C_k, summing to 1. */
  weights: number[];
  /** Standard deviation σ_j of each normalized column (contrast intensity). */
  sd: number[];
  /** Pearson correlation matrix of the normalized columns (1 on the diagonal; 0 for pairs with a constant column). */
  correlation: number[][];
  /** Information content C_j = σ_j Σ_k (1 - r_jk) (or 1 - |r_jk|), over the non-constant columns k. */
  information: number[];
  /** True for a column that is constant after normalization: its weight is 0 and it takes no part in the sums. */
  constant: boolean[];
  /** The conflict term used. */
  correlationMode: "1-r" | "1-|r|";
  /** The ddof used for σ. */
  ddof: 0 | 1;
}

/** A column with its index and its min-max map. */
interface Strip {
  /** Column index in the matrix. */
  j: number;
  /** The column's values. */
  col: Float64Array;
  /** Its direction-aware min-max map. */
  params: AlignParams;
}

/** Rows per block of the correlation pass: 2048 rows x 50 columns is 800 kB, which stays in cache. */
const BLOCK = 2048;

/**
 * CRITIC weights (Criteria Importance Through Intercriteria Correlation; Diakoulaki, Mavrotas & Papayannakis 1995):
 * after min-max normalization by direction, C_j = σ_j Σ_k (1 - r_jk) and w_j = C_j / Σ C_k. An indicator gets weight
 * for its contrast (σ) and for disagreeing with the others (low correlation), so two near-duplicate indicators share
 * their weight instead of doubling it. Prefer it to {@link entropyWeights} when indicators overlap.
 *
 * A constant column gets weight 0 and is left out of the other columns' conflict sums (its correlation is undefined).
 * If only one column varies it gets weight 1. Data: rows (`number[][]`) or columns (`{ columns: Float64Array[] }`).
 * The correlation matrix is accumulated in row blocks over the columns (O(m n^2), cache-friendly).
 *
 * @throws {IndicatrixError} `too_few_units`, `invalid_matrix` (ragged or non-finite, naming row and column),
 *   `invalid_direction`, `invalid_option`, `all_constant` (every column constant), `degenerate_weights` (every C_j
 *   is 0, e.g. all columns perfectly correlated under `"1-r"`).
 * @example
 * ```ts
 * criticWeights([[1, 2, 9], [2, 4, 4], [3, 5, 1], [4, 9, 3]]).map((w) => +w.toFixed(4));
 * // => [0.2674, 0.2378, 0.4948]
 * ```
 */
export function criticWeights(data: MatrixInput, opts: CriticOptions = {}): number[] {
  return criticWeightsDetailed(data, opts).weights;
}

/**
 * {@link criticWeights} with the intermediate quantities: σ_j, the correlation matrix and C_j.
 *
 * @throws {IndicatrixError} as {@link criticWeights}.
 * @example
 * ```ts
 * criticWeightsDetailed([[1, 3], [2, 1], [3, 2]]).correlation;
 * // => [[1, -0.5], [-0.5, 1]]
 * ```
 */
export function criticWeightsDetailed(data: MatrixInput, opts: CriticOptions = {}): CriticDetails {
  const { m, n, cols } = readMatrix(data, "matrix", { finite: false });
  requireUnits(m);
  const directions = readDirections(opts.directions, n);
  const mode = opts.correlation ?? "1-r";
  if (mode !== "1-r" && mode !== "1-|r|")
    fail("invalid_option", "opts.correlation", `expected "1-r" or "1-|r|", got ${JSON.stringify(mode)}`);
  const ddof = opts.ddof ?? 1;
  if (ddof !== 0 && ddof !== 1) fail("invalid_option", "opts.ddof", `expected 0 or 1, got ${String(ddof)}`);

  const columns = cols.map((col, j): Strip => {
    const { min, max } = columnRange(col, j, "matrix");
    const params: AlignParams =
      opts.normalize === false
        ? { kind: 0, min: 0, max, a: 0, b: 0, inv: 1, constant: !(max > min) }
        : alignParams(directions?.[j] ?? "benefit", min, max);
    return { j, col, params };
  });
  const constant = columns.map((c) => c.params.constant);
  const live = columns.filter((c) => !c.params.constant);
  if (live.length === 0)
    fail("all_constant", "matrix", "every column is constant: CRITIC cannot tell the indicators apart");

  // cov is q x q over the live columns (upper triangle); position.get(j) is column j's row in it.
  const q = live.length;
  const cov = crossProducts(live, m);
  const position = new Map(live.map((c, a) => [c.j, a]));
  const covAt = (a: number, b: number) => cov[a * q + b]!;
  /** Pearson r of columns j and k; 0 when one is constant. */
  const r = (j: number, k: number): number => {
    if (j === k) return 1;
    const pj = position.get(j);
    const pk = position.get(k);
    if (pj === undefined || pk === undefined) return 0;
    const [a, b] = pj < pk ? [pj, pk] : [pk, pj];
    let v = covAt(a, b) / Math.sqrt(covAt(a, a) * covAt(b, b));
    if (v > 1) v = 1; // rounding can push |r| a hair above 1
    if (v < -1) v = -1;
    return v;
  };
  const correlation = cols.map((_, j) => cols.map((_, k) => r(j, k)));
  const sd = cols.map((_, j) => {
    const a = position.get(j);
    return a === undefined ? 0 : Math.sqrt(covAt(a, a) / (m - ddof));
  });
  const information = sd.map((s, j) => {
    if (constant[j]) return 0;
    let conflict = 0;
    for (const { j: k } of live) conflict += mode === "1-r" ? 1 - r(j, k) : 1 - Math.abs(r(j, k));
    return s * conflict;
  });
  let total = 0;
  for (const c of information) total += c;
  let weights: number[];
  if (q === 1) weights = constant.map((c) => (c ? 0 : 1));
  else {
    if (!(total > 0))
      fail(
        "degenerate_weights",
        "matrix",
        "every information content C_j is 0 (the varying columns are perfectly correlated)",
      );
    weights = information.map((c) => c / total);
  }
  return { weights, sd, correlation, information, constant, correlationMode: mode, ddof };
}

/**
 * Centered cross-product matrix (q x q, upper triangle filled, row-major) of the aligned live columns. Each block of
 * BLOCK rows is aligned into a scratch buffer (one strip per column), shifted by the first block's column means
 * (the shifted-data algorithm keeps the sums well conditioned), and multiplied strip by strip, 2 x 4 at a time.
 */
function crossProducts(live: readonly Strip[], m: number): Float64Array {
  const q = live.length;
  const B = Math.min(BLOCK, m);
  const Z = new Float64Array(q * B);
  const S = new Float64Array(q * q);
  const shift = new Float64Array(q);
  const D = new Float64Array(q); // Σ (z - shift) per column
  for (let r0 = 0; r0 < m; r0 += B) {
    const len = Math.min(B, m - r0);
    for (let a = 0; a < q; a++) {
      const { col, params } = live[a]!;
      const off = a * B;
      if (r0 === 0) {
        alignInto(col, 0, len, params, Z, off, 0);
        let s = 0;
        for (let i = 0; i < len; i++) s += Z[off + i]!;
        shift[a] = s / len;
        const c = s / len;
        for (let i = 0; i < len; i++) Z[off + i] = Z[off + i]! - c;
      } else {
        alignInto(col, r0, len, params, Z, off, -shift[a]!);
      }
      let d = 0;
      for (let i = 0; i < len; i++) d += Z[off + i]!;
      D[a] = D[a]! + d;
    }
    let a = 0;
    for (; a + 1 < q; a += 2) {
      let b = a;
      for (; b + 3 < q; b += 4) block2x4(Z, B, len, S, q, a, b);
      for (; b < q; b++) {
        const oa = a * B;
        const ob = oa + B;
        const ok = b * B;
        let s0 = 0;
        let s1 = 0;
        for (let i = 0; i < len; i++) {
          const y = Z[ok + i]!;
          s0 += Z[oa + i]! * y;
          s1 += Z[ob + i]! * y;
        }
        S[a * q + b] = S[a * q + b]! + s0;
        S[(a + 1) * q + b] = S[(a + 1) * q + b]! + s1;
      }
    }
    for (; a < q; a++) {
      const oa = a * B;
      for (let b = a; b < q; b++) {
        const ob = b * B;
        let s0 = 0;
        for (let i = 0; i < len; i++) s0 += Z[oa + i]! * Z[ob + i]!;
        S[a * q + b] = S[a * q + b]! + s0;
      }
    }
  }
  for (let a = 0; a < q; a++) for (let b = a; b < q; b++) S[a * q + b] = S[a * q + b]! - (D[a]! * D[b]!) / m;
  return S;
}

/** Adds the dot products of strips a, a+1 with strips b..b+3 of one block into S. */
function block2x4(
  Z: Float64Array,
  B: number,
  len: number,
  S: Float64Array,
  q: number,
  a: number,
  b: number,
): void {
  const oa = a * B;
  const ob = oa + B;
  const o0 = b * B;
  const o1 = o0 + B;
  const o2 = o1 + B;
  const o3 = o2 + B;
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  for (let i = 0; i < len; i++) {
    const za = Z[oa + i]!;
    const zb = Z[ob + i]!;
    const y0 = Z[o0 + i]!;
    const y1 = Z[o1 + i]!;
    const y2 = Z[o2 + i]!;
    const y3 = Z[o3 + i]!;
    a0 += za * y0;
    a1 += za * y1;
    a2 += za * y2;
    a3 += za * y3;
    b0 += zb * y0;
    b1 += zb * y1;
    b2 += zb * y2;
    b3 += zb * y3;
  }
  let p = a * q + b;
  S[p] = S[p]! + a0;
  S[p + 1] = S[p + 1]! + a1;
  S[p + 2] = S[p + 2]! + a2;
  S[p + 3] = S[p + 3]! + a3;
  p += q;
  S[p] = S[p]! + b0;
  S[p + 1] = S[p + 1]! + b1;
  S[p + 2] = S[p + 2]! + b2;
  S[p + 3] = S[p + 3]! + b3;
}
