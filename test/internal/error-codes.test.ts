import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, type ErrorCode } from "../../src/internal/error-codes.js";
import { fail, formatPath, IndicatrixError, parsePath } from "../../src/internal/errors.js";
import { toDataset } from "../../src/score/dataset.js";

const codes = Object.keys(ERROR_CODES) as ErrorCode[];

/** The rows `| \`code\` | severity | meaning |` of the "Every code" table of docs/model.md. */
function docTable(): { code: string; severity: string; text: string }[] {
  const doc = readFileSync("docs/model.md", "utf8");
  const section = doc.slice(doc.indexOf("### Every code"));
  return section
    .split("\n")
    .filter((line) => /^\| `[a-z_]+` /.test(line))
    .map((line) => {
      const cells = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/\\\|/g, "|"));
      return { code: (cells[0] ?? "").replace(/`/g, ""), severity: cells[1] ?? "", text: cells[2] ?? "" };
    });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Every code literal written where a code goes: `fail("x"`, `IndicatrixError("x"`, `error("x"`, `code: "x"`, ... */
function codesUsedInSrc(): Map<string, string> {
  const used = new Map<string, string>();
  const patterns = [
    /\b(?:fail|IndicatrixError|error|warning|err)\(\s*"([a-z][a-z0-9_]*)"/g,
    /\bcode: "([a-z][a-z0-9_]*)"/g,
    /\bcode === "([a-z][a-z0-9_]*)"/g,
  ];
  for (const file of sourceFiles("src")) {
    if (file.endsWith("error-codes.ts")) continue;
    const text = readFileSync(file, "utf8");
    for (const re of patterns) for (const m of text.matchAll(re)) used.set(m[1] as string, file);
  }
  // zod's own issue codes, read (not emitted) by parse-model.ts.
  for (const zod of ["invalid_type", "invalid_union", "unrecognized_keys"]) used.delete(zod);
  return used;
}

/**
 * The `old -> new` pairs of the "Renamed error codes" list of CHANGELOG.md's 0.2.0 section; a pair whose old
 * name carries a qualifier (`invalid_matrix` (diagonal) -> `invalid_diagonal`) split one meaning off a code
 * that stays, so it is left out.
 */
function renamedCodes(): [string, string][] {
  const log = readFileSync("CHANGELOG.md", "utf8");
  const section = log.slice(log.indexOf("Renamed error codes"), log.indexOf("\n## 0.1.0"));
  return [...section.matchAll(/^\s+- `([a-z_]+)` -> `([a-z_]+)`/gm)].map((m) => [
    m[1] as string,
    m[2] as string,
  ]);
}

describe("ERROR_CODES", () => {
  it("equals the table of every code in docs/model.md (code, severity, meaning), in the same order", () => {
    const expected = codes.map((code) => ({
      code,
      severity: ERROR_CODES[code].severity,
      text: ERROR_CODES[code].text,
    }));
    expect(docTable()).toEqual(expected);
  });

  it("lists every code literal that src/ throws or returns, and only codes that src/ uses", () => {
    const used = codesUsedInSrc();
    const missing = [...used].filter(([code]) => !Object.hasOwn(ERROR_CODES, code));
    expect(missing).toEqual([]);
    const src = sourceFiles("src")
      .filter((f) => !f.endsWith("error-codes.ts"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    expect(codes.filter((code) => !src.includes(`"${code}"`))).toEqual([]);
  });

  it("holds snake_case codes with distinct meanings, one line each", () => {
    for (const code of codes) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    const texts = codes.map((c) => ERROR_CODES[c].text);
    expect(new Set(texts).size).toBe(texts.length);
    for (const t of texts) expect(t).not.toContain("\n");
  });

  it("keeps no two synonyms: every renamed code of CHANGELOG is gone or deprecated in favour of its new name", () => {
    const renamed = renamedCodes();
    expect(renamed.length).toBeGreaterThanOrEqual(7);
    for (const [old, name] of renamed) {
      expect(Object.hasOwn(ERROR_CODES, name), name).toBe(true);
      expect((ERROR_CODES[name as ErrorCode] as { deprecated?: true }).deprecated, name).toBeUndefined();
      if (Object.hasOwn(ERROR_CODES, old))
        expect(ERROR_CODES[old as ErrorCode], old).toMatchObject({ deprecated: true, replacedBy: name });
    }
    for (const code of codes) {
      const info = ERROR_CODES[code] as { deprecated?: true; replacedBy?: string };
      if (info.deprecated) expect(renamed, code).toContainEqual([code, info.replacedBy]);
    }
  });
});

describe("IndicatrixError path and where", () => {
  it("fail(code, ['tree', 'children', 0, 'direction'], msg) carries the path and where = formatPath(path)", () => {
    const e = (() => {
      try {
        fail("invalid_direction", ["tree", "children", 0, "direction"], "expected benefit or cost");
      } catch (x) {
        return x as IndicatrixError;
      }
    })();
    expect(e).toBeInstanceOf(IndicatrixError);
    expect(e?.path).toEqual(["tree", "children", 0, "direction"]);
    expect(e?.where).toBe("tree.children[0].direction");
    expect(e?.message).toBe("tree.children[0].direction: expected benefit or cost");
    expect(e?.issues).toEqual([
      {
        code: "invalid_direction",
        severity: "error",
        path: ["tree", "children", 0, "direction"],
        where: "tree.children[0].direction",
        message: e?.message,
      },
    ]);
  });

  it("a legacy string path is kept as where and read into segments by parsePath", () => {
    expect(parsePath('opts.weights[2]["a b"]')).toEqual(["opts", "weights", 2, "a b"]);
    expect(parsePath('unit "c1", column "a"')).toEqual([]);
    expect(formatPath(parsePath('profiles["my profile"].weights.root'))).toBe(
      'profiles["my profile"].weights.root',
    );
    const e = new IndicatrixError("invalid_option", "x", { path: "opts.missing" });
    expect([e.path, e.where]).toEqual([["opts", "missing"], "opts.missing"]);
  });

  it("toDataset names a bad cell as ['data', row, column] (1-based row) with where naming row, unit and column", () => {
    let e: IndicatrixError | undefined;
    try {
      toDataset([
        { unit: "c1", a: 1 },
        { unit: "c2", a: "high" },
      ]);
    } catch (x) {
      e = x as IndicatrixError;
    }
    expect(e?.code).toBe("invalid_data");
    expect(e?.path).toEqual(["data", 2, "a"]);
    expect(e?.where).toBe('row 2, unit "c2", column "a"');
  });
});
