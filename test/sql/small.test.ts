import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDuckDB, scoreSQL, scoreSQLToFile } from "../../src/duckdb.js";
import type { Model } from "../../src/indicators/schema.js";
import { score } from "../../src/score/score.js";
import { expectSameScores, hasDuckDB } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "indicatrix-sql-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Row = Record<string, string | number>;
function writeCsv(name: string, rows: Row[]): string {
  const cols = Object.keys(rows[0] as Row);
  const cell = (v: string | number | undefined) => {
    const s = v === undefined ? "" : String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const path = join(dir, name);
  writeFileSync(
    path,
    `${cols.map(cell).join(",")}\n${rows.map((r) => cols.map((c) => cell(r[c])).join(",")).join("\n")}\n`,
  );
  return path;
}

/** Every direction, the bounded normalizations, formulas and fixed weights: hand-made data with gaps. */
const model: Model = {
  id: "small",
  inputs: [{ id: "cases" }, { id: "pop" }, { id: "area" }],
  tree: {
    id: "idx",
    children: [
      {
        id: "g1",
        children: [
          { id: "a" },
          { id: "b", direction: "cost" },
          { id: "rate", formula: "cases / pop * 1000", direction: "cost" },
          { id: "dens", formula: "log(pop / area) + sqrt(area) - max(area, 2) ^ 0.5 + round(pop / 7)" },
        ],
      },
      {
        id: "g2",
        aggregate: { method: "geometric", zero: "floor", floor: 0.01 },
        children: [
          { id: "t", direction: { target: 50 } },
          { id: "r", direction: { range: [10, 20] } },
          { id: "gp", normalize: { method: "goalposts", goalposts: [0, 100] } },
          {
            id: "gq",
            direction: "cost",
            normalize: { method: "goalposts", goalposts: [0, 100], clip: false, range: [1, 2] },
          },
          { id: "tg", normalize: { method: "target", target: [30, 40] }, goalposts: [0, 100] },
        ],
      },
    ],
  },
  profiles: {
    base: { weights: { idx: { method: "fixed", weights: { g1: 2, g2: 1 } } } },
  },
} as Model;

const rows: Row[] = [
  { unit: "u1", a: 1, b: 5, cases: 3, pop: 1000, area: 4, t: 10, r: 5, gp: 50, gq: 120, tg: 20 },
  { unit: "u2", a: 4, b: 2, cases: 0, pop: 2000, area: 9, t: 50, r: 15, gp: -10, gq: 30, tg: 35 },
  { unit: "u3", a: 2, b: "", cases: 5, pop: 0, area: 1, t: 70, r: 30, gp: 100, gq: 50, tg: 90 },
  { unit: "u'4", a: "", b: 3, cases: 1, pop: 500, area: 0, t: 45, r: 12, gp: 20, gq: 0, tg: 40 },
  {
    unit: 'u"5; DROP TABLE x',
    a: 3,
    b: 3,
    cases: 2,
    pop: 800,
    area: 2,
    t: 52,
    r: 20,
    gp: 75,
    gq: 10,
    tg: 60,
  },
  { unit: "u6", a: 3, b: 1, cases: "", pop: 900, area: 3, t: 49, r: 9, gp: 5, gq: 99, tg: 10 },
];

describe.skipIf(!hasDuckDB)("scoreSQL on a hand-made model equals score()", () => {
  it("scoreSQL(every direction, goalposts with and without clip, target with goalposts, formulas with division by zero and log of 0) equals score()", async () => {
    const path = writeCsv("small.csv", rows);
    const ref = score(model, rows);
    const got = await scoreSQL(model, path);
    // The formula rate is missing where pop = 0 (division by zero) in both.
    expect(Number.isNaN(ref.scores.rate?.[2] as number)).toBe(true);
    expect(expectSameScores(ref, got)).toBe(rows.length * ref.resolved.nodes.size);
  });

  it("scoreSQL reads a file whose path has quotes and unit ids with quotes and SQL text, as data", async () => {
    const path = writeCsv(`it's "odd"; --.csv`, rows);
    const got = await scoreSQL(model, path);
    expect(got.units).toContain('u"5; DROP TABLE x');
    expect(got.units).toContain("u'4");
  });

  it("scoreSQL reads a unit column whose name has a double quote (identifiers are quoted, not pasted)", async () => {
    const renamed = rows.map(({ unit, ...rest }) => ({ 'id "x"': unit as string, ...rest }));
    const path = writeCsv("renamed.csv", renamed);
    const got = await scoreSQL(model, path, { unitColumn: 'id "x"' });
    const ref = score(model, rows);
    expectSameScores(ref, got);
  });

  it("scoreSQL with missing policy error fails naming the indicator, as score() throws missing_value", async () => {
    const strict = { ...model, defaults: { missing: "error" } } as Model;
    const path = writeCsv("strict.csv", rows);
    expect(() => score(strict, rows)).toThrow(/missing policy is "error"/);
    await expect(scoreSQL(strict, path)).rejects.toThrow(/indicatrix: indicator "a": a value is missing/);
  });

  it("scoreSQL with a geometric mean of a zero fails as score() does (zero_value)", async () => {
    const zero = structuredClone(model) as Model;
    (zero.tree.children?.[1] as { aggregate: unknown }).aggregate = "geometric";
    const zeroRows = rows;
    const path = writeCsv("zero.csv", zeroRows);
    expect(() => score(zero, zeroRows)).toThrow(/geometric mean of a zero/);
    await expect(scoreSQL(zero, path)).rejects.toThrow(
      /indicatrix: node "g2", child "t": the geometric mean of a zero/,
    );
  });

  it("scoreSQL on a table of an open connection, and scoreSQLToFile writing CSV and Parquet with the same numbers", async () => {
    const { DuckDBInstance } = await loadDuckDB();
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const path = writeCsv("table.csv", rows);
    await connection.runAndReadAll(
      `CREATE TABLE "my ""units""" AS SELECT * FROM read_csv('${path.replaceAll("'", "''")}')`,
    );
    const ref = score(model, rows);
    expectSameScores(ref, await scoreSQL(model, 'my "units"', { connection }));
    for (const out of [join(dir, "out.csv"), join(dir, "out.parquet")]) {
      const w = await scoreSQLToFile(model, path, out);
      expect(w.rows).toBe(rows.length);
      const back = await connection.runAndReadAll(
        `SELECT "unit", "idx", "idx_rank" FROM ${out.endsWith(".csv") ? "read_csv" : "read_parquet"}('${out}')`,
      );
      const [units, idx, rank] = back.getColumns() as [string[], (number | null)[], (bigint | null)[]];
      units.forEach((u, k) => {
        const i = ref.units.indexOf(u);
        expect(Math.abs((idx[k] as number) - (ref.scores.idx?.[i] as number))).toBeLessThan(1e-9);
        expect(Number(rank[k])).toBe(ref.ranks.idx?.[i]);
      });
    }
    connection.disconnectSync?.();
    instance.closeSync?.();
  });
});
