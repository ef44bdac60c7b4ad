// Issue 20, item 22: what `validate` passes, `score` must be able to run. For mutated models (the fixtures
// and the governance template, with up to 4 random edits) that validateModel accepts, score() on complete,
// clean data (distinct positive values for every indicator and input) either gives a result whose CLI
// output has no column clash, or fails with an error about the data, never with one about the model.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreRows } from "../../src/cli/commands/score.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import { profileNames } from "../../src/indicators/profiles.js";
import type { Model } from "../../src/indicators/schema.js";
import { listIndicators } from "../../src/indicators/tree.js";
import { IndicatrixError } from "../../src/internal/errors.js";
import { rollup } from "../../src/score/rollup.js";
import { score } from "../../src/score/score.js";
import { validateModel } from "../../src/score/validate-model.js";
import { baseModels, deepFreeze, SEED } from "./invariants.js";
import { mutate, mutationArb } from "./mutate.js";

const BASES = baseModels();

/**
 * Codes that describe the data, not the model: a model that validates may still meet data it cannot
 * score (too few units for a data-driven weight, values outside a method's domain...).
 */
const DATA_CODES = new Set([
  "invalid_data",
  "missing_column",
  "insufficient_data",
  "constant_column",
  "non_positive_value",
  "negative_value",
  "non_finite_value",
  "numeric_overflow",
  "no_scored_unit",
  "degenerate_data",
  "formula_not_finite",
  "zero_variance",
  "too_few_values",
  "zero_value",
  "degenerate_weights",
]);

/** Complete data: every column the model may read, distinct positive values per unit. */
function cleanRows(model: Model, units: number, seed: number): Record<string, unknown>[] {
  const ids = [...listIndicators(model).map((n) => n.id), ...(model.inputs ?? []).map((i) => i.id)];
  return Array.from({ length: units }, (_, u) => {
    const row: Record<string, unknown> = { unit: `u${u}` };
    ids.forEach((id, k) => {
      // an integer hash of (unit, column, seed): values in [1, 100.9], not correlated across columns
      let h = Math.imul(u + 1, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca77) ^ Math.imul(seed + 1, 0xc2b2ae3d);
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
      row[id] = 1 + ((h >>> 0) % 1000) / 10;
    });
    return row;
  });
}

describe("validate agrees with score (issue 20, item 22)", () => {
  it("a model validateModel accepts scores complete clean data, or fails only with a data error, and its CLI output has no column clash (2,000 cases)", () => {
    let scored = 0;
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.nat({ max: BASES.length - 1 }),
        fc.array(mutationArb, { minLength: 0, maxLength: 4 }),
        fc.integer({ min: 3, max: 8 }),
        fc.nat({ max: 1000 }),
        (b, mutations, units, seed) => {
          const [name, base] = BASES[b] as [string, unknown];
          const input = deepFreeze(mutate(base, mutations));
          const v = validateModel(input);
          if (!v.ok) return;
          const model = parseModel(input);
          const what = `${name} with ${JSON.stringify(mutations).slice(0, 300)}`;
          for (const profile of profileNames(model)) {
            try {
              const r = score(model, cleanRows(model, units, seed), { profile });
              scoreRows(r, rollup(r));
              scored++;
            } catch (e) {
              if (!(e instanceof IndicatrixError)) throw new Error(`${what}: ${String(e)}`);
              seen.set(e.code, (seen.get(e.code) ?? 0) + 1);
              if (!DATA_CODES.has(e.code))
                throw new Error(
                  `${what}, profile "${profile}": validate passed, score failed with ${e.code}: ${e.message}`,
                );
            }
          }
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
    expect(scored).toBeGreaterThan(500);
  });
});
