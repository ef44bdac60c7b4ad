/**
 * indicatrix: build, weight and score hierarchical indicator systems (composite indices).
 * Pure TypeScript, no I/O: file helpers are in `indicatrix/node`.
 * @module
 */

export {
  type AhpWeightSpec,
  activeNodes,
  type BaseWeightSpec,
  type CompiledFormula,
  checkModel,
  compileFormula,
  DEFAULT_PROFILE,
  type Defaults,
  type Diagnostic,
  displayName,
  FORMULA_FUNCTIONS,
  formatPath,
  ID_PATTERN,
  INDICATOR_FIELDS,
  isIndicator,
  type LocalizedText,
  listIndicators,
  MAX_FORMULA_DEPTH,
  MAX_FORMULA_LENGTH,
  MAX_NODES,
  MAX_TREE_DEPTH,
  MODEL_SCHEMA_URL,
  type Model,
  type ModelFromTableOptions,
  type ModelInput,
  type ModelNode,
  ModelSchema,
  modelFromTable,
  modelJsonSchema,
  type NodeInput,
  type Profile,
  parseModel,
  profileActivity,
  profileChain,
  profileNames,
  readModelText,
  type TableRow,
  type VisitedNode,
  validateModel,
  type WeightSpec,
  walkTree,
} from "./indicators/index.js";
export { IndicatrixError, type Issue } from "./internal/errors.js";
export type {
  AggregateSpec,
  CostTransform,
  MissingPolicy,
  NormalizeSpec,
  TreatSpec,
} from "./internal/specs.js";
export type { Direction } from "./internal/types.js";
