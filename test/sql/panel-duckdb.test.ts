// toSQL over a panel (issue 13, item 5), run in DuckDB: the unit x period rows equal scorePanel()
// (src/panel/score-panel.ts, itself checked against COINr's panel run in test/panel/asem-panel.test.ts)
// to 1e-9 with the same ranks within each period, for every basis and every rows of weights.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDuckDB, scoreSQL } from "../../src/duckdb.js";
import type { Model } from "../../src/indicators/schema.js";
import type { PanelBasis } from "../../src/panel/basis-plan.js";
import { type PanelWeights, scorePanel } from "../../src/panel/score-panel.js";
import { sqlDialect } from "../../src/sql/dialect.js";
import { checkSqlOptions } from "../../src/sql/options.js";
import { compileSQL, type ToSqlOptions, toSQL } from "../../src/sql/to-sql.js";
import { csvRows, everyMethodModel, everyMethodRows, hasDuckDB } from "./helpers.js";
import {
  ASEM_PANEL_CSV,
  asemPanelModel,
  CITY_PANEL_CSV,
  cityPanelModel,
  expectSamePanel,
} from "./panel-helpers.js";

type Connection = Awaited<ReturnType<Awaited<ReturnType<typeof loadDuckDB>>["DuckDBInstance"]["create"]>>;
const dir = mkdtempSync(join(tmpdir(), "indicatrix-panel-sql-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let instance: Connection | undefined;
let connection: Awaited<ReturnType<Connection["connect"]>> | undefined;
beforeAll(async () => {
  if (!hasDuckDB) return;
  const { DuckDBInstance } = await loadDuckDB();
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
});
afterAll(() => {
  connection?.disconnectSync?.();
  instance?.closeSync?.();
});

/**
 * Runs `toSQL(model, opts)` in DuckDB and returns the query and its rows as records; with `windowed`,
 * the plan of Trino and Spark (aggregates as windows OVER (PARTITION BY per)) in DuckDB's syntax.
 */
async function run(model: Model, opts: ToSqlOptions, windowed = false) {
  const d = { ...sqlDialect("duckdb"), inlinesCtes: true };
  const query = windowed ? compileSQL(model, opts, { ...checkSqlOptions(opts), d }) : toSQL(model, opts);
  const reader = await (connection as NonNullable<typeof connection>).runAndReadAll(query.sql);
  const names = reader.columnNames();
  const cols = reader.getColumns();
  const rows = (cols[0] ?? []).map((_, i) =>
    Object.fromEntries(names.map((n, k) => [n, cols[k]?.[i] as string | number | null])),
  );
  return { query, rows };
}

const city = csvRows(CITY_PANEL_CSV);
const asem = csvRows(ASEM_PANEL_CSV);
const weightRows: [string, PanelWeights][] = [
  ["pooled", "pooled"],
  ["period", "period"],
  ["reference 2022", { reference: "2022" }],
];

// Every basis, every rows of weights, and both with each other once (not the whole product: each
// run scores 1,655 unit-periods in memory and in DuckDB).
const cityCombos: [name: string, basis: PanelBasis, weights: PanelWeights][] = [
  ["basis pooled, weights pooled", "pooled", "pooled"],
  ["basis pooled, weights period", "pooled", "period"],
  ["basis pooled, weights reference 2022", "pooled", { reference: "2022" }],
  ["basis period, weights pooled", "period", "pooled"],
  ["basis period, weights period", "period", "period"],
  ["basis reference 2023, weights pooled", { reference: "2023" }, "pooled"],
  ["basis reference 2023 clipped, weights period", { reference: 2023, clip: true }, "period"],
];

// Normalizations other than min-max on the sample city panel, under the bases their statistic
// depends on; rank runs with the data-driven weights of cityPanelModel, zscore and percentile with
// the template's fixed weights.
const cityNormalizations: [name: string, normalize: string, dataDriven: boolean, basis: PanelBasis][] = [
  ["zscore normalization, basis pooled", "zscore", false, "pooled"],
  ["zscore normalization, basis period", "zscore", false, "period"],
  [
    "zscore with a reference period (the 2021 mean and sd carried to every year)",
    "zscore",
    false,
    { reference: "2021" },
  ],
  ["rank normalization, data-driven weights, basis pooled", "rank", true, "pooled"],
  ["rank normalization, data-driven weights, basis period", "rank", true, "period"],
  ["percentile normalization, basis pooled", "percentile", false, "pooled"],
  ["percentile normalization, basis period", "percentile", false, "period"],
];

/** The sample city panel (profile normal) scored by scorePanel() and by toSQL run in DuckDB. */
async function cityPanel(model: Model, basis: PanelBasis, weights?: PanelWeights) {
  const ref = scorePanel(model, city, { period: "year", profile: "normal", basis, weights });
  const { query, rows } = await run(model, {
    source: CITY_PANEL_CSV,
    period: "year",
    parentColumn: "parent",
    profile: "normal",
    basis,
    weightsBasis: weights,
  });
  return { ref, query, rows };
}

describe.skipIf(!hasDuckDB)("toSQL with a period column, run in DuckDB, equals scorePanel()", () => {
  it.each(cityCombos)(
    "sample city panel (331 communities x 2021-2025), min-max, entropy / CRITIC / combine weights: %s",
    async (_, basis, weights) => {
      const { ref, query, rows } = await cityPanel(cityPanelModel(), basis, weights);
      expect(query.columns.slice(0, 2)).toEqual(["unit", "period"]);
      expect(expectSamePanel(ref, query, rows)).toBe(331 * 5 * query.nodes.length);
    },
  );

  it.each(cityNormalizations)(
    "sample city panel, %s: every unit-period's scores (to 1e-9), ranks and coverage equal scorePanel()'s",
    async (_, normalize, dataDriven, basis) => {
      const { ref, query, rows } = await cityPanel(cityPanelModel(normalize, dataDriven), basis);
      expect(expectSamePanel(ref, query, rows)).toBe(331 * 5 * query.nodes.length);
    },
  );

  const asemBases: [string, PanelBasis][] = [
    ["pooled", "pooled"],
    ["period", "period"],
    ["reference 2020", { reference: "2020" }],
    ["reference 2020 clipped", { reference: "2020", clip: true }],
  ];
  for (const [bname, basis] of asemBases)
    it(`COINr's ASEM panel (51 countries x 2018-2022), COINr's defaults: basis ${bname}`, async () => {
      const model = asemPanelModel();
      const ref = scorePanel(model, asem, { period: "Time", basis });
      const { query, rows } = await run(model, {
        source: ASEM_PANEL_CSV,
        unitColumn: "uCode",
        period: "Time",
        basis,
      });
      expect(expectSamePanel(ref, query, rows)).toBe(51 * 5 * query.nodes.length);
    });

  it("COINr's ASEM panel: pooled basis and pooled entropy weights give COINr's aggregated_global.csv Index (a check on the reference too)", async () => {
    const { query, rows } = await run(asemPanelModel(), {
      source: ASEM_PANEL_CSV,
      unitColumn: "uCode",
      period: "Time",
    });
    expect(query.columns).toContain("Index_rank");
    const coinr = csvRows("test/fixtures/asem-panel/aggregated_global.csv");
    for (const row of coinr) {
      const got = rows.find((r) => r.unit === row.uCode && r.period === row.Time);
      expect(Math.abs(Number(got?.Index) - Number(row.Index)), `${row.uCode} ${row.Time}`).toBeLessThan(1e-9);
    }
    expect(coinr).toHaveLength(255);
  });

  for (const [wname, weights] of weightRows)
    for (const missing of ["skip", "mean", "median"])
      it(`COINr's ASEM panel, entropy weights on the pillars (k = 1/ln(r m) when pooled), weights ${wname}, missing ${missing}`, async () => {
        const model = asemPanelModel({ missing }, true);
        if (missing !== "skip" && typeof weights === "object") {
          // The reference run of scorePanel imputes from the reference period alone: not compiled.
          expect(() =>
            toSQL(model, { source: "t", unitColumn: "uCode", period: "Time", weightsBasis: weights }),
          ).toThrow(/reference-period weights .* with the missing policy .* cannot be compiled to SQL/);
          return;
        }
        const ref = scorePanel(model, asem, { period: "Time", weights });
        const { query, rows } = await run(model, {
          source: ASEM_PANEL_CSV,
          unitColumn: "uCode",
          period: "Time",
          weightsBasis: weights,
        });
        expect(expectSamePanel(ref, query, rows)).toBe(51 * 5 * query.nodes.length);
      });

  for (const [wname, weights] of weightRows)
    it(`the window-aggregate plan of Trino and Spark (run in DuckDB's syntax): ASEM, entropy weights ${wname}, mean imputation per period when the weights are`, async () => {
      const missing = typeof weights === "object" ? "skip" : "mean";
      const model = asemPanelModel({ missing }, true);
      const ref = scorePanel(model, asem, { period: "Time", basis: "period", weights });
      const opts = { source: ASEM_PANEL_CSV, unitColumn: "uCode", period: "Time", basis: "period" as const };
      const { query, rows } = await run(model, { ...opts, weightsBasis: weights }, true);
      expect(query.sql).toMatch(weights === "period" ? /OVER \(PARTITION BY p\.per\)/ : /OVER \(\)/);
      expect(expectSamePanel(ref, query, rows)).toBe(51 * 5 * query.nodes.length);
    });

  it("an empty period stops the query with the indicatrix message", async () => {
    const model = asemPanelModel();
    // Tariff is empty in 15 rows of the ASEM panel.
    const opts = { source: ASEM_PANEL_CSV, unitColumn: "uCode", period: "Tariff" };
    await expect(run(model, opts)).rejects.toThrow(/indicatrix: the period column "Tariff" is empty; unit /);
  });

  it("a reference period without rows stops the query, as scorePanel refuses an unknown period", async () => {
    const model = asemPanelModel();
    expect(() => scorePanel(model, asem, { period: "Time", basis: { reference: "2030" } })).toThrow(
      /period "2030" is not a period of the panel/,
    );
    await expect(
      run(model, {
        source: ASEM_PANEL_CSV,
        unitColumn: "uCode",
        period: "Time",
        basis: { reference: "2030" },
      }),
    ).rejects.toThrow(/indicatrix: the reference period "2030" has no rows/);
  });

  it("every method toSQL compiles (everyMethodModel), 36 units over 3 periods, values missing, each missing policy: basis and weights per period, and pooled", async () => {
    const rows = everyMethodRows(36, true).map((r, i) => ({ year: String(2020 + (i % 3)), ...r }));
    const cols = Object.keys(rows[0] as object);
    const file = join(dir, "every-panel.csv");
    writeFileSync(
      file,
      `${cols.join(",")}\n${rows.map((r) => cols.map((c) => (r as Record<string, unknown>)[c]).join(",")).join("\n")}\n`,
    );
    for (const profile of ["skip", "mean", "median", "zero"])
      for (const rowsOf of ["period", "pooled"] as const) {
        const opts = { period: "year", profile, basis: rowsOf, weights: rowsOf };
        const ref = scorePanel(everyMethodModel(), rows, opts);
        const { query, rows: got } = await run(everyMethodModel(), {
          source: file,
          period: "year",
          profile,
          basis: rowsOf,
          weightsBasis: rowsOf,
        });
        expect(expectSamePanel(ref, query, got)).toBe(36 * query.nodes.length);
      }
  });

  it("scoreSQL (indicatrix/duckdb) with a period column returns the period of each row", async () => {
    const got = await scoreSQL(asemPanelModel(), ASEM_PANEL_CSV, {
      unitColumn: "uCode",
      period: "Time",
      ranks: "root",
    });
    expect(got.units).toHaveLength(255);
    expect(new Set(got.periods)).toEqual(new Set(["2018", "2019", "2020", "2021", "2022"]));
    const ref = scorePanel(asemPanelModel(), asem, { period: "Time" });
    got.units.forEach((u, k) => {
      const at = ref.at(got.periods?.[k] as string);
      expect(got.ranks.Index?.[k], `${u} ${got.periods?.[k]}`).toBe(at.ranks.Index?.[at.units.indexOf(u)]);
    });
  });
});
