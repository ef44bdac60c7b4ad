import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import type { SqlScores } from "../../src/duckdb.js";
import { loadDuckDB } from "../../src/duckdb.js";
import { modelFromTable } from "../../src/indicators/from-table.js";
import type { Model } from "../../src/indicators/schema.js";
import type { Result } from "../../src/score/score.js";

export const CITY_CSV = "examples/governance/sample-city.csv";
export const ASEM_DATA = "test/fixtures/asem/ASEM_iData.csv";
export const ASEM_META = "test/fixtures/asem/ASEM_iMeta.csv";

export const csvRows = (path: string) =>
  parse(readFileSync(path), { columns: true }) as Record<string, string>[];

export const governance = (): Model =>
  JSON.parse(readFileSync("templates/grassroots-governance.json", "utf8")) as Model;

/** ASEM as in test/score/asem.test.ts (COINr's example), with other defaults when given. */
export function asemModel(defaults: Record<string, unknown> = {}): Model {
  return modelFromTable(csvRows(ASEM_META), {
    id: "asem",
    defaults: {
      normalize: { method: "minmax", range: [0, 100] },
      aggregate: "arithmetic",
      missing: "skip",
      ...defaults,
    } as never,
  });
}

/** True when @duckdb/node-api can be imported (the DuckDB tests skip otherwise). */
export const hasDuckDB = await loadDuckDB().then(
  () => true,
  () => false,
);

/**
 * Asserts that SQL scores equal score()'s: the same units, every node's score within `tol` (NaN
 * where score() has NaN) and identical ranks (0 = no score). Returns the number of values compared.
 */
export function expectSameScores(ref: Result, got: SqlScores, tol = 1e-9): number {
  expect([...got.units].sort()).toEqual([...ref.units].sort());
  const at = new Map(got.units.map((u, i) => [u, i]));
  let compared = 0;
  for (const id of Object.keys(ref.scores)) {
    const a = ref.scores[id] as Float64Array;
    const b = got.scores[id] as Float64Array;
    const ra = ref.ranks[id] as Uint32Array;
    const rb = got.ranks[id] as Uint32Array;
    expect(b, `node ${id}`).toBeDefined();
    ref.units.forEach((u, i) => {
      const j = at.get(u) as number;
      const x = a[i] as number;
      const y = b[j] as number;
      if (Number.isNaN(x)) expect(y, `${u} ${id}`).toBeNaN();
      else
        expect(Math.abs(x - y), `${u} ${id}: score() ${x}, SQL ${y}`).toBeLessThanOrEqual(
          tol * Math.max(1, Math.abs(x)),
        );
      expect(rb[j], `${u} ${id}_rank`).toBe(ra[i]);
      compared++;
    });
  }
  ref.units.forEach((u, i) => {
    expect(
      Math.abs((got.coverage[at.get(u) as number] as number) - (ref.coverage[i] as number)),
    ).toBeLessThan(1e-15);
  });
  return compared;
}
