export type { Diagnostic } from "./check/diagnostic.js";
export { ID_PATTERN } from "./check/ids.js";
export { MAX_NODES, MAX_TREE_DEPTH } from "./check/limits.js";
export {
  type CompiledFormula,
  compileFormula,
  FORMULA_FUNCTIONS,
  MAX_FORMULA_DEPTH,
  MAX_FORMULA_LENGTH,
} from "./formula.js";
export { type ModelFromTableOptions, modelFromTable, type TableRow } from "./from-table.js";
export { MODEL_SCHEMA_URL, modelJsonSchema } from "./json-schema.js";
export { formatPath, MAX_INPUT_DEPTH, parseModel, readModelText } from "./parse-model.js";
export { activeNodes, DEFAULT_PROFILE, profileActivity, profileChain, profileNames } from "./profiles.js";
export {
  AggregateSpecSchema,
  type AhpExpert,
  type AhpWeightSpec,
  AhpWeightSpecSchema,
  type BaseWeightSpec,
  BaseWeightSpecSchema,
  type CombineWeightSpec,
  type Defaults,
  DefaultsSchema,
  DirectionSchema,
  InputSchema,
  type LocalizedText,
  LocalizedTextSchema,
  MissingPolicySchema,
  type Model,
  type ModelInput,
  type ModelInputColumn,
  type ModelNode,
  ModelSchema,
  type NodeInput,
  NodeSchema,
  NormalizeSpecSchema,
  type Profile,
  ProfileSchema,
  TreatSpecSchema,
  type WeightSpec,
  WeightSpecSchema,
} from "./schema.js";
export {
  displayName,
  INDICATOR_FIELDS,
  isIndicator,
  listIndicators,
  type VisitedNode,
  walkTree,
} from "./tree.js";
