// The @example blocks of vikor, promethee, edas, waspas, copras and mabac (src/evaluate), run as tests so
// that the documented results stay true. Their data are DOMAIN C9's example and pymcdm 1.4.0's PROMETHEE
// II docstring example (test/fixtures/mcdm).
import { describe, expect, it } from "vitest";
import { copras, edas, mabac, promethee, vikor, waspas } from "../../src/evaluate/index.js";

const x = [
  [250, 16, 12, 5],
  [200, 16, 8, 3],
  [300, 32, 16, 4],
  [275, 32, 8, 4],
  [225, 16, 16, 2],
];
const w = [0.35, 0.2, 0.3, 0.15];
const directions = ["cost", "benefit", "benefit", "benefit"] as const;

describe("documented examples of the MCDM methods", () => {
  it("vikor(DOMAIN C9) ranks [2, 4, 3, 5, 1] with the compromise set [4, 0]", () => {
    const r = vikor(x, w, { directions: [...directions] });
    expect(r.ranks).toEqual([2, 4, 3, 5, 1]);
    expect(r.compromise).toEqual([4, 0]);
  });

  it("promethee(pymcdm's 3 x 3 example) gives phi [0.1, -0.3, 0.2] to 2 decimals and ranks [2, 3, 1]", () => {
    const r = promethee(
      [
        [4, 3, 2],
        [3, 2, 4],
        [5, 1, 3],
      ],
      [0.5, 0.3, 0.2],
    );
    expect(r.phi.map((f) => Math.round(f * 100) / 100)).toEqual([0.1, -0.3, 0.2]);
    expect(r.ranks).toEqual([2, 3, 1]);
  });

  it("edas, waspas and copras(DOMAIN C9) rank [3, 5, 1, 4, 2]; mabac ranks [3, 4, 1, 5, 2]", () => {
    const opts = { directions: [...directions] };
    expect(edas(x, w, opts).ranks).toEqual([3, 5, 1, 4, 2]);
    expect(waspas(x, w, opts).ranks).toEqual([3, 5, 1, 4, 2]);
    expect(copras(x, w, opts).ranks).toEqual([3, 5, 1, 4, 2]);
    expect(mabac(x, w, opts).ranks).toEqual([3, 4, 1, 5, 2]);
  });
});
