// The five-communities worked example (test/fixtures/five-communities), under the names the weighting
// tests use. Reference values: computed by test/fixtures/five-communities/compute.py (expected.json).
import type { Direction } from "../../src/internal/types.js";
import { DIRECTIONS, EXPECTED, U_AHP as U, X as X_, Z_6 } from "../fixtures/five-communities/index.js";

/** Raw data X: 5 communities x 4 indicators (frozen). */
export const X = X_;
export const DIRS = DIRECTIONS as Direction[];
/** Z rounded to 6 decimals. */
export const Z = Z_6 as number[][];
export const ENTROPY_E = EXPECTED.entropy.entropy;
export const ENTROPY_W = EXPECTED.entropy.weights;
export const ENTROPY_W_1E4 = EXPECTED.entropy["weightsShift1e-4"];
export const ENTROPY_W_001 = EXPECTED.entropy["weightsShift0.01"];
export const CV_W = EXPECTED.cvWeights;
export const CRITIC_W = EXPECTED.critic["1-r"];
export const CRITIC_ABS_W = EXPECTED.critic["1-|r|"];
export const U_AHP = U as number[];
