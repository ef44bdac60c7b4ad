/**
 * A self-contained HTML report of a scored model: framework, ranking, roll-up, unit profile,
 * profile comparison, rank uncertainty, correlations.
 * @module
 */
export type { RankInterval, ReportAnalysis } from "./cross-sections.js";
export { type ReportOptions, report } from "./report.js";
