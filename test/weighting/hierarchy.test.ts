import { describe, expect, it } from "vitest";
import { equalWeights } from "../../src/weighting/equal-weights.js";
import { hierarchyConsistency } from "../../src/weighting/hierarchy-consistency.js";
import { RI_TABLES, randomIndex } from "../../src/weighting/ri-tables.js";
import { errorOf } from "./helpers.js";

describe("hierarchyConsistency (CR_total of the Chinese AHP texts, 层次总排序一致性; docs/methods.md)", () => {
  it("CR = Σ a_j CI_j / Σ a_j RI_j: 0.6*0.02 + 0.4*0.05 over 0.6*0.58 + 0.4*0.9 = 0.032/0.708 (hand computation)", () => {
    const r = hierarchyConsistency([
      { parentWeight: 0.6, ci: 0.02, ri: 0.58 },
      { parentWeight: 0.4, ci: 0.05, ri: 0.9 },
    ]);
    expect(r.ci).toBeCloseTo(0.032, 15);
    expect(r.ri).toBeCloseTo(0.708, 15);
    expect(r.cr).toBeCloseTo(0.032 / 0.708, 15);
    expect(r.consistent).toBe(true);
    expect(hierarchyConsistency([{ parentWeight: 1, ci: 0.1, ri: 0.58 }]).consistent).toBe(false);
  });
  it("only order-2 matrices (RI 0): CR 0, consistent", () => {
    expect(hierarchyConsistency([{ parentWeight: 1, ci: 0, ri: 0 }])).toEqual({
      cr: 0,
      ci: 0,
      ri: 0,
      consistent: true,
    });
  });
  it.each([
    [[], "invalid_option @ nodes"],
    [[{ parentWeight: -1, ci: 0, ri: 0.58 }], "invalid_option @ nodes[0].parentWeight"],
    [[{ parentWeight: 1, ci: Number.NaN, ri: 0.58 }], "invalid_option @ nodes[0].ci"],
    [[{ parentWeight: 1, ci: 0, ri: -0.5 }], "invalid_option @ nodes[0].ri"],
  ])("errors %j", (nodes, expected) => {
    expect(errorOf(() => hierarchyConsistency(nodes as never))).toBe(expected);
  });
});

describe("RI tables and equalWeights", () => {
  it("RI_TABLES: Saaty's (1980, The Analytic Hierarchy Process) row as published (n = 12 is 1.48) and the Chinese 1000-sample row (n = 3 is 0.52)", () => {
    expect(RI_TABLES.saaty).toHaveLength(15);
    expect(RI_TABLES.cn1000).toHaveLength(15);
    expect(RI_TABLES.saaty[11]).toBe(1.48);
    expect(randomIndex(3, "cn1000")).toBe(0.52);
    expect(randomIndex(15)).toBe(1.59);
    expect(Object.isFrozen(RI_TABLES.saaty)).toBe(true);
  });
  it("randomIndex errors", () => {
    expect(errorOf(() => randomIndex(16))).toBe("ri_unavailable @ ri");
    expect(errorOf(() => randomIndex(0))).toBe("invalid_option @ n");
    expect(errorOf(() => randomIndex(3, "x" as never))).toBe("invalid_option @ ri");
  });
  it("equalWeights(4) = [0.25, 0.25, 0.25, 0.25]; n must be a positive integer", () => {
    expect(equalWeights(4)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(errorOf(() => equalWeights(0))).toBe("invalid_option @ n");
    expect(errorOf(() => equalWeights(1.5))).toBe("invalid_option @ n");
  });
});
