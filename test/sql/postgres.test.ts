import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlScores } from "../../src/duckdb.js";
import type { Model } from "../../src/indicators/schema.js";
import { score } from "../../src/score/score.js";
import { toSQL } from "../../src/sql/to-sql.js";
import { ASEM_DATA, asemModel, CITY_CSV, csvRows, expectSameScores, governance } from "./helpers.js";

/** Connection string of a PostgreSQL server (scripts/ci-postgres.sh sets it); the tests skip without it. */
const PG = process.env.INDICATRIX_PG;
const dir = mkdtempSync(join(tmpdir(), "indicatrix-pg-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function psql(sqlText: string): string {
  const file = join(dir, `q${Math.random().toString(36).slice(2)}.sql`);
  writeFileSync(file, sqlText);
  return execFileSync("psql", [PG as string, "-X", "-q", "-v", "ON_ERROR_STOP=1", "--csv", "-f", file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 1 << 28,
  });
}

/** Loads a CSV file into a table: a column is text when a present value is not a number, else double. */
function loadTable(table: string, path: string): void {
  const rows = csvRows(path);
  const cols = Object.keys(rows[0] as object);
  const numeric = (c: string) =>
    rows.every((r) => r[c] === "" || /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(r[c] as string));
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
  psql(
    `DROP TABLE IF EXISTS ${q(table)};\nCREATE TABLE ${q(table)} (${cols.map((c) => `${q(c)} ${numeric(c) ? "DOUBLE PRECISION" : "TEXT"}`).join(", ")});\n` +
      `\\copy ${q(table)} FROM '${resolve(path).replaceAll("'", "''")}' WITH (FORMAT csv, HEADER true, NULL '')\n`,
  );
}

function runPg(
  model: Model,
  table: string,
  opts: { profile?: string; unitColumn?: string; parentColumn?: string },
): SqlScores {
  const query = toSQL(model, { ...opts, source: table, dialect: "postgres" });
  const rows = parse(psql(`${query.sql};\n`), { columns: true }) as Record<string, string>[];
  const scores: Record<string, Float64Array> = {};
  const ranks: Record<string, Uint32Array> = {};
  for (const id of query.nodes) {
    scores[id] = Float64Array.from(rows, (r) => (r[id] === "" ? Number.NaN : Number(r[id])));
    ranks[id] = Uint32Array.from(rows, (r) => (r[`${id}_rank`] === "" ? 0 : Number(r[`${id}_rank`])));
  }
  return {
    profile: query.profile,
    units: rows.map((r) => r.unit as string),
    scores,
    ranks,
    coverage: Float64Array.from(rows, (r) => Number(r.coverage)),
    sql: query.sql,
  };
}

describe.skipIf(!PG)("toSQL(dialect postgres) run in PostgreSQL with psql equals score()", () => {
  beforeAll(() => {
    loadTable("city", CITY_CSV);
    loadTable("asem", ASEM_DATA);
  });
  const city = csvRows(CITY_CSV);
  const asem = csvRows(ASEM_DATA);

  for (const profile of ["normal", "emergency"])
    it(`governance template on the sample city (${profile}), parents excluded, equals score() to 1e-9`, () => {
      const ref = score(governance(), city, { profile });
      const got = runPg(governance(), "city", { profile, parentColumn: "parent" });
      expect(got.units).toHaveLength(331);
      expect(expectSameScores(ref, got)).toBe(331 * ref.resolved.nodes.size);
    });

  const variants: [string, Record<string, unknown>][] = [
    ["COINr's defaults (minmax [0, 100], arithmetic)", {}],
    ["zscore, arithmetic", { normalize: "zscore" }],
    [
      "minmax [1, 100], geometric",
      { normalize: { method: "minmax", range: [1, 100] }, aggregate: "geometric" },
    ],
    [
      "percentile, minimum, median imputation",
      { normalize: "percentile", aggregate: "minimum", missing: "median" },
    ],
    [
      "rank average, harmonic on ranks, min coverage 0.8",
      { normalize: { method: "rank", ties: "average" }, aggregate: "harmonic", minCoverage: 0.8 },
    ],
  ];
  for (const [name, defaults] of variants)
    it(`ASEM with ${name} equals score()`, () => {
      const model = asemModel(defaults);
      const ref = score(model, asem);
      expect(expectSameScores(ref, runPg(model, "asem", { unitColumn: "uCode" }))).toBe(
        51 * ref.resolved.nodes.size,
      );
    });

  it("a missing value under policy error stops the query with the indicatrix message (cast trick)", () => {
    const model = asemModel({ missing: "error" });
    expect(() => runPg(model, "asem", { unitColumn: "uCode" })).toThrow(
      /indicatrix: indicator "[^"]+": a value is missing/,
    );
  });
});
