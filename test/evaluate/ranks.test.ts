import { describe, expect, it } from "vitest";
import { averageRanksAscending, ranksDescending } from "../../src/evaluate/shared.js";

/** Independent reference: comparator sort of indices, then min ranks by walking tie groups. */
function referenceRanks(x: Float64Array): number[] {
  const order = Array.from({ length: x.length }, (_, i) => i).sort(
    (a, b) => (x[b] as number) - (x[a] as number),
  );
  const ranks = new Array<number>(x.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const prev = order[k - 1];
    ranks[i] = k > 0 && prev !== undefined && x[prev] === x[i] ? (ranks[prev] as number) : k + 1;
  }
  return ranks;
}

describe("ranksDescending (1 = highest, ties min)", () => {
  it("small input: [0.3, 0.9, 0.3, -1] -> [2, 1, 2, 4]", () => {
    expect(ranksDescending(Float64Array.of(0.3, 0.9, 0.3, -1))).toEqual([2, 1, 2, 4]);
  });

  it("radix path (200,000 scores with ties, negatives, -0/+0, tiny and huge values) matches a comparator sort", () => {
    let s = 12345;
    const rand = () => {
      s = (s * 16807) % 2147483647;
      return s / 2147483647;
    };
    const x = new Float64Array(200_000);
    for (let i = 0; i < x.length; i++) {
      const r = rand();
      x[i] =
        r < 0.1
          ? Math.round(rand() * 50) / 10
          : r < 0.2
            ? -rand() * 1e6
            : r < 0.25
              ? rand() * 1e-300
              : rand();
    }
    // a long run that shares the high 32 bits and differs only in the low bits: 1 + k * 2^-52
    for (let k = 0; k < 100; k++) x[1000 + k] = 1 + ((k * 37) % 100) * 2 ** -52;
    x[0] = -0;
    x[1] = 0;
    x[2] = Number.MAX_VALUE;
    x[3] = -Number.MAX_VALUE;
    const ranks = ranksDescending(x);
    expect(ranks).toEqual(referenceRanks(x));
    expect(ranks[0]).toBe(ranks[1]); // -0 ties with +0
    expect(ranks[2]).toBe(1);
    expect(ranks[3]).toBe(x.length);
  });
});

describe("averageRanksAscending (ties averaged, as RSR's integer ranks)", () => {
  it("[10, 20, 20, 5] -> [2, 3.5, 3.5, 1]", () => {
    expect(Array.from(averageRanksAscending([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
  });
});
