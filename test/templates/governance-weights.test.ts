import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { grassrootsGovernance } from "../../src/indicators/templates/index.js";
import { listIndicators } from "../../src/indicators/tree.js";
import { resolveWeights } from "../../src/score/resolve-weights.js";
import { OVERLAYS, TABLE } from "./domain-table.js";

// Global weights of the template against those test/fixtures/governance/compute.py derives from the
// design (numpy: level-1 eigenvector x level-2 local x equal share among the active leaves of a
// criterion), to the 4 decimals the design table prints.
const model = parseModel(grassrootsGovernance);
const leaves = listIndicators(model);
const idOf = new Map(leaves.map((l) => [l.code, l.id]));
const HALF_UNIT = 0.00005 + 1e-12; // half a unit of the 4th decimal

describe("resolveWeights(grassrootsGovernance)", () => {
  for (const [profile, column] of [
    ["normal", 6],
    ["emergency", 7],
  ] as const) {
    it(`resolveWeights(model, { profile: "${profile}" }).global matches the design's weights (compute.py) for all 60 indicators to 4 decimals`, () => {
      const { global } = resolveWeights(model, { profile });
      for (const row of TABLE) {
        const id = idOf.get(row[0]) as string;
        const expected = row[column];
        const got = global[id] ?? 0;
        expect(Math.abs(got - expected), `${row[0]} (${id})`).toBeLessThanOrEqual(HALF_UNIT);
      }
    });

    it(`resolveWeights(model, { profile: "${profile}" }).global sums to 1 over the indicators`, () => {
      const { global } = resolveWeights(model, { profile });
      const sum = leaves.reduce((s, l) => s + (global[l.id] ?? 0), 0);
      expect(sum).toBeCloseTo(1, 12);
    });
  }

  it('resolveWeights(model, { profile: "normal" }) gives the 14 emergency-only indicators weight 0 or none', () => {
    const { global } = resolveWeights(model, { profile: "normal" });
    for (const row of TABLE.filter((r) => r[4] === "E"))
      expect(global[idOf.get(row[0]) as string] ?? 0).toBe(0);
  });

  it("resolveWeights(model, { profile: scenario }) doubles the emphasized leaves' local weight and re-normalizes siblings (the design's overlays)", () => {
    const emergency = resolveWeights(model, { profile: "emergency" });
    for (const [profile, codes] of Object.entries(OVERLAYS)) {
      const { local, global } = resolveWeights(model, { profile });
      for (const code of codes) {
        const id = idOf.get(code) as string;
        // Hand computation: the active leaves of a criterion share 1 equally (weight w each); doubling e of
        // them and re-normalizing gives each doubled leaf 2w / (1 + e w).
        const parent = leaves.filter((l) => l.code?.startsWith(`${code.split(".")[0]}.`));
        const emphasized = parent.filter((l) => codes.includes(l.code as string)).length;
        const w = emergency.local[id] as number;
        const share = parent.reduce((s, l) => s + (emergency.local[l.id] ?? 0), 0);
        expect(local[id]).toBeCloseTo((2 * w) / (share + emphasized * w), 10);
        expect(global[id]).toBeGreaterThan(emergency.global[id] as number);
      }
      expect(leaves.reduce((s, l) => s + (global[l.id] ?? 0), 0)).toBeCloseTo(1, 12);
    }
  });
});
