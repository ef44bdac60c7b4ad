/**
 * The rows of `indicatrix score` for models with levels or states (DOMAIN C7): each unit's level and
 * ranks within its level and its parent, or each unit's state, profile and rank within its state.
 * @internal
 */
import { SCORE_FIXED_COLUMNS } from "../indicators/check/output-columns.js";
import { IndicatrixError } from "../internal/errors.js";
import type { DatasetColumns } from "../score/dataset.js";
import type { Result } from "../score/score.js";
import type { LevelsResult } from "../score/score-levels.js";
import type { StatesResult } from "../score/score-states.js";

/** Rows of the score output: the columns, the row count and row k. @internal */
export interface ScoreRows {
  columns: string[];
  count: number;
  rowAt: (k: number) => Record<string, string | number | null>;
}

type Row = Record<string, string | number | null>;

/** Refuses columns named twice (a node id equal to an added column). */
function checkColumns(columns: readonly string[], added: string): void {
  const clashes = columns.filter((c, k) => columns.indexOf(c) !== k);
  if (clashes.length > 0)
    throw new IndicatrixError(
      "column_collision",
      `node id(s) ${[...new Set(clashes)].map((c) => `"${c}"`).join(", ")} would overwrite another column of the score output (${added}); rename them`,
    );
}

/**
 * The score rows of a model with levels, every input unit in input order: its level and parent, its
 * score at every node (the lowest level's from its own rows, a higher level's as `own x O + children x C`),
 * `<g>_rank` its rank within its level and `<g>_rank_in_parent` among the units of its parent, at every
 * group, and `<root>_own` / `<root>_children` the two parts of its root score (empty at the lowest level).
 * Units of the lowest level carry their coverage and, unscored, the reason. @internal
 * @example
 * ```ts
 * const model = {
 *   id: "m",
 *   levels: [{ id: "community" }, { id: "street" }],
 *   tree: { id: "root", children: [{ id: "a" }] },
 *   defaults: { normalize: "none" as const },
 * };
 * const data = { units: ["s1", "c1", "c2"], parents: [null, "s1", "s1"], values: { a: [null, 0.2, 0.6] } };
 * const row = levelScoreRows(scoreLevels(model, data), data).rowAt(0);
 * [row.level, row.root, row.root_rank, row.root_children]; // => ["street", 0.4, 1, 0.4]   (0.2 + 0.6) / 2
 * ```
 */
export function levelScoreRows(r: LevelsResult, data: DatasetColumns): ScoreRows {
  const base = r.lowest;
  const tables = r.levels.map((l) => r.level(l));
  const root = base?.resolved.root ?? Object.keys(tables.at(-1)?.scores ?? {})[0] ?? "root";
  const nodes: string[] = [];
  for (const t of tables) for (const id of Object.keys(t.scores)) if (!nodes.includes(id)) nodes.push(id);
  // A group is a node with children in the model: the lowest level's resolved tree, else any node above it.
  const indicator = new Set(Object.keys(r.indicatorLevels));
  const groups = nodes.filter((id) => !indicator.has(id));
  const columns = [
    ...SCORE_FIXED_COLUMNS,
    ...nodes,
    ...groups.map((g) => `${g}_rank`),
    ...groups.map((g) => `${g}_rank_in_parent`),
    `${root}_own`,
    `${root}_children`,
  ];
  checkColumns(columns, "<id>_rank, <id>_rank_in_parent, <root>_own, <root>_children");
  const at = new Map<string, { t: number; j: number }>();
  for (const [t, table] of tables.entries()) for (const [j, u] of table.units.entries()) at.set(u, { t, j });
  const scored = new Map((base?.units ?? []).map((u, i) => [u, i]));
  const rowAt = (k: number): Row => {
    const unit = data.units[k] as string;
    const where = at.get(unit);
    const table = where ? tables[where.t] : undefined;
    const row: Row = {
      unit,
      name: data.names?.[k] ?? null,
      level: table?.level ?? null,
      parent: data.parents?.[k] ?? null,
    };
    if (!table || !where) return row;
    const j = where.j;
    const has = !Number.isNaN(table.scores[root]?.[j] ?? Number.NaN);
    const i = where.t === 0 ? scored.get(unit) : undefined;
    row.status = has ? "scored" : "missing";
    row.reason = has ? null : ((i !== undefined ? base?.missing[unit] : undefined) ?? "no score");
    row.coverage = i !== undefined ? (base?.coverage[i] ?? null) : null;
    for (const id of nodes) row[id] = table.scores[id]?.[j] ?? Number.NaN;
    for (const g of groups) row[`${g}_rank`] = table.ranks[g]?.[j] || null;
    for (const g of groups) row[`${g}_rank_in_parent`] = table.ranksInParent[g]?.[j] || null;
    row[`${root}_own`] = where.t === 0 ? null : (table.own[root]?.[j] ?? Number.NaN);
    row[`${root}_children`] = where.t === 0 ? null : (table.children[root]?.[j] ?? Number.NaN);
    return row;
  };
  return { columns, count: data.units.length, rowAt };
}

/**
 * The score rows of a model with states: the rows `scoreRows` gives each unit from its own state's
 * profile (score, coverage, grades and vetoes of that profile; units with child units with the roll-up
 * of these scores), with `<g>_rank` the overall rank at the groups every profile used shares (empty
 * elsewhere), then `state`, `profile` and `<g>_rank_in_state` (rank among the units in the same state).
 * @param perProfile - `scoreRows` of each profile's result with the roll-up of the units' own-profile scores.
 * @internal
 */
export function stateScoreRows(
  st: StatesResult,
  perProfile: Readonly<Record<string, ScoreRows>>,
  first: Result,
): ScoreRows {
  const base = perProfile[first.profile] as ScoreRows;
  const groups = [...first.resolved.nodes.values()].filter((n) => !n.indicator).map((n) => n.id);
  const columns = [...base.columns, "state", "profile", ...groups.map((g) => `${g}_rank_in_state`)];
  checkColumns(columns, "state, profile, <id>_rank_in_state");
  const index = new Map(st.units.map((u, i) => [u, i]));
  const shared = new Set(st.shared);
  const rowAt = (k: number): Row => {
    const row = base.rowAt(k);
    const i = index.get(row.unit as string);
    if (i === undefined) return row;
    const profile = st.profiles[i] as string;
    const own = (perProfile[profile] ?? base).rowAt(k);
    for (const g of groups) own[`${g}_rank`] = shared.has(g) ? st.ranks[g]?.[i] || null : null;
    own.state = st.states[i] ?? null;
    own.profile = profile;
    for (const g of groups) own[`${g}_rank_in_state`] = st.ranksWithinState[g]?.[i] || null;
    return own;
  };
  return { columns, count: base.count, rowAt };
}

/** The roll-up input of a states run: the first profile's result with every unit's own-profile scores. @internal */
export function withStateScores(first: Result, st: StatesResult): Result {
  return { ...first, scores: st.scores } as Result;
}
