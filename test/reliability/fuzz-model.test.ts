import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { parseModel } from "../../src/indicators/parse-model.js";
import { profileNames } from "../../src/indicators/profiles.js";
import type { Model } from "../../src/indicators/schema.js";
import { listIndicators } from "../../src/indicators/tree.js";
import { checkModel } from "../../src/score/check-model.js";
import { resolveWeights } from "../../src/score/resolve-weights.js";
import { rollup } from "../../src/score/rollup.js";
import { score } from "../../src/score/score.js";
import { validateModel } from "../../src/score/validate-model.js";
import {
  baseModels,
  deepFreeze,
  expectNoInfinity,
  expectNoPollution,
  expectSoundResult,
  NASTY_NUMBERS,
  NASTY_STRINGS,
  outcome,
  SEED,
} from "./invariants.js";
import { type Mutation, mutate, mutationArb } from "./mutate.js";

const BASES = baseModels();

/** Cells of a generated dataset: numbers of every kind, text, missing markers, absent keys. */
const cellArb = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom("", "NA", "abc", "1e308", "-1e308", "5e-324", "Infinity", " 3 ") },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, "absent") },
);

/** Rows for a model's indicators built cyclically from a pool of cells. */
function rowsFor(
  ids: string[],
  units: number,
  cells: unknown[],
  unitIds: string[],
): Record<string, unknown>[] {
  let k = 0;
  return Array.from({ length: units }, (_, i) => {
    const row: Record<string, unknown> = { unit: unitIds[i % unitIds.length] ?? `u${i}` };
    if (unitIds.length <= i) row.unit = `u${i}`;
    for (const id of ids) {
      const c = cells[k++ % cells.length];
      if (c !== "absent") row[id] = c;
    }
    return row;
  });
}

function describeCase(name: string, mutations: readonly Mutation[]): string {
  return `${name} with ${JSON.stringify(mutations).slice(0, 400)}`;
}

describe("mutated model files (fixtures and governance template) through the model API", () => {
  it("validateModel never throws; parseModel, checkModel, resolveWeights, score and rollup end in a result or an IndicatrixError (3,000 cases)", () => {
    let accepted = 0;
    let scored = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: BASES.length - 1 }),
        fc.array(mutationArb, { minLength: 0, maxLength: 4 }),
        fc.array(cellArb, { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        (b, mutations, cells, units, pick) => {
          const [name, base] = BASES[b] as [string, unknown];
          const what = () => describeCase(name, mutations);
          const input = deepFreeze(mutate(base, mutations));
          const v = outcome(() => validateModel(input), what);
          if (!v.ok) throw new Error(`${what()}: validateModel threw ${v.error.code}`);
          for (const i of v.value.issues) {
            expect(typeof i.code).toBe("string");
            expect(i.code).not.toBe("");
            expect(typeof i.where).toBe("string");
            expect(typeof i.message).toBe("string");
          }
          const parsed = outcome(() => parseModel(input), what);
          if (!v.value.ok || !parsed.ok) return;
          accepted++;
          const model = parsed.value;
          expect(checkModel(model).filter((d) => d.severity === "error")).toEqual([]);
          const profiles = profileNames(model);
          const profile = profiles[pick % profiles.length] as string;
          const w = outcome(() => resolveWeights(model, { profile }), what);
          if (w.ok) {
            expectNoInfinity(w.value, what());
            for (const x of [...Object.values(w.value.local), ...Object.values(w.value.global)])
              expect(Number.isFinite(x)).toBe(true);
          }
          const ids = listIndicators(model).map((n) => n.id);
          const rows = deepFreeze(rowsFor(ids, units, cells, NASTY_STRINGS.slice(pick % 5)));
          const r = outcome(() => score(model, rows, { profile }), what);
          if (!r.ok) return;
          scored++;
          expectSoundResult(r.value, what());
          const up = outcome(() => rollup(r.value), what);
          if (up.ok) expectNoInfinity(up.value.scores, what());
        },
      ),
      { seed: SEED, numRuns: 3000 },
    );
    expectNoPollution();
    // The generator must reach the deep end: many mutated models are still valid and get scored.
    expect(accepted).toBeGreaterThan(300);
    expect(scored).toBeGreaterThan(100);
  });

  it("YAML text of mutated models, with a key repeated, parses to the same outcome as the value or to invalid_syntax (500 cases)", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: BASES.length - 1 }),
        fc.array(mutationArb, { minLength: 0, maxLength: 3 }),
        fc.option(fc.nat(), { nil: undefined }),
        (b, mutations, dupLine) => {
          const [name, base] = BASES[b] as [string, unknown];
          const what = () => describeCase(name, mutations);
          const value = mutate(base, mutations);
          let text: string;
          try {
            text = toYaml(value);
          } catch {
            return; // a value YAML cannot write (undefined at the top) is not a model file
          }
          const lines = text.split("\n");
          let duplicated = false;
          if (dupLine !== undefined) {
            const keyLines = lines.flatMap((l, i) => (/^\s*[A-Za-z_$][\w$]*:/.test(l) ? [i] : []));
            const i = keyLines[dupLine % Math.max(1, keyLines.length)];
            // Repeat a scalar key line (`key: value`) right after itself: a duplicate key in the same map.
            if (i !== undefined && /:\s+\S/.test(lines[i] as string) && !/^\s*-/.test(lines[i] as string)) {
              lines.splice(i + 1, 0, lines[i] as string);
              duplicated = true;
            }
          }
          const fromText = outcome(() => parseModel(lines.join("\n")), what);
          if (duplicated) {
            expect(fromText.ok).toBe(false);
            if (!fromText.ok) expect(fromText.error.code).toBe("invalid_syntax");
            return;
          }
          const fromValue = outcome(() => parseModel(JSON.parse(JSON.stringify(value) ?? "null")), what);
          expect(fromText.ok).toBe(fromValue.ok);
          if (fromText.ok && fromValue.ok) expect(fromText.value).toEqual(fromValue.value);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("random JSON values (not model-shaped) are refused by parseModel with invalid_model or invalid_syntax (1,000 cases)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.string(), fc.anything({ maxDepth: 3 })),
        (value) => {
          const r = outcome(
            () => parseModel(value as Model),
            () => JSON.stringify(value)?.slice(0, 200) ?? String(value),
          );
          if (!r.ok) expect(["invalid_model", "invalid_syntax"]).toContain(r.error.code);
          const v = validateModel(value);
          expect(v.ok).toBe(r.ok && v.issues.every((i) => i.severity === "warning"));
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
    expectNoPollution();
  });
});
