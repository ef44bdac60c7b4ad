import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { checkModel } from "../../src/score/check-model.js";
import { validateModel } from "../../src/score/validate-model.js";
import { EXPECTED as AHP_REF } from "../fixtures/ahp/index.js";
import { loadFixtures } from "./fixtures.js";

/** The diagnostic code each broken fixture must produce, and a fragment of its path. */
const EXPECTED: Record<string, [string, string]> = {
  "duplicate-id": ["duplicate_id", "tree.children[1].children[0].id"],
  "invalid-id": ["invalid_id", "tree.children[0].children[0].id"],
  "empty-group": ["empty_group", "tree.children[2].children"],
  "indicator-with-children": ["indicator_with_children", "tree.children[0]"],
  "goalposts-order": ["invalid_goalposts", "tree.children[0].children[0].goalposts"],
  "target-outside": ["target_outside_goalposts", "tree.children[1].children[1].direction.target"],
  "fixed-unknown-child": ["unknown_child", "profiles.normal.weights.root.weights.acess"],
  "fixed-missing-child": ["missing_child", "profiles.normal.weights.root.weights"],
  "negative-weight": ["negative_weight", "profiles.normal.weights.root.weights.quality"],
  "zero-weights": ["zero_weights", "profiles.normal.weights.root.weights"],
  "judgment-scale": ["judgment_out_of_scale", "profiles.normal.weights.access.judgments[0][2]"],
  "judgment-non-child": ["unknown_child", "profiles.normal.weights.access.judgments[0]"],
  "judgment-contradictory": ["contradictory_judgment", "profiles.normal.weights.access.judgments[1]"],
  "matrix-not-reciprocal": ["not_reciprocal", "profiles.normal.weights.root.matrix[1][0]"],
  "matrix-wrong-size": ["matrix_wrong_size", "profiles.normal.weights.root.matrix"],
  "extends-missing": ["unknown_profile", "profiles.emergency.extends"],
  "extends-cycle": ["profile_cycle", "profiles.a.extends"],
  "no-active-child": ["no_active_child", "tree.children[0].children"],
  "formula-syntax": ["invalid_formula", "tree.children[0].children[0].formula"],
  "formula-unknown-variable": ["unknown_variable", "tree.children[0].children[0].formula"],
  "formula-cycle": ["formula_cycle", "formula"],
  "formula-assignment": ["invalid_formula", "tree.children[0].children[0].formula"],
  "weights-unknown-node": ["unknown_node", "profiles.normal.weights.acces"],
};

describe("checkModel", () => {
  it.each(loadFixtures("valid"))("checkModel(valid/%s) finds no error", (_name, input) => {
    const errors = checkModel(parseModel(input)).filter((d) => d.severity === "error");
    expect(errors).toEqual([]);
  });

  it("has an expectation for every semantic-invalid fixture", () => {
    expect(
      loadFixtures("semantic-invalid")
        .map(([n]) => n)
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(loadFixtures("semantic-invalid"))(
    "checkModel(semantic-invalid/%s) reports the expected code and path",
    (name, input) => {
      const [code, path] = EXPECTED[name] as [string, string];
      const diagnostics = checkModel(parseModel(input));
      const hit = diagnostics.find((d) => d.code === code);
      expect(hit, JSON.stringify(diagnostics)).toBeDefined();
      expect(hit?.severity).toBe("error");
      expect(hit?.where).toContain(path);
      expect(hit?.message.length).toBeGreaterThan(10);
    },
  );

  it("warns about an inconsistent AHP matrix with its CR (the cyclic 3x3 of test/fixtures/ahp: CR 1.149)", () => {
    const model = parseModel({
      id: "m",
      tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] },
      profiles: {
        p: {
          weights: {
            root: {
              method: "ahp",
              judgments: [
                ["a", "b", 3],
                ["a", "c", 1 / 3],
                ["b", "c", 3],
              ],
            },
          },
        },
      },
    });
    const [d] = checkModel(model);
    expect(d?.code).toBe("inconsistent_judgments");
    expect(d?.severity).toBe("warning");
    expect(d?.message).toContain(`CR = ${AHP_REF.cyclic3.eigenvector.cr.saaty.toFixed(3)}`); // 1.149 (compute.py)
    expect(d?.message).toMatch(/change \w over \w from/);
  });

  it("refuses judgments that leave children unconnected, naming the groups", () => {
    const model = parseModel({
      id: "m",
      tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }] },
      profiles: {
        p: {
          weights: {
            root: {
              method: "ahp",
              judgments: [
                ["a", "b", 3],
                ["c", "d", 2],
              ],
            },
          },
        },
      },
    });
    const d = checkModel(model).find((x) => x.code === "disconnected_judgments");
    expect(d?.message).toContain("{a, b}");
    expect(d?.message).toContain("{c, d}");
  });

  it("accepts an incomplete but connected set of judgments (Harker) without error", () => {
    const model = parseModel({
      id: "m",
      tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] },
      profiles: {
        p: {
          weights: {
            root: {
              method: "ahp",
              judgments: [
                ["a", "b", 2],
                ["b", "c", 2],
              ],
            },
          },
        },
      },
    });
    expect(checkModel(model)).toEqual([]);
  });

  it("lets a group limited to some profiles be empty elsewhere, but flags a group emptied by exclude", () => {
    const model = parseModel({
      id: "m",
      tree: {
        id: "root",
        children: [{ id: "a" }, { id: "g", profiles: ["e"], children: [{ id: "x", profiles: ["e"] }] }],
      },
      profiles: { n: {}, e: { extends: "n" }, f: { extends: "e", exclude: ["x"] } },
    });
    const diagnostics = checkModel(model);
    expect(diagnostics.map((d) => [d.code, d.where])).toEqual([
      ["no_active_child", "tree.children[1].children"],
    ]);
    expect(diagnostics[0]?.message).toContain('profile "f"');
  });

  it("rejects ids that collide with object properties (__proto__, constructor)", () => {
    const model = parseModel({
      id: "m",
      tree: { id: "root", children: [{ id: "constructor" }, { id: "toString" }] },
    });
    expect(checkModel(model).map((d) => d.code)).toEqual(["reserved_id", "reserved_id"]);
  });
});

describe("validateModel", () => {
  it("never throws and returns schema issues for garbage", () => {
    for (const input of [null, 42, "", "[", [], { id: 1 }, { tree: [] }]) {
      const r = validateModel(input);
      expect(r.ok).toBe(false);
      expect(r.issues.length).toBeGreaterThan(0);
    }
  });

  it("returns ok with warnings allowed", () => {
    const r = validateModel({
      id: "m",
      tree: { id: "root", children: [{ id: "a", profiles: ["ghost"] }, { id: "b" }] },
    });
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => i.code)).toEqual(["unknown_profile"]);
  });
});

/** `n` profiles p0 .. p(n-1), each extending the one before; p0 extends `first` (nothing when undefined). */
function profileLadder(n: number, first?: string): Record<string, { extends?: string }> {
  const profiles: Record<string, { extends?: string }> = {};
  for (let i = 0; i < n; i++)
    profiles[`p${i}`] = i === 0 ? (first ? { extends: first } : {}) : { extends: `p${i - 1}` };
  return profiles;
}
const twoLeaves = { id: "root", children: [{ id: "a" }, { id: "b" }] };

describe("validateModel on long extends chains (issue 20, item 15)", () => {
  it("passes a chain of 2,000 profiles (took 21 s before: each chain was searched in a list)", () => {
    const r = validateModel({ id: "m", tree: twoLeaves, profiles: profileLadder(2000) });
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it("reports a 1,000-long cycle once, at the profile where the walk entered it, not once per profile", () => {
    const r = validateModel({ id: "m", tree: twoLeaves, profiles: profileLadder(1000, "p999") });
    expect(r.issues.map((i) => [i.code, i.where])).toEqual([["profile_cycle", "profiles.p0.extends"]]);
    expect(r.issues[0]?.message).toMatch(
      /^profiles\.p0: "extends" makes a cycle: p0 -> p999 -> p998 -> .* -> p1 -> p0$/,
    );
  });

  it("reports a missing profile at the end of a 1,000-long chain once, and a chain into a cycle adds nothing", () => {
    const missing = validateModel({ id: "m", tree: twoLeaves, profiles: profileLadder(1000, "nowhere") });
    expect(missing.issues.map((i) => [i.code, i.where])).toEqual([
      ["unknown_profile", "profiles.p0.extends"],
    ]);
    const into = validateModel({
      id: "m",
      tree: twoLeaves,
      profiles: { x: { extends: "y" }, y: { extends: "x" }, z: { extends: "y" }, w: { extends: "z" } },
    });
    expect(into.issues.map((i) => [i.code, i.where, i.message])).toEqual([
      ["profile_cycle", "profiles.x.extends", 'profiles.x: "extends" makes a cycle: x -> y -> x'],
    ]);
  });
});

/** `n` formula indicators f0 .. f(n-1) where each reads the next, so a walk from f0 goes n deep; the last reads `last`. */
function formulaLadder(n: number, last: string) {
  const children = [];
  for (let i = 0; i < n; i++)
    children.push({ id: `f${i}`, formula: i === n - 1 ? `${last} + 1` : `f${i + 1} + 1` });
  return { id: "m", inputs: [{ id: "x" }], tree: { id: "root", children } };
}

describe("validateModel on long formula chains (issue 20, item 11: overflowed the stack)", () => {
  it("passes a chain of 19,000 formula indicators without throwing", () => {
    const r = validateModel(formulaLadder(19_000, "x"));
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it("reports a 19,000-long formula cycle once, at the formula of f0, without throwing", () => {
    const r = validateModel(formulaLadder(19_000, "f0"));
    expect(r.issues.map((i) => [i.code, i.where])).toEqual([["formula_cycle", "tree.children[0].formula"]]);
    expect(r.issues[0]?.message).toMatch(/cycle: f0 -> f1 -> f2 -> .* -> f18999 -> f0$/);
  });
});

describe("checkModel on goalposts that the normalization ignores (issue 20, item 10)", () => {
  const gpModel = (extra: Record<string, unknown> = {}) =>
    parseModel({
      id: "m",
      tree: { id: "r", children: [{ id: "a", goalposts: [0, 10] }, { id: "b" }] },
      ...extra,
    });
  const ignored = (m: ReturnType<typeof parseModel>) =>
    checkModel(m).filter((d) => d.code === "goalposts_ignored");

  it("warns goalposts_ignored at tree.children[0].goalposts under the default min-max (a = 1 scores 0, not 0.1)", () => {
    const found = ignored(gpModel());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "warning", where: "tree.children[0].goalposts" });
    expect(found[0]?.message).toContain('normalization "minmax" uses the sample\'s own bounds');
  });

  it("is silent when the model, a profile, or the indicator itself normalizes by goalposts", () => {
    expect(ignored(gpModel({ defaults: { normalize: "goalposts" } }))).toEqual([]);
    expect(ignored(gpModel({ profiles: { p: { defaults: { normalize: "goalposts" } } } }))).toEqual([]);
    const own = parseModel({
      id: "m",
      tree: { id: "r", children: [{ id: "a", goalposts: [0, 10], normalize: "goalposts" }, { id: "b" }] },
    });
    expect(ignored(own)).toEqual([]);
  });

  it("warns under an indicator's own zscore even when the default is goalposts", () => {
    const m = parseModel({
      id: "m",
      defaults: { normalize: "goalposts" },
      tree: {
        id: "r",
        children: [
          { id: "a", goalposts: [0, 10], normalize: "zscore" },
          { id: "b", goalposts: [0, 1] },
        ],
      },
    });
    expect(ignored(m).map((d) => d.where)).toEqual(["tree.children[0].goalposts"]);
  });
});

describe("checkModel refuses what score always refuses (issue 20, item 22)", () => {
  const codesAt = (raw: Record<string, unknown>) =>
    checkModel(parseModel(raw))
      .filter((d) => d.severity === "error")
      .map((d) => `${d.code} @ ${d.where}`);
  const leaves = [{ id: "a" }, { id: "b" }];

  it("winsorize lower 0.9 > upper 0.1 on an indicator and in the defaults: invalid_option at .treat.winsorize (treat() throws the same)", () => {
    const bad = { winsorize: { method: "quantile", lower: 0.9, upper: 0.1 } };
    expect(codesAt({ id: "m", tree: { id: "r", children: [{ id: "a", treat: bad }, { id: "b" }] } })).toEqual(
      ["invalid_option @ tree.children[0].treat.winsorize"],
    );
    expect(codesAt({ id: "m", defaults: { treat: bad }, tree: { id: "r", children: leaves } })).toEqual([
      "invalid_option @ defaults.treat.winsorize",
    ]);
  });

  it("a multiplicative combine of fixed weights {a:1,b:0} and {a:0,b:1} has product 0 everywhere: degenerate_combination", () => {
    const spec = {
      method: "combine",
      rule: "multiplicative",
      of: [
        { method: "fixed", weights: { a: 1, b: 0 } },
        { method: "fixed", weights: { a: 0, b: 1 } },
      ],
    };
    expect(
      codesAt({ id: "m", tree: { id: "r", children: leaves }, profiles: { p: { weights: { r: spec } } } }),
    ).toEqual(["degenerate_combination @ profiles.p.weights.r"]);
    // one child weighted in every part is enough (product a: 1 x 0.5 > 0)
    spec.of[1] = { method: "fixed", weights: { a: 0.5, b: 1 } };
    expect(
      codesAt({ id: "m", tree: { id: "r", children: leaves }, profiles: { p: { weights: { r: spec } } } }),
    ).toEqual([]);
  });

  it('a node named "unit" and a node "g_rank" beside group "g": column_collision at their ids (the CLI score output and SQL refuse them)', () => {
    expect(
      codesAt({
        id: "m",
        tree: { id: "r", children: [{ id: "unit" }, { id: "g", children: [{ id: "x" }] }, { id: "g_rank" }] },
      }),
    ).toEqual(["column_collision @ tree.children[0].id", "column_collision @ tree.children[2].id"]);
  });

  it('profile names "", "a,b" and " sp " cannot be selected on the command line: invalid_id at the profile', () => {
    const profiles = { "": {}, "a,b": {}, " sp ": {}, ok: {} };
    expect(codesAt({ id: "m", tree: { id: "r", children: leaves }, profiles })).toEqual([
      'invalid_id @ profiles[""]',
      'invalid_id @ profiles["a,b"]',
      'invalid_id @ profiles[" sp "]',
    ]);
  });
});
