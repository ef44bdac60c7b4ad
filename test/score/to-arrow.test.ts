import { type Table, tableFromIPC, tableToIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { type Result, score } from "../../src/score/score.js";
import { sampleCity } from "../report/inputs.js";

// The governance template on the seeded sample city under the `assessment` profile: every node scored,
// grades at graded nodes, vetoes (major_accident), and communities without a score (NaN, rank 0).
const { model, data } = sampleCity();
const result = score(model, data, { profile: "assessment" });

/** The table after a round trip through Arrow IPC: what another reader (DuckDB, Polars, pandas) would get. */
async function roundTrip(r: Result): Promise<Table> {
  const table = (await r.toArrow()) as Table;
  return tableFromIPC(tableToIPC(table, "stream"));
}

describe("result.toArrow() on the sample city (assessment profile)", () => {
  it("has the columns of toRows(), in the same order", async () => {
    const table = (await result.toArrow()) as Table;
    expect(table.schema.fields.map((f) => f.name)).toEqual(Object.keys(result.toRows()[0]!));
    expect(table.numRows).toBe(result.units.length);
  });

  it("shares the Float64Array and Uint32Array buffers of the scores and ranks (no copy)", async () => {
    const table = (await result.toArrow()) as Table;
    const root = result.resolved.root;
    const scores = table.getChild(root)!.data[0]!.values as Float64Array;
    expect(scores.buffer).toBe(result.scores[root]!.buffer);
    const ranks = table.getChild(`${root}_rank`)!.data[0]!.values as Uint32Array;
    expect(ranks.buffer).toBe(result.ranks[root]!.buffer);
  });

  it("after an IPC round trip: every score equals the result's, NaN is null, rank 0 is null", async () => {
    const table = await roundTrip(result);
    let nulls = 0;
    for (const id of result.resolved.nodes.keys()) {
      const col = table.getChild(id)!;
      const rank = table.getChild(`${id}_rank`)!;
      const s = result.scores[id]!;
      const r = result.ranks[id]!;
      for (let i = 0; i < s.length; i++) {
        if (Number.isNaN(s[i]!)) {
          expect(col.get(i)).toBeNull();
          expect(rank.get(i)).toBeNull();
          nulls++;
        } else {
          expect(col.get(i)).toBe(s[i]);
          expect(rank.get(i)).toBe(r[i]);
        }
      }
    }
    // The sample city has communities without data (the generator leaves some out): nulls were exercised.
    expect(nulls).toBeGreaterThan(0);
    const units = table.getChild("unit")!;
    expect(Array.from({ length: table.numRows }, (_, i) => units.get(i))).toEqual(result.units);
    const coverage = table.getChild("coverage")!;
    expect(coverage.get(5)).toBe(result.coverage[5]);
  });

  it("grades are dictionary columns over the labels, vetoes text: both equal toRows()", async () => {
    const table = await roundTrip(result);
    const rows = result.toRows();
    const extra = Object.keys(rows[0]!).filter((c) => c.endsWith("_grade") || c.endsWith("_veto"));
    expect(extra.length).toBeGreaterThan(1); // the assessment profile grades and vetoes
    for (const c of extra) {
      const col = table.getChild(c)!;
      expect(rows.map((row, i) => [row[c], col.get(i)]).filter(([a, b]) => a !== b)).toEqual([]);
    }
    const vetoed = rows.filter((row) => Object.entries(row).some(([k, v]) => k.endsWith("_veto") && v));
    expect(vetoed.length).toBeGreaterThan(0);
  });
});
