import { describe, expect, it } from "vitest";
import type { Model } from "../../src/indicators/schema.js";
import { IndicatrixError } from "../../src/internal/errors.js";
import type { AggregateSpec } from "../../src/internal/specs.js";
import { score } from "../../src/score/score.js";

// Issue 20 item 23: aggregation errors inside score() name the node, the unit id and the child id,
// not aggregate()'s indices (`children[0][2]: unit 2, child 0`, Mazziotta-Pareto `unit 1: unit 1:`).
function refusal(f: () => unknown): IndicatrixError {
  try {
    f();
  } catch (e) {
    if (e instanceof IndicatrixError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

const model = (aggregate: AggregateSpec, children: string[]): Model => ({
  id: "m",
  defaults: { normalize: "none" },
  tree: {
    id: "root",
    children: [{ id: "g", aggregate, children: children.map((id) => ({ id })) }, { id: "x" }],
  },
});

describe("aggregation errors in score() name node, unit and child ids", () => {
  it("geometric: a negative value of child b in unit u2 (the second unit, index 1)", () => {
    const e = refusal(() =>
      score(model("geometric", ["a", "b"]), [
        { unit: "u1", a: 1, b: 2, x: 1 },
        { unit: "u2", a: 3, b: -1, x: 1 },
      ]),
    );
    expect(e.code).toBe("negative_value");
    expect(e.message).toBe(
      'node "g", unit "u2", child "b": the geometric mean needs non-negative values, got -1',
    );
    expect(e.where).toBe('node "g", unit "u2", child "b"');
    // The 1-based data row of u2 and the column b.
    expect(e.path).toEqual(["data", 2, "b"]);
  });

  it("Mazziotta-Pareto: a non-positive mean names the unit once (not 'unit 1: unit 1:')", () => {
    const e = refusal(() =>
      score(model("mazziotta-pareto", ["c", "d"]), [
        { unit: "u1", c: 100, d: 100, x: 1 },
        { unit: "u2", c: -90, d: -90, x: 1 },
      ]),
    );
    expect(e.code).toBe("nonpositive_mean");
    expect(e.message).toBe(
      'node "g", unit "u2": the Mazziotta-Pareto index needs a positive mean of the children (got -90); rescale z-scores to 100 ± 10 first',
    );
    expect(e.message).not.toMatch(/unit \d/);
  });

  it("harmonic: a zero names unit and child ids", () => {
    const e = refusal(() =>
      score(model("harmonic", ["a", "b"]), [
        { unit: "c1", a: 1, b: 2, x: 1 },
        { unit: "c2", a: 0, b: 2, x: 1 },
      ]),
    );
    expect(e.where).toBe('node "g", unit "c2", child "a"');
    expect(e.message).not.toMatch(/children\[|unit \d|child \d/);
  });
});
