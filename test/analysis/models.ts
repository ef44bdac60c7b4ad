import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { Model } from "../../src/indicators/schema.js";
import { grassrootsGovernance } from "../../src/indicators/templates/index.js";
import { W_STAR as W, X } from "../fixtures/five-communities/index.js";

/** The five-communities example (test/fixtures/five-communities): 5 x 4 (benefit, benefit, cost, target 300). */
export const GOLDEN_X = X;
/** Its game-theory combined weights w*, rounded to 6 decimals (compute.py). */
export const W_STAR = W;

/** The five-communities example as a one-level model with fixed weights w* (min-max by direction gives its Z). */
export function goldenModel(): Model {
  return {
    id: "golden",
    tree: {
      id: "root",
      children: [
        { id: "I1", direction: "benefit" },
        { id: "I2", direction: "benefit" },
        { id: "I3", direction: "cost" },
        { id: "I4", direction: { target: 300 } },
      ],
    },
    profiles: {
      p: {
        weights: {
          root: { method: "fixed", weights: { I1: W_STAR[0], I2: W_STAR[1], I3: W_STAR[2], I4: W_STAR[3] } },
        },
      },
    },
  } as Model;
}

export const goldenRows = (): Record<string, unknown>[] =>
  GOLDEN_X.map((r, i) => Object.freeze({ unit: `c${i + 1}`, I1: r[0], I2: r[1], I3: r[2], I4: r[3] }));

/** Two indicators a, b taken as they are (normalize "none"), root weights a = 0.6, b = 0.4. */
export function tinyModel(weights: { a: number; b: number } = { a: 0.6, b: 0.4 }): Model {
  return {
    id: "tiny",
    tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
    defaults: { normalize: "none" },
    profiles: { p: { weights: { root: { method: "fixed", weights } } } },
  } as Model;
}

/** u1 = (1, 0), u2 = (0, 1), u3 = (0.4, 0.4): with a = 0.6 the scores are 0.6, 0.4, 0.4. */
export const tinyRows = (): Record<string, unknown>[] =>
  [
    { unit: "u1", a: 1, b: 0 },
    { unit: "u2", a: 0, b: 1 },
    { unit: "u3", a: 0.4, b: 0.4 },
  ].map((r) => Object.freeze(r));

/** Two dimensions of two indicators each, min-max, equal weights: for nested cases. */
export function twoLevelModel(): Model {
  return {
    id: "two",
    tree: {
      id: "root",
      children: [
        { id: "d1", children: [{ id: "x1" }, { id: "x2" }] },
        { id: "d2", children: [{ id: "y1" }, { id: "y2", direction: "cost" }] },
      ],
    },
    profiles: { p: { weights: { root: { method: "fixed", weights: { d1: 2, d2: 1 } } } } },
  } as Model;
}

export const governance = grassrootsGovernance as unknown as Model;

let cityRows: Record<string, string>[] | undefined;
/** The sample city of the governance template (331 communities). */
export function sampleCity(): Record<string, string>[] {
  cityRows ??= (
    parse(readFileSync(new URL("../../examples/governance/sample-city.csv", import.meta.url)), {
      columns: true,
    }) as Record<string, string>[]
  ).map((r) => Object.freeze(r));
  return cityRows;
}
