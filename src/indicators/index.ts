export { formatPath } from "../internal/errors.js";
export type { Diagnostic } from "./check/diagnostic.js";
export { ID_PATTERN } from "./check/ids.js";
export {
  type CompiledFormula,
  compileFormula,
  FORMULA_FUNCTIONS,
} from "./formula.js";
export { type ModelFromTableOptions, modelFromTable, type TableRow } from "./from-table.js";
export { MODEL_SCHEMA_URL, modelJsonSchema } from "./json-schema.js";
export { locateIssues } from "./locate-issues.js";
export { parseModel, type ReadModelTextOptions, readModelText } from "./parse-model.js";
export {
  activeNodes,
  DEFAULT_PROFILE,
  type LevelRuleConflict,
  levelRules,
  profileActivity,
  profileChain,
  profileNames,
} from "./profiles.js";
export {
  AggregateSpecSchema,
  type AhpExpert,
  type AhpWeightSpec,
  AhpWeightSpecSchema,
  type BaseWeightSpec,
  BaseWeightSpecSchema,
  type BwmWeightSpec,
  type CombineWeightSpec,
  type Defaults,
  DefaultsSchema,
  type DematelWeightSpec,
  DirectionSchema,
  type FuzzyAhpWeightSpec,
  type G1Judgment,
  type G1WeightSpec,
  type HistoryEntry,
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
