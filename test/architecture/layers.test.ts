// The folders of src/ form layers that point down (STYLE.md practice 13, issue 12 item 4):
//   internal < normalize, aggregate, evaluate < indicators < weighting, grades < score < analysis, build, sql, report
//   < node < entry files (src/*.ts: index, schema, templates, node, duckdb) < cli.
// A module may import from its own folder, from a folder of the same layer (never in a cycle) and
// from lower layers, never from a higher one. Subfolders belong to their top folder: the bundled
// templates in src/indicators/templates are data of the model layer (they import only its types).
// Every import counts: `import type`, `export ... from` and dynamic `import()` as much as values.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = resolve("src");

/** Layer of each folder of src/ (higher numbers may import lower ones). */
const LAYERS: Record<string, number> = {
  internal: 0,
  normalize: 1,
  aggregate: 1,
  evaluate: 1,
  indicators: 2,
  weighting: 3,
  grades: 3,
  score: 4,
  panel: 5,
  analysis: 5,
  build: 5,
  sql: 5,
  report: 5,
  node: 6,
  "(entry)": 7,
  cli: 8,
};

/** Folders whose modules may import Node.js built-ins (`node:fs`...): the core does no I/O (DESIGN.md). */
const NODE_BUILTINS_ALLOWED = new Set(["node", "cli"]);

interface Edge {
  /** Importing file, relative to src/. */
  file: string;
  /** Imported file, relative to src/. */
  target: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith(".ts") ? [p] : [];
  });
}

/** The folder (layer unit) of a path relative to src/: its first segment, or "(entry)" for src/*.ts. */
function folderOf(rel: string): string {
  const parts = rel.split("/");
  return parts.length > 1 ? (parts[0] as string) : "(entry)";
}

/** Every module specifier of a file, as TypeScript's own pre-processor reads them. */
function specifiers(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

const files = sourceFiles(SRC);
const edges: Edge[] = [];
const builtins: Edge[] = [];
for (const file of files) {
  const rel = relative(SRC, file);
  for (const spec of specifiers(file)) {
    if (spec.startsWith("node:")) builtins.push({ file: rel, target: spec });
    if (!spec.startsWith(".")) continue;
    const target = relative(SRC, resolve(dirname(file), spec)).replace(/\.js$/, ".ts");
    if (target.startsWith("..")) continue; // a data file outside src/ (the template's JSON)
    edges.push({ file: rel, target });
  }
}

const crossFolder = edges
  .map((e) => ({ ...e, from: folderOf(e.file), to: folderOf(e.target) }))
  .filter((e) => e.from !== e.to);

/** Strongly connected components of more than one folder (Tarjan), each sorted. */
function folderCycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe("layers of src/ (issue 12 item 4)", () => {
  it("the import scan sees the files and imports of src/ (more than 100 files, more than 300 relative imports)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.length).toBeGreaterThan(300);
    // every folder of src/ has a layer
    expect(files.map((f) => folderOf(relative(SRC, f))).filter((f) => LAYERS[f] === undefined)).toEqual([]);
  });

  it("folderCycles finds the cycle of a -> b -> c -> a and nothing in a chain (self-check of the test)", () => {
    const g = (pairs: [string, string][]) => {
      const m = new Map<string, Set<string>>();
      for (const [a, b] of pairs) m.set(a, (m.get(a) ?? new Set()).add(b));
      return m;
    };
    expect(
      folderCycles(
        g([
          ["a", "b"],
          ["b", "c"],
          ["c", "a"],
          ["c", "d"],
        ]),
      ),
    ).toEqual([["a", "b", "c"]]);
    expect(
      folderCycles(
        g([
          ["a", "b"],
          ["b", "c"],
        ]),
      ),
    ).toEqual([]);
  });

  it("no module imports from a higher layer", () => {
    const upward = crossFolder
      .filter((e) => (LAYERS[e.to] ?? 0) > (LAYERS[e.from] ?? 0))
      .map((e) => `${e.file} -> ${e.target} (${e.from} ${LAYERS[e.from]} imports ${e.to} ${LAYERS[e.to]})`);
    expect(upward).toEqual([]);
  });

  it("the folders have no import cycle", () => {
    const graph = new Map<string, Set<string>>();
    for (const e of crossFolder) {
      graph.set(e.from, (graph.get(e.from) ?? new Set()).add(e.to));
    }
    const cycles = folderCycles(graph).map((scc) => {
      const inside = crossFolder.filter((e) => scc.includes(e.from) && scc.includes(e.to));
      return `${scc.join(" <-> ")}: ${inside.map((e) => `${e.file} -> ${e.target}`).join(", ")}`;
    });
    expect(cycles).toEqual([]);
  });

  it("only src/node/ and src/cli/ import Node.js built-ins (the core runs in browsers)", () => {
    expect(
      builtins
        .filter((e) => !NODE_BUILTINS_ALLOWED.has(folderOf(e.file)))
        .map((e) => `${e.file}: ${e.target}`),
    ).toEqual([]);
  });
});
