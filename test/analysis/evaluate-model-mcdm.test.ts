import { describe, expect, it } from "vitest";
import { evaluateModel } from "../../src/analysis/evaluate-model/index.js";
import { copras } from "../../src/evaluate/copras.js";
import { edas } from "../../src/evaluate/edas.js";
import { mabac } from "../../src/evaluate/mabac.js";
import { promethee } from "../../src/evaluate/promethee.js";
import { vikor } from "../../src/evaluate/vikor.js";
import { waspas } from "../../src/evaluate/waspas.js";
import { W_STAR, Z } from "../evaluate/golden.js";
import { goldenModel, goldenRows } from "./models.js";

const close = (got: unknown[], want: readonly number[]) => {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => {
    expect(g as number, `entry ${i}`).toBeCloseTo(want[i] as number, 5);
  });
};

// The model-level methods read Z (the five-communities min-max matrix, test/fixtures/five-communities)
// with the global weights w*; each must equal the matrix function on (Z, w*), tested against the
// peers in test/evaluate/<method>.test.ts.
describe("evaluateModel with the MCDM methods of issue 17 on the five-communities example", () => {
  const run = (opts: Parameters<typeof evaluateModel>[2]) => evaluateModel(goldenModel(), goldenRows(), opts);

  it("vikor: Q, rank, S, R and compromise equal vikor(Z, w*)", () => {
    const ev = run({ method: "vikor" });
    const r = vikor(Z, W_STAR);
    expect(ev.columns).toEqual(["unit", "Q", "rank", "S", "R", "compromise"]);
    close(
      ev.rows.map((row) => row.Q),
      r.Q,
    );
    expect(ev.rows.map((row) => row.rank)).toEqual(r.ranks);
    expect(ev.rows.flatMap((row, i) => (row.compromise === 1 ? [i] : [])).sort()).toEqual(
      [...r.compromise].sort(),
    );
    close(
      run({ method: "vikor", v: 0.2 }).rows.map((row) => row.Q),
      vikor(Z, W_STAR, { v: 0.2 }).Q,
    );
  });

  it("promethee: phi, rank and flows equal promethee(Z, w*), options passed through (linear q 0.05, p 0.5)", () => {
    const ev = run({ method: "promethee", preference: "linear", q: 0.05, p: 0.5 });
    const r = promethee(Z, W_STAR, { preference: "linear", q: 0.05, p: 0.5 });
    expect(ev.columns).toEqual(["unit", "phi", "rank", "phiPlus", "phiMinus"]);
    close(
      ev.rows.map((row) => row.phi),
      r.phi,
    );
    expect(ev.rows.map((row) => row.rank)).toEqual(r.ranks);
  });

  it.each([
    ["edas", edas(Z, W_STAR).scores],
    ["waspas", waspas(Z, W_STAR).scores],
    ["copras", copras(Z, W_STAR).scores],
    ["mabac", mabac(Z, W_STAR).scores],
  ] as const)("%s: score equals the matrix function on (Z, w*)", (method, want) => {
    const ev = run({ method });
    expect(ev.columns.slice(0, 3)).toEqual(["unit", "score", "rank"]);
    close(
      ev.rows.map((row) => row.score),
      want,
    );
  });

  it("waspas passes lambda through and an invalid one is an invalid_option naming the method", () => {
    close(
      run({ method: "waspas", lambda: 1 }).rows.map((row) => row.score),
      waspas(Z, W_STAR, { lambda: 1 }).scores,
    );
    expect(() => run({ method: "waspas", lambda: 3 })).toThrow(/evaluateModel \(waspas\)/);
  });
});
