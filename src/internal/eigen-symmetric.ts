import { EigenvalueDecomposition, Matrix } from "ml-matrix";

/**
 * Eigen-decomposition of a symmetric matrix (ml-matrix's Jacobi-free tridiagonal QL, as JAMA), sorted by
 * decreasing eigenvalue, each eigenvector flipped so that its entries sum to a positive number (if the sum
 * is 0, its largest |entry| is made positive): the sign convention of DOMAIN.md C3.3, so that results do not
 * depend on the library's arbitrary signs. `vectors[k]` is the k-th eigenvector.
 * @internal
 */
export function eigenSymmetric(a: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const evd = new EigenvalueDecomposition(new Matrix(a.map((r) => [...r])), { assumeSymmetric: true });
  const vals = evd.realEigenvalues;
  const V = evd.eigenvectorMatrix;
  const order = vals.map((_, k) => k).sort((x, y) => (vals[y] as number) - (vals[x] as number));
  const vectors = order.map((k) => orient(V.getColumn(k)));
  return { values: order.map((k) => vals[k] as number), vectors: vectors.slice(0, n) };
}

/** Flips a vector so that its entries sum > 0 (or its largest |entry| is positive when the sum is 0). @internal */
export function orient(u: number[]): number[] {
  let sum = 0;
  let big = 0;
  for (const x of u) {
    sum += x;
    if (Math.abs(x) > Math.abs(big)) big = x;
  }
  const tol = 1e-12 * u.reduce((s, x) => s + Math.abs(x), 0);
  const flip = Math.abs(sum) > tol ? sum < 0 : big < 0;
  return flip ? u.map((x) => -x) : u;
}

/**
 * Pearson correlation (or covariance, ddof 1) matrix of columns of equal length, without missing values.
 * A column with zero variance gives NaN entries (callers check with {@link columnVariances}).
 * @internal
 */
export function correlationOf(cols: readonly ArrayLike<number>[], covariance = false): number[][] {
  const n = cols.length;
  const m = cols[0]?.length ?? 0;
  const centred = cols.map((c) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += c[i] as number;
    const mean = s / m;
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) out[i] = (c[i] as number) - mean;
    return out;
  });
  const cov: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++)
    for (let k = j; k < n; k++) {
      const a = centred[j] as Float64Array;
      const b = centred[k] as Float64Array;
      let s = 0;
      for (let i = 0; i < m; i++) s += (a[i] as number) * (b[i] as number);
      const v = s / (m - 1);
      (cov[j] as number[])[k] = v;
      (cov[k] as number[])[j] = v;
    }
  if (covariance) return cov;
  const sd = cov.map((r, j) => Math.sqrt(r[j] as number));
  return cov.map((r, j) => r.map((v, k) => (j === k ? 1 : v / ((sd[j] as number) * (sd[k] as number)))));
}
