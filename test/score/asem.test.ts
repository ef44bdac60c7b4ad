import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { modelFromTable } from "../../src/indicators/from-table.js";
import { score } from "../../src/score/score.js";

/** COINr's real run on its ASEM example (test/fixtures/asem/README.md): the reference. */
const ASEM = "test/fixtures/asem";
const csv = (path: string) =>
  parse(readFileSync(`${ASEM}/${path}`), { columns: true }) as Record<string, string>[];

const meta = csv("ASEM_iMeta.csv");
const model = modelFromTable(meta, {
  id: "asem",
  defaults: { normalize: { method: "minmax", range: [0, 100] }, aggregate: "arithmetic", missing: "skip" },
});
const data = csv("ASEM_iData.csv");
const result = score(model, data);

function expectColumnsClose(reference: Record<string, string>[], skip: string[] = []): number {
  let checked = 0;
  for (const row of reference) {
    const i = result.units.indexOf(row.uCode as string);
    expect(i, `unit ${row.uCode}`).toBeGreaterThanOrEqual(0);
    for (const [col, text] of Object.entries(row)) {
      if (col === "uCode" || skip.includes(col) || col.endsWith("_rank")) continue;
      const got = result.scores[col]?.[i];
      if (text === "" || text === "NA") expect(got, `${row.uCode} ${col}`).toBeNaN();
      else expect(Math.abs((got as number) - Number(text)), `${row.uCode} ${col}`).toBeLessThan(1e-9);
      checked++;
    }
  }
  return checked;
}

describe("score() on COINr's ASEM example (51 countries, 49 indicators, 4 levels)", () => {
  it("reproduces COINr's normalised.csv (min-max to [0, 100] by direction) to 1e-9", () => {
    expect(expectColumnsClose(csv("normalised.csv"))).toBe(51 * 49);
  });

  it("reproduces COINr's aggregated.csv (weighted arithmetic mean, missing values skipped) to 1e-9", () => {
    expect(expectColumnsClose(csv("aggregated.csv"))).toBe(51 * 60);
  });

  it("reproduces COINr's ranks at every aggregate level (1 = best, ties min)", () => {
    const ref = csv("scores_and_ranks.csv");
    let checked = 0;
    for (const row of ref) {
      const i = result.units.indexOf(row.uCode as string);
      for (const [col, text] of Object.entries(row))
        if (col.endsWith("_rank")) {
          expect(result.ranks[col.replace(/_rank$/, "")]?.[i], `${row.uCode} ${col}`).toBe(Number(text));
          checked++;
        }
    }
    expect(checked).toBe(51 * 11);
  });

  it("reproduces COINr's effective weights of the indicators", () => {
    for (const row of csv("effective_weights.csv"))
      expect(result.weights.global[row.iCode as string]).toBeCloseTo(Number(row.EffWeight), 12);
  });
});
