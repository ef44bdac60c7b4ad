import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { toDataset } from "../../src/score/dataset.js";
import { resolveWeights } from "../../src/score/resolve-weights.js";
import { rollup } from "../../src/score/rollup.js";
import { score } from "../../src/score/score.js";
import { validateModel } from "../../src/score/validate-model.js";
import { deepFreeze, expectNoPollution, expectSoundResult, outcome } from "./invariants.js";

const HOSTILE = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "prototype",
  "valueOf",
  "isPrototypeOf",
];
const base = () => ({ id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "b" }] } });

function codes(input: unknown): string[] {
  return validateModel(input).issues.map((i) => i.code);
}

describe("object keys from input: __proto__, constructor, toString, hasOwnProperty, prototype", () => {
  it.each(HOSTILE)(
    "%s as an indicator, group, input or profile id is refused by validateModel with a clear code",
    (id) => {
      const asIndicator = { ...base(), tree: { id: "root", children: [{ id }, { id: "b" }] } };
      const asGroup = {
        ...base(),
        tree: { id: "root", children: [{ id, children: [{ id: "a" }] }, { id: "b" }] },
      };
      const asInput = { ...base(), inputs: [{ id }] };
      const asProfile = JSON.parse(
        `{"id":"m","tree":{"id":"root","children":[{"id":"a"}]},"profiles":{${JSON.stringify(id)}:{}}}`,
      );
      for (const input of [asIndicator, asGroup, asInput, asProfile]) {
        const c = codes(JSON.parse(JSON.stringify(input)));
        // __proto__ never reaches the schema (invalid_model); the others are reserved ids.
        expect(c.some((x) => x === "reserved_id" || x === "invalid_model")).toBe(true);
      }
      expectNoPollution();
    },
  );

  it("a __proto__ key anywhere in a model (JSON.parse or YAML makes it an own key) is refused with its path, and nothing is polluted", () => {
    const cases: [string, string][] = [
      ['{"id":"m","__proto__":{"polluted":1},"tree":{"id":"root","children":[{"id":"a"}]}}', "__proto__"],
      [
        '{"id":"m","tree":{"id":"root","children":[{"id":"a"},{"id":"b"}]},"profiles":{"p":{"weights":{"root":{"method":"fixed","weights":{"__proto__":{"polluted":1},"a":1,"b":1}}}}}}',
        "profiles.p.weights.root.weights.__proto__",
      ],
      ['{"id":"m","name":{"__proto__":"x"},"tree":{"id":"root","children":[{"id":"a"}]}}', "name.__proto__"],
      [
        '{"id":"m","tree":{"id":"root","children":[{"id":"a"}]},"profiles":{"__proto__":{"polluted":1}}}',
        "profiles.__proto__",
      ],
    ];
    for (const [json, path] of cases) {
      const r = outcome(
        () => parseModel(JSON.parse(json)),
        () => json,
      );
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("invalid_model");
        expect(r.error.where).toBe(path);
      }
    }
    const yaml =
      "id: m\ntree:\n  id: root\n  children:\n    - id: a\nprofiles:\n  __proto__:\n    polluted: 1\n";
    expect(
      outcome(
        () => parseModel(yaml),
        () => yaml,
      ).ok,
    ).toBe(false);
    expectNoPollution();
  });

  it("data rows with a __proto__ key and units named __proto__, constructor, toString are scored, each with its own result entry", () => {
    const model = parseModel(base());
    const rows = deepFreeze(
      JSON.parse(
        '[{"unit":"__proto__","a":1,"b":null,"__proto__":{"polluted":1}},{"unit":"constructor","a":2,"b":""},' +
          '{"unit":"toString","a":3,"b":1},{"unit":"hasOwnProperty","a":"","b":""}]',
      ),
    );
    const r = score(model, rows, { profile: "default" });
    expectSoundResult(r, "hostile units");
    expect(r.units).toEqual(["__proto__", "constructor", "toString", "hasOwnProperty"]);
    // Hand computed: a min-max over 1..3 -> 0, 0.5, 1; b present only for toString (constant: 0.5).
    expect([...(r.scores.a as Float64Array)].slice(0, 3)).toEqual([0, 0.5, 1]);
    expect(Object.keys(r.missing)).toEqual(["hasOwnProperty"]);
    expect(Object.hasOwn(r.missing, "__proto__")).toBe(false);
    expect(
      r
        .contributions("__proto__")
        .map((c) => c.indicator)
        .sort(),
    ).toEqual(["a", "b"]);
    expectNoPollution();
  });

  it("a unit named __proto__ without a score gets its reason as an own key of result.missing", () => {
    const model = parseModel(base());
    const r = score(model, [
      { unit: "__proto__", a: null, b: null },
      { unit: "u", a: 1, b: 2 },
      { unit: "v", a: 2, b: 1 },
    ]);
    expect(Object.hasOwn(r.missing, "__proto__")).toBe(true);
    expect(r.missing.__proto__).toBe("no indicator value present");
    expect(Object.getPrototypeOf(r.missing)).toBe(Object.prototype);
  });

  it("columnar values with own keys __proto__ and constructor: toDataset keeps them as columns in a Map", () => {
    const values = JSON.parse('{"__proto__":[1,2],"constructor":[3,4],"a":[5,6]}');
    const ds = toDataset({ units: ["u1", "u2"], values });
    expect([...ds.columns.keys()].sort()).toEqual(["__proto__", "a", "constructor"]);
    expect([...(ds.columns.get("__proto__") as Float64Array)]).toEqual([1, 2]);
    expectNoPollution();
  });

  it("score keep names and roll-up weight columns that are Object.prototype names are refused, not read from the prototype", () => {
    const model = parseModel(base());
    const rows = [
      { unit: "c" },
      { unit: "u1", parent: "c", a: 1, b: 2 },
      { unit: "u2", parent: "c", a: 2, b: 1 },
    ];
    for (const k of ["__proto__", "toString", "constructor"]) {
      const r = outcome(
        () => score(model, rows, { keep: [k] }),
        () => k,
      );
      expect(r.ok ? "ok" : r.error.code).toBe("invalid_option");
    }
    const result = score(model, rows);
    for (const k of ["toString", "constructor", "__proto__"]) {
      const r = outcome(
        () => rollup(result, { by: { weight: k } }),
        () => k,
      );
      expect(r.ok ? "ok" : r.error.code).toBe("missing_column");
    }
    expectNoPollution();
  });

  it("resolveWeights with fixed weights given as a JSON record containing constructor and toString keys reports unknown children", () => {
    const model = JSON.parse(
      '{"id":"m","tree":{"id":"root","children":[{"id":"a"},{"id":"b"}]},"profiles":{"p":{"weights":{"root":{"method":"fixed","weights":{"a":1,"b":1,"constructor":5,"toString":2}}}}}}',
    );
    expect(codes(model)).toEqual(["unknown_child", "unknown_child"]);
    const r = outcome(
      () => resolveWeights(model),
      () => "fixed",
    );
    expect(r.ok ? "ok" : r.error.code).toBe("invalid_model");
    expectNoPollution();
  });
});
