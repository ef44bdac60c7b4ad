import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { IndicatrixError } from "../../src/internal/errors.js";
import { normalize } from "../../src/normalize/index.js";
import { checkModel } from "../../src/score/check-model.js";

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof IndicatrixError) return `${e.code} ${e.where}`;
    throw e;
  }
  return "no error";
}

// Issue 20 item 7 (these failed before the fix): a range of [-1e308, 1e308] has the span
// 1e308 - (-1e308) = Infinity (beyond Number.MAX_VALUE, about 1.798e308), and min-max wrote
// low + (x - min) / (max - min) * Infinity = Infinity or NaN for a unit marked scored.
describe("intervals whose span overflows are refused (normalize and checkModel agree)", () => {
  it('normalize([1, 2, 3], { method: "minmax", range: [-1e308, 1e308] }) throws invalid_option at spec.range', () => {
    expect(errorOf(() => normalize([1, 2, 3], { method: "minmax", range: [-1e308, 1e308] }))).toBe(
      "invalid_option spec.range",
    );
  });

  it('normalize([1, 2, 3], { method: "goalposts", goalposts: [-1e308, 1e308] }) throws invalid_option', () => {
    expect(errorOf(() => normalize([1, 2, 3], { method: "goalposts", goalposts: [-1e308, 1e308] }))).toBe(
      "invalid_option spec.goalposts",
    );
  });

  it("a span just inside the double range ([-8e307, 8e307]: 1.6e308) is accepted and gives finite scores", () => {
    const v = normalize([1, 2, 3], { method: "minmax", range: [-8e307, 8e307] });
    expect(Number.isFinite(v[1] as number)).toBe(true);
  });

  const model = (defaults: unknown, leaf: Record<string, unknown> = {}) =>
    parseModel({
      id: "m",
      defaults,
      tree: { id: "root", children: [{ id: "a", ...leaf }, { id: "b" }] },
    });

  it("checkModel: defaults.normalize range [-1e308, 1e308] is an invalid_option error at defaults.normalize.range", () => {
    const d = checkModel(model({ normalize: { method: "minmax", range: [-1e308, 1e308] } }));
    expect(d.filter((x) => x.severity === "error").map((x) => `${x.code} ${x.where}`)).toEqual([
      "invalid_option defaults.normalize.range",
    ]);
  });

  it("checkModel: an indicator's own normalize range [-1e308, 1e308] is an invalid_option error at its path", () => {
    const d = checkModel(model({}, { normalize: { method: "minmax", range: [-1e308, 1e308] } }));
    expect(d.filter((x) => x.severity === "error").map((x) => `${x.code} ${x.where}`)).toEqual([
      "invalid_option tree.children[0].normalize.range",
    ]);
  });

  it("checkModel: indicator goalposts [-1e308, 1e308] are invalid_goalposts", () => {
    const d = checkModel(model({}, { goalposts: [-1e308, 1e308] }));
    expect(d.filter((x) => x.severity === "error").map((x) => `${x.code} ${x.where}`)).toEqual([
      "invalid_goalposts tree.children[0].goalposts",
    ]);
  });

  it("checkModel: a range of [0, 100] gives no error", () => {
    const d = checkModel(model({ normalize: { method: "minmax", range: [0, 100] } }));
    expect(d.filter((x) => x.severity === "error")).toEqual([]);
  });
});
