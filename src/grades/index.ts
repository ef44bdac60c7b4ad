// Grading and assessment rules (考核): cut points, Jenks natural breaks, step scores, bonus and penalty points, vetoes.

export type { NodeRulesOutcome, RuleEffect } from "./apply-node-rules.js";
export { applyNodeRules } from "./apply-node-rules.js";
export type { AssignGradesOptions } from "./assign-grades.js";
export { assignGrades } from "./assign-grades.js";
export type { CutPoints } from "./cut-points.js";
export { cutPoints } from "./cut-points.js";
export type { GradeCounts, GradeCountsInput } from "./grade-counts.js";
export { gradeCounts } from "./grade-counts.js";
export type { JenksResult } from "./jenks.js";
export { jenks } from "./jenks.js";
export type { NearCut } from "./near-cuts.js";
export { nearCuts } from "./near-cuts.js";
export { stepPoints } from "./step-points.js";
