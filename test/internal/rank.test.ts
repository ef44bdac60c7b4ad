import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { rankAscending, rankDescending, rankDescendingUint32 } from "../../src/internal/rank.js";

/** Brute-force reference (an independent O(n^2) method): rank = 1 + number of values strictly better. */
function bruteRanks(x: readonly number[], descending: boolean, ties: "min" | "average"): number[] {
  return x.map((v) => {
    if (Number.isNaN(v)) return Number.NaN;
    let better = 0;
    let equal = 0;
    for (const w of x) {
      if (Number.isNaN(w)) continue;
      if (descending ? w > v : w < v) better++;
      if (w === v) equal++;
    }
    return ties === "min" ? better + 1 : better + (equal + 1) / 2;
  });
}

describe("rankDescending", () => {
  it("rankDescending([10, 30, 30, NaN, 5]) gives [3, 1, 1, NaN, 4] (R: rank(-x, ties = 'min', na.last = 'keep'))", () => {
    expect(Array.from(rankDescending([10, 30, 30, Number.NaN, 5]))).toEqual([3, 1, 1, Number.NaN, 4]);
  });

  it("rankDescending(x, 'average') averages the tied ranks 1 and 2 to 1.5 (R: ties = 'average')", () => {
    expect(Array.from(rankDescending([10, 30, 30, Number.NaN, 5], "average"))).toEqual([
      3,
      1.5,
      1.5,
      Number.NaN,
      4,
    ]);
  });

  it("rankDescending treats -0 and 0 as a tie and ranks negatives below", () => {
    expect(Array.from(rankDescending([-0, 0, -1, 2]))).toEqual([2, 2, 4, 1]);
  });

  it("rankDescending of an empty or all-missing column is empty or all NaN", () => {
    expect(rankDescending([]).length).toBe(0);
    expect(Array.from(rankDescending([Number.NaN, Number.NaN]))).toEqual([Number.NaN, Number.NaN]);
  });

  it("rankDescendingUint32 gives Result-style ranks with 0 for a missing value", () => {
    const r = rankDescendingUint32([10, 30, 30, Number.NaN, 5]);
    expect(r).toBeInstanceOf(Uint32Array);
    expect(Array.from(r)).toEqual([3, 1, 1, 0, 4]);
  });

  it("rankDescending does not mutate a frozen input", () => {
    const x = Object.freeze([3, 1, 2]);
    expect(Array.from(rankDescending(x))).toEqual([1, 3, 2]);
    expect(x).toEqual([3, 1, 2]);
  });
});

describe("rankAscending", () => {
  it("rankAscending([10, 30, 30, NaN, 5]) gives [2, 3, 3, NaN, 1] (R: rank(x, ties = 'min'))", () => {
    expect(Array.from(rankAscending([10, 30, 30, Number.NaN, 5]))).toEqual([2, 3, 3, Number.NaN, 1]);
  });

  it("rankAscending(x, 'average') gives [2, 3.5, 3.5, NaN, 1]", () => {
    expect(Array.from(rankAscending([10, 30, 30, Number.NaN, 5], "average"))).toEqual([
      2,
      3.5,
      3.5,
      Number.NaN,
      1,
    ]);
  });
});

describe("ranks against a brute-force count (both the comparator and the radix path)", () => {
  const value = fc.oneof(
    fc.integer({ min: -20, max: 20 }),
    fc.double({ noDefaultInfinity: true, noNaN: true, min: -1e6, max: 1e6 }),
    fc.constant(Number.NaN),
    fc.constant(-0),
  );
  test.prop([fc.array(value, { maxLength: 60 }), fc.constantFrom("min" as const, "average" as const)], {
    seed: 42,
    numRuns: 200,
  })("small columns: rankDescending and rankAscending equal the brute-force ranks", (x, ties) => {
    expect(Array.from(rankDescending(x, ties))).toEqual(bruteRanks(x, true, ties));
    expect(Array.from(rankAscending(x, ties))).toEqual(bruteRanks(x, false, ties));
  });

  it("a 4300-value column with ties, negatives, -0 and NaN (radix path) equals the brute-force ranks", () => {
    // Deterministic pseudo-random values (LCG), many ties; about 4250 present values, above the radix threshold 4096.
    let s = 12345;
    const x: number[] = [];
    for (let i = 0; i < 4300; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      x.push(i % 97 === 0 ? Number.NaN : i % 101 === 0 ? -0 : ((s % 2001) - 1000) / 8);
    }
    for (const ties of ["min", "average"] as const) {
      expect(Array.from(rankDescending(x, ties))).toEqual(bruteRanks(x, true, ties));
      expect(Array.from(rankAscending(x, ties))).toEqual(bruteRanks(x, false, ties));
    }
  });

  it("values that share their high 32 bits (long runs ordered by the low words) equal the brute-force ranks", () => {
    // 1 + k * 2^-40 differ only below the top 20 mantissa bits: one long run and many short ones, with ties.
    let s = 777;
    const x: number[] = [];
    for (let i = 0; i < 6000; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const k = s % 3000;
      x.push(i % 5 === 0 ? 1 + (k % 20) * 2 ** -40 : 1 + k * 2 ** -40);
    }
    for (const ties of ["min", "average"] as const) {
      expect(Array.from(rankDescending(x, ties))).toEqual(bruteRanks(x, true, ties));
      expect(Array.from(rankAscending(x, ties))).toEqual(bruteRanks(x, false, ties));
    }
  });
});
