import { type Diagnostic, error, warning } from "../indicators/check/diagnostic.js";
import type { WeightSite } from "../indicators/check/weight-spec.js";
import type { AhpWeightSpec } from "../indicators/schema.js";
import { MAX_AHP_ORDER } from "../internal/limits.js";
import { ahp } from "./ahp.js";
import { AHP_TOLERANCE } from "./ahp-defaults.js";
import { checkJudgments } from "./check-judgments.js";
import { checkMatrix, type MatrixCheck } from "./check-matrix.js";
import { type Judgment, judgmentsToMatrix } from "./judgments.js";
import { components, readPairwise } from "./pairwise.js";
import { repairHint, repairText } from "./repair-hint.js";
import { resolveWeightSpec } from "./resolve-weight-spec.js";

/** One expert's (or the spec's own) judgments, once they passed the rules of `checkJudgments` or `checkMatrix`. */
interface JudgmentSet {
  path: string;
  /** Problems with single judgments; the set-level checks run only when there is none. */
  issues: Diagnostic[];
  judgments: Judgment[];
  /** Rounded reciprocals read as exact fractions. */
  rounded: { where: string; written: string; exact: string }[];
}

/**
 * The rules of an AHP weight spec in a model, the AHP half of `checkModel`: one source of judgments per spec
 * or expert (`ambiguous_judgments`, `missing_judgments`), a matrix `order` that names children
 * (`unknown_child`), every judgment and matrix by the rules of `checkJudgments` and `checkMatrix` (the ones
 * `judgmentsToMatrix` and `ahp` throw), and then, for a set without such problems: every active child judged
 * (`missing_child`), the judgments connecting all of them (`disconnected_judgments`) and CR under the threshold
 * (`inconsistent_judgments`, a warning naming the judgment to revisit). A set with a bad judgment gets no
 * set-level diagnostic, so one mistake gives one diagnostic.
 * @internal
 */
export function checkAhpSpec(site: WeightSite<AhpWeightSpec>): Diagnostic[] {
  const { spec, nodeId, children, path } = site;
  const out: Diagnostic[] = [];
  const sources = spec.experts
    ? spec.experts.map((e, i) => ({ ...e, path: `${path}.experts[${i}]` }))
    : [{ ...spec, path }];
  if (spec.experts && (spec.judgments || spec.matrix))
    out.push(error("ambiguous_judgments", path, `give either "experts" or "judgments"/"matrix", not both`));
  const order = spec.order ?? children;
  const orderIssues = sources.some((s) => s.matrix) ? checkOrder(spec.order, site) : [];
  out.push(...orderIssues);
  const orderOk = orderIssues.length === 0;
  const sets: JudgmentSet[] = [];
  for (const src of sources) {
    if (src.judgments && src.matrix) {
      out.push(error("ambiguous_judgments", src.path, `give either "judgments" or "matrix", not both`));
      continue;
    }
    if (src.matrix) {
      const at = `${src.path}.matrix`;
      const checked = checkMatrix(src.matrix, { path: at, labels: order, owner: nodeId, exact: true });
      out.push(...checked.issues);
      if (checked.issues.length === 0 && orderOk)
        sets.push({
          path: at,
          issues: [],
          judgments: upperJudgments(checked, order),
          rounded: checked.rounded,
        });
    } else if (src.judgments) {
      const at = `${src.path}.judgments`;
      const checked = checkJudgments(children, src.judgments, { path: at, owner: nodeId, valuePaths: true });
      sets.push({ path: at, issues: checked.issues, judgments: checked.judgments, rounded: checked.rounded });
    } else
      out.push(
        error("missing_judgments", src.path, `AHP weights for "${nodeId}" need "judgments" or "matrix"`),
      );
  }
  for (const set of sets) {
    out.push(...set.issues);
    if (set.issues.length === 0) out.push(...roundedNote(set, nodeId), ...checkSet(set, site));
  }
  return out;
}

/**
 * One `rounded_judgment` warning per judgment set that holds rounded reciprocals (0.333, 0.111), naming each and
 * the exact fraction used in its place.
 */
function roundedNote(set: JudgmentSet, nodeId: string): Diagnostic[] {
  if (set.rounded.length === 0) return [];
  const list = set.rounded.map((r) => `${r.written} at ${r.where} as ${r.exact}`).join(", ");
  return [
    warning(
      "rounded_judgment",
      set.path,
      `judgments for "${nodeId}": read ${list} (a value within 1% of a reciprocal 1/k is read as exactly 1/k; write the fraction, e.g. "${set.rounded[0]?.exact}", to say so)`,
    ),
  ];
}

/** `unknown_child` for each id of a matrix `order` that is not a child of the group. */
function checkOrder(order: readonly string[] | undefined, site: WeightSite<AhpWeightSpec>): Diagnostic[] {
  return (order ?? []).flatMap((id, k) =>
    site.children.includes(id)
      ? []
      : [
          error(
            "unknown_child",
            `${site.path}.order[${k}]`,
            `"${id}" in "order" is not a child of "${site.nodeId}"`,
          ),
        ],
  );
}

/** The judgments a checked matrix holds: `[order[i], order[j], a_ij]` for each pair i < j that is given. */
function upperJudgments(m: MatrixCheck, order: readonly string[]): Judgment[] {
  const out: Judgment[] = [];
  order.forEach((a, i) => {
    order.forEach((b, j) => {
      const v = m.a[i * m.n + j];
      if (j > i && v !== undefined && !Number.isNaN(v)) out.push([a, b, v]);
    });
  });
  return out;
}

/** The set-level rules, among the children active in the profile: coverage, connection, consistency. */
function checkSet(set: JudgmentSet, site: WeightSite<AhpWeightSpec>): Diagnostic[] {
  const { nodeId, activeChildren: ids, spec } = site;
  if (ids.length < 2) return [];
  // Children sharing an id are the ids check's duplicate_id: no matrix can be built over them.
  if (new Set(ids).size !== ids.length) return [];
  if (ids.length > MAX_AHP_ORDER)
    return [
      error(
        "matrix_too_large",
        set.path,
        `"${nodeId}" has ${ids.length} active children judged by AHP, above LIMITS.maxAhpOrder (${MAX_AHP_ORDER})`,
      ),
    ];
  const judged = new Set<string>();
  for (const [a, b] of set.judgments) judged.add(a).add(b);
  const missing = ids.filter((id) => !judged.has(id));
  if (missing.length > 0)
    return missing.map((id) =>
      error("missing_child", set.path, `child "${id}" of "${nodeId}" appears in no judgment`),
    );
  const active = set.judgments.filter(([a, b]) => ids.includes(a) && ids.includes(b));
  const matrix = judgmentsToMatrix(ids, active);
  const { a, n } = readPairwise(matrix, AHP_TOLERANCE, ids);
  const groups = components(a, n);
  if (groups.length > 1) {
    const list = groups.map((g) => `{${g.map((i) => ids[i]).join(", ")}}`).join(" and ");
    return [
      error(
        "disconnected_judgments",
        set.path,
        `the judgments do not connect all children of "${nodeId}": groups ${list} are never compared`,
      ),
    ];
  }
  if (n <= 2) return [];
  const resolved = resolveWeightSpec(spec);
  if (resolved.method !== "ahp") return [];
  const opts = { method: resolved.priority, ri: resolved.ri, threshold: resolved.threshold };
  const result = ahp(matrix, opts);
  if (result.consistent) return [];
  const hint = repairHint(matrix, ids, opts);
  const advice = hint ? `; ${repairText(hint, result.threshold)}` : "";
  return [
    warning(
      "inconsistent_judgments",
      set.path,
      `judgments for "${nodeId}" are inconsistent: CR = ${result.cr.toFixed(3)} (threshold ${result.threshold})${advice}`,
    ),
  ];
}
