// Shared by the panel SQL tests (panel-duckdb.test.ts, panel-postgres.test.ts): the models and
// options compared, and the comparison of a query's unit x period rows with scorePanel().
import { expect } from "vitest";
import type { Model } from "../../src/indicators/schema.js";
import type { PanelResult } from "../../src/panel/score-panel.js";
import type { SqlQuery } from "../../src/sql/to-sql.js";
import { asemModel, governanceToEdit } from "./helpers.js";

export const CITY_PANEL_CSV = "examples/governance/sample-city-panel.csv";
export const ASEM_PANEL_CSV = "test/fixtures/asem-panel/ASEM_iData_p.csv";

/** A value of a result row: a number, a numeric text (psql), or null / "" for SQL NULL. */
type Cell = string | number | bigint | null | undefined;
const num = (v: Cell): number => (v === null || v === undefined || v === "" ? Number.NaN : Number(v));

/**
 * Asserts that the rows of a panel query equal `scorePanel`'s: one row per scored unit-period,
 * every node's score within `tol` (relative above 1; NULL where scorePanel has NaN), the ranks
 * within each period identical (NULL = no score = scorePanel's 0; between units whose scores agree
 * to `tol` either order, a few times at most) and the coverage. Returns the
 * number of scores compared.
 */
export function expectSamePanel(
  ref: PanelResult,
  query: SqlQuery,
  rows: Record<string, Cell>[],
  tol = 1e-9,
): number {
  // The differences are collected, then asserted at once (an expect per value is slow on 100,000s).
  const bad: string[] = [];
  const byKey = new Map(rows.map((r) => [`${r.unit}\u0000${r.period}`, r]));
  let expected = 0;
  let compared = 0;
  let nearTies = 0;
  for (const p of ref.periods) {
    const r = ref.at(p);
    expected += r.units.length;
    r.units.forEach((u, i) => {
      const row = byKey.get(`${u}\u0000${p}`);
      if (!row) {
        bad.push(`unit ${u}, period ${p}: no row`);
        return;
      }
      for (const id of query.nodes) {
        const x = r.scores[id]?.[i] as number;
        const y = num(row[id]);
        const ok = Number.isNaN(x) ? Number.isNaN(y) : Math.abs(x - y) <= tol * Math.max(1, Math.abs(x));
        if (!ok) bad.push(`${u} ${p} ${id}: scorePanel ${x}, SQL ${y}`);
        compared++;
      }
      for (const id of query.ranked) {
        const rank = num(row[`${id}_rank`]);
        const want = r.ranks[id]?.[i] as number;
        const got = Number.isNaN(rank) ? 0 : rank;
        if (got === want) continue;
        // A near-tie: scores equal to 1e-9 may be ordered either way by the last bits. The rank
        // must still be one that some order of the near-tied units gives.
        const x = r.scores[id]?.[i] as number;
        const eps = tol * Math.max(1, Math.abs(x));
        const all = Array.from(r.scores[id] as Float64Array).filter((v) => !Number.isNaN(v));
        const lo = 1 + all.filter((v) => v > x + eps).length;
        const hi = all.filter((v) => v > x - eps).length; // itself included: 1 + the others
        if (want > 0 && got >= lo && got <= hi) nearTies++;
        else bad.push(`${u} ${p} ${id}_rank: scorePanel ${want}, SQL ${got} (near-tie range ${lo}..${hi})`);
      }
      if (!(Math.abs(num(row.coverage) - (r.coverage[i] as number)) < 1e-15))
        bad.push(`${u} ${p} coverage: scorePanel ${r.coverage[i]}, SQL ${row.coverage}`);
    });
  }
  expect(bad.slice(0, 10).join("\n"), `${bad.length} differences`).toBe("");
  expect(rows).toHaveLength(expected);
  // Near-ties are rare: a handful of ranks, not a systematic difference.
  expect(nearTies, "ranks that differ within a near-tie").toBeLessThanOrEqual(Math.max(5, compared / 1000));
  return compared;
}

/**
 * The governance template normalized by min-max [0, 100] over the data (not its goalposts, which
 * need no statistic and so give the same numbers under every basis), target directions read as
 * benefit, with data-driven weights in profile `normal` (unless not `dataDriven`): entropy, CRITIC
 * and the linear combination of equal and entropy weights.
 */
export function cityPanelModel(
  normalize: unknown = { method: "minmax", range: [0, 100] },
  dataDriven = true,
): Model {
  const model = governanceToEdit() as Model & {
    defaults: Record<string, unknown>;
    profiles: Record<string, { weights?: Record<string, unknown> }>;
  };
  const strip = (node: { goalposts?: unknown; direction?: unknown; children?: unknown[] }) => {
    delete node.goalposts;
    // Target directions normalize by distance to the target: no reference basis for them.
    if (node.direction !== undefined && node.direction !== "benefit" && node.direction !== "cost")
      node.direction = "benefit";
    for (const c of node.children ?? []) strip(c as never);
  };
  strip(model.tree as never);
  model.defaults = { ...model.defaults, normalize } as typeof model.defaults;
  if (!dataDriven) return model;
  const normal = model.profiles.normal as { weights?: Record<string, unknown> };
  normal.weights = {
    ...(normal.weights ?? {}),
    party_building: { method: "entropy" },
    process: { method: "critic" },
    subjects: { method: "combine", rule: "linear", of: [{ method: "equal" }, { method: "entropy" }] },
  };
  return model;
}

/** COINr's ASEM model (minmax [0, 100], arithmetic, skip) with other defaults and entropy weights on the pillars. */
export function asemPanelModel(defaults: Record<string, unknown> = {}, entropy = false): Model {
  const model = asemModel(defaults) as Model & { profiles?: Record<string, unknown> };
  if (!entropy) return model;
  return {
    ...model,
    profiles: { panel: { weights: { Conn: { method: "entropy" }, Sust: { method: "entropy" } } } },
  } as Model;
}
