import { resolveAggregate } from "../aggregate/resolve-aggregate.js";
import type { Model, WeightSpec } from "../indicators/schema.js";
import { displayName } from "../indicators/tree.js";
import type { AggregateSpec } from "../internal/specs.js";
import type { Direction } from "../internal/types.js";
import type { ResolvedNode } from "../score/resolve-profile.js";
import type { Result } from "../score/score.js";
import { type DisplayScale, displayScale, fixed, toDisplay } from "./format.js";
import type { Labels } from "./labels.js";
import { color } from "./svg.js";

/** Everything the sections need about one scored profile. @internal */
export interface ProfileView {
  index: number;
  name: string;
  title: string;
  result: Result;
  scale: DisplayScale;
  root: string;
  /** Active children of the root, in tree order. */
  dims: string[];
  /** Dimension of every active node below the root. */
  dimOf: Map<string, string>;
  /** Scored units in rank order (units without a score last, in data order). */
  order: number[];
  /** Overall score per unit on the display scale. */
  display: Float64Array;
  /** Root arithmetic: the dimension contributions add up to the score. */
  additive: boolean;
}

/** What is shared by every profile: names, colours, units, labels. @internal */
export interface ReportContext {
  model: Model;
  language: string;
  labels: Labels;
  /** Colour of every node id that is a child of the root (stable across profiles). */
  dimColors: Map<string, string>;
  /** Display name of a unit (its name, else its id). */
  unitName(unit: string): string;
  /** Parent of a unit in the data. */
  unitParent(unit: string): string | undefined;
  /** Display name of a node. */
  nodeName(id: string): string;
  /** Short code of a node (its `code`, else its id). */
  nodeCode(id: string): string;
}

/** Builds the shared context: node and unit names, dimension colours. @internal */
export function makeContext(model: Model, result: Result, language: string, labels: Labels): ReportContext {
  const nodes = new Map<
    string,
    { id: string; name?: string | Record<string, string> | undefined; code?: string | undefined }
  >();
  const stack = [model.tree];
  while (stack.length > 0) {
    const n = stack.pop() as Model["tree"];
    nodes.set(n.id, n);
    for (const c of n.children ?? []) stack.push(c);
  }
  const dimColors = new Map<string, string>();
  (model.tree.children ?? []).forEach((c, i) => {
    dimColors.set(c.id, color(i));
  });
  const h = result.hierarchy;
  const names = new Map<string, string>();
  const parents = new Map<string, string | undefined>();
  h.units.forEach((u, i) => {
    names.set(u, h.names[i] ?? u);
    parents.set(u, h.parents[i]);
  });
  return {
    model,
    language,
    labels,
    dimColors,
    unitName: (u) => names.get(u) ?? u,
    unitParent: (u) => parents.get(u),
    nodeName: (id) => {
      const n = nodes.get(id);
      return n ? displayName(n, language) : id;
    },
    nodeCode: (id) => nodes.get(id)?.code ?? id,
  };
}

function isArithmetic(spec: AggregateSpec): boolean {
  return resolveAggregate(spec).method === "arithmetic";
}

/** Builds the view of one scored profile. @internal */
export function makeView(ctx: ReportContext, result: Result, index: number): ProfileView {
  const resolved = result.resolved;
  const root = resolved.root;
  const rootNode = resolved.nodes.get(root) as ResolvedNode;
  const dims = rootNode.children;
  const dimOf = new Map<string, string>();
  for (const [id, node] of resolved.nodes) {
    if (id === root) continue;
    let cur: ResolvedNode = node;
    while (cur.parent !== undefined && cur.parent !== root)
      cur = resolved.nodes.get(cur.parent) as ResolvedNode;
    dimOf.set(id, cur.id);
  }
  const scale = displayScale(result);
  const rootScores = result.scores[root] as Float64Array;
  const display = new Float64Array(rootScores.length);
  for (let i = 0; i < display.length; i++) display[i] = toDisplay(scale, rootScores[i]!);
  const ranks = result.ranks[root] as Uint32Array;
  const order = [...rootScores.keys()].sort((a, b) => {
    const ra = ranks[a] || Number.POSITIVE_INFINITY;
    const rb = ranks[b] || Number.POSITIVE_INFINITY;
    return ra - rb || a - b;
  });
  const profile = ctx.model.profiles?.[result.profile];
  const title = profile?.name
    ? displayName({ id: result.profile, name: profile.name }, ctx.language)
    : result.profile;
  return {
    index,
    name: result.profile,
    title,
    result,
    scale,
    root,
    dims,
    dimOf,
    order,
    display,
    additive: isArithmetic(rootNode.aggregate),
  };
}

/**
 * Each dimension's share of unit i's score on the display scale: w_d (s_d - lo) k / Σ_present w_d,
 * which adds up to the score when the root is an arithmetic mean with missing values skipped. @internal
 */
export function dimensionContributions(v: ProfileView, i: number): number[] {
  const local = v.result.weights.local;
  let present = 0;
  for (const d of v.dims) if (!Number.isNaN(v.result.scores[d]?.[i])) present += local[d] ?? 0;
  return v.dims.map((d) => {
    const s = v.result.scores[d]?.[i] ?? Number.NaN;
    if (Number.isNaN(s) || !(present > 0)) return 0;
    return ((local[d] ?? 0) * toDisplay(v.scale, s)) / present;
  });
}

/** The display-scale value of a node for unit i. @internal */
export function nodeDisplay(v: ProfileView, id: string, i: number): number {
  const col = v.result.scores[id];
  return col ? toDisplay(v.scale, col[i]!) : Number.NaN;
}

/** Name of a weight spec: equal, fixed, AHP, entropy, ... (`term` translates the method keys). @internal */
export function weightMethod(spec: WeightSpec, term: (key: string) => string = (k) => k): string {
  if (spec === "equal") return term("equal");
  if (spec.method === "ahp") return "AHP";
  if (spec.method === "combine")
    return `${term("combine")}(${spec.of.map((s) => weightMethod(s, term)).join(", ")}; ${spec.rule})`;
  if (spec.method === "critic") return "CRITIC";
  return term(spec.method);
}

/** Name of an aggregation spec (`term` translates the method keys). @internal */
export function aggregateMethod(spec: AggregateSpec, term: (key: string) => string = (k) => k): string {
  if (typeof spec === "string") return term(spec);
  if (spec.method === "power") return `${term("power")} (p = ${spec.p})`;
  return term(spec.method);
}

/** A direction as an arrow with a tooltip-ready text. @internal */
export function directionText(d: Direction, labels: Labels): { symbol: string; text: string; cls: string } {
  if (d === "benefit") return { symbol: "↑", text: labels.benefit, cls: "up" };
  if (d === "cost") return { symbol: "↓", text: labels.cost, cls: "down" };
  if ("target" in d)
    return { symbol: "◎", text: `${labels.target} ${fixed(d.target, 2).replace(/\.?0+$/, "")}`, cls: "" };
  return { symbol: "◎", text: `${labels.target} [${d.range[0]}, ${d.range[1]}]`, cls: "" };
}
