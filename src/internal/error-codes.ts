/**
 * Every code that indicatrix can emit, thrown in an `IndicatrixError` or returned in the issues,
 * diagnostics and warnings of a function, with how it appears (`error`, `warning`, or `both`: an error or a
 * warning depending on a policy or a place) and what it means, in one line. docs/model.md shows the same
 * table; a test keeps the two equal. A `deprecated` code is an old synonym that one call site still emits;
 * `replacedBy` names the code to match on.
 *
 * @example
 * ```ts
 * ERROR_CODES.duplicate_id.severity; // => "error"
 * ERROR_CODES.inconsistent_judgments.severity; // => "warning"
 * ```
 */
export const ERROR_CODES = {
  all_constant: {
    severity: "error",
    text: "every column of a matrix is constant, so a data-driven method cannot tell the indicators apart",
  },
  all_missing: {
    severity: "warning",
    text: "every value of a column is missing, so every normalized value is NaN",
  },
  alpha_required: {
    severity: "error",
    text: "variable weights of the power form without `alpha` (or of the exponential form without `beta`): there is no agreed default",
  },
  ambiguous_judgments: {
    severity: "error",
    text: "an AHP spec has both `judgments` and `matrix`, or `experts` together with either",
  },
  asymmetric_weights: {
    severity: "warning",
    text: "a neighbour list where j is a neighbour of i but i is not a neighbour of j (symmetrize on request)",
  },
  cannot_impute: {
    severity: "error",
    text: "a child column has no present value, so the mean or median imputation has nothing to impute from",
  },
  collinear: {
    severity: "warning",
    text: "two indicators of a group are almost perfectly correlated (structure checks)",
  },
  column_collision: {
    severity: "error",
    text: "a node id would overwrite another column of the CLI score output",
  },
  constant_column: {
    severity: "both",
    text: 'a column has no spread (warning: normalized to the midpoint; error with `defaults.constant: "error"`)',
  },
  constant_ranking: {
    severity: "warning",
    text: "a period's ranking is constant or shares fewer than 2 units, so the rank correlation between periods is undefined",
  },
  constant_total: {
    severity: "error",
    text: "the sum of the items is constant, so Cronbach's alpha is undefined",
  },
  contradictory_judgment: { severity: "error", text: "a pair judged twice with values that disagree" },
  converted_cells: {
    severity: "warning",
    text: "data cells read as numbers after a conversion (percent, thousands separator, full-width digit, missing marker)",
  },
  cuts_outside_scale: {
    severity: "warning",
    text: "fixed grade cut points beyond the node's score scale (e.g. 90 on a 0-1 scale), so a grade can never or always be reached",
  },
  data_required: {
    severity: "error",
    text: "data-driven weights (entropy, CRITIC, ...) asked for without data",
  },
  degenerate_combination: {
    severity: "error",
    text: "a combination of weight vectors cannot be normalized (its coefficients sum to 0 or its system is singular)",
  },
  degenerate_rsr: {
    severity: "error",
    text: "every unit has the same rank-sum ratio, so the probit regression has nothing to fit",
  },
  degenerate_weights: {
    severity: "error",
    text: "a data-driven method's weights cannot be normalized (every divergence or information content is 0)",
  },
  degree_coordinates: {
    severity: "warning",
    text: "x/y coordinates that look like degrees (|x| <= 180, |y| <= 90) used with Euclidean distance",
  },
  disconnected_judgments: {
    severity: "error",
    text: "the judgments leave groups of children never compared with each other",
  },
  duplicate_id: { severity: "error", text: "two nodes (or a node and an input, or two labels) share an id" },
  duplicate_judgment: { severity: "error", text: "the same ordered pair judged twice with the same value" },
  duplicate_unit: { severity: "error", text: "two data rows carry the same unit id" },
  duplicate_unit_period: {
    severity: "error",
    text: "a panel has the same unit twice in one period",
  },
  empty_data: { severity: "error", text: "there are no units (rows) to work with" },
  empty_group: { severity: "error", text: "a group has no children (or the root is an indicator)" },
  empty_tree: { severity: "error", text: "an indicator table gives no indicator" },
  file_too_large: {
    severity: "error",
    text: "a file is larger than the limit for its kind (CLI exit code 2)",
  },
  floored_value: {
    severity: "warning",
    text: "a child score below the variable-weight floor entered the state variable weights at the floor (its weight dominates)",
  },
  formula_cycle: { severity: "error", text: "formulas depend on each other in a cycle" },
  formula_not_finite: {
    severity: "warning",
    text: "a formula gives no finite value for some units with all inputs present; they count as missing",
  },
  goalposts_ignored: {
    severity: "warning",
    text: "an indicator sets goalposts that its normalization (min-max and all but `goalposts`) ignores",
  },
  group_unit_values_ignored: {
    severity: "warning",
    text: "units with child units carry their own values, which scoring ignores (they are scored by roll-up)",
  },
  guessed_encoding: {
    severity: "warning",
    text: "a data file is not valid UTF-8 and was read as GB18030 (GBK); give --encoding if that is wrong",
  },
  ignored_columns: {
    severity: "warning",
    text: "data columns that the model does not use (lon and lat, the units' coordinates, are not reported)",
  },
  inconsistent_judgments: {
    severity: "warning",
    text: "an AHP consistency ratio at or above the threshold, with the judgment to revisit",
  },
  indicator_with_children: {
    severity: "error",
    text: "a group carries indicator fields (`unit`, `direction`, `goalposts`, `normalize`, `treat`, `formula`)",
  },
  invalid_blend: {
    severity: "error",
    text: "a blended profile whose coefficients do not sum to 1, that names a blended profile, or that sets weights, extends or switches beside its blend",
  },
  invalid_breakpoints: {
    severity: "error",
    text: "the breakpoints of a membership function are not finite and increasing",
  },
  invalid_children: {
    severity: "error",
    text: "the children of an aggregation are not a non-empty array of numeric columns",
  },
  invalid_condition: {
    severity: "error",
    text: "a rule condition is not `<column> <op> <number | true | false>`, or names no indicator or input",
  },
  invalid_csv: { severity: "error", text: "a CSV text cannot be parsed (with its line)" },
  invalid_data: {
    severity: "error",
    text: "a data cell that is not a number, or a dataset that is not a table of rows or columns",
  },
  invalid_diagonal: {
    severity: "error",
    text: "a diagonal entry of a pairwise comparison matrix other than 1",
  },
  invalid_direction: {
    severity: "error",
    text: "a direction that is not `benefit`, `cost`, a finite target or a range [a, b] with a <= b",
  },
  invalid_encoding: {
    severity: "error",
    text: "the bytes of a file are not valid in its encoding (with the line); never read as replacement characters",
  },
  invalid_formula: { severity: "error", text: "a formula does not parse or uses something not allowed" },
  invalid_goalposts: { severity: "error", text: "goalposts that are not `[low, high]` with low < high" },
  invalid_grades: {
    severity: "error",
    text: "a grade spec is inconsistent: cut points not ascending, labels not one more than the cuts, probs and classes both or neither",
  },
  invalid_id: { severity: "error", text: "an id is not an identifier" },
  invalid_identifier: {
    severity: "error",
    text: "a table or column name that cannot be written as a SQL identifier (it contains a NUL character)",
  },
  invalid_judgment: {
    severity: "error",
    text: "a judgment that is not a triple `[a, b, value]` with two ids and a number",
  },
  invalid_levels: {
    severity: "error",
    text: "a level that the model's `levels` do not name (on a node, a unit or a rule), a level rule whose own + children is not 1, a level with own indicators and no rule, a blend whose components give a level different rules and that sets none, or a group above a formula recomputed from summed inputs that is not an arithmetic mean with the same weights for every unit",
  },
  invalid_matrix: {
    severity: "error",
    text: "a matrix that is not a non-empty array of numeric rows or columns, or an entry that is not a positive number",
  },
  invalid_membership: {
    severity: "error",
    text: "a fuzzy membership matrix or function that does not fit the grades",
  },
  invalid_model: {
    severity: "error",
    text: "the model does not meet the schema (a missing or unknown field, a wrong type, a value outside its enum), or has errors",
  },
  invalid_option: {
    severity: "error",
    text: "an option or argument of a function is missing, of the wrong type or outside its domain",
  },
  invalid_range: { severity: "error", text: "a range direction `[a, b]` with a > b" },
  invalid_rule: {
    severity: "error",
    text: "an assessment rule is inconsistent: steps on a group, points not one more than thresholds, an item with neither `from` nor `when`",
  },
  invalid_spec: {
    severity: "error",
    text: "an aggregation spec with an unknown method or an option outside its domain",
  },
  invalid_syntax: { severity: "error", text: "the text is not JSON or YAML (with line and column)" },
  invalid_table: {
    severity: "error",
    text: "an indicator table cannot be turned into a model (every problem with its row)",
  },
  invalid_value: { severity: "error", text: "a value that is neither a finite number nor missing" },
  invalid_weights: {
    severity: "error",
    text: "weights that are not finite non-negative numbers, one per child or column, with a positive sum",
  },
  invalid_workbook: {
    severity: "error",
    text: "a workbook (.xlsx, .xls, .ods...) cannot be read (not a workbook, damaged or password-protected, no such sheet, a formula without a saved result)",
  },
  island: {
    severity: "warning",
    text: "a unit without neighbours in the spatial weights: its spatial lag is 0",
  },
  judgment_out_of_scale: {
    severity: "error",
    text: "a judgment or matrix entry outside Saaty's scale [1/9, 9]",
  },
  knn_tie: {
    severity: "warning",
    text: "a tie at the k-th nearest distance, broken by the lowest unit index",
  },
  length_mismatch: { severity: "error", text: "columns (or series) of different lengths" },
  low_coverage: {
    severity: "warning",
    text: "an indicator present for fewer units than the screening threshold (`screenIndicators`)",
  },
  low_discrimination: {
    severity: "warning",
    text: "an indicator whose coefficient of variation is below the screening threshold (`screenIndicators`)",
  },
  matrix_not_square: {
    severity: "error",
    text: "a pairwise comparison matrix whose rows do not all have as many entries as it has rows",
  },
  matrix_too_large: {
    severity: "error",
    text: "an AHP pairwise matrix above `LIMITS.maxAhpOrder` (see the limits)",
  },
  matrix_wrong_size: {
    severity: "error",
    text: "a pairwise comparison matrix whose order differs from the number of children",
  },
  measure_undefined: {
    severity: "warning",
    text: "a disparity measure undefined for the data (Theil L or max/min with a score of 0) is left out",
  },
  merged_cells: {
    severity: "warning",
    text: "a workbook sheet has cells merged over several rows; each row of a merged range reads the value of its first cell",
  },
  missing_child: {
    severity: "error",
    text: "an active child has no fixed weight, or appears in no judgment",
  },
  missing_column: { severity: "error", text: "a column the model (or a method) needs is not in the data" },
  missing_dependency: {
    severity: "error",
    text: "an optional package is not installed (`@duckdb/node-api` for `indicatrix/duckdb`)",
  },
  missing_goalposts: { severity: "error", text: "`goalposts` normalization without goalposts" },
  missing_judgments: {
    severity: "error",
    text: "an AHP spec (or expert) has neither `judgments` nor `matrix`",
  },
  missing_period: {
    severity: "error",
    text: "a panel row has no period",
  },
  missing_target: {
    severity: "error",
    text: "`target` normalization without a target (in the spec or the direction)",
  },
  missing_unit_id: { severity: "error", text: "a data row without a unit id" },
  missing_value: { severity: "error", text: "a missing value under the missing-value policy `error`" },
  near_constant: {
    severity: "warning",
    text: "an indicator with few distinct values (`screenIndicators`)",
  },
  negative_value: {
    severity: "error",
    text: "a negative value where a method needs non-negative ones (geometric or power mean, entropy, fraction of max, sum)",
  },
  negative_weight: { severity: "error", text: "a fixed weight below 0" },
  negative_with_index: {
    severity: "warning",
    text: "an indicator whose correlation with the index is below the threshold (`screenIndicators`)",
  },
  negative_with_parent: {
    severity: "warning",
    text: "an indicator correlates negatively with the score of its group (structure checks)",
  },
  no_active_child: { severity: "error", text: "in a profile, a group has no active child" },
  no_complete_units: { severity: "error", text: "no unit has a value for every active indicator" },
  no_convergence: {
    severity: "error",
    text: "an iterative method did not converge within its iteration limit",
  },
  no_scores: { severity: "error", text: "no unit has an overall score" },
  no_spread: { severity: "error", text: "a column without spread where a method needs one" },
  non_finite_value: { severity: "error", text: "an infinite value (or NaN where a value is required)" },
  non_monotone_steps: {
    severity: "error",
    text: "the points of a step rule do not rise with the indicator's direction (fall for a cost indicator)",
  },
  nonpositive_mean: {
    severity: "error",
    text: "a unit whose children have a mean <= 0, where the Mazziotta-Pareto index needs a positive one",
  },
  nonpositive_value: {
    severity: "error",
    text: "a value <= 0 where a method needs positive ones (harmonic or power mean, logs, ratio-scale normalizations)",
  },
  not_reciprocal: {
    severity: "error",
    text: "a_ji is not 1/a_ij (within the tolerance), or only one of the two is `null`",
  },
  numeric_overflow: { severity: "error", text: "a power mean overflows for the given exponent" },
  outranking_cycle: {
    severity: "warning",
    text: "the ELECTRE I outranking graph has cycles; each is merged into one node for the kernel",
  },
  parent_cycle: { severity: "error", text: "the parent column of the data makes a cycle of units" },
  partial_sum: {
    severity: "warning",
    text: 'a formula reads inputs with rollup: "sum" and other columns: with levels it is rolled up as a score, not recomputed from the sums',
  },
  profile_cycle: { severity: "error", text: "`extends` loops" },
  reserved_id: {
    severity: "error",
    text: "an id (or profile name) collides with a JavaScript object property",
  },
  ri_unavailable: {
    severity: "error",
    text: "no published random index for a matrix of this order (give your own `ri` array)",
  },
  rounded_judgment: {
    severity: "warning",
    text: "a judgment written as a rounded reciprocal (0.333, 0.111), read as the exact fraction 1/k",
  },
  self_comparison: { severity: "error", text: "an element compared with itself" },
  sign_change: {
    severity: "warning",
    text: "a trend's first and last values have opposite signs, so the growth rate is undefined (NaN)",
  },
  singular_correlation: {
    severity: "error",
    text: "the correlation matrix is singular (fewer units than variables, or an exact linear relation), so KMO and Bartlett's test are undefined",
  },
  sql_error: { severity: "error", text: "the database refused the compiled SQL" },
  target_outside_goalposts: {
    severity: "error",
    text: "a target or range outside the indicator's goalposts",
  },
  too_deep: { severity: "error", text: "the tree is deeper than `LIMITS.maxTreeDepth`" },
  too_few_grades: { severity: "error", text: "a fuzzy evaluation with fewer than two grades" },
  too_few_items: { severity: "error", text: "fewer items than a method needs (Cronbach's alpha needs 2)" },
  too_few_subsystems: { severity: "error", text: "coupling coordination with fewer than two subsystems" },
  too_few_units: { severity: "error", text: "fewer units (rows) than a method needs" },
  too_few_values: { severity: "error", text: "fewer present values than a statistic needs" },
  too_many_nodes: { severity: "error", text: "the tree has more nodes than `LIMITS.maxNodes`" },
  too_many_units: {
    severity: "error",
    text: "more units than a pairwise method allows (PROMETHEE, ELECTRE I, Copeland, MULTIMOORA dominance: see the limits)",
  },
  units_left_out: {
    severity: "warning",
    text: "units left out of an analysis (no score at the node, no group, no coordinates)",
  },
  unbalanced_panel: {
    severity: "warning",
    text: "units are absent from some periods of a panel (reported, never filled)",
  },
  unknown_child: {
    severity: "error",
    text: "a fixed weight, judgment or matrix `order` names a node that is not a child of the group",
  },
  unknown_dialect: { severity: "error", text: "a SQL dialect that `toSQL` does not know" },
  unknown_indicator: {
    severity: "error",
    text: "`include`, `exclude` or profile `goalposts` name no (indicator) node",
  },
  unknown_node: { severity: "error", text: "profile `weights`, `aggregate` or `multipliers` name no node" },
  unknown_parent: { severity: "error", text: "a data row names a parent unit that is not in the data" },
  unknown_period: {
    severity: "error",
    text: "a period that the panel does not have, or that the explicit period list leaves out",
  },
  unknown_profile: {
    severity: "both",
    text: "`extends` or a chosen profile names no profile (error); a node's `profiles` names no profile (warning)",
  },
  unknown_state: {
    severity: "error",
    text: "a unit's state (its `state` column) is not a key of the model's `states`",
  },
  unknown_unit: { severity: "error", text: "a unit id that is not a unit of the result" },
  unknown_variable: { severity: "error", text: "a formula names neither an indicator nor a declared input" },
  unreadable_file: { severity: "error", text: "a file cannot be read (CLI exit code 2)" },
  unsupported_basis: {
    severity: "error",
    text: "a panel basis that the indicator's normalization cannot take (a reference period for rank-type methods)",
  },
  unwritable_file: {
    severity: "error",
    text: "an output file cannot be written, or its target is not a regular file (CLI exit code 2)",
  },
  unsupported_direction: {
    severity: "error",
    text: "a target or range direction given to a ratio-scale normalization that only has benefit and cost",
  },
  unsupported_in_sql: {
    severity: "error",
    text: "a method that cannot be compiled to SQL (score in memory instead, or pass the weights)",
  },
  value_out_of_range: {
    severity: "error",
    text: "a value outside the range a function accepts (a raw value beyond `LIMITS.maxAbsValue`, a score outside [0, 1])",
  },
  veto_without_grades: {
    severity: "warning",
    text: "a veto that forces a grade sits on a node that has no grades, so it only flags the unit",
  },
  weights_on_indicator: {
    severity: "error",
    text: "a weight spec on an indicator (weights belong to the group above)",
  },
  weights_warning: {
    severity: "warning",
    text: "a weighting method reported a condition worth a look (e.g. an inconsistent AHP matrix)",
  },
  worker_failed: {
    severity: "error",
    text: "a worker thread of an analysis stopped before the end (failed to load or prepare, threw, exited); the other threads are stopped",
  },
  zero_base: {
    severity: "warning",
    text: "a trend's first value is 0, so the growth rate is undefined (NaN; COINr gives Inf)",
  },
  zero_mean: {
    severity: "error",
    text: "a column with mean 0, so its coefficient of variation is undefined",
  },
  zero_value: { severity: "error", text: 'a zero in a geometric mean without the `zero: "floor"` option' },
  zero_weights: { severity: "error", text: "the fixed weights of the active children sum to 0" },
} as const satisfies Record<string, ErrorCodeInfo>;

/** How a code appears and what it means: one row of {@link ERROR_CODES}. */
export interface ErrorCodeInfo {
  /** `error` stops the input; `warning` does not; `both`: either, depending on a policy or where it is found. */
  readonly severity: "error" | "warning" | "both";
  /** What the code means, in one line. */
  readonly text: string;
  /** An old synonym kept while a call site still emits it. */
  readonly deprecated?: true;
  /** The code that replaces a deprecated one. */
  readonly replacedBy?: string;
}

/** One of the stable snake_case codes of {@link ERROR_CODES}, e.g. `"duplicate_id"` or `"invalid_option"`. */
export type ErrorCode = keyof typeof ERROR_CODES;
