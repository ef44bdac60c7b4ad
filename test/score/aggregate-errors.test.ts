import { describe, expect, it } from "vitest";
import type { Model, WeightSpec } from "../../src/indicators/schema.js";
import type { AggregateSpec } from "../../src/internal/specs.js";
import { score } from "../../src/score/score.js";
import { thrown } from "../helpers/errors.js";

// Issue 20 item 23: aggregation errors inside score() name the node, the unit id and the child id,
// not aggregate()'s indices (`children[0][2]: unit 2, child 0`, Mazziotta-Pareto `unit 1: unit 1:`).
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
    const e = thrown(() =>
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
    const e = thrown(() =>
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
    const e = thrown(() =>
      score(model("harmonic", ["a", "b"]), [
        { unit: "c1", a: 1, b: 2, x: 1 },
        { unit: "c2", a: 0, b: 2, x: 1 },
      ]),
    );
    expect(e.where).toBe('node "g", unit "c2", child "a"');
    expect(e.message).not.toMatch(/children\[|unit \d|child \d/);
  });
});

// Issue 20 item 23: the treatments' and the data-driven weights' errors name the indicator or group.
describe("treatment and weighting errors in score() name the indicator or the group", () => {
  const leaves = (treat?: Record<string, unknown>): Model => ({
    id: "m",
    tree: { id: "root", children: [{ id: "a", ...(treat ? { treat } : {}) }, { id: "b" }] },
  });

  it('skew-kurtosis on 3 values: indicator "a" at its treat (was "values: ...")', () => {
    const rows = [1, 2, 5].map((a, i) => ({ unit: `u${i + 1}`, a, b: i }));
    const e = thrown(() => score(leaves({ winsorize: { method: "skew-kurtosis" } }), rows));
    expect(e.code).toBe("too_few_values");
    expect(e.message).toBe('indicator "a": the skew-kurtosis rule needs at least 4 present values, got 3');
    expect(e.path).toEqual(["tree", "children", 0, "treat"]);
  });

  it("log-ct on a constant column names the indicator; ln of a negative value names unit and column", () => {
    const constant = [1, 1, 1].map((a, i) => ({ unit: `u${i + 1}`, a, b: i }));
    expect(thrown(() => score(leaves({ log: "log-ct" }), constant)).message).toMatch(
      /^indicator "a": the log-ct transform .* needs values that are not all equal$/,
    );
    const negative = [1, -3, 2].map((a, i) => ({ unit: `u${i + 1}`, a, b: i }));
    expect(thrown(() => score(leaves({ log: "ln" }), negative)).message).toBe(
      'unit "u2", column "a": the ln transform needs positive values, got -3 (use log-ct for data with zeros or negatives)',
    );
  });

  const grouped = (weights: WeightSpec): Model => ({
    id: "m",
    tree: { id: "root", children: [{ id: "g", children: [{ id: "a" }, { id: "b" }] }, { id: "x" }] },
    profiles: { p: { weights: { g: weights } } },
  });
  // a and b constant: min-max gives both the midpoint, so every normalized column is constant.
  const flat = [1, 2, 3].map((x, i) => ({ unit: `u${i + 1}`, a: 1, b: 1, x }));
  // b = 2a: perfectly correlated, so every CRITIC information content is 0.
  const linked = [1, 2, 3].map((a, i) => ({ unit: `u${i + 1}`, a, b: 2 * a, x: a }));

  it("entropy and CRITIC name the profile's spec and the group (was 'matrix: ...')", () => {
    expect(thrown(() => score(grouped({ method: "entropy" }), flat, { profile: "p" })).message).toBe(
      'profiles.p.weights.g: group "g", entropy weights: every column is constant: entropy cannot tell the indicators apart',
    );
    const e = thrown(() => score(grouped({ method: "critic" }), linked, { profile: "p" }));
    expect(e.message).toBe(
      'profiles.p.weights.g: group "g", critic weights: every information content C_j is 0 (the varying columns are perfectly correlated)',
    );
    expect(e.path).toEqual(["profiles", "p", "weights", "g"]);
  });

  it("combine names the part that fails and the group; a product of 0 names the rule (was 'ws: ...')", () => {
    const part = grouped({
      method: "combine",
      rule: "linear",
      of: [{ method: "equal" }, { method: "critic" }],
    });
    expect(thrown(() => score(part, linked, { profile: "p" })).where).toBe("profiles.p.weights.g.of[1]");
    // CRITIC on (a varying, b constant) gives a weight 1 and b 0 (a constant column has no information);
    // fixed {a: 0, b: 1} times that is 0 for both children.
    const rows = [1, 2, 3].map((a, i) => ({ unit: `u${i + 1}`, a, b: 5, x: a }));
    const product = grouped({
      method: "combine",
      rule: "multiplicative",
      of: [{ method: "critic" }, { method: "fixed", weights: { a: 0, b: 1 } }],
    });
    expect(thrown(() => score(product, rows, { profile: "p" })).message).toBe(
      'profiles.p.weights.g: group "g", combine (multiplicative): the product of the weights is 0 for every indicator',
    );
  });
});
