// Issue 18: a .json model was parsed by the YAML parser (a trailing comma passed, YAML wording, the position said
// twice); GitHub annotations had no line= / col= and one printed ":::"; paths never named the node id.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonSyntaxError } from "../../src/indicators/json-syntax.js";
import { locateIssues } from "../../src/indicators/locate-issues.js";
import { readModelText } from "../../src/indicators/parse-model.js";
import { IndicatrixError } from "../../src/internal/errors.js";
import { runCli } from "../cli/run-cli.js";

function syntaxOf(
  text: string,
  format?: "json" | "yaml",
): { message: string; line?: number; column?: number } {
  try {
    readModelText(text, format ? { format } : {});
  } catch (e) {
    if (!(e instanceof IndicatrixError)) throw e;
    const i = e.issues[0];
    return { message: e.message, ...(i?.line ? { line: i.line, column: i.column } : {}) };
  }
  return { message: "no error" };
}

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "indicatrix-loc-")), name);
  writeFileSync(path, text);
  return path;
}

describe("JSON read as JSON (issue 18)", () => {
  it("a trailing comma is an error with its line and column (the YAML reader accepted it)", () => {
    const text = '{\n  "id": "m",\n  "tree": {"id": "root", "children": [{"id": "a"},]}\n}\n';
    expect(syntaxOf(text, "yaml").message).toBe("no error"); // what happened before: YAML flow allows it
    // Column 51 is the "]" after the comma (counted by hand on line 3).
    expect(syntaxOf(text, "json")).toEqual({
      message: "line 3, column 51: a trailing comma before ]",
      line: 3,
      column: 51,
    });
  });

  it.each([
    ['{"a": 1,}', "line 1, column 9: a trailing comma before }"],
    ['{"a" 1}', 'line 1, column 6: expected ":" after the key, got "1"'],
    ['{"a": tru}', 'line 1, column 7: expected a value, got "t"'],
    ["{'a': 1}", `line 1, column 2: expected a key in double quotes, got "'"`],
    ['{"a": 1', 'line 1, column 8: expected "," or "}" after a value, got the end of the text'],
    ['{"a": 1} x', 'line 1, column 10: unexpected "x" after the end of the JSON value'],
  ])("%s: %s", (text, message) => {
    expect(syntaxOf(text, "json").message).toBe(message);
  });

  it("a duplicate key is refused in JSON too, with its position (JSON.parse keeps the last silently)", () => {
    expect(syntaxOf('{"id": "m",\n "id": "n"}', "json")).toMatchObject({ line: 2, column: 2 });
  });

  it("jsonSyntaxError accepts what JSON.parse accepts", () => {
    for (const t of ['{"a": [1, -2.5e3, true, null, "x\\u00e9\\n"]}', "[]", " 3 ", '"s"'])
      expect(jsonSyntaxError(t)).toBeUndefined();
  });

  it("a YAML error says its position once (before: 'line 2, column 1: ... at line 2, column 1:')", () => {
    const { message } = syntaxOf("a: 1\na: 2\n");
    expect(message).toMatch(/^line 2, column 1: /);
    expect(message.match(/line \d+/g)).toHaveLength(1);
  });
});

describe("locateIssues and the messages of validate (issue 18)", () => {
  const yaml = "id: m\ntree:\n  id: root\n  children:\n    - id: a\n      direction: benfit\n    - id: b\n";

  it("gives each issue the line and column of its path and the id of its node", () => {
    const [i] = locateIssues(yaml, readModelText(yaml), [
      {
        code: "invalid_model",
        severity: "error",
        path: ["tree", "children", 0, "direction"],
        where: "tree.children[0].direction",
        message: "x",
      },
    ]);
    // "direction:" is at line 6, column 7 of the text above.
    expect([i?.line, i?.column, i?.node]).toEqual([6, 7, "a"]);
  });

  it("validate prints file position and node in text, and line=/col= in GitHub annotations, never ':::'", async () => {
    const f = file("m.yaml", yaml);
    const text = await runCli("validate", f);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      'error invalid_model at tree.children[0].direction (node "a", line 6, column 7): ',
    );
    const gh = await runCli("validate", "--format", "github", f);
    expect(gh.stdout).toMatch(
      /^::error file=.*m\.yaml,line=6,col=7,title=indicatrix invalid_model::tree\.children\[0\]\.direction \(node "a"\): unknown value "benfit"/m,
    );
    const bad = await runCli("validate", "--format", "github", file("t.json", '{"id": "m",}'));
    expect(bad.stdout).toMatch(
      /^::error file=.*t\.json,line=1,col=12,title=indicatrix invalid_syntax::line 1, column 12: a trailing comma before \}$/m,
    );
    expect(bad.stdout).not.toContain(":::");
  });

  it("an issue with no place prints its message alone in a GitHub annotation (before: '::error ...::: message')", async () => {
    const missing = join(mkdtempSync(join(tmpdir(), "indicatrix-loc-")), "missing.json");
    const gh = await runCli("validate", "--format", "github", missing);
    expect(gh.code).toBe(2);
    expect(gh.stdout).toMatch(/^::error file=.*missing\.json,title=indicatrix unreadable_file::\S/m);
    expect(gh.stdout).not.toContain(":::");
  });
});
