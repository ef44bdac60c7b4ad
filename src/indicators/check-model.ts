import { IndicatrixError, type Issue } from "../internal/errors.js";
import { ahpConsistency } from "./check-ahp.js";
import { compileFormula } from "./formula.js";
import { appendKey, parseModel as parseModelForValidation } from "./parse-model.js";
import { profileActivity, profileChain, profileNames } from "./profiles.js";
import type { AhpWeightSpec, BaseWeightSpec, Model, ModelNode, WeightSpec } from "./schema.js";
import { INDICATOR_FIELDS, isIndicator, type VisitedNode, walkTree } from "./tree.js";

/** A finding of {@link checkModel}: an {@link Issue} with a stable code, a path and a message. */
export type Diagnostic = Issue;

/** Ids must be identifiers so that formulas can name them. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Deepest tree accepted (the root is depth 0). */
export const MAX_TREE_DEPTH = 32;
/** Most nodes accepted in one tree. */
export const MAX_NODES = 20_000;
/**
 * Ids that would collide with properties of plain JavaScript objects (results are records keyed by
 * node id): every property of `Object.prototype` (`constructor`, `toString`, `hasOwnProperty`,
 * `isPrototypeOf`, `__proto__`...) and `prototype`.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  "prototype",
]);

const AHP_MIN = 1 / 9;
const AHP_MAX = 9;

interface Ctx {
  model: Model;
  out: Diagnostic[];
  byId: Map<string, VisitedNode>;
}

function push(ctx: Ctx, severity: Diagnostic["severity"], code: string, path: string, message: string): void {
  ctx.out.push({ code, severity, path, message });
}

/**
 * Semantic checks of a schema-valid model: everything the schema cannot say. Returns diagnostics
 * (errors and warnings), each with a stable code, the JSON path at fault and what was expected;
 * never throws for a schema-valid model.
 *
 * Codes: `duplicate_id`, `invalid_id`, `reserved_id`, `empty_group`, `indicator_with_children`,
 * `invalid_goalposts`, `target_outside_goalposts`, `invalid_range`, `missing_goalposts`,
 * `unknown_node`, `weights_on_indicator`, `unknown_child`, `missing_child`, `negative_weight`,
 * `zero_weights`, `judgment_out_of_scale`, `self_judgment`, `repeated_judgment`,
 * `contradictory_judgment`, `matrix_not_square`, `matrix_wrong_size`, `not_reciprocal`,
 * `disconnected_judgments`, `inconsistent_judgments` (warning), `unknown_profile`, `profile_cycle`,
 * `no_active_child`, `unknown_indicator`, `invalid_formula`, `unknown_variable`, `formula_cycle`,
 * `too_deep`, `too_many_nodes`, `missing_target`, `ambiguous_judgments`, `missing_judgments`,
 * `invalid_diagonal`; `unknown_profile` is a warning when an indicator's `profiles` names a profile
 * the model does not have.
 *
 * @example
 * ```ts
 * const model = parseModel({ id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "a" }] } });
 * checkModel(model).map((d) => d.code); // => ["duplicate_id"]
 * ```
 */
export function checkModel(model: Model): Diagnostic[] {
  const ctx: Ctx = { model, out: [], byId: new Map() };
  const visited = walkTree(model.tree);
  if (visited.length > MAX_NODES) {
    push(
      ctx,
      "error",
      "too_many_nodes",
      "tree",
      `the tree has ${visited.length} nodes; the limit is ${MAX_NODES}`,
    );
    return ctx.out;
  }
  checkNodes(ctx, visited);
  if (ctx.out.some((d) => d.code === "too_deep")) return ctx.out;
  checkFormulas(ctx);
  checkProfiles(ctx);
  return ctx.out;
}

function checkNodes(ctx: Ctx, visited: VisitedNode[]): void {
  for (const v of visited) {
    const { node, path } = v;
    if (v.depth > MAX_TREE_DEPTH) {
      push(ctx, "error", "too_deep", path, `the tree is deeper than ${MAX_TREE_DEPTH} levels`);
      return;
    }
    if (RESERVED_IDS.has(node.id))
      push(ctx, "error", "reserved_id", `${path}.id`, `"${node.id}" is reserved; choose another id`);
    else if (!ID_PATTERN.test(node.id))
      push(
        ctx,
        "error",
        "invalid_id",
        `${path}.id`,
        `"${node.id}" is not an identifier: expected a letter followed by letters, digits or _ (put free text in "code" or "name")`,
      );
    const prev = ctx.byId.get(node.id);
    if (prev)
      push(ctx, "error", "duplicate_id", `${path}.id`, `id "${node.id}" is already used at ${prev.path}`);
    else ctx.byId.set(node.id, v);

    if (!isIndicator(node)) {
      if ((node.children ?? []).length === 0)
        push(
          ctx,
          "error",
          "empty_group",
          `${path}.children`,
          `group "${node.id}" has no children; remove "children" to make it an indicator`,
        );
      const fields = INDICATOR_FIELDS.filter((f) => node[f] !== undefined);
      if (fields.length > 0)
        push(
          ctx,
          "error",
          "indicator_with_children",
          path,
          `"${node.id}" has children and indicator fields (${fields.join(", ")}); only leaves are indicators`,
        );
      continue;
    }
    if (v.depth === 0)
      push(ctx, "error", "empty_group", "tree", "the root of the tree must be a group with children");
    checkIndicator(ctx, node, path);
  }
}

function checkIndicator(ctx: Ctx, node: ModelNode, path: string): void {
  const gp = node.goalposts;
  if (gp && !(gp[0] < gp[1]))
    push(
      ctx,
      "error",
      "invalid_goalposts",
      `${path}.goalposts`,
      `expected [low, high] with low < high, got [${gp[0]}, ${gp[1]}]`,
    );
  const dir = node.direction;
  if (dir && typeof dir === "object" && "range" in dir) {
    const [a, b] = dir.range;
    if (!(a <= b))
      push(
        ctx,
        "error",
        "invalid_range",
        `${path}.direction.range`,
        `expected [a, b] with a <= b, got [${a}, ${b}]`,
      );
    if (gp && gp[0] < gp[1] && (a < gp[0] || b > gp[1]))
      push(
        ctx,
        "error",
        "target_outside_goalposts",
        `${path}.direction.range`,
        `range [${a}, ${b}] is not inside the goalposts [${gp[0]}, ${gp[1]}]`,
      );
  }
  if (
    dir &&
    typeof dir === "object" &&
    "target" in dir &&
    gp &&
    gp[0] < gp[1] &&
    (dir.target < gp[0] || dir.target > gp[1])
  )
    push(
      ctx,
      "error",
      "target_outside_goalposts",
      `${path}.direction.target`,
      `target ${dir.target} is outside the goalposts [${gp[0]}, ${gp[1]}]`,
    );
  const norm = node.normalize ?? ctx.model.defaults?.normalize;
  const method = typeof norm === "string" ? norm : norm?.method;
  const normPath = node.normalize !== undefined ? `${path}.normalize` : "defaults.normalize";
  if (method === "goalposts" && !gp && !(typeof norm === "object" && "goalposts" in norm && norm.goalposts))
    push(
      ctx,
      "error",
      "missing_goalposts",
      normPath,
      `indicator "${node.id}" is normalized by goalposts but has none; add "goalposts": [low, high]`,
    );
  if (method === "target") {
    const hasTarget =
      (typeof norm === "object" && "target" in norm && norm.target !== undefined) ||
      (dir && typeof dir === "object");
    if (!hasTarget)
      push(
        ctx,
        "error",
        "missing_target",
        normPath,
        `indicator "${node.id}" is normalized to a target but names none; give "direction": { "target": x }`,
      );
  }
}

function checkFormulas(ctx: Ctx): void {
  const inputs = new Set((ctx.model.inputs ?? []).map((i) => i.id));
  const deps = new Map<string, string[]>();
  for (const [i, input] of (ctx.model.inputs ?? []).entries()) {
    if (RESERVED_IDS.has(input.id))
      push(ctx, "error", "reserved_id", `inputs[${i}].id`, `"${input.id}" is reserved; choose another id`);
    else if (!ID_PATTERN.test(input.id))
      push(ctx, "error", "invalid_id", `inputs[${i}].id`, `"${input.id}" is not an identifier`);
    if (ctx.byId.has(input.id))
      push(ctx, "error", "duplicate_id", `inputs[${i}].id`, `input "${input.id}" has the id of a tree node`);
  }
  for (const [id, v] of ctx.byId) {
    const formula = v.node.formula;
    if (formula === undefined) continue;
    const path = `${v.path}.formula`;
    try {
      const compiled = compileFormula(formula);
      const indicatorDeps: string[] = [];
      for (const name of compiled.variables) {
        const target = ctx.byId.get(name);
        if (target && isIndicator(target.node)) indicatorDeps.push(name);
        else if (!inputs.has(name))
          push(
            ctx,
            "error",
            "unknown_variable",
            path,
            `"${name}" is neither an indicator id nor a declared input; declare raw columns in "inputs"`,
          );
      }
      deps.set(id, indicatorDeps);
    } catch (e) {
      if (!(e instanceof IndicatrixError)) throw e;
      push(ctx, "error", "invalid_formula", path, e.message);
    }
  }
  // Cycles among formula indicators (depth-first search with colours).
  const colour = new Map<string, 1 | 2>();
  const reported = new Set<string>();
  const visit = (id: string, stack: string[]): void => {
    colour.set(id, 1);
    for (const d of deps.get(id) ?? []) {
      if (colour.get(d) === 1) {
        const cycle = [...stack.slice(stack.indexOf(d)), d];
        const key = [...cycle].sort().join(",");
        if (!reported.has(key)) {
          reported.add(key);
          const v = ctx.byId.get(d) as VisitedNode;
          push(
            ctx,
            "error",
            "formula_cycle",
            `${v.path}.formula`,
            `formulas depend on each other in a cycle: ${cycle.join(" -> ")}`,
          );
        }
      } else if (!colour.has(d)) visit(d, [...stack, d]);
    }
    colour.set(id, 2);
  };
  for (const id of deps.keys()) if (!colour.has(id)) visit(id, [id]);
}

function checkProfiles(ctx: Ctx): void {
  const profiles = ctx.model.profiles ?? {};
  const names = profileNames(ctx.model);
  for (const [id, v] of ctx.byId)
    for (const [i, p] of (v.node.profiles ?? []).entries())
      if (!Object.hasOwn(profiles, p))
        push(
          ctx,
          "warning",
          "unknown_profile",
          `${v.path}.profiles[${i}]`,
          `"${p}" is not a profile of the model (${names.join(", ")}); node "${id}" is never active`,
        );

  for (const name of names) {
    const base = `profiles.${name}`;
    if (RESERVED_IDS.has(name))
      push(ctx, "error", "reserved_id", base, `"${name}" is reserved; choose another profile name`);
    try {
      profileChain(ctx.model, name);
    } catch (e) {
      if (!(e instanceof IndicatrixError)) throw e;
      push(ctx, "error", e.code, e.path, e.message);
      continue;
    }
    const profile = Object.hasOwn(profiles, name) ? profiles[name] : undefined;
    const { active, empty } = profileActivity(ctx.model, name);
    for (const id of empty) {
      const v = ctx.byId.get(id) as VisitedNode;
      push(
        ctx,
        "error",
        "no_active_child",
        `${v.path}.children`,
        `in profile "${name}", group "${id}" has no active child; give it "profiles" or activate a child`,
      );
    }
    if (!profile) continue;
    for (const key of ["include", "exclude"] as const)
      for (const [i, id] of (profile[key] ?? []).entries()) {
        const v = ctx.byId.get(id);
        if (!v) push(ctx, "error", "unknown_indicator", `${base}.${key}[${i}]`, `no node has id "${id}"`);
      }
    for (const key of ["multipliers", "aggregate"] as const)
      for (const id of Object.keys(profile[key] ?? {}))
        if (!ctx.byId.has(id))
          push(ctx, "error", "unknown_node", appendKey(`${base}.${key}`, id), `no node has id "${id}"`);
    for (const [id, gp] of Object.entries(profile.goalposts ?? {})) {
      const path = appendKey(`${base}.goalposts`, id);
      const v = ctx.byId.get(id);
      if (!v || !isIndicator(v.node))
        push(ctx, "error", "unknown_indicator", path, `no indicator has id "${id}"`);
      if (!(gp[0] < gp[1]))
        push(
          ctx,
          "error",
          "invalid_goalposts",
          path,
          `expected [low, high] with low < high, got [${gp[0]}, ${gp[1]}]`,
        );
    }
    for (const [id, spec] of Object.entries(profile.weights ?? {})) {
      const path = appendKey(`${base}.weights`, id);
      const v = ctx.byId.get(id);
      if (!v) {
        push(ctx, "error", "unknown_node", path, `no node has id "${id}"`);
        continue;
      }
      if (isIndicator(v.node)) {
        push(
          ctx,
          "error",
          "weights_on_indicator",
          path,
          `"${id}" is an indicator; weights belong to the group above it`,
        );
        continue;
      }
      checkWeightSpec(ctx, spec, v.node, active, path, name);
    }
  }
}

function checkWeightSpec(
  ctx: Ctx,
  spec: WeightSpec,
  node: ModelNode,
  active: Set<string>,
  path: string,
  profile: string,
): void {
  if (spec === "equal") return;
  const children = (node.children ?? []).map((c) => c.id);
  const activeChildren = children.filter((c) => active.has(c));
  if (spec.method === "combine") {
    spec.of.forEach((s, i) => {
      checkBaseSpec(ctx, s, node.id, children, activeChildren, `${path}.of[${i}]`, profile);
    });
    return;
  }
  checkBaseSpec(ctx, spec, node.id, children, activeChildren, path, profile);
}

function checkBaseSpec(
  ctx: Ctx,
  spec: BaseWeightSpec,
  nodeId: string,
  children: string[],
  activeChildren: string[],
  path: string,
  profile: string,
): void {
  if (spec.method === "fixed") {
    const w = spec.weights;
    for (const id of Object.keys(w))
      if (!children.includes(id))
        push(
          ctx,
          "error",
          "unknown_child",
          appendKey(`${path}.weights`, id),
          `"${id}" is not a child of "${nodeId}" (children: ${children.join(", ")})`,
        );
    for (const id of activeChildren)
      if (!Object.hasOwn(w, id))
        push(
          ctx,
          "error",
          "missing_child",
          `${path}.weights`,
          `no weight for child "${id}" of "${nodeId}" (active in profile "${profile}")`,
        );
    for (const [id, value] of Object.entries(w))
      if (value < 0)
        push(
          ctx,
          "error",
          "negative_weight",
          appendKey(`${path}.weights`, id),
          `weight ${value} is negative; expected >= 0`,
        );
    const total = activeChildren.reduce(
      (s, id) => s + Math.max(0, Object.hasOwn(w, id) ? (w[id] as number) : 0),
      0,
    );
    if (activeChildren.length > 0 && total <= 0)
      push(
        ctx,
        "error",
        "zero_weights",
        `${path}.weights`,
        `the weights of the active children of "${nodeId}" sum to 0; expected a positive total`,
      );
    return;
  }
  if (spec.method === "ahp") checkAhp(ctx, spec, nodeId, children, activeChildren, path);
}

interface JudgmentSet {
  path: string;
  judgments: [string, string, number][];
}

function checkAhp(
  ctx: Ctx,
  spec: AhpWeightSpec,
  nodeId: string,
  children: string[],
  activeChildren: string[],
  path: string,
): void {
  const sets: JudgmentSet[] = [];
  const sources = spec.experts
    ? spec.experts.map((e, i) => ({ ...e, path: `${path}.experts[${i}]` }))
    : [{ ...spec, path }];
  if (spec.experts && (spec.judgments || spec.matrix))
    push(
      ctx,
      "error",
      "ambiguous_judgments",
      path,
      `give either "experts" or "judgments"/"matrix", not both`,
    );
  for (const src of sources) {
    if (src.judgments && src.matrix) {
      push(ctx, "error", "ambiguous_judgments", src.path, `give either "judgments" or "matrix", not both`);
      continue;
    }
    if (src.matrix) {
      const set = matrixToJudgments(
        ctx,
        src.matrix,
        spec.order ?? children,
        nodeId,
        children,
        `${src.path}.matrix`,
      );
      if (set) sets.push(set);
    } else if (src.judgments) sets.push({ path: `${src.path}.judgments`, judgments: src.judgments });
    else
      push(
        ctx,
        "error",
        "missing_judgments",
        src.path,
        `AHP weights for "${nodeId}" need "judgments" or "matrix"`,
      );
  }
  for (const set of sets) {
    const seen = new Map<string, number>();
    const valid: [string, string, number][] = [];
    set.judgments.forEach(([a, b, value], i) => {
      const p = `${set.path}[${i}]`;
      let ok = true;
      for (const id of [a, b])
        if (!children.includes(id)) {
          push(
            ctx,
            "error",
            "unknown_child",
            p,
            `"${id}" is not a child of "${nodeId}" (children: ${children.join(", ")})`,
          );
          ok = false;
        }
      if (a === b) {
        push(ctx, "error", "self_judgment", p, `"${a}" is compared with itself`);
        ok = false;
      }
      if (!(value >= AHP_MIN * (1 - 1e-9) && value <= AHP_MAX * (1 + 1e-9))) {
        push(
          ctx,
          "error",
          "judgment_out_of_scale",
          `${p}[2]`,
          `judgment ${value} is outside Saaty's scale [1/9, 9]`,
        );
        ok = false;
      }
      const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
      const oriented = a < b ? value : 1 / value;
      const prev = seen.get(key);
      if (prev !== undefined) {
        if (Math.abs(prev - oriented) <= 0.01 * Math.max(prev, oriented))
          push(ctx, "error", "repeated_judgment", p, `the pair ("${a}", "${b}") is judged twice`);
        else
          push(
            ctx,
            "error",
            "contradictory_judgment",
            p,
            `the pair ("${a}", "${b}") is judged twice with different values`,
          );
        ok = false;
      }
      seen.set(key, oriented);
      if (ok) valid.push([a, b, value]);
    });
    const judgedActive = new Set(
      valid.flatMap((j) => [j[0], j[1]]).filter((id) => activeChildren.includes(id)),
    );
    if (activeChildren.length >= 2)
      for (const id of activeChildren)
        if (!judgedActive.has(id))
          push(
            ctx,
            "error",
            "missing_child",
            set.path,
            `child "${id}" of "${nodeId}" appears in no judgment`,
          );
    const activeJudgments = valid.filter(
      ([a, b]) => activeChildren.includes(a) && activeChildren.includes(b),
    );
    const components = connectedComponents(activeChildren, activeJudgments);
    if (components.length > 1 && activeChildren.every((id) => judgedActive.has(id)))
      push(
        ctx,
        "error",
        "disconnected_judgments",
        set.path,
        `the judgments do not connect all children of "${nodeId}": groups ${components.map((c) => `{${c.join(", ")}}`).join(" and ")} are never compared`,
      );
    else if (components.length === 1 && activeChildren.length > 2) {
      const result = ahpConsistency(activeChildren, activeJudgments, spec);
      if (result && !result.consistent)
        push(
          ctx,
          "warning",
          "inconsistent_judgments",
          set.path,
          `judgments for "${nodeId}" are inconsistent: CR = ${result.cr.toFixed(3)} (threshold ${result.threshold})${result.advice ? `; ${result.advice}` : ""}`,
        );
    }
  }
}

function matrixToJudgments(
  ctx: Ctx,
  matrix: (number | null)[][],
  order: string[],
  nodeId: string,
  children: string[],
  path: string,
): JudgmentSet | undefined {
  const n = order.length;
  if (matrix.some((row) => row.length !== matrix.length)) {
    push(
      ctx,
      "error",
      "matrix_not_square",
      path,
      `expected a square matrix; it has ${matrix.length} rows of lengths ${matrix.map((r) => r.length).join(", ")}`,
    );
    return undefined;
  }
  if (matrix.length !== n) {
    push(
      ctx,
      "error",
      "matrix_wrong_size",
      path,
      `"${nodeId}" compares ${n} children (${order.join(", ")}); the matrix is ${matrix.length} x ${matrix.length}`,
    );
    return undefined;
  }
  for (const id of order)
    if (!children.includes(id))
      push(ctx, "error", "unknown_child", `${path}`, `"${id}" in "order" is not a child of "${nodeId}"`);
  const judgments: [string, string, number][] = [];
  let ok = true;
  for (let i = 0; i < n; i++) {
    const d = matrix[i]?.[i];
    if (d !== null && d !== undefined && Math.abs(d - 1) > 1e-9) {
      push(ctx, "error", "invalid_diagonal", `${path}[${i}][${i}]`, `diagonal entries must be 1, got ${d}`);
      ok = false;
    }
    for (let j = i + 1; j < n; j++) {
      const a = matrix[i]?.[j] ?? null;
      const b = matrix[j]?.[i] ?? null;
      if (a === null && b === null) continue;
      if (a !== null && b !== null && Math.abs(a * b - 1) > 0.01) {
        push(
          ctx,
          "error",
          "not_reciprocal",
          `${path}[${j}][${i}]`,
          `expected 1/${a} (${(1 / a).toPrecision(3)}) to mirror [${i}][${j}] = ${a}, got ${b}`,
        );
        ok = false;
        continue;
      }
      judgments.push([order[i] as string, order[j] as string, a ?? 1 / (b as number)]);
    }
  }
  return ok ? { path, judgments } : undefined;
}

function connectedComponents(ids: string[], judgments: [string, string, number][]): string[][] {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    return r;
  };
  for (const [a, b] of judgments) parent.set(find(a), find(b));
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const r = find(id);
    groups.set(r, [...(groups.get(r) ?? []), id]);
  }
  return [...groups.values()];
}

/**
 * Schema and semantic validation in one call, for CI and editors: never throws for any input.
 * `ok` is true when there is no error (warnings allowed).
 *
 * @example
 * ```ts
 * validateModel({ id: "m", tree: { id: "root", children: [{ id: "a" }] } });
 * // => { ok: true, issues: [], model: {...} }
 * validateModel({ id: "m" }).issues[0].path; // => "tree"
 * ```
 */
export function validateModel(input: unknown): { ok: boolean; issues: Diagnostic[]; model?: Model } {
  let model: Model;
  try {
    model = parseModelForValidation(input);
  } catch (e) {
    if (e instanceof IndicatrixError) return { ok: false, issues: e.issues };
    throw e;
  }
  const issues = checkModel(model);
  return { ok: !issues.some((i) => i.severity === "error"), issues, model };
}
