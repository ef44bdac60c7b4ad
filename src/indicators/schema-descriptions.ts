/**
 * Descriptions of the model file's definitions and fields, added to the JSON Schema by
 * `modelJsonSchema()` so that editors show them (hover, completion) and docs/model-schema.md is
 * generated from one place. @internal
 */

/** Introductions of the definitions. @internal */
export const DEFINITION_DESCRIPTIONS: Record<string, string> = {
  Model: "The model file: an indicator tree, defaults and profiles.",
  Input: "A raw data column that formulas may use (not itself scored).",
  Node: "A node of the indicator tree: a group (with `children`) or an indicator (a leaf, without `children`). The indicator fields (`unit`, `direction`, `goalposts`, `normalize`, `treat`, `formula`) are refused on groups.",
  AggregateSpec:
    "How a group's children are combined into its score (methods: docs/methods.md, aggregation).",
  NormalizeSpec:
    "How an indicator is put on a common scale on which higher is better (methods: docs/methods.md, normalization).",
  TreatSpec: "Outlier treatment applied to an indicator before normalization.",
  Defaults: "Model-wide settings; a profile's `defaults` override them.",
  Profile: "A named weighting of the tree (`normal`, `emergency`, ...), optionally extending another.",
  WeightSpec: "How a group's children are weighted in a profile (methods: docs/methods.md, weighting).",
  AhpWeightSpec: "AHP weights from pairwise judgments, a matrix, or several experts.",
  BaseWeightSpec:
    'A weight spec that `combine` can combine: every WeightSpec except `combine` itself and the bare string `"equal"`.',
  "AhpWeightSpec.experts[]": "One expert of a group AHP: judgments or a matrix, and a weight.",
};

/** Descriptions of the fields, keyed `Definition.field`. @internal */
export const FIELD_DESCRIPTIONS: Record<string, string> = {
  "Model.$schema": "URL of this JSON Schema, for editor completion and validation.",
  "Model.id": "Identifier of the model.",
  "Model.name": "Display name.",
  "Model.description": "What the model measures.",
  "Model.version": "Version of the model itself (free text, e.g. `1.0.0`).",
  "Model.inputs": "Raw data columns that formulas may read without being scored themselves.",
  "Model.tree": "The indicator tree: its root is a group.",
  "Model.defaults": "Model-wide normalization, aggregation, missing-value policy, coverage and treatment.",
  "Model.profiles":
    'Named weightings of the tree (e.g. `normal`, `emergency`); the first is the default. Without profiles the model has one implicit profile, `"default"`, with equal weights.',
  "Model.states":
    'State value (of the data\'s `state` column: a response level I-IV, a phase) -> profile name, e.g. `{ "normal": "normal", "III": "emergency" }`; see `scoreStates`.',
  "Input.id": "Identifier (same rules as node ids); must not be the id of a tree node.",
  "Input.name": "Display name.",
  "Input.unit": "Unit of measurement (display only).",
  "Input.description": "What the column holds.",
  "Node.id": "Identifier, `^[A-Za-z][A-Za-z0-9_]*$`, unique in the model; formulas and profiles refer to it.",
  "Node.code": 'Free display code, e.g. `"S1.1"`.',
  "Node.name": "Display name.",
  "Node.description": "What the node measures.",
  "Node.children": "Child nodes. A node with children is a group; a node without is an indicator (a leaf).",
  "Node.aggregate": "Group: how its children are combined (overrides `defaults.aggregate`).",
  "Node.unit": "Indicator: unit of measurement (display only).",
  "Node.direction": "Indicator: which values are better; default `benefit`.",
  "Node.goalposts":
    "Indicator: fixed bounds [low, high] (low < high) for `goalposts` normalization; also the bounds of the `target` method.",
  "Node.normalize": "Indicator: its normalization (overrides `defaults.normalize`).",
  "Node.treat": "Indicator: its outlier treatment (overrides `defaults.treat`).",
  "Node.formula":
    "Indicator: derive its value from other indicators and `inputs` (arithmetic, see docs/model.md).",
  "Node.profiles":
    "Active only in these profiles and in the profiles that extend them (e.g. emergency-only indicators); on a group, with its whole subtree.",
  "Node.source": "Where the data come from (display only).",
  "Node.tags": "Free labels.",
  "Node.appliesTo":
    "A local indicator (个性): the units it applies to (a 0/1 `tag` column, or the units below `parents`); absent by design elsewhere: not missing, no coverage loss, its weight to its siblings.",
  "Defaults.normalize": 'Normalization of every indicator without its own; default `"minmax"`.',
  "Defaults.aggregate": 'Aggregation of every group without its own; default `"arithmetic"`.',
  "Defaults.missing": 'Missing-value policy; default `"skip"`.',
  "Defaults.minCoverage":
    "Minimum share of a group's children (counted) that must be present for the group to get a score; default 0.",
  "Defaults.treat": "Outlier treatment of every indicator without its own; default none.",
  "Profile.extends": "Name of the profile this one builds on: it inherits everything it does not set.",
  "Profile.name": "Display name.",
  "Profile.description": "When to use the profile.",
  "Profile.weights": "Group id -> how its children are weighted. Groups without a spec get equal weights.",
  "Profile.aggregate": "Group id -> aggregation in this profile (overrides the node's own).",
  "Profile.defaults": "Defaults for this profile (override the model's).",
  "Profile.blend":
    "A blend of other profiles (平急结合): `{ normal: 0.3, emergency: 0.7 }` blends their local weights node by node; `{ between: [a, b], column }` blends per unit by a [0, 1] column.",
  "Profile.levels":
    "Level id -> `{ own, children, rollup }`: a unit at that level scores own x (its own level indicators) + children x (the roll-up of its child units), own + children = 1. A level not set is inherited from the profile it extends (a blend: from its components when they agree).",
  "Profile.variableWeights":
    "State variable weights (变权) at every group (or `nodes`): w_ij = w_j S(x_ij) / sum_k w_k S(x_ik), power or exponential form.",
  "TreatSpec.winsorize": "Winsorization before normalization.",
  "TreatSpec.log": "Log transform: `ln`, `log10` (positive values), or COINr's `log-ct`.",
  "AhpWeightSpec.method": "",
  "AhpWeightSpec.judgments":
    "Pairwise judgments of the children (need not be complete: Harker's method fills gaps).",
  "AhpWeightSpec.matrix": "A full (or partial, with `null`) reciprocal matrix instead of judgments.",
  "AhpWeightSpec.experts": "Several experts' judgments or matrices, aggregated by `aggregation`.",
  "AhpWeightSpec.aggregation":
    "Group AHP: `aij` (default; geometric mean of the judgments) or `aip` (mean of each expert's priorities).",
  "AhpWeightSpec.priority": "Priority method; default `eigenvector`.",
  "AhpWeightSpec.ri": "Random-index table: `saaty` (default), `cn1000`, or your own values for n = 1, 2, ...",
  "AhpWeightSpec.threshold": "Consistency threshold: consistent iff CR < threshold; default 0.10.",
};
