import { describe, expect, it } from "vitest";
import { findDuplicates } from "../../src/internal/duplicates.js";
import { mulberry32 } from "../../src/internal/random.js";

/**
 * The reference: a plain Map from each string to its first index, walked in array order; every later
 * occurrence is a pair [first index, this index]. Written independently of the hashing and bucketing.
 */
function naive(values: readonly string[], limit = 100): [number, number][] {
  const first = new Map<string, number>();
  const out: [number, number][] = [];
  for (const [i, s] of values.entries()) {
    const j = first.get(s);
    if (j === undefined) first.set(s, i);
    else if (out.length < limit) out.push([j, i]);
  }
  return out;
}

describe("findDuplicates: repeated strings of a large array", () => {
  it("pairs each repeat with the first occurrence, in order of the repeat (worked by hand)", () => {
    // "a" at 0, 2, 3 and "b" at 1, 4: the repeats are 2, 3 (of 0) and 4 (of 1).
    expect(findDuplicates(["a", "b", "a", "a", "b", "c"])).toEqual([
      [0, 2],
      [0, 3],
      [1, 4],
    ]);
    expect(findDuplicates(["x", "y", "z"])).toEqual([]);
    expect(findDuplicates(["only"])).toEqual([]);
    expect(findDuplicates([])).toEqual([]);
  });

  it("agrees with a Map walk on 200,000 ids spread over many hash buckets, repeats anywhere", () => {
    const rnd = mulberry32(19);
    const ids = Array.from({ length: 200_000 }, (_, i) => `u${i}`);
    // 300 repeats of earlier ids at random places, some ids repeated several times.
    for (let k = 0; k < 300; k++) {
      const at = 1 + Math.floor(rnd() * (ids.length - 1));
      ids[at] = ids[Math.floor(rnd() * at)]!;
    }
    const expected = naive(ids, 1000);
    expect(expected.length).toBeGreaterThan(250);
    expect(findDuplicates(ids, 1000)).toEqual(expected);
    // The limit keeps the first repeats of the array, not the first of some bucket.
    expect(findDuplicates(ids)).toEqual(expected.slice(0, 100));
    expect(findDuplicates(ids, 1)).toEqual(expected.slice(0, 1));
  });

  it("stops at the limit when every id is the same (no pair per unit is kept)", () => {
    const same = new Array<string>(50_000).fill("u");
    expect(findDuplicates(same, 3)).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
  });

  it("finds no pair among distinct ids: empty, non-ASCII, long, numeric", () => {
    const ids = [
      "",
      "社区1",
      "社区2",
      "a".repeat(1000),
      "a".repeat(999),
      ...Array.from({ length: 20_000 }, (_, i) => `${i}`),
    ];
    expect(findDuplicates(ids)).toEqual([]);
  });
});
