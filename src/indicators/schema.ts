import { z } from "zod";
import { FRACTION_PATTERN } from "../internal/fraction.js";
import { AGGREGATE_METHODS, NORMALIZE_METHODS } from "../internal/specs.js";
import type { ModelNode } from "./model-types.js";
import {
  AppliesToSchema,
  LevelRuleSchema,
  LevelSchema,
  LocalCapSchema,
  ProfileBlendSchema,
  StatesSchema,
  VariableWeightsSchema,
} from "./schema-space.js";

/**
 * The zod 4 schema of an indicatrix model file. Every object is strict, so a typo such as
 * `"wieght"` is an error both here and in the JSON Schema generated from it
 * ({@link modelJsonSchema}). Semantic rules (unique ids, AHP consistency, profile cycles...)
 * live in `checkModel`, because zod refinements do not reach the JSON Schema.
 */

const finite = z.number().refine(Number.isFinite, { message: "expected a finite number" });
const pair = z.tuple([finite, finite]);

/** Text in one language (a string) or several (`{ "zh": "...", "en": "..." }`). */
export const LocalizedTextSchema = z.union([z.string(), z.record(z.string(), z.string())]).meta({
  id: "LocalizedText",
  description: 'A string, or names by language code: { "en": "...", "zh": "..." }',
});

/** Direction of an indicator: which values are better. */
export const DirectionSchema = z
  .union([
    z.literal("benefit"),
    z.literal("cost"),
    z.strictObject({ target: finite }),
    z.strictObject({ range: pair }),
  ])
  .meta({
    id: "Direction",
    description: "benefit (higher is better), cost (lower is better), { target: x } or { range: [a, b] }",
  });

const range = pair.meta({ description: "Output range, e.g. [0, 100]; default [0, 1]" });

/** A normalization method by name (its defaults) or with options. */
export const NormalizeSpecSchema = z
  .union([
    z.enum(NORMALIZE_METHODS),
    z.strictObject({
      method: z.literal("minmax"),
      range: range.optional(),
      cost: z.enum(["reflect", "reciprocal", "negate"]).optional(),
    }),
    z.strictObject({
      method: z.literal("goalposts"),
      goalposts: pair.optional(),
      range: range.optional(),
      clip: z.boolean().optional(),
    }),
    z.strictObject({ method: z.literal("zscore"), ddof: z.union([z.literal(0), z.literal(1)]).optional() }),
    z.strictObject({
      method: z.literal("target"),
      target: z.union([finite, pair]).optional(),
      range: range.optional(),
    }),
    z.strictObject({ method: z.literal("rank"), ties: z.enum(["min", "average"]).optional() }),
    z.strictObject({
      method: z.enum(["percentile", "borda", "distance-to-max", "fraction-of-max", "vector", "sum", "none"]),
    }),
  ])
  .meta({ id: "NormalizeSpec" });

/** Outlier treatment before normalization. */
export const TreatSpecSchema = z
  .strictObject({
    winsorize: z
      .union([
        z.strictObject({
          method: z.literal("quantile"),
          lower: z.number().min(0).max(1).optional(),
          upper: z.number().min(0).max(1).optional(),
        }),
        z.strictObject({
          method: z.literal("skew-kurtosis"),
          skew: z.number().positive().optional(),
          kurtosis: z.number().positive().optional(),
          maxPoints: z.number().int().nonnegative().optional(),
        }),
      ])
      .optional(),
    log: z.enum(["ln", "log10", "log-ct"]).optional(),
  })
  .meta({ id: "TreatSpec" });

const aggregateMethod = z.enum(AGGREGATE_METHODS);

/** How children are combined into their parent: a bare name (every method but `power`) or an object. */
export const AggregateSpecSchema = z
  .union([
    aggregateMethod.exclude(["power"]),
    z.strictObject({ method: aggregateMethod.extract(["arithmetic", "harmonic", "minimum"]) }),
    z.strictObject({
      method: z.literal("geometric"),
      zero: z.enum(["error", "floor"]).optional(),
      floor: z.number().positive().optional(),
    }),
    z.strictObject({ method: z.literal("power"), p: finite }),
    z.strictObject({
      method: z.literal("mazziotta-pareto"),
      penalty: z.enum(["negative", "positive"]).optional(),
    }),
  ])
  .meta({ id: "AggregateSpec" });

/** What happens to a missing value. */
export const MissingPolicySchema = z.enum(["error", "skip", "mean", "median", "zero"]).meta({
  id: "MissingPolicy",
  description: "skip: weighted mean over the children present, weights re-normalized",
});

const judgmentValue = z.union([z.number().positive(), z.string().regex(FRACTION_PATTERN)]).meta({
  description:
    'A number or a fraction in a string ("1/3"); a rounded reciprocal (0.333, 0.111) is read as the exact 1/k',
});
const judgment = z.tuple([z.string(), z.string(), judgmentValue]).meta({
  description:
    '[a, b, v]: a is v times as important as b, v in [1/9, 9]; e.g. ["S", "P", 2] or ["P", "S", "1/2"]',
});
const ahpMatrix = z.array(z.array(judgmentValue.nullable()));

const ahpExpert = z.strictObject({
  name: z.string().optional(),
  weight: z.number().positive().optional(),
  judgments: z.array(judgment).optional(),
  matrix: ahpMatrix.optional(),
});

const ahpOptions = {
  priority: z.enum(["eigenvector", "geometric-mean", "sum-product"]).optional(),
  ri: z.union([z.enum(["saaty", "cn1000"]), z.array(z.number().nonnegative())]).optional(),
  threshold: z.number().positive().optional(),
};

/** AHP weights from pairwise judgments, a full matrix, or several experts. */
export const AhpWeightSpecSchema = z
  .strictObject({
    method: z.literal("ahp"),
    judgments: z.array(judgment).optional(),
    matrix: ahpMatrix.optional(),
    order: z.array(z.string()).optional().meta({ description: "Child ids in the row order of `matrix`" }),
    experts: z.array(ahpExpert).optional(),
    aggregation: z.enum(["aij", "aip"]).optional(),
    ...ahpOptions,
  })
  .meta({ id: "AhpWeightSpec" });

const objectiveSpecs = [
  z.strictObject({ method: z.literal("entropy"), shift: z.number().nonnegative().optional() }),
  z.strictObject({ method: z.literal("critic"), correlation: z.enum(["1-r", "1-|r|"]).optional() }),
  z.strictObject({
    method: z.enum(["stddev", "cv"]),
    ddof: z.union([z.literal(0), z.literal(1)]).optional(),
  }),
  z.strictObject({
    method: z.literal("merec"),
    shift: z.number().nonnegative().optional().meta({
      description:
        "Added to every value first: MEREC takes logs of ratios, and min-max normalized values reach 0",
    }),
  }),
  z.strictObject({ method: z.enum(["gini", "cilos", "idocriw"]) }),
  z.strictObject({
    method: z.literal("pca"),
    variant: z.enum(["first", "square", "variance"]).optional().meta({
      description:
        "first (default): the first principal component u_1 / sum u_1 (COINr get_PCA); square: u_j1^2; variance: the Kaiser components weighted by explained variance",
    }),
  }),
] as const;

const g1Judgment = {
  order: z.array(z.string()).meta({ description: "Child ids from the most to the least important" }),
  ratios: z
    .array(z.number().positive())
    .meta({ description: "r_k = w_{k-1} / w_k for k = 2..n: 1.0, 1.2, 1.4, 1.6, 1.8 (equal ... extremely)" }),
};

/** G1 (order-relation) weights: an importance order and the ratios of neighbours, or several experts (mean). */
export const G1WeightSpecSchema = z
  .strictObject({
    method: z.literal("g1"),
    order: g1Judgment.order.optional(),
    ratios: g1Judgment.ratios.optional(),
    experts: z
      .array(
        z.strictObject({
          name: z.string().optional().meta({ description: "Who judged (display only)." }),
          ...g1Judgment,
        }),
      )
      .optional()
      .meta({ description: "Several experts' orders and ratios; the weights are their mean." }),
    scale: z
      .enum(["strict", "free"])
      .optional()
      .meta({ description: "strict (default): each r_k in [1, 1.8]" }),
  })
  .meta({ id: "G1WeightSpec" });

/** Best-worst method weights (Rezaei 2015, 2016). */
export const BwmWeightSpecSchema = z
  .strictObject({
    method: z.literal("bwm"),
    best: z.string().meta({ description: "Id of the most important child" }),
    worst: z.string().meta({ description: "Id of the least important child" }),
    bestToOthers: z
      .record(z.string(), z.number())
      .meta({ description: "child id -> how much more important `best` is, 1-9 (best itself: 1)" }),
    othersToWorst: z
      .record(z.string(), z.number())
      .meta({ description: "child id -> how much more important it is than `worst`, 1-9 (worst itself: 1)" }),
    model: z.enum(["linear", "nonlinear"]).optional().meta({
      description: "linear (default, consistency ratio xi^L) or the non-linear model (CR = xi* / CI)",
    }),
  })
  .meta({ id: "BwmWeightSpec" });

const tfnJudgment = z
  .tuple([
    z.string(),
    z.string(),
    z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]),
  ])
  .meta({
    description:
      "[a, b, [l, m, u]]: a triangular fuzzy judgment of a over b, 0 < l <= m <= u (b over a is (1/u, 1/m, 1/l))",
  });

/** Fuzzy AHP weights from triangular fuzzy judgments, or crisp 1-9 judgments turned into triangular numbers. */
export const FuzzyAhpWeightSpecSchema = z
  .strictObject({
    method: z.literal("fuzzy-ahp"),
    judgments: z.array(z.union([judgment, tfnJudgment])).meta({
      description:
        "Judgments [a, b, v] (crisp 1-9, turned into triangular numbers by the common scale) or [a, b, [l, m, u]]",
    }),
    variant: z
      .enum(["buckley", "chang"])
      .optional()
      .meta({ description: "buckley (default): geometric mean; chang: extent analysis" }),
    defuzzify: z
      .enum(["centroid", "graded-mean"])
      .optional()
      .meta({ description: "How fuzzy weights become crisp: centroid (default) or graded mean" }),
    ri: ahpOptions.ri.meta({ description: "Random-index table for the consistency of the middle matrix" }),
    threshold: ahpOptions.threshold.meta({
      description: "Consistency threshold (CR of the middle matrix); default 0.10",
    }),
  })
  .meta({ id: "FuzzyAhpWeightSpec" });

/** DEMATEL weights (prominence) from a direct-relation matrix, or several experts' matrices (averaged). */
export const DematelWeightSpecSchema = z
  .strictObject({
    method: z.literal("dematel"),
    matrix: z
      .array(z.array(z.number().nonnegative()))
      .optional()
      .meta({ description: "a_ij: influence of row i on column j, 0-4 (diagonal 0)" }),
    experts: z
      .array(z.array(z.array(z.number().nonnegative())))
      .optional()
      .meta({ description: "Several experts' direct-relation matrices, averaged" }),
    order: z.array(z.string()).optional().meta({ description: "Child ids in the row order of the matrix" }),
    normalization: z.enum(["max-row-column", "row"]).optional().meta({
      description: "Divide by the largest row or column sum (default) or the largest row sum (pyDecision)",
    }),
  })
  .meta({ id: "DematelWeightSpec" });

const baseWeightSpecs = [
  z.strictObject({ method: z.literal("equal") }),
  z.strictObject({
    method: z.literal("fixed"),
    weights: z
      .record(z.string(), finite)
      .meta({ description: "child id -> weight (relative; normalized to sum 1)" }),
  }),
  AhpWeightSpecSchema,
  ...objectiveSpecs,
  G1WeightSpecSchema,
  BwmWeightSpecSchema,
  FuzzyAhpWeightSpecSchema,
  DematelWeightSpecSchema,
] as const;

/** A weight spec that can be combined. */
export const BaseWeightSpecSchema = z.union(baseWeightSpecs).meta({ id: "BaseWeightSpec" });

/** How a node's children are weighted in a profile. */
export const WeightSpecSchema = z
  .union([
    z.literal("equal"),
    ...baseWeightSpecs,
    z.strictObject({
      method: z.literal("combine"),
      of: z.array(BaseWeightSpecSchema).min(2),
      rule: z.enum(["linear", "multiplicative", "min-discrimination", "moment", "game-theory"]),
      alpha: z.number().min(0).max(1).optional(),
      subjective: z.number().int().nonnegative().optional(),
      normalize: z.enum(["abs", "sum"]).optional().meta({
        description: "game theory: normalize the coefficients by |a| (default) or by their plain sum",
      }),
    }),
  ])
  .meta({ id: "WeightSpec" });

/** Model-wide defaults for normalization, aggregation and missing values. */
export const DefaultsSchema = z
  .strictObject({
    normalize: NormalizeSpecSchema.optional(),
    aggregate: AggregateSpecSchema.optional(),
    missing: MissingPolicySchema.optional(),
    minCoverage: z.number().min(0).max(1).optional(),
    treat: TreatSpecSchema.optional(),
    constant: z.enum(["midpoint", "error"]).optional().meta({
      description:
        "A constant indicator (all present values equal, no goalposts): midpoint of the output range with a warning (default), or an error",
    }),
  })
  .meta({ id: "Defaults" });

/** A node as the schema reads it (the documented type is `ModelNode`). */
export type NodeInput = ModelNode;

/** A node of the indicator tree: a group (with `children`) or an indicator (a leaf, without `children`). */
export const NodeSchema: z.ZodType<ModelNode, ModelNode> = z
  .strictObject({
    id: z.string(),
    code: z.string().optional(),
    name: LocalizedTextSchema.optional(),
    description: LocalizedTextSchema.optional(),
    get children() {
      return z.array(NodeSchema).optional();
    },
    aggregate: AggregateSpecSchema.optional(),
    unit: z.string().optional(),
    column: z.string().min(1).optional().meta({
      description:
        "Indicator: the data column it reads when not its id (a spreadsheet header, matched after trimming and Unicode NFKC normalization)",
    }),
    direction: DirectionSchema.optional(),
    goalposts: pair.optional(),
    normalize: NormalizeSpecSchema.optional(),
    treat: TreatSpecSchema.optional(),
    formula: z.string().optional(),
    profiles: z.array(z.string()).optional(),
    source: z.string().optional(),
    tags: z.array(z.string()).optional(),
    appliesTo: AppliesToSchema.optional(),
    level: z.string().optional().meta({
      description: "Level id (e.g. street): the node's indicators are measured on that level's own data rows",
    }),
  })
  .meta({ id: "Node" });

const boundary = z.enum(["lower", "upper"]).meta({
  description:
    "lower (default): a score equal to a cut point gets the better grade, [c_k, c_k+1); upper: (c_k, c_k+1]",
});

const gradeBase = {
  labels: z.array(LocalizedTextSchema).optional().meta({
    description:
      'Grade labels, worst first (one more than the cut points), e.g. ["差", "中", "良", "优"]; default "1", "2", ...',
  }),
  closed: boundary.optional(),
  precision: z.number().int().min(0).max(12).nullable().optional().meta({
    description:
      "Decimals scores and cut points are rounded to (half away from zero) before comparing; null = exact. Default 2 (Jenks: null)",
  }),
  margin: z.number().nonnegative().optional().meta({
    description: "Units whose score is within this distance of a cut point are listed as near a boundary",
  }),
};

/** How a node's scores are graded: fixed cut points, mean +- k SD, quantiles or Jenks natural breaks. */
export const GradeSpecSchema = z
  .union([
    z.strictObject({
      method: z.literal("fixed"),
      cuts: z
        .array(finite)
        .min(1)
        .meta({ description: "Cut points on the score scale, ascending, e.g. [60, 80, 90]" }),
      ...gradeBase,
    }),
    z.strictObject({
      method: z.literal("mean-sd"),
      k: z.union([z.number().positive(), z.array(finite).min(1)]).meta({
        description:
          "k for the cuts mean - k SD and mean + k SD (SD ddof 1), or the multiples, ascending: [-1, 0, 1]",
      }),
      ...gradeBase,
    }),
    z.strictObject({
      method: z.literal("quantile"),
      probs: z.array(z.number().gt(0).lt(1)).min(1).optional().meta({
        description: "Probabilities of the cut points, ascending, e.g. [0.25, 0.5, 0.75]; or give classes",
      }),
      classes: z.number().int().min(2).optional().meta({ description: "Number of classes of equal size" }),
      type: z
        .union([z.literal(6), z.literal(7)])
        .optional()
        .meta({
          description: "Hyndman-Fan quantile type: 7 (default, R and numpy) or 6 (SPSS)",
        }),
      ...gradeBase,
    }),
    z.strictObject({
      method: z.literal("jenks"),
      classes: z
        .number()
        .int()
        .min(2)
        .meta({ description: "Number of classes (optimal Fisher-Jenks breaks)" }),
      ...gradeBase,
    }),
  ])
  .meta({ id: "GradeSpec" });

const condition = z.string().meta({
  description:
    "A comparison of a column or indicator with a number or true/false: `accidents >= 1`, `flag == true`",
});

const pointsRule = z
  .strictObject({
    id: z.string().meta({ description: "Identifier of the item (shown in the unit's contributions)" }),
    name: LocalizedTextSchema.optional().meta({
      description: "Display name of the item, or names by language code",
    }),
    from: z.string().optional().meta({
      description: "Indicator or input column counted: points = per x value (a missing value counts 0)",
    }),
    per: finite.optional().meta({ description: "Points per unit of `from` (default 1)" }),
    when: condition.optional().meta({ description: "Condition under which `points` are given" }),
    points: finite.optional().meta({ description: "Points given when `when` holds" }),
    cap: z.number().nonnegative().optional().meta({ description: "Cap on this item's points" }),
  })
  .meta({ id: "PointsRule" });

/** Assessment rules (考核) at one node. */
export const NodeRulesSchema = z
  .strictObject({
    steps: z
      .strictObject({
        thresholds: z.array(finite).min(1).meta({ description: "Thresholds on the raw value, ascending" }),
        points: z.array(finite).min(2).meta({
          description:
            "Points below the first threshold, between thresholds and from the last on (thresholds + 1 values), on the score scale; monotone in the indicator's direction",
        }),
        closed: boundary.optional(),
      })
      .optional()
      .meta({ description: "Step scores of an indicator (档次赋分), replacing its normalized value" }),
    bonus: z.array(pointsRule).optional().meta({ description: "Bonus items (加分), summed then capped" }),
    bonusCap: z.number().nonnegative().optional().meta({ description: "Cap on the summed bonus" }),
    penalty: z.array(pointsRule).optional().meta({ description: "Penalty items (扣分), summed then capped" }),
    penaltyCap: z.number().nonnegative().optional().meta({ description: "Cap on the summed penalty" }),
    capTotal: finite.optional().meta({ description: "Upper limit of score + bonus - penalty, e.g. 100" }),
    floor: finite.optional().meta({ description: "Lower limit of score + bonus - penalty (default 0)" }),
    veto: z
      .array(
        z
          .strictObject({
            id: z.string().meta({ description: "Identifier of the veto" }),
            name: LocalizedTextSchema.optional().meta({
              description: "Display name of the veto (the reason shown), or names by language code",
            }),
            when: condition,
            effect: z.enum(["lowest-grade", "grade-ceiling", "zero-score"]).optional().meta({
              description:
                "lowest-grade (default: lowest grade, score kept), grade-ceiling (grade at most `grade`), zero-score (score set to 0)",
            }),
            grade: z
              .string()
              .optional()
              .meta({ description: "Highest grade allowed (a label), for grade-ceiling" }),
            reason: LocalizedTextSchema.optional().meta({
              description: "Why, in words (recorded with the unit)",
            }),
            basis: z.string().optional().meta({ description: "Legal or policy basis (metadata)" }),
          })
          .meta({ id: "VetoRule" }),
      )
      .optional()
      .meta({ description: "Vetoes (一票否决): the unit fails at the node whatever its score" }),
  })
  .meta({ id: "NodeRules" });

const gradesField = z
  .record(z.string(), GradeSpecSchema)
  .optional()
  .meta({ description: "Node id -> how its scores are graded" });
const rulesField = z
  .record(z.string(), NodeRulesSchema)
  .optional()
  .meta({ description: "Node id -> assessment rules: step scores, bonus and penalty points, vetoes" });

/** A named weighting of the tree (`normal`, `emergency`, ...), optionally extending another. */
export const ProfileSchema = z
  .strictObject({
    extends: z.string().optional(),
    name: LocalizedTextSchema.optional(),
    description: LocalizedTextSchema.optional(),
    weights: z.record(z.string(), WeightSpecSchema).optional(),
    aggregate: z.record(z.string(), AggregateSpecSchema).optional(),
    defaults: DefaultsSchema.optional(),
    include: z
      .array(z.string())
      .optional()
      .meta({ description: "Indicator ids made active in this profile" }),
    exclude: z
      .array(z.string())
      .optional()
      .meta({ description: "Indicator ids made inactive in this profile" }),
    multipliers: z.record(z.string(), z.number().nonnegative()).optional().meta({
      description: "Node id -> factor applied to its local weight before re-normalizing (scenario overlays)",
    }),
    goalposts: z
      .record(z.string(), pair)
      .optional()
      .meta({ description: "Indicator id -> goalposts for this profile" }),
    grades: gradesField,
    rules: rulesField,
    blend: ProfileBlendSchema.optional(),
    variableWeights: VariableWeightsSchema.optional(),
    localCap: LocalCapSchema.optional(),
    levels: z.record(z.string(), LevelRuleSchema).optional().meta({
      description:
        "Level id -> how its units mix their own indicators with their child units' roll-up; a level it does not set is inherited from the profile it extends (a blend: from its components when they agree)",
    }),
  })
  .meta({ id: "Profile" });

/** A raw dataset column that formulas may use (not itself scored). */
export const InputSchema = z
  .strictObject({
    id: z.string(),
    name: LocalizedTextSchema.optional(),
    unit: z.string().optional(),
    description: LocalizedTextSchema.optional(),
    rollup: z.literal("sum").optional().meta({
      description:
        "sum: a unit with levels (street, district) takes the sum of its child units' values, and the formula indicators reading only summed inputs are recomputed from the sums at each level (a rate per 10,000 residents of the street) instead of averaged",
    }),
  })
  .meta({ id: "Input" });

/** One step in the building of the model (Delphi round, screening, ...), written by the tools that change it. */
const HistoryEntrySchema = z
  .strictObject({
    step: z.string().meta({ description: "What was done, e.g. delphi or screening" }),
    date: z.string().optional().meta({ description: "When (ISO 8601 date or date-time)" }),
    summary: z.string().meta({ description: "The step in one sentence, with its key numbers" }),
    removed: z
      .array(
        z.strictObject({
          id: z.string().meta({ description: "Id of the node removed" }),
          reason: z.string().meta({ description: "Why, with the rule and the numbers" }),
        }),
      )
      .optional()
      .meta({ description: "Nodes removed in this step and why" }),
  })
  .meta({ id: "HistoryEntry" });

/** The model file: an indicator tree, defaults and profiles. */
export const ModelSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string(),
    name: LocalizedTextSchema.optional(),
    description: LocalizedTextSchema.optional(),
    version: z.string().optional(),
    language: z
      .string()
      .optional()
      .meta({ description: "Preferred display language of names, e.g. zh or en" }),
    inputs: z.array(InputSchema).optional(),
    tree: NodeSchema,
    defaults: DefaultsSchema.optional(),
    profiles: z.record(z.string(), ProfileSchema).optional(),
    history: z
      .array(HistoryEntrySchema)
      .optional()
      .meta({ description: "How the model was built: Delphi rounds, screening, ... (oldest first)" }),
    grades: gradesField,
    rules: rulesField,
    states: StatesSchema.optional(),
    levels: z.array(LevelSchema).optional().meta({
      description: "The levels of the unit hierarchy, lowest first (community, street, district, city)",
    }),
  })
  .meta({ id: "Model", title: "indicatrix model" });

export type {
  AhpExpert,
  AhpWeightSpec,
  BaseWeightSpec,
  BwmWeightSpec,
  CombineWeightSpec,
  Defaults,
  DematelWeightSpec,
  FuzzyAhpWeightSpec,
  G1Judgment,
  G1WeightSpec,
  GradeBoundary,
  GradeSpec,
  HistoryEntry,
  LocalizedText,
  Model,
  ModelInput,
  ModelInputColumn,
  ModelNode,
  NodeRules,
  PointsRule,
  Profile,
  StepRule,
  VetoRule,
  WeightSpec,
} from "./model-types.js";
