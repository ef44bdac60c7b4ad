import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlScores } from "../../src/duckdb.js";
import type { Model } from "../../src/indicators/schema.js";
import { score } from "../../src/score/score.js";
import { toSQL } from "../../src/sql/to-sql.js";
import {
  ASEM_DATA,
  asemModel,
  CITY_CSV,
  csvRows,
  everyMethodModel,
  everyMethodRows,
  expectSameScores,
  governance,
  governanceToEdit,
  loadTable,
  PG,
  pgRows,
} from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "indicatrix-pg-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runPg(
  model: Model,
  table: string,
  opts: { profile?: string; unitColumn?: string; parentColumn?: string },
): SqlScores {
  const query = toSQL(model, { ...opts, source: table, dialect: "postgres" });
  const rows = pgRows(query.sql);
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

  it("data-driven weights computed in the query (entropy with shift, CRITIC 1 - r and 1 - |r|, stddev, CV, combine linear and multiplicative, multipliers) equal score() to 1e-9", () => {
    const cases: [string, Record<string, unknown>][] = [
      [
        "normal",
        {
          subjects: { method: "entropy", shift: 0.01 },
          process: { method: "critic" },
          party_building: { method: "critic", correlation: "1-|r|" },
          path: { method: "stddev" },
          technology: { method: "cv" },
          governance: {
            method: "combine",
            rule: "linear",
            alpha: 0.4,
            of: [{ method: "equal" }, { method: "entropy" }],
          },
          performance: {
            method: "combine",
            rule: "multiplicative",
            of: [{ method: "critic" }, { method: "stddev" }],
          },
        },
      ],
      ["public_health", { process: { method: "entropy" }, emergency_response: { method: "critic" } }],
    ];
    for (const [profile, weights] of cases) {
      const model = governanceToEdit() as Model & {
        profiles: Record<string, { weights?: Record<string, unknown> }>;
      };
      const p = model.profiles[profile] as { weights?: Record<string, unknown> };
      p.weights = { ...(p.weights ?? {}), ...weights };
      const ref = score(model, city, { profile });
      const got = runPg(model, "city", { profile, parentColumn: "parent" });
      expect(got.sql).toMatch(/wt\d+_s AS MATERIALIZED \(SELECT/);
      expect(expectSameScores(ref, got)).toBe(331 * ref.resolved.nodes.size);
    }
  });

  it("entropy on z-scores (negative values) stops the query with the indicatrix message, as score() throws", () => {
    const X = [
      [12, 82],
      [18, 76],
      [9, 90],
    ];
    const file = join(dir, "neg.csv");
    writeFileSync(file, `unit,a,b\n${X.map((r, i) => `u${i},${r.join(",")}`).join("\n")}\n`);
    loadTable("neg", file);
    const model = {
      id: "m",
      defaults: { normalize: "zscore" },
      tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
      profiles: { p: { weights: { root: { method: "entropy" } } } },
    } as Model;
    expect(() => score(model, csvRows(file))).toThrow(/negative/);
    expect(() => runPg(model, "neg", {})).toThrow(
      /indicatrix: node "root", child "[ab]": entropy weights need values >= 0/,
    );
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

  it("every method SQL supports (test/sql/helpers.ts everyMethodModel), each missing policy, some values missing, equals score() to 1e-9", () => {
    const rows = everyMethodRows(24, true);
    const cols = Object.keys(rows[0] as object);
    const file = join(dir, "every.csv");
    writeFileSync(
      file,
      `${cols.join(",")}\n${rows.map((r) => cols.map((c) => r[c]).join(",")).join("\n")}\n`,
    );
    loadTable("every", file);
    for (const profile of ["skip", "mean", "median", "zero"]) {
      const ref = score(everyMethodModel(), rows, { profile });
      expect(expectSameScores(ref, runPg(everyMethodModel(), "every", { profile }))).toBe(
        24 * ref.resolved.nodes.size,
      );
    }
  });

  it("a missing value under policy error stops the query with the indicatrix message (cast trick)", () => {
    const model = asemModel({ missing: "error" });
    expect(() => runPg(model, "asem", { unitColumn: "uCode" })).toThrow(
      /indicatrix: indicator "[^"]+": a value is missing/,
    );
  });
});
