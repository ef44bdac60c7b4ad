import type { LevelRule } from "../indicators/model-types.js";
import { levelRules, profileActivity, profileChain, profileNames } from "../indicators/profiles.js";
import type { GradeSpec, Model, ModelNode, NodeRules, Profile, WeightSpec } from "../indicators/schema.js";
import { isIndicator, walkTree } from "../indicators/tree.js";
import { IndicatrixError } from "../internal/errors.js";
import type { AggregateSpec, MissingPolicy, NormalizeSpec, TreatSpec } from "../internal/specs.js";
import type { Direction } from "../internal/types.js";
import { type ResolvedVariableWeights, resolveVariableWeights } from "../weighting/variable-weights.js";
import { checkModel } from "./check-model.js";
import { type ResolvedBlend, resolveBlend } from "./resolve-blend.js";

/** An active node of a profile with every setting that applies to it resolved. */
export interface ResolvedNode {
  /** Node id. */
  id: string;
  /** The node as written in the model. */
  node: ModelNode;
  /** JSON path of the node in the model file. */
  path: string;
  /** Parent id (undefined for the root). */
  parent: string | undefined;
  /** 0 for the root. */
  depth: number;
  /** True for an indicator (leaf). */
  indicator: boolean;
  /** Ids of the active children, in tree order (empty for an indicator). */
  children: string[];
  /** How the children are weighted (groups), `"equal"` when no profile gives a spec. */
  weights: WeightSpec;
  /** The profile whose spec applies (undefined when the default `"equal"` applies). */
  weightsFrom: string | undefined;
  /** How the children are aggregated (groups). */
  aggregate: AggregateSpec;
  /** Factor on this node's local weight from the profile's `multipliers` (1 when none). */
  multiplier: number;
  /** Indicator direction (default benefit). */
  direction: Direction;
  /** Normalization of the indicator. */
  normalize: NormalizeSpec;
  /** Goalposts of the indicator in this profile (profile override first). */
  goalposts: [number, number] | undefined;
  /** Outlier treatment of the indicator, if any. */
  treat: TreatSpec | undefined;
  /** How the node's scores are graded (the most specific profile's spec, then the model's), if at all. */
  grades: GradeSpec | undefined;
  /** The node's assessment rules (the most specific profile's, then the model's), if any. */
  rules: NodeRules | undefined;
}

/** A profile applied to a model: the active tree and every setting resolved. */
export interface ResolvedProfile {
  /** Profile name. */
  name: string;
  /** The profile and the profiles it extends, most specific first. */
  chain: string[];
  /** Root id. */
  root: string;
  /** Active nodes by id, in tree order (parents before children). */
  nodes: Map<string, ResolvedNode>;
  /** Active indicator ids in tree order. */
  indicators: string[];
  /** Missing-value policy. */
  missing: MissingPolicy;
  /** Minimum share of a node's children that must be present for its score (0 = any one). */
  minCoverage: number;
  /** What a constant indicator does: `midpoint` (a warning; default) or `error`. */
  constant: "midpoint" | "error";
  /** State variable weights (DOMAIN C7.1), when the profile sets them: the spec and the groups (all when undefined). */
  variable?: { spec: ResolvedVariableWeights; nodes: ReadonlySet<string> | undefined } | undefined;
  /** The most weight local children may take at a group, per unit (`localCap`; 1 = no cap). */
  localCap?: number | undefined;
  /** The blend, when the profile is a blend of others (its nodes then carry the blended local weights as fixed specs). */
  blend?: ResolvedBlend | undefined;
  /**
   * Level id -> how its units mix their own indicators with their child units' roll-up (`scoreLevels`):
   * the profile's `levels`, each level inherited from the profiles it extends unless it sets it; a
   * blend's own, else its components' where they agree (`levelRules`). Empty when none is set.
   */
  levels?: Readonly<Record<string, LevelRule>> | undefined;
}

function firstDefined<T>(chain: Profile[], get: (p: Profile) => T | undefined): T | undefined {
  for (const p of chain) {
    const v = get(p);
    if (v !== undefined) return v;
  }
  return undefined;
}

function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Applies a profile to a model: follows `extends`, decides which indicators are active (an
 * indicator limited to `profiles` is active in those and in the profiles that extend them; `include`
 * and `exclude` switch indicators on and off), and resolves for every active node its weight spec
 * (the most specific profile that gives one; equal weights otherwise), its aggregation (profile
 * override, then the node's own, then the profile's and the model's defaults, then arithmetic), its
 * normalization, goalposts (a profile may override them, e.g. for a scenario), multiplier, grades and
 * assessment rules; and the profile's level rules (`levels`, inherited level by level along `extends`).
 * The model is checked first: a model with errors is refused.
 *
 * @throws IndicatrixError `invalid_model` (the model has errors; `issues` lists them) or `unknown_profile`.
 * @example
 * ```ts
 * const p = resolveProfile(model, "emergency");
 * p.indicators.length; // => 60 for the governance template
 * p.nodes.get("governance")?.weights; // => { method: "ahp", judgments: [...] }
 * ```
 */
export function resolveProfile(model: Model, name?: string): ResolvedProfile {
  checked(model);
  return resolveChecked(model, name ?? (profileNames(model)[0] as string));
}

/** Throws `invalid_model` when the model has errors. */
function checked(model: Model): void {
  const errors = checkModel(model).filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const first = errors[0];
    throw new IndicatrixError(
      "invalid_model",
      `the model has ${errors.length} error(s); first: ${first?.where}: ${first?.message}`,
      {
        issues: errors,
      },
    );
  }
}

/** {@link resolveProfile} of a model already checked: a blend, or a profile and its `extends` chain. @internal */
export function resolveChecked(model: Model, profileName: string): ResolvedProfile {
  const own0 =
    model.profiles && Object.hasOwn(model.profiles, profileName) ? model.profiles[profileName] : undefined;
  if (own0?.blend !== undefined) {
    const blended = resolveBlend(model, profileName, own0.blend, (n) => resolveChecked(model, n));
    if (own0.localCap !== undefined) blended.localCap = own0.localCap;
    blended.levels = levelRules(model, profileName).rules;
    return withVariable(blended, own0, profileName);
  }
  const chainNames = profileChain(model, profileName);
  const profiles = model.profiles ?? {};
  const chain = chainNames.map((n) => (Object.hasOwn(profiles, n) ? (profiles[n] as Profile) : {}));
  const { active } = profileActivity(model, profileName);
  const defaults = model.defaults ?? {};
  const missing: MissingPolicy =
    firstDefined(chain, (p) => p.defaults?.missing) ?? defaults.missing ?? "skip";
  const minCoverage = firstDefined(chain, (p) => p.defaults?.minCoverage) ?? defaults.minCoverage ?? 0;
  const constant = firstDefined(chain, (p) => p.defaults?.constant) ?? defaults.constant ?? "midpoint";
  const defaultAggregate: AggregateSpec =
    firstDefined(chain, (p) => p.defaults?.aggregate) ?? defaults.aggregate ?? "arithmetic";
  const defaultNormalize: NormalizeSpec =
    firstDefined(chain, (p) => p.defaults?.normalize) ?? defaults.normalize ?? "minmax";
  const defaultTreat = firstDefined(chain, (p) => p.defaults?.treat) ?? defaults.treat;

  const nodes = new Map<string, ResolvedNode>();
  const indicators: string[] = [];
  for (const v of walkTree(model.tree)) {
    const { node } = v;
    if (!active.has(node.id)) continue;
    const indicator = isIndicator(node);
    const specIndex = chain.findIndex((p) => own(p.weights, node.id) !== undefined);
    const resolved: ResolvedNode = {
      id: node.id,
      node,
      path: v.path,
      parent: v.parent?.id,
      depth: v.depth,
      indicator,
      children: (node.children ?? []).filter((c) => active.has(c.id)).map((c) => c.id),
      weights: specIndex >= 0 ? (own(chain[specIndex]?.weights, node.id) as WeightSpec) : "equal",
      weightsFrom: specIndex >= 0 ? chainNames[specIndex] : undefined,
      aggregate: firstDefined(chain, (p) => own(p.aggregate, node.id)) ?? node.aggregate ?? defaultAggregate,
      multiplier: firstDefined(chain, (p) => own(p.multipliers, node.id)) ?? 1,
      direction: node.direction ?? "benefit",
      normalize: node.normalize ?? defaultNormalize,
      goalposts: firstDefined(chain, (p) => own(p.goalposts, node.id)) ?? node.goalposts,
      treat: node.treat ?? defaultTreat,
      grades: firstDefined(chain, (p) => own(p.grades, node.id)) ?? own(model.grades, node.id),
      rules: firstDefined(chain, (p) => own(p.rules, node.id)) ?? own(model.rules, node.id),
    };
    nodes.set(node.id, resolved);
    if (indicator) indicators.push(node.id);
  }
  const variableSpec = firstDefined(chain, (p) => p.variableWeights);
  const localCap = firstDefined(chain, (p) => p.localCap);
  const variableFrom = chainNames[chain.findIndex((p) => p.variableWeights !== undefined)];
  return withVariable(
    {
      name: profileName,
      chain: chainNames,
      root: model.tree.id,
      nodes,
      indicators,
      missing,
      minCoverage,
      constant,
      ...(localCap === undefined ? {} : { localCap }),
      levels: levelRules(model, profileName).rules,
    },
    variableSpec === undefined ? undefined : { variableWeights: variableSpec },
    variableFrom ?? profileName,
  );
}

/** The profile with its state variable weights resolved, when `from` (the profile that sets them) has any. */
function withVariable(
  profile: ResolvedProfile,
  from: Pick<Profile, "variableWeights"> | undefined,
  fromName: string,
): ResolvedProfile {
  const spec = from?.variableWeights;
  if (spec === undefined) return profile;
  return {
    ...profile,
    variable: {
      spec: resolveVariableWeights(spec, `profiles.${fromName}.variableWeights`),
      nodes: spec.nodes === undefined ? undefined : new Set(spec.nodes),
    },
  };
}
