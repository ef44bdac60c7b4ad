import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
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

/**
 * The template for tests that give `normal` or `emergency` data-driven weights: without its blended
 * profile (`transition` blends normal and emergency, and a blend needs weights that do not depend on
 * the data) and without the `states` that map to it.
 */
export function governanceToEdit(): Model {
  const m = governance() as Model & { profiles: Record<string, { blend?: unknown }>; states?: unknown };
  for (const [name, p] of Object.entries(m.profiles)) if (p.blend !== undefined) delete m.profiles[name];
  delete m.states;
  return m;
}

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

/** Connection string of a PostgreSQL server (scripts/ci-postgres.sh sets it); the PostgreSQL tests skip without it. */
export const PG = process.env.INDICATRIX_PG;

/**
 * Runs SQL text (statements and psql meta-commands such as `\copy`) with psql in the server at PG,
 * stopping at the first error, and returns what it printed as CSV. An error throws with psql's message.
 */
export function psql(sqlText: string): string {
  return execFileSync("psql", [PG as string, "-X", "-q", "-v", "ON_ERROR_STOP=1", "--csv", "-f", "-"], {
    input: sqlText,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
    maxBuffer: 1 << 28,
  });
}

/** Runs one query in PostgreSQL and returns its rows, each cell as psql prints it ("" for NULL). */
export const pgRows = (query: string) =>
  parse(psql(`${query};\n`), { columns: true }) as Record<string, string>[];

/** Loads a CSV file into a PostgreSQL table: a column is text when a present value is not a number, else double. */
export function loadTable(table: string, path: string): void {
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

/**
 * A model using every normalization, aggregation and data-driven weight method that toSQL compiles,
 * on positive data (see {@link everyMethodRows}): one group per aggregation, each with its own
 * weights, and a group of one indicator per normalization (cost variants included), a formula with
 * every function of the formula language. Profiles: `skip` (the defaults), `mean`, `median`, `zero`.
 */
export function everyMethodModel(): Model {
  const ind = (id: string, extra: Record<string, unknown> = {}) => ({ id, ...extra });
  const three = (g: string) => [ind(`${g}1`), ind(`${g}2`, { direction: "cost" }), ind(`${g}3`)];
  const norms: [string, unknown, string?][] = [
    ["n_minmax", { method: "minmax", range: [1, 100] }],
    ["n_reflect", { method: "minmax", range: [1, 100] }, "cost"],
    ["n_recip", { method: "minmax", range: [1, 100], cost: "reciprocal" }, "cost"],
    ["n_negate", { method: "minmax", range: [1, 100], cost: "negate" }, "cost"],
    ["n_goal", { method: "goalposts", goalposts: [2.5, 15.5], range: [1, 100] }],
    ["n_goalclip", { method: "goalposts", goalposts: [4, 12], range: [1, 100], clip: true }],
    ["n_zscore", { method: "zscore", ddof: 0 }],
    ["n_target", { method: "target", target: [6, 9], range: [1, 2] }],
    ["n_rank", { method: "rank", ties: "average" }],
    ["n_percentile", "percentile"],
    ["n_borda", "borda"],
    ["n_dtm", "distance-to-max"],
    ["n_fom", "fraction-of-max"],
    ["n_fomc", "fraction-of-max", "cost"],
    ["n_vector", "vector"],
    ["n_vectorc", "vector", "cost"],
    ["n_sum", "sum"],
    ["n_sumc", "sum", "cost"],
    ["n_none", "none"],
  ];
  return {
    id: "every-method",
    inputs: [{ id: "p" }, { id: "q" }],
    tree: {
      id: "root",
      aggregate: "arithmetic",
      children: [
        {
          id: "g_norm",
          aggregate: "arithmetic",
          children: norms.map(([id, normalize, direction]) =>
            ind(id, { normalize, ...(direction ? { direction } : {}) }),
          ),
        },
        { id: "g_geo", aggregate: { method: "geometric", zero: "floor", floor: 0.5 }, children: three("ge") },
        { id: "g_geo0", aggregate: "geometric", children: three("gz") },
        { id: "g_har", aggregate: "harmonic", children: three("ha") },
        { id: "g_min", aggregate: "minimum", children: three("mi") },
        { id: "g_pow", aggregate: { method: "power", p: 2 }, children: three("po") },
        { id: "g_pneg", aggregate: { method: "power", p: -0.5 }, children: three("pn") },
        { id: "g_mp", aggregate: { method: "mazziotta-pareto", penalty: "negative" }, children: three("mp") },
        {
          id: "g_formula",
          aggregate: "arithmetic",
          children: [
            ind("f_all", {
              formula:
                "abs(p - q) + sqrt(p) + exp(q / 10) + log(p) + log(p, 2) + log10(q) + log2(p) + min(p, q) + max(p, q) + round(p / 3) + floor(q / 2) + ceil(p / 4) + p ^ 2 - q * 2",
            }),
            ind("f_ratio", { formula: "p / q" }),
          ],
        },
      ],
    },
    defaults: { normalize: { method: "minmax", range: [1, 100] }, aggregate: "arithmetic", missing: "skip" },
    profiles: {
      skip: {
        weights: {
          root: {
            method: "combine",
            rule: "linear",
            of: [{ method: "equal" }, { method: "entropy", shift: 50 }],
          },
          g_norm: { method: "critic", correlation: "1-|r|" },
          g_geo: { method: "critic" },
          g_geo0: { method: "fixed", weights: { gz1: 0.5, gz2: 0.25, gz3: 0.25 } },
          g_har: { method: "stddev" },
          g_min: { method: "cv" },
          g_pow: {
            method: "combine",
            rule: "multiplicative",
            of: [{ method: "critic" }, { method: "stddev" }],
          },
          g_pneg: { method: "entropy" },
          g_mp: {
            method: "combine",
            rule: "min-discrimination",
            of: [{ method: "entropy" }, { method: "cv", ddof: 0 }],
          },
        },
        multipliers: { g_min: 0.5, mp3: 2 },
      },
      mean: { extends: "skip", defaults: { missing: "mean", minCoverage: 0.5 } },
      median: { extends: "skip", defaults: { missing: "median" } },
      zero: { extends: "skip", defaults: { missing: "zero" } },
    },
  } as unknown as Model;
}

/**
 * Rows for {@link everyMethodModel}: `n` units (u0...), every source column positive and varying
 * (deterministic: 1 + ((7 i + 3 j) mod 13) + j / 10), with values of ge2, mi1, po3 and mp1 missing
 * in some rows when `missing`.
 */
export function everyMethodRows(n = 24, missing = false): Record<string, string | number>[] {
  const cols = new Set<string>();
  const walk = (node: { id: string; children?: unknown[]; formula?: string }) => {
    if (node.children) for (const c of node.children) walk(c as never);
    else if (node.formula === undefined) cols.add(node.id);
  };
  walk(everyMethodModel().tree as never);
  cols.add("p");
  cols.add("q");
  return Array.from({ length: n }, (_, i) => {
    const row: Record<string, string | number> = { unit: `u${i}` };
    [...cols].forEach((c, j) => {
      const gap = (i % 5 === 2 && ["ge2", "mi1", "po3"].includes(c)) || (i % 7 === 3 && c === "mp1");
      row[c] = missing && gap ? "" : 1 + ((7 * i + 3 * j) % 13) + j / 10;
    });
    return row;
  });
}
