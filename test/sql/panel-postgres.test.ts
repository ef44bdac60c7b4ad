// toSQL over a panel (issue 13, item 5), run in PostgreSQL with psql (scripts/ci-postgres.sh sets
// INDICATRIX_PG; the tests skip without it): the unit x period rows equal scorePanel() to 1e-9 with
// the same ranks within each period.
import { beforeAll, describe, expect, it } from "vitest";
import type { Model } from "../../src/indicators/schema.js";
import type { PanelBasis } from "../../src/panel/basis-plan.js";
import { type PanelWeights, scorePanel } from "../../src/panel/score-panel.js";
import { type ToSqlOptions, toSQL } from "../../src/sql/to-sql.js";
import { csvRows, loadTable, PG, pgRows } from "./helpers.js";
import {
  ASEM_PANEL_CSV,
  asemPanelModel,
  CITY_PANEL_CSV,
  cityPanelModel,
  expectSamePanel,
} from "./panel-helpers.js";

function runPg(model: Model, opts: Omit<ToSqlOptions, "dialect">) {
  const query = toSQL(model, { ...opts, dialect: "postgres" });
  const rows = pgRows(query.sql);
  return { query, rows };
}

describe.skipIf(!PG)(
  "toSQL(dialect postgres) with a period column, run in PostgreSQL, equals scorePanel()",
  () => {
    beforeAll(() => {
      loadTable("city_panel", CITY_PANEL_CSV);
      loadTable("asem_panel", ASEM_PANEL_CSV);
    });
    const city = csvRows(CITY_PANEL_CSV);
    const asem = csvRows(ASEM_PANEL_CSV);

    const cityCases: [string, PanelBasis, PanelWeights][] = [
      ["pooled", "pooled", "pooled"],
      ["period", "period", "period"],
      ["reference 2023", { reference: "2023" }, { reference: "2022" }],
    ];
    for (const [name, basis, weights] of cityCases)
      it(`sample city panel (331 communities x 2021-2025, the year a double column), min-max, entropy / CRITIC / combine weights: basis and weights ${name}`, () => {
        const model = cityPanelModel();
        const ref = scorePanel(model, city, { period: "year", profile: "normal", basis, weights });
        const { query, rows } = runPg(model, {
          source: "city_panel",
          period: "year",
          parentColumn: "parent",
          profile: "normal",
          basis,
          weightsBasis: weights,
        });
        expect(query.sql).toContain("AS MATERIALIZED (");
        expect(expectSamePanel(ref, query, rows)).toBe(331 * 5 * query.nodes.length);
      });

    const asemCases: [string, Record<string, unknown>, PanelBasis, PanelWeights][] = [
      ["COINr's defaults, entropy weights, pooled", {}, "pooled", "pooled"],
      [
        "rank normalization, per period, mean imputation",
        { normalize: "rank", missing: "mean" },
        "period",
        "period",
      ],
      [
        "zscore of the 2020 reference, median imputation",
        { normalize: "zscore", missing: "median" },
        { reference: "2020" },
        "period",
      ],
      [
        "min-max of the 2019 reference, clipped",
        {},
        { reference: "2019", clip: true },
        { reference: "2021" },
      ],
    ];
    for (const [name, defaults, basis, weights] of asemCases)
      it(`COINr's ASEM panel (51 countries x 2018-2022): ${name}`, () => {
        // Entropy weights on the pillars, except on z-scores (negative values, which entropy refuses).
        const model = asemPanelModel(defaults, defaults.normalize !== "zscore");
        const ref = scorePanel(model, asem, { period: "Time", basis, weights });
        const { query, rows } = runPg(model, {
          source: "asem_panel",
          unitColumn: "uCode",
          period: "Time",
          basis,
          weightsBasis: weights,
        });
        expect(expectSamePanel(ref, query, rows)).toBe(51 * 5 * query.nodes.length);
      });
  },
);
