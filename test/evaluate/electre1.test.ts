import { describe, expect, it } from "vitest";
import { electre1 } from "../../src/evaluate/electre1.js";
import { CASES, close, columnsOf, errorOf, permuteRows } from "./mcdm-b.js";

describe("electre1", () => {
  it.each(CASES)(
    "$name: concordance, discordance, outranking (pyDecision electre_i, peers.py) and kernel equal compute.py's numpy ELECTRE I",
    (c) => {
      const r = electre1(c.matrix, c.weights, { directions: c.directions });
      const e = c.expected.electre1;
      r.concordance.forEach((row, a) => {
        close(row, e.concordance[a]!);
      });
      r.discordance.forEach((row, a) => {
        close(row, e.discordance[a]!);
      });
      expect(r.outranks.map((row) => row.map(Number))).toEqual(e.outranks);
      expect(r.kernel).toEqual(e.kernel);
      expect(r.cycles).toBe(e.cycles);
      expect(r.scores).toEqual(e.net);
      expect(r.ranks).toEqual(e.ranks);
    },
  );

  it.each(CASES)("$name: c-hat 0.6, d-hat 0.4, scale criterion equal compute.py", (c) => {
    const r = electre1(c.matrix, c.weights, {
      directions: c.directions,
      concordance: 0.6,
      discordance: 0.4,
      scale: "criterion",
    });
    const e = c.expected.electre1Criterion;
    r.discordance.forEach((row, a) => {
      close(row, e.discordance[a]!);
    });
    expect(r.outranks.map((row) => row.map(Number))).toEqual(e.outranks);
    expect(r.kernel).toEqual(e.kernel);
  });

  it("a cycle a > b > c > a is merged: the kernel is the cycle plus the units nothing outranks (hand case)", () => {
    // rows 0-2 beat each other in a cycle on three equally weighted columns (each wins 2 of 3);
    // row 3 is worst everywhere and outranked by all
    const x = [
      [3, 2, 1],
      [1, 3, 2],
      [2, 1, 3],
      [0, 0, 0],
    ];
    const r = electre1(x, [1, 1, 1], { concordance: 0.6, discordance: 1 });
    expect(r.cycles).toBe(true);
    expect(r.kernel).toEqual([0, 1, 2]);
    expect(r.warnings.map((w) => w.code)).toEqual(["outranking_cycle"]);
  });

  it("a dominating unit is in the kernel and outranks every other unit; permuting units permutes the kernel", () => {
    const c = CASES[4]!;
    const best = c.directions.map((d, j) => {
      const col = c.matrix.map((row) => row[j]!);
      return d === "cost" ? Math.min(...col) / 2 : Math.max(...col) * 1.5;
    });
    const x = [...c.matrix, best];
    const m = x.length;
    const r = electre1(x, c.weights, { directions: c.directions });
    expect(r.outranks[m - 1]!.filter(Boolean)).toHaveLength(m - 1);
    expect(r.kernel).toEqual([m - 1]);
    expect(r.ranks[m - 1]).toBe(1);
    const perm = [9, 3, 0, 5, 1, 6, 2, 8, 4, 7];
    const p = electre1(permuteRows(x, perm), c.weights, { directions: c.directions });
    expect(p.kernel).toEqual([0]);
    expect(p.scores).toEqual(permuteRows(r.scores, perm));
  });

  it("electre1 on { columns } equals electre1 on rows", () => {
    const c = CASES[1]!;
    expect(electre1(columnsOf(c.matrix), c.weights, { directions: c.directions })).toEqual(
      electre1(c.matrix, c.weights, { directions: c.directions }),
    );
  });

  it("refuses more than LIMITS.maxOutrankingUnits units (too_many_units) and thresholds outside [0, 1]", () => {
    expect(errorOf(() => electre1({ columns: [new Float64Array(2001)] }, [1]))).toBe(
      "too_many_units @ matrix",
    );
    expect(errorOf(() => electre1([[1], [2]], [1], { concordance: 1.5 }))).toBe(
      "invalid_option @ opts.concordance",
    );
    expect(errorOf(() => electre1([[1], [2]], [1], { scale: "x" as "global" }))).toBe(
      "invalid_option @ opts.scale",
    );
  });
});
