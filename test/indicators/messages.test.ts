// Issue 18, "Validation messages": what a person reads when a model file has a typo.
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { IndicatrixError } from "../../src/internal/errors.js";
import { editDistance, nearestName } from "../../src/internal/nearest.js";
import { checkModel } from "../../src/score/check-model.js";

function issuesOf(input: unknown): string[] {
  try {
    parseModel(input);
  } catch (e) {
    if (e instanceof IndicatrixError) return e.issues.map((i) => `${i.where}: ${i.message}`);
    throw e;
  }
  return [];
}

const tree = { id: "root", children: [{ id: "access" }, { id: "b" }] };

describe("enum and union messages list the allowed values and the nearest (issue 18)", () => {
  it('a misspelt weight method lists every method and says did you mean "entropy"? (before: expected "equal")', () => {
    const [msg, ...more] = issuesOf({
      id: "m",
      tree,
      profiles: { p: { weights: { root: { method: "entropi" } } } },
    });
    expect(more).toEqual([]);
    expect(msg).toMatch(
      /^profiles\.p\.weights\.root\.method: unknown method "entropi": expected one of "equal", "fixed", "ahp", "entropy", /,
    );
    expect(msg).toMatch(/; did you mean "entropy"\?$/);
  });

  it("a misspelt direction, normalization and missing policy each name the nearest value", () => {
    const got = issuesOf({
      id: "m",
      defaults: { missing: "skpi", normalize: "minmx" },
      tree: { id: "root", children: [{ id: "a", direction: "benfit" }] },
    });
    expect(got).toHaveLength(3);
    expect(got.some((m) => m.endsWith('did you mean "skip"?'))).toBe(true);
    expect(got.some((m) => m.endsWith('did you mean "minmax"?'))).toBe(true);
    expect(got).toContainEqual(
      'tree.children[0].direction: unknown value "benfit": expected one of "benefit", "cost" or an object; did you mean "benefit"?',
    );
  });

  it("a right method with a wrong field still names the field", () => {
    expect(
      issuesOf({ id: "m", tree, profiles: { p: { weights: { root: { method: "entropy", shfit: 1 } } } } }),
    ).toEqual(['profiles.p.weights.root: unknown field(s) "shfit"']);
  });

  it("no suggestion for a name far from every candidate", () => {
    const [msg] = issuesOf({ id: "m", tree, profiles: { p: { weights: { root: { method: "xyzzy" } } } } });
    expect(msg).not.toContain("did you mean");
  });

  it("editDistance counts a transposition as one edit (optimal string alignment); nearestName needs a near name", () => {
    expect(editDistance("skpi", "skip")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3); // the textbook example (Levenshtein 1966)
    expect(nearestName("z", ["a", "b"])).toBeUndefined();
    expect(nearestName("acess", ["access", "b"])).toBe("access");
  });
});

describe("one wrong id gives one error (issue 18)", () => {
  it("a misspelt child in fixed weights gives unknown_child with did you mean, and no missing_child for that child", () => {
    const model = parseModel({
      id: "m",
      tree,
      profiles: { p: { weights: { root: { method: "fixed", weights: { acess: 1, b: 2 } } } } },
    });
    const d = checkModel(model);
    expect(d.map((x) => `${x.code} @ ${x.where}`)).toEqual([
      "unknown_child @ profiles.p.weights.root.weights.acess",
    ]);
    expect(d[0]?.message).toBe(
      '"acess" is not a child of "root" (children: access, b); did you mean "access"?',
    );
  });

  it("misspelt ids in judgments, include and weights keys name the nearest id", () => {
    const model = parseModel({
      id: "m",
      tree,
      profiles: {
        q: { weights: { root: { method: "ahp", judgments: [["acess", "b", 3]] } } },
        r: { include: ["acess"], weights: { rooot: "equal" } },
      },
    });
    const d = checkModel(model);
    expect(d.map((x) => x.code)).toEqual(["unknown_child", "unknown_indicator", "unknown_node"]);
    expect(
      d.map(
        (x) => x.message.endsWith('did you mean "access"?') || x.message.endsWith('did you mean "root"?'),
      ),
    ).toEqual([true, true, true]);
  });
});

describe("issues name the node (issue 18)", () => {
  it("parseModel's issues carry the id of the node their path is in", () => {
    try {
      parseModel({ id: "m", tree: { id: "root", children: [{ id: "a", direction: "benfit" }] } });
    } catch (e) {
      expect((e as IndicatrixError).issues[0]?.node).toBe("a");
      return;
    }
    throw new Error("expected an error");
  });
});
