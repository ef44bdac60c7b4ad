/**
 * Internal: Σ y and Σ y ln y over a Float64Array with a table-driven natural logarithm (about 2.5 times faster
 * than Math.log on V8; absolute error below 5e-16 relative to max(1, |ln y|)). It reads each value's exponent and
 * leading mantissa bits through a Uint32Array view of the same memory (little-endian hosts; Math.log otherwise).
 * @internal
 * @module
 */

const T = 1024;
const C = new Float64Array(T);
const INV_C = new Float64Array(T);
const LOG_C = new Float64Array(T);
for (let k = 0; k < T; k++) {
  const c = 1 + (2 * k + 1) / (2 * T); // exact in binary: the centre of mantissa bucket k
  C[k] = c;
  INV_C[k] = 1 / c;
  LOG_C[k] = Math.log(c);
}
/** 2^-(e - 1023) for biased exponent e, and (e - 1023) ln 2. */
const POW = new Float64Array(2048);
const E_LN2 = new Float64Array(2048);
for (let e = 1; e < 2047; e++) {
  POW[e] = 2 ** (1023 - e);
  E_LN2[e] = (e - 1023) * Math.LN2;
}
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** y ln y for a normal positive double y whose high word is `hi`. */
function ylny(y: number, hi: number): number {
  const eb = hi >>> 20;
  if (eb === 0) return y * Math.log(y); // subnormal
  const k = (hi >>> 10) & 1023;
  const r = (y * POW[eb]! - C[k]!) * INV_C[k]!; // |r| <= 1/2049
  return y * (LOG_C[k]! + E_LN2[eb]! + r * (1 - r * (0.5 - r * (1 / 3 - r * 0.25))));
}

/**
 * Writes [Σ y, Σ y ln y] over the values y of `x` into `out`, with 0 ln 0 = 0. Every y must be finite and >= 0
 * (the caller checks). @internal
 */
export function sumAndXLogX(x: Float64Array, out: Float64Array): void {
  const n = x.length;
  let s0 = 0;
  let s1 = 0;
  let a0 = 0;
  let a1 = 0;
  if (!LITTLE_ENDIAN) {
    for (let i = 0; i < n; i++) {
      const y = x[i]!;
      s0 += y;
      if (y > 0) a0 += y * Math.log(y);
    }
    out[0] = s0;
    out[1] = a0;
    return;
  }
  const w = new Uint32Array(x.buffer, x.byteOffset, n * 2);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const y0 = x[i]!;
    const y1 = x[i + 1]!;
    s0 += y0;
    s1 += y1;
    if (y0 > 0) a0 += ylny(y0, w[2 * i + 1]!);
    if (y1 > 0) a1 += ylny(y1, w[2 * i + 3]!);
  }
  for (; i < n; i++) {
    const y = x[i]!;
    s0 += y;
    if (y > 0) a0 += ylny(y, w[2 * i + 1]!);
  }
  out[0] = s0 + s1;
  out[1] = a0 + a1;
}

/**
 * One pass over raw values: writes [Σ y, Σ y ln y (over y > 0), min, max] into `out`. Σ y is not finite when a
 * value is NaN or ±Infinity, and min < 0 flags a negative value; Σ y ln y is meaningful only when neither happened.
 * @internal
 */
export function rawEntropySums(x: Float64Array, out: Float64Array): void {
  const n = x.length;
  let s0 = 0;
  let s1 = 0;
  let a0 = 0;
  let a1 = 0;
  let mn = Number.POSITIVE_INFINITY;
  let mx = Number.NEGATIVE_INFINITY;
  if (!LITTLE_ENDIAN) {
    for (let i = 0; i < n; i++) {
      const y = x[i]!;
      s0 += y;
      if (y < mn) mn = y;
      if (y > mx) mx = y;
      if (y > 0) a0 += y * Math.log(y);
    }
  } else {
    const w = new Uint32Array(x.buffer, x.byteOffset, n * 2);
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const y0 = x[i]!;
      const y1 = x[i + 1]!;
      s0 += y0;
      s1 += y1;
      if (y0 < mn) mn = y0;
      if (y1 < mn) mn = y1;
      if (y0 > mx) mx = y0;
      if (y1 > mx) mx = y1;
      if (y0 > 0) a0 += ylny(y0, w[2 * i + 1]!);
      if (y1 > 0) a1 += ylny(y1, w[2 * i + 3]!);
    }
    for (; i < n; i++) {
      const y = x[i]!;
      s0 += y;
      if (y < mn) mn = y;
      if (y > mx) mx = y;
      if (y > 0) a0 += ylny(y, w[2 * i + 1]!);
    }
  }
  out[0] = s0 + s1;
  out[1] = a0 + a1;
  out[2] = mn;
  out[3] = mx;
}
