import { parseModel } from "../indicators/parse-model.js";
import type { Model } from "../indicators/schema.js";
import { fail } from "../internal/errors.js";
import type { DatasetInput, DatasetRow } from "./dataset.js";
import type { ScoreOptions } from "./score.js";
import { type ProfileSelectionResult, ranksWithin, scoreByProfile } from "./score-by-profile.js";

/** Options of {@link scoreStates}. */
export interface ScoreStatesOptions extends Omit<ScoreOptions, "profile"> {
  /** Each unit's state by unit id; default: the `state` field of each data row (rows only). */
  states?: Readonly<Record<string, string | null | undefined>>;
  /** Key of the state in the data rows (default `state`). */
  stateKey?: string;
}

/** What {@link scoreStates} returns: {@link ProfileSelectionResult} with each unit's state. */
export interface StatesResult extends ProfileSelectionResult {
  /** Each unit's state (undefined: none given, scored with the model's first profile). */
  states: (string | undefined)[];
  /** Rank among the units in the same state, at every node. */
  ranksWithinState: Record<string, Uint32Array>;
  /** One record per unit: state, profile, score and ranks (overall, within state) at every node. */
  toRows(): Record<string, string | number | null>[];
}

/**
 * The profile of each unit from its state (DOMAIN C7.3): the model's `states` maps a state value,
 * such as an emergency response level (I to IV, I the highest) or a phase (prevention, warning,
 * response, recovery), to a profile: `states: { normal: "normal", III: "emergency", IV: "emergency",
 * recovery: "recovery" }`. The mapping is a modelling choice, with no legal source; take it as data.
 * A unit without a state takes the model's first profile.
 *
 * @param model - the model, with `states`.
 * @param states - unit id -> state.
 * @throws IndicatrixError `invalid_option` (the model has no `states`), `unknown_state` (a state the
 *   map does not name, with the unit).
 * @example
 * ```ts
 * const model = {
 *   id: "m",
 *   tree: { id: "root", children: [{ id: "a" }] },
 *   profiles: { normal: {}, emergency: {} },
 *   states: { normal: "normal", III: "emergency" },
 * };
 * profilesOfStates(model, { c1: "III", c2: "normal" }); // => { c1: "emergency", c2: "normal" }
 * ```
 */
export function profilesOfStates(
  model: Model,
  states: Readonly<Record<string, string | null | undefined>>,
): Record<string, string> {
  const map = model.states;
  if (map === undefined)
    fail("invalid_option", "states", "the model has no `states` map (state value -> profile)");
  const out: Record<string, string> = {};
  for (const [unit, state] of Object.entries(states)) {
    if (state === null || state === undefined || state === "") continue;
    if (!Object.hasOwn(map, state))
      fail(
        "unknown_state",
        ["data", unit, "state"],
        `unit "${unit}" is in state "${state}", which the model's states do not map (${Object.keys(map).join(", ")})`,
      );
    Object.defineProperty(out, unit, {
      value: map[state],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * Scores each unit with the profile of its state (emergency response levels, phases; DOMAIN C7.3):
 * reads each unit's state (the rows' `state` field, or `opts.states`), maps it to a profile by the
 * model's `states`, and scores each unit with that profile ({@link scoreByProfile}: every profile
 * used runs on all units, so the normalization is the same sample). Ranks are given within each
 * state and, at the nodes the profiles share, overall.
 *
 * @param model - the model, with `states`.
 * @param data - the units, as for `score`; rows may carry a `state` field.
 * @param opts - `states` or `stateKey`, and the options of `score` (but `profile`).
 * @throws IndicatrixError `invalid_option` (no `states` in the model, or columnar data without
 *   `opts.states`), `unknown_state`, and the errors of `score`.
 * @example
 * ```ts
 * const model = {
 *   id: "m",
 *   tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
 *   defaults: { normalize: "none" as const },
 *   profiles: {
 *     normal: {},
 *     emergency: { weights: { root: { method: "fixed" as const, weights: { a: 1, b: 3 } } } },
 *   },
 *   states: { normal: "normal", III: "emergency", IV: "emergency" },
 * };
 * const r = scoreStates(model, [
 *   { unit: "c1", state: "III", a: 0.6, b: 0.2 },
 *   { unit: "c2", state: "normal", a: 0.2, b: 0.8 },
 *   { unit: "c3", state: "IV", a: 0.4, b: 0.4 },
 * ]);
 * r.profiles; // => ["emergency", "normal", "emergency"]
 * r.scores.root; // => Float64Array [0.3, 0.5, 0.4]
 * r.ranks.root; // => Uint32Array [3, 1, 2]
 * r.ranksWithinState.root; // => Uint32Array [1, 1, 1]
 * ```
 */
export function scoreStates(model: Model, data: DatasetInput, opts: ScoreStatesOptions = {}): StatesResult {
  const parsed = parseModel(model);
  const { states: given, stateKey = "state", ...scoreOpts } = opts;
  let rows = data;
  let states = given;
  if (states === undefined) {
    if (!Array.isArray(data))
      fail(
        "invalid_option",
        ["opts", "states"],
        "columnar data carry no state; pass opts.states (unit id -> state)",
      );
    const read: Record<string, string | undefined> = {};
    const unitKey =
      ["unit", "id", "uCode"].find((k) => Object.hasOwn((data as DatasetRow[])[0] ?? {}, k)) ?? "unit";
    rows = (data as readonly DatasetRow[]).map((row) => {
      const { [stateKey]: state, ...rest } = row;
      const unit = String(row[unitKey]);
      const s = state === null || state === undefined ? undefined : String(state).trim();
      Object.defineProperty(read, unit, { value: s, enumerable: true, writable: true, configurable: true });
      return rest;
    });
    states = read;
  }
  const profileOf = profilesOfStates(parsed, states);
  const r = scoreByProfile(parsed, rows, profileOf, scoreOpts);
  const unitStates = r.units.map((u) => {
    const s = Object.hasOwn(states, u) ? states[u] : undefined;
    return s === null || s === undefined || s === "" ? undefined : s;
  });
  const ranksWithinState: Record<string, Uint32Array> = {};
  for (const [id, col] of Object.entries(r.scores)) ranksWithinState[id] = ranksWithin(col, unitStates);
  const nodes = Object.keys(r.scores);
  return {
    ...r,
    states: unitStates,
    ranksWithinState,
    toRows() {
      return r.units.map((u, i) => {
        const row: Record<string, string | number | null> = {
          unit: u,
          state: unitStates[i] ?? null,
          profile: r.profiles[i]!,
        };
        for (const id of nodes) {
          const v = r.scores[id]![i]!;
          row[id] = Number.isNaN(v) ? null : v;
        }
        for (const id of nodes) {
          const overall = r.ranks[id]?.[i];
          if (overall !== undefined) row[`${id}_rank`] = overall === 0 ? null : overall;
          const within = ranksWithinState[id]![i]!;
          row[`${id}_rank_in_state`] = within === 0 ? null : within;
        }
        return row;
      });
    },
  };
}
