import type { Direction } from "../../src/internal/types.js";

/** DOMAIN.md §1.17 golden example: 5 communities x 4 indicators. */
export const X = Object.freeze([
  Object.freeze([12, 82, 36, 280]),
  Object.freeze([18, 76, 20, 420]),
  Object.freeze([9, 90, 48, 310]),
  Object.freeze([25, 71, 12, 500]),
  Object.freeze([15, 85, 30, 250]),
]) as unknown as number[][];
export const DIRS: Direction[] = ["benefit", "benefit", "cost", { target: 300 }];
/** Z as printed in §1.17 (6 decimals). */
export const Z = [
  [0.1875, 0.578947, 0.333333, 0.9],
  [0.5625, 0.263158, 0.777778, 0.4],
  [0, 1, 0, 0.95],
  [1, 0, 1, 0],
  [0.375, 0.736842, 0.5, 0.75],
];
export const ENTROPY_E = [0.762294, 0.803729, 0.812466, 0.832934];
export const ENTROPY_W = [0.301436, 0.248893, 0.237813, 0.211857];
export const ENTROPY_W_1E4 = [0.301425, 0.248897, 0.237811, 0.211866];
export const ENTROPY_W_001 = [0.30022, 0.249157, 0.237907, 0.212715];
export const CV_W = [0.293955, 0.247925, 0.241936, 0.216184];
export const CRITIC_W = [0.244972, 0.251521, 0.246231, 0.257277];
export const CRITIC_ABS_W = [0.191185, 0.313993, 0.233821, 0.261001];
export const U_AHP = [0.3, 0.35, 0.2, 0.15];
