import type {
  AhpExpert,
  BaseWeightSpec,
  BwmWeightSpec,
  CombineWeightSpec,
  G1Judgment,
  WeightSpec,
} from "../indicators/schema.js";
import { AHP_THRESHOLD } from "./ahp-defaults.js";
import { judgmentNumber } from "./judgment-value.js";
import type { AhpMethod } from "./pairwise.js";
import type { RiTable } from "./ri-tables.js";

/** Judgments with their values read as numbers (`"1/3"` and a rounded 0.333 as 1/3; see `readJudgmentValue`). */
export type NumericJudgments = readonly (readonly [string, string, number])[];
/** A pairwise matrix with its entries read as numbers, `null` where a judgment is missing. */
export type NumericMatrix = readonly (readonly (number | null)[])[];

/** One expert of a group AHP, with the values read as numbers. */
export interface ResolvedAhpExpert {
  /** Who judged (display only). */
  readonly name: string | undefined;
  readonly judgments?: NumericJudgments | undefined;
  readonly matrix?: NumericMatrix | undefined;
}

/** Where the judgments of an AHP spec come from, as {@link resolveWeightSpec} reads them. */
export type AhpSource =
  | { kind: "judgments"; judgments: NumericJudgments }
  | { kind: "matrix"; matrix: NumericMatrix; order: readonly string[] | undefined }
  | {
      kind: "experts";
      experts: readonly ResolvedAhpExpert[];
      /** Each expert's weight (default 1). */
      weights: readonly number[];
      aggregation: "aij" | "aip";
      /** Row order of the experts' matrices (default: the children's order). */
      order: readonly string[] | undefined;
    };

/** A weight spec of one method with every default filled in: what the weighting backends read. */
export type ResolvedBaseWeightSpec =
  | { readonly method: "equal"; readonly needsData: false }
  | {
      readonly method: "fixed";
      readonly needsData: false;
      readonly weights: Readonly<Record<string, number>>;
    }
  | {
      readonly method: "ahp";
      readonly needsData: false;
      /** Priority method: `eigenvector` unless the spec says otherwise. */
      readonly priority: AhpMethod;
      /** Random-index table: `saaty` unless the spec says otherwise. */
      readonly ri: RiTable;
      /** Consistent iff CR < threshold: 0.10 unless the spec says otherwise. */
      readonly threshold: number;
      readonly source: AhpSource;
    }
  | { readonly method: "entropy"; readonly needsData: true; readonly shift: number }
  | { readonly method: "critic"; readonly needsData: true; readonly correlation: "1-r" | "1-|r|" }
  | { readonly method: "stddev" | "cv"; readonly needsData: true; readonly ddof: 0 | 1 }
  | { readonly method: "merec"; readonly needsData: true; readonly shift: number }
  | { readonly method: "gini" | "cilos" | "idocriw"; readonly needsData: true }
  | { readonly method: "pca"; readonly needsData: true; readonly variant: "first" | "square" | "variance" }
  | {
      readonly method: "g1";
      readonly needsData: false;
      /** One judgment set per expert (one for a spec with `order` and `ratios`). */
      readonly experts: readonly G1Judgment[];
      readonly scale: "strict" | "free";
    }
  | {
      readonly method: "bwm";
      readonly needsData: false;
      readonly best: string;
      readonly worst: string;
      readonly bestToOthers: BwmWeightSpec["bestToOthers"];
      readonly othersToWorst: BwmWeightSpec["othersToWorst"];
      /** `linear` unless the spec says otherwise. */
      readonly model: "linear" | "nonlinear";
    }
  | {
      readonly method: "fuzzy-ahp";
      readonly needsData: false;
      /** Crisp judgments as numbers; triangular ones as `[l, m, u]`. */
      readonly judgments: readonly (readonly [string, string, number | readonly [number, number, number]])[];
      /** `buckley` unless the spec says otherwise. */
      readonly variant: "buckley" | "chang";
      /** `centroid` unless the spec says otherwise. */
      readonly defuzzify: "centroid" | "graded-mean";
      readonly ri: RiTable;
      readonly threshold: number;
    }
  | {
      readonly method: "dematel";
      readonly needsData: false;
      /** The experts' matrices (one for a spec with `matrix`), averaged before DEMATEL runs. */
      readonly matrices: readonly (readonly number[])[][];
      readonly order: readonly string[] | undefined;
      /** `max-row-column` unless the spec says otherwise. */
      readonly normalization: "max-row-column" | "row";
    };

/** A combination of weight specs, resolved: its parts resolved and its rule's options as given. */
export interface ResolvedCombineWeightSpec {
  readonly method: "combine";
  /** True when any part weighs by the data. */
  readonly needsData: boolean;
  readonly rule: CombineWeightSpec["rule"];
  readonly of: readonly ResolvedBaseWeightSpec[];
  /** Linear and multiplicative: the coefficients (default equal, filled by `combineWeights`). */
  readonly alpha: number | undefined;
  /** Moment: how many of the first parts are subjective (default 1, filled by `combineWeights`). */
  readonly subjective: number | undefined;
  /** Game theory: how the raw coefficients are normalized (default `abs`, filled by `combineWeights`). */
  readonly normalize: "abs" | "sum" | undefined;
}

/** The resolved spec of one method. @internal */
export type ResolvedOfMethod<M extends ResolvedBaseWeightSpec["method"]> = Extract<
  ResolvedBaseWeightSpec,
  { method: M }
>;

/** Any weight spec of the model format with its defaults filled in (see {@link resolveWeightSpec}). */
export type ResolvedWeightSpec = ResolvedBaseWeightSpec | ResolvedCombineWeightSpec;

/** Judgment values as numbers, the one reading of `readJudgmentValue` (NaN for a value it cannot read). */
function numericJudgments(js: readonly (readonly [string, string, unknown])[]): NumericJudgments {
  return js.map(([a, b, v]) => [a, b, judgmentNumber(v)] as const);
}

/** Matrix entries as numbers (`null` kept). */
function numericMatrix(m: readonly (readonly unknown[])[]): NumericMatrix {
  return m.map((row) => row.map((v) => (v === null ? null : judgmentNumber(v))));
}

function resolveExpert(e: AhpExpert): ResolvedAhpExpert {
  return {
    name: e.name,
    ...(e.judgments ? { judgments: numericJudgments(e.judgments) } : {}),
    ...(e.matrix ? { matrix: numericMatrix(e.matrix) } : {}),
  };
}

function resolveBase(spec: BaseWeightSpec): ResolvedBaseWeightSpec {
  switch (spec.method) {
    case "equal":
      return { method: "equal", needsData: false };
    case "fixed":
      return { method: "fixed", needsData: false, weights: spec.weights };
    case "ahp": {
      const source: AhpSource =
        spec.experts && spec.experts.length > 0
          ? {
              kind: "experts",
              experts: spec.experts.map(resolveExpert),
              weights: spec.experts.map((e) => e.weight ?? 1),
              aggregation: spec.aggregation ?? "aij",
              order: spec.order,
            }
          : spec.matrix
            ? { kind: "matrix", matrix: numericMatrix(spec.matrix), order: spec.order }
            : { kind: "judgments", judgments: numericJudgments(spec.judgments ?? []) };
      return {
        method: "ahp",
        needsData: false,
        priority: spec.priority ?? "eigenvector",
        ri: spec.ri ?? "saaty",
        threshold: spec.threshold ?? AHP_THRESHOLD,
        source,
      };
    }
    case "entropy":
      return { method: "entropy", needsData: true, shift: spec.shift ?? 0 };
    case "critic":
      return { method: "critic", needsData: true, correlation: spec.correlation ?? "1-r" };
    case "stddev":
    case "cv":
      return { method: spec.method, needsData: true, ddof: spec.ddof ?? 1 };
    case "merec":
      return { method: "merec", needsData: true, shift: spec.shift ?? 0 };
    case "gini":
    case "cilos":
    case "idocriw":
      return { method: spec.method, needsData: true };
    case "pca":
      return { method: "pca", needsData: true, variant: spec.variant ?? "first" };
    case "g1":
      return {
        method: "g1",
        needsData: false,
        experts: spec.experts ?? [{ order: spec.order ?? [], ratios: spec.ratios ?? [] }],
        scale: spec.scale ?? "strict",
      };
    case "bwm":
      return {
        method: "bwm",
        needsData: false,
        best: spec.best,
        worst: spec.worst,
        bestToOthers: spec.bestToOthers,
        othersToWorst: spec.othersToWorst,
        model: spec.model ?? "linear",
      };
    case "fuzzy-ahp":
      return {
        method: "fuzzy-ahp",
        needsData: false,
        judgments: spec.judgments.map(([a, b, v]) =>
          Array.isArray(v) ? ([a, b, [v[0], v[1], v[2]]] as const) : ([a, b, judgmentNumber(v)] as const),
        ),
        variant: spec.variant ?? "buckley",
        defuzzify: spec.defuzzify ?? "centroid",
        ri: spec.ri ?? "saaty",
        threshold: spec.threshold ?? AHP_THRESHOLD,
      };
    case "dematel":
      return {
        method: "dematel",
        needsData: false,
        matrices: spec.experts ?? (spec.matrix ? [spec.matrix] : []),
        order: spec.order,
        normalization: spec.normalization ?? "max-row-column",
      };
  }
}

/**
 * Reads a weight spec of the model format and fills in every default once: the one place that
 * says what `"equal"` means, that AHP uses the eigenvector, Saaty's RI table and CR < 0.10 unless
 * told otherwise, that entropy has no shift, CRITIC uses 1 - r and the standard deviation ddof 1.
 * `specWeights` (in memory) and the SQL compiler both weigh from the resolved spec. The spec is
 * assumed valid against the model schema (as `parseModel` leaves it); `checkModel` reports specs
 * that are not.
 *
 * @example
 * ```ts
 * resolveWeightSpec("equal");
 * // => { method: "equal", needsData: false }
 * resolveWeightSpec({ method: "critic" });
 * // => { method: "critic", needsData: true, correlation: "1-r" }
 * resolveWeightSpec({ method: "combine", rule: "linear", of: [{ method: "entropy" }, { method: "equal" }] }).needsData;
 * // => true
 * ```
 */
export function resolveWeightSpec(spec: WeightSpec): ResolvedWeightSpec {
  if (spec === "equal") return { method: "equal", needsData: false };
  if (spec.method !== "combine") return resolveBase(spec);
  const of = spec.of.map(resolveBase);
  return {
    method: "combine",
    needsData: of.some((s) => s.needsData),
    rule: spec.rule,
    of,
    alpha: spec.alpha,
    subjective: spec.subjective,
    normalize: spec.normalize,
  };
}
