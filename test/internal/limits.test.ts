import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileFormula } from "../../src/indicators/formula.js";
import { readModelText } from "../../src/indicators/parse-model.js";
import { LIMITS, MAX_FORMULA_ARGUMENTS, MAX_YAML_ALIASES } from "../../src/internal/limits.js";

describe("LIMITS", () => {
  it("holds the values of the limits table of docs/model.md", () => {
    expect(LIMITS).toEqual({
      maxTreeDepth: 32,
      maxNodes: 20_000,
      maxFormulaLength: 4096,
      maxFormulaDepth: 64,
      maxFormulaArguments: 16,
      maxInputDepth: 200,
      maxYamlAliases: 100,
      maxAbsValue: 1e150,
      maxModelFileBytes: 16 * 1024 * 1024,
      maxDataFileBytes: 512 * 1024 * 1024,
      maxRuns: 1_000_000,
      maxAhpOrder: 100,
      maxDominanceUnits: 10_000,
      maxOutrankingUnits: 2_000,
      maxPrometheePairwiseUnits: 10_000,
    });
    const table = readFileSync("docs/model.md", "utf8");
    for (const name of Object.keys(LIMITS)) expect(table, name).toContain(`\`LIMITS.${name}\``);
  });

  it("is frozen: assigning a limit throws in strict mode and changes nothing", () => {
    expect(Object.isFrozen(LIMITS)).toBe(true);
    expect(() => {
      (LIMITS as { maxNodes: number }).maxNodes = 1;
    }).toThrow(TypeError);
    expect(LIMITS.maxNodes).toBe(20_000);
  });

  it(`compileFormula accepts min() with ${MAX_FORMULA_ARGUMENTS} arguments and refuses one more as invalid_formula`, () => {
    const args = (k: number) => Array.from({ length: k }, (_, i) => `x${i}`).join(", ");
    expect(compileFormula(`min(${args(MAX_FORMULA_ARGUMENTS)})`).variables).toHaveLength(
      MAX_FORMULA_ARGUMENTS,
    );
    expect(() => compileFormula(`max(${args(MAX_FORMULA_ARGUMENTS + 1)})`)).toThrow(
      expect.objectContaining({ code: "invalid_formula" }),
    );
  });

  it(`readModelText (maxAliasCount ${MAX_YAML_ALIASES}) expands ${MAX_YAML_ALIASES - 1} aliases of a small anchor and refuses 2,000 as invalid_syntax`, () => {
    const yaml = (k: number) => `a: &x [1]\nb: [${Array.from({ length: k }, () => "*x").join(", ")}]\n`;
    expect((readModelText(yaml(MAX_YAML_ALIASES - 1)) as { b: unknown[] }).b).toHaveLength(
      MAX_YAML_ALIASES - 1,
    );
    expect(() => readModelText(yaml(MAX_YAML_ALIASES * 20))).toThrow(
      expect.objectContaining({ code: "invalid_syntax" }),
    );
  });
});
