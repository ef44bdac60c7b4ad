/**
 * A small seeded pseudo-random generator for the Monte Carlo procedures (uncertainty analysis):
 * xoshiro128** (Blackman & Vigna 2018) seeded through splitmix32, with uniform, integer, normal,
 * gamma (Marsaglia & Tsang 2000) and Dirichlet variates. Same seed, same sequence, on every
 * platform (32-bit integer arithmetic only). @internal
 */

import { fail } from "./errors.js";

/** A seeded stream of random numbers. @internal */
export interface Random {
  /** A uniform 32-bit unsigned integer. */
  uint32(): number;
  /** A uniform double in [0, 1) with 32 bits of randomness. */
  uniform(): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** A standard normal variate (Marsaglia's polar method). */
  normal(): number;
  /** A gamma variate with the given shape (scale 1); 0 for shape 0. */
  gamma(shape: number): number;
  /** A Dirichlet variate with the given concentrations (zeros stay zero). */
  dirichlet(alpha: readonly number[]): number[];
}

/** Checks that a seed is an integer and returns it as a 32-bit state word. @internal */
export function checkSeed(seed: unknown, name = "seed"): number {
  if (typeof seed !== "number" || !Number.isSafeInteger(seed))
    fail("invalid_option", name, `the seed must be an integer, got ${JSON.stringify(seed)}`);
  return seed >>> 0;
}

/** splitmix32: spreads one 32-bit seed over the generator's state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A xoshiro128** generator seeded with a 32-bit integer (integers beyond 32 bits are reduced
 * modulo 2^32 after the check that they are integers). @internal
 */
export function createRandom(seed: number): Random {
  const st = { s: checkSeed(seed) };
  let a = splitmix32(st);
  let b = splitmix32(st);
  let c = splitmix32(st);
  let d = splitmix32(st);
  if ((a | b | c | d) === 0) a = 1;
  let spare: number | undefined;
  const uint32 = (): number => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return r;
  };
  const uniform = (): number => uint32() / 4294967296;
  const normal = (): number => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    return u * f;
  };
  const gamma = (shape: number): number => {
    if (shape === 0) return 0;
    if (shape < 1) {
      // Marsaglia & Tsang's boost: G(a) = G(a + 1) U^(1/a).
      const g = gamma(shape + 1);
      let u = uniform();
      while (u === 0) u = uniform();
      return g * u ** (1 / shape);
    }
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return dd * v;
      if (u > 0 && Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
    }
  };
  return {
    uint32,
    uniform,
    int: (n) => Math.floor(uniform() * n),
    normal,
    gamma,
    dirichlet(alpha) {
      const g = alpha.map((x) => gamma(x));
      const total = g.reduce((s, x) => s + x, 0);
      return total > 0 ? g.map((x) => x / total) : alpha.map(() => 1 / alpha.length);
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * mulberry32 (Tommy Ettinger, public domain): a tiny 32-bit seeded generator of uniforms in [0, 1),
 * for reproducible test data, benchmarks and the sample city. The analyses use {@link createRandom}.
 * @internal
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
