import type { AhpExpert, Model, ModelNode } from "../indicators/model-types.js";
import { activeNodes, profileNames } from "../indicators/profiles.js";
import { fail } from "../internal/errors.js";
import { aggregateJudgments } from "../weighting/aggregate-judgments.js";
import { type AhpResult, ahp } from "../weighting/ahp.js";
import { judgmentsToMatrix } from "../weighting/judgments.js";
import { repairHint } from "../weighting/repair-hint.js";
import { AHP_SCALE } from "./ahp-scale.js";

/** One filled questionnaire: the rows of its CSV (as `readCsvFile` returns them) and a name for messages. */
export interface FilledQuestionnaire {
  /** File name (used as the expert's name when the `expert` column is empty). */
  name: string;
  /** The rows, one per pair. */
  rows: readonly Readonly<Record<string, string>>[];
  /** Where each row is, for messages, e.g. `sheet "B", row 3` (default: `row i + 2`, as in a CSV file). */
  places?: readonly string[] | undefined;
}

/** Options of {@link readAhpQuestionnaires}. */
export interface ReadQuestionnairesOptions {
  /** Profile that gets the judgments (default: the model's first; created when the model has no profiles). */
  profile?: string | undefined;
  /** Group aggregation written into the spec and reported: `aij` (default) or `aip`. */
  aggregation?: "aij" | "aip" | undefined;
  /** Expert name -> weight in the aggregation (default: equal). */
  expertWeights?: Readonly<Record<string, number>> | undefined;
  /** Date of the `history` entry (ISO 8601); none when absent (the library reads no clock). */
  date?: string | undefined;
}

/** One expert's consistency in one group. */
export interface ExpertConsistency {
  /** Expert name. */
  expert: string;
  /** Consistency ratio of the expert's matrix (incomplete matrices completed by Harker's method). */
  cr: number;
  /** CR < 0.1. */
  consistent: boolean;
  /** The judgment to revisit when inconsistent, e.g. `a over b: 5 -> 2 (CR 0.041)`. */
  advice?: string;
  /** Pairs the expert judged. */
  judged: number;
}

/** Result of {@link readAhpQuestionnaires}. */
export interface ReadQuestionnairesResult {
  /** The model with `{ method: "ahp", experts, aggregation }` for every group answered, in the profile. */
  model: Model;
  /** Expert names, in file order. */
  experts: string[];
  /** Per group: each expert's CR and the aggregated weights. */
  groups: {
    group: string;
    children: string[];
    experts: ExpertConsistency[];
    weights: number[];
    /** CR of the aggregated matrix (AIJ; NaN under AIP). */
    cr: number;
  }[];
}

const EQUAL = new Set(["equal", "=", "同等", "同等重要", "1"]);

/**
 * Reads filled AHP questionnaires (one per expert, as {@link ahpQuestionnaire} writes them) back into the
 * model: per row, `more_important` names a, b (the id, or the name in `a_name` / `b_name`) or `equal`, and
 * `intensity` is 1-9 (or its words, 稍微重要 ...);
 * an empty row is a pair not judged (completed by Harker's method). Reports each expert's CR per group with
 * the judgment to revisit, aggregates the experts (AIJ or AIP, optional expert weights, as
 * `aggregateJudgments`) and writes `{ method: "ahp", experts: [{ name, judgments }], aggregation }` into
 * the profile, so the model keeps every expert's answers. The model passed in is not changed.
 *
 * @param model - the model the questionnaires were written for.
 * @param files - the filled questionnaires.
 * @param opts - profile, aggregation, expert weights.
 * @throws {IndicatrixError} `invalid_judgment` (a row that is not a pair of the group, a bad intensity, naming file,
 *   row and column), `unknown_node` (a group not in the tree), `duplicate_id` (two files of one expert), `empty_data`.
 * @example
 * ```ts
 * const model = { id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "b" }] } };
 * const row = { expert: "Li", group: "root", a: "a", a_name: "a", b: "b", b_name: "b", more_important: "a", intensity: "3" };
 * const r = readAhpQuestionnaires(model, [{ name: "li.csv", rows: [row] }]);
 * r.groups[0]?.weights; // => [0.75, 0.25]
 * ```
 */
export function readAhpQuestionnaires(
  model: Model,
  files: readonly FilledQuestionnaire[],
  opts: ReadQuestionnairesOptions = {},
): ReadQuestionnairesResult {
  if (!Array.isArray(files) || files.length === 0)
    fail("empty_data", ["files"], "expected at least one filled questionnaire");
  const aggregation = opts.aggregation ?? "aij";
  if (aggregation !== "aij" && aggregation !== "aip")
    fail("invalid_option", ["opts", "aggregation"], `expected "aij" or "aip", got ${String(aggregation)}`);
  const nodes = new Map<string, ModelNode>();
  const walk = (n: ModelNode) => {
    nodes.set(n.id, n);
    for (const c of n.children ?? []) walk(c);
  };
  walk(model.tree);
  const names = profileNames(model);
  const profile = opts.profile ?? (names[0] as string);
  // the children asked about: those active in the profile (all of them in a profile the model lacks)
  const active = names.includes(profile) ? activeNodes(model, profile) : undefined;
  const childrenOf = (node: ModelNode | undefined) =>
    (node?.children ?? []).map((c) => c.id).filter((id) => active === undefined || active.has(id));
  const experts: string[] = [];
  // group -> expert index -> judgments
  const byGroup = new Map<string, Map<number, [string, string, number][]>>();
  files.forEach((file: FilledQuestionnaire, k: number) => {
    const name = file.rows.map((r) => (r.expert ?? "").trim()).find((s) => s !== "") || file.name;
    if (experts.includes(name))
      fail("duplicate_id", ["files", k], `two questionnaires of expert "${name}"`, file.name);
    experts.push(name);
    file.rows.forEach((row, i) => {
      const at = (col: string) => `${file.name}, ${file.places?.[i] ?? `row ${i + 2}`}, column "${col}"`;
      const cell = (c: string) => (row[c] ?? "").trim();
      const group = cell("group");
      const a = cell("a");
      const b = cell("b");
      const more = cell("more_important");
      const text = cell("intensity");
      if (more === "" && text === "") return;
      const node = nodes.get(group);
      const kids = childrenOf(node);
      if (!node?.children)
        fail(
          "unknown_node",
          ["files", k, i, "group"],
          `"${group}" is not a group of model "${model.id}"`,
          at("group"),
        );
      if (!kids.includes(a) || !kids.includes(b) || a === b)
        fail(
          "invalid_judgment",
          ["files", k, i, "a"],
          `"${a}" and "${b}" are not two children of "${group}"${active ? ` active in profile "${profile}"` : ""}`,
          at("a"),
        );
      const word = AHP_SCALE.find((p) => p.zh === text || p.en === text.toLowerCase());
      const v = word ? word.value : Number(text === "" && EQUAL.has(more.toLowerCase()) ? "1" : text);
      if (!Number.isInteger(v) || v < 1 || v > 9)
        fail(
          "invalid_judgment",
          ["files", k, i, "intensity"],
          `expected an intensity from 1 to 9 (or its words), got "${text}"`,
          at("intensity"),
        );
      let value: number;
      if (EQUAL.has(more.toLowerCase()) || v === 1) {
        if (v !== 1)
          fail(
            "invalid_judgment",
            ["files", k, i, "intensity"],
            `"equal" needs intensity 1, got ${v}`,
            at("intensity"),
          );
        value = 1;
      } else if (more === a || (more !== "" && more === cell("a_name") && more !== cell("b_name"))) value = v;
      else if (more === b || (more !== "" && more === cell("b_name") && more !== cell("a_name")))
        value = 1 / v;
      else
        fail(
          "invalid_judgment",
          ["files", k, i, "more_important"],
          `expected "${a}", "${b}" or "equal", got "${more}"`,
          at("more_important"),
        );
      const g = byGroup.get(group) ?? byGroup.set(group, new Map()).get(group);
      const list = g?.get(k) ?? g?.set(k, []).get(k);
      list?.push([a, b, value]);
    });
  });
  const out: Model = structuredClone(model);
  out.profiles ??= {};
  const p = (out.profiles[profile] ??= {});
  p.weights ??= {};
  const groups: ReadQuestionnairesResult["groups"] = [];
  for (const [group, perExpert] of byGroup) {
    const children = childrenOf(nodes.get(group));
    const ks = [...perExpert.keys()].sort((x, y) => x - y);
    const matrices = ks.map((k) => judgmentsToMatrix(children, perExpert.get(k) ?? []));
    const weightsOf = ks.map((k) => opts.expertWeights?.[experts[k] as string] ?? 1);
    const cons: ExpertConsistency[] = ks.map((k, q) => {
      const res: AhpResult = ahp(matrices[q] as (number | null)[][]);
      const hint = res.consistent ? undefined : repairHint(matrices[q] as (number | null)[][], children, {});
      return {
        expert: experts[k] as string,
        cr: res.cr,
        consistent: res.consistent,
        judged: perExpert.get(k)?.length ?? 0,
        ...(hint ? { advice: `${hint.judgment}: ${hint.from} -> ${hint.to} (CR ${hint.crAfter})` } : {}),
      };
    });
    const agg = aggregateJudgments(matrices, { method: aggregation, expertWeights: weightsOf });
    groups.push({ group, children, experts: cons, weights: agg.weights, cr: agg.group?.cr ?? Number.NaN });
    p.weights[group] = {
      method: "ahp",
      aggregation,
      experts: ks.map(
        (k, q): AhpExpert => ({
          name: experts[k] as string,
          ...(opts.expertWeights?.[experts[k] as string] !== undefined
            ? { weight: weightsOf[q] as number }
            : {}),
          judgments: perExpert.get(k) ?? [],
        }),
      ),
    };
  }
  const poor = groups.flatMap((g) =>
    g.experts.filter((e) => !e.consistent).map((e) => `${e.expert} in ${g.group} (CR ${fmt(e.cr)})`),
  );
  out.history = [
    ...(out.history ?? []),
    {
      step: "ahp-questionnaires",
      ...(opts.date !== undefined ? { date: opts.date } : {}),
      summary:
        `AHP questionnaires of ${experts.length} experts (${experts.join(", ")}) into profile ${profile}, ` +
        `${aggregation}: ${groups.length} groups; ` +
        (poor.length ? `CR >= 0.1: ${poor.join(", ")}` : "every expert's CR < 0.1"),
    },
  ];
  return { model: out, experts, groups };
}

/** A number for the history summary: 4 decimals. */
function fmt(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toFixed(4))) : "-";
}
