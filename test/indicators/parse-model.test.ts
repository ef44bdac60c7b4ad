import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { IndicatrixError } from "../../src/internal/errors.js";
import { loadFixtures } from "./fixtures.js";

function parseError(input: unknown): IndicatrixError {
  try {
    parseModel(input);
  } catch (e) {
    if (e instanceof IndicatrixError) return e;
    throw e;
  }
  throw new Error("expected parseModel to throw");
}

describe("parseModel", () => {
  it.each(loadFixtures("valid"))("parseModel(valid/%s) returns the model", (_name, input) => {
    const model = parseModel(input);
    expect(model.id).toBe((input as { id: string }).id);
  });

  it.each(loadFixtures("schema-invalid"))(
    "parseModel(schema-invalid/%s) throws invalid_model with paths",
    (_name, input) => {
      const e = parseError(input);
      expect(e.code).toBe("invalid_model");
      expect(e.issues.length).toBeGreaterThan(0);
      for (const issue of e.issues) expect(issue.where).toMatch(/\S/);
    },
  );

  it("names the path and the unknown key of a typo such as wieght", () => {
    const e = parseError({ id: "m", tree: { id: "r", children: [{ id: "a", wieght: 1 }] } });
    expect(e.issues).toEqual([
      {
        code: "invalid_model",
        severity: "error",
        path: ["tree", "children", 0],
        where: "tree.children[0]",
        message: 'unknown field(s) "wieght"',
        node: "a",
      },
    ]);
    expect(e.message).toContain("tree.children[0]");
  });

  it("lists every problem, not only the first", () => {
    const e = parseError({ tree: { id: 3, children: [{ id: "a", direction: "up" }] } });
    const paths = e.issues.map((i) => i.where);
    expect(paths).toContain("id");
    expect(paths).toContain("tree.id");
    expect(paths).toContain("tree.children[0].direction");
  });

  it("reads JSON and YAML text, and reports a syntax error with its line", () => {
    expect(parseModel('{"id": "m", "tree": {"id": "r", "children": [{"id": "a"}]}}').id).toBe("m");
    expect(parseModel("id: m\ntree:\n  id: r\n  children:\n    - id: a\n").tree.children?.[0]?.id).toBe("a");
    const e = parseError('{"id": "m", "tree": ');
    expect(e.code).toBe("invalid_syntax");
    expect(e.message).toMatch(/line 1/);
  });

  it("refuses duplicate keys in YAML", () => {
    const e = parseError("id: m\nid: n\ntree:\n  id: r\n  children: [{ id: a }]\n");
    expect(e.code).toBe("invalid_syntax");
  });

  it("does not mutate its input and returns a copy", () => {
    const input = Object.freeze({
      id: "m",
      tree: Object.freeze({ id: "r", children: Object.freeze([Object.freeze({ id: "a" })]) }),
    });
    const model = parseModel(input);
    expect(model).toEqual(input);
    expect(model).not.toBe(input);
  });

  it("refuses NaN and Infinity as numbers", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const e = parseError({ id: "m", tree: { id: "r", children: [{ id: "a", goalposts: [0, bad] }] } });
      expect(e.issues[0]?.where).toBe("tree.children[0].goalposts[1]");
    }
  });
});
