import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { scoreCommand } from "../../src/cli/commands/score.js";
import { csvCell, csvChunks, toCsv } from "../../src/cli/format.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import { readCsvText, writeChunksAtomic, writeFileAtomic } from "../../src/node.js";
import { score } from "../../src/score/score.js";
import { capture } from "../cli/cli-fixtures.js";
import { SEED } from "./invariants.js";

const MODEL = "templates/grassroots-governance.json";
const DATA = "examples/governance/sample-city.csv";
const dir = mkdtempSync(join(tmpdir(), "indicatrix-output-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = capture();
  const code = await scoreCommand(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe("no data lost: CSV cells round-trip exactly", () => {
  it("csvCell writes every finite double so that Number() reads back the identical value (5,000 cases)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const back = Number(csvCell(x));
        expect(back === x).toBe(true);
        // And through the CSV reader of the CLI (trimmed cells, header row).
        const rows = readCsvText(`unit,v\nu,${csvCell(x)}\n`);
        expect(Number(rows[0]?.v) === x).toBe(true);
      }),
      { seed: SEED, numRuns: 5000 },
    );
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("toCsv text cells with quotes, commas, newlines, spaces and unicode parse back to the same strings (1,000 cases)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.string({ unit: "grapheme" }),
            fc.string(),
            fc.double({ noNaN: true, noDefaultInfinity: true }),
          ),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        (cells) => {
          const rows = cells.map(([a, b, x]) => ({ a: `k${a}`, b, x }));
          const text = toCsv(["a", "b", "x"], rows);
          const back = parse(text, { columns: true }) as Record<string, string>[];
          expect(back.map((r) => r.a)).toEqual(rows.map((r) => r.a));
          expect(back.map((r) => r.b)).toEqual(rows.map((r) => r.b));
          // Numerically identical (-0 is written as 0: the same number).
          expect(back.map((r) => Number(r.x))).toEqual(rows.map((r) => r.x + 0));
          // Streaming chunks give the same bytes as one string.
          expect(
            [...csvChunks(["a", "b", "x"], rows.length, (i) => rows[i] as (typeof rows)[number])].join(""),
          ).toBe(text);
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe("indicatrix score output", () => {
  it("every input unit appears in order with a status; units without data are 'missing' with a reason; numbers equal score() to the last bit", async () => {
    const text = readFileSync(DATA, "utf8");
    const lines = text.trimEnd().split("\n");
    const header = (lines[0] as string).split(",");
    // Blank every indicator cell of three communities: they must still be in the output.
    const keep = new Set(["unit", "name", "level", "parent", "population"].map((h) => header.indexOf(h)));
    const blanked: string[] = [];
    const edited = lines.map((line, k) => {
      if (k === 0 || !/,community,/.test(line) || blanked.length >= 3) return line;
      const cells = parse(line)[0] as string[];
      blanked.push(cells[header.indexOf("unit")] as string);
      return cells
        .map((c, j) => (keep.has(j) ? (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c) : ""))
        .join(",");
    });
    const data = join(dir, "edited.csv");
    writeFileSync(data, `${edited.join("\n")}\n`);
    const out = join(dir, "scores.csv");
    const r = await run(MODEL, data, "--profile", "emergency", "--out", out);
    expect(r.code).toBe(0);
    const input = parse(readFileSync(data), { columns: true }) as Record<string, string>[];
    const output = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
    expect(output.map((x) => x.unit)).toEqual(input.map((x) => x.unit));
    for (const row of output) {
      expect(["scored", "rollup", "missing"]).toContain(row.status);
      if (row.status === "missing") expect(row.reason).not.toBe("");
    }
    expect(output.filter((x) => x.status === "missing").map((x) => x.unit)).toEqual(blanked);
    const result = score(parseModel(readFileSync(MODEL, "utf8")), input, { profile: "emergency" });
    const byUnit = new Map(output.map((x) => [x.unit, x]));
    for (const id of result.resolved.nodes.keys())
      result.units.forEach((u, i) => {
        const v = (result.scores[id] as Float64Array)[i] as number;
        const cell = byUnit.get(u)?.[id];
        if (Number.isNaN(v)) expect(cell).toBe("");
        else expect(Number(cell)).toBe(v);
      });
  });

  it("the same model and data give byte-identical CSV and JSON output across runs", async () => {
    const a = join(dir, "a.csv");
    const b = join(dir, "b.csv");
    expect((await run(MODEL, DATA, "--out", a)).code).toBe(0);
    expect((await run(MODEL, DATA, "--out", b)).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const j1 = (await run(MODEL, DATA, "--format", "json", "--profile", "public_health")).stdout;
    const j2 = (await run(MODEL, DATA, "--format", "json", "--profile", "public_health")).stdout;
    expect(j1).toBe(j2);
    expect(j1.length).toBeGreaterThan(1000);
  });
});

describe("--out writes atomically", () => {
  it("a failure while writing leaves the old file untouched and no temporary file", () => {
    const sub = mkdtempSync(join(dir, "atomic-"));
    const target = join(sub, "scores.csv");
    writeFileSync(target, "old\n");
    function* failing(): Generator<string> {
      yield "unit,score\n";
      yield "u1,0.5\n";
      throw new Error("disk full");
    }
    expect(() => writeChunksAtomic(target, failing())).toThrow("disk full");
    expect(readFileSync(target, "utf8")).toBe("old\n");
    expect(readdirSync(sub)).toEqual(["scores.csv"]);
    writeFileAtomic(target, "new\n");
    expect(readFileSync(target, "utf8")).toBe("new\n");
    expect(readdirSync(sub)).toEqual(["scores.csv"]);
  });

  it("a target that cannot be written (its folder is a file) throws and leaves nothing behind", () => {
    const sub = mkdtempSync(join(dir, "atomic-"));
    writeFileSync(join(sub, "file"), "x");
    expect(() => writeFileAtomic(join(sub, "file", "out.csv"), "data")).toThrow();
    expect(readdirSync(sub)).toEqual(["file"]);
  });

  it("a failed score run (invalid data) writes no output file at all", async () => {
    const sub = mkdtempSync(join(dir, "atomic-"));
    const data = join(sub, "bad.csv");
    writeFileSync(data, "unit,x\nu1,abc\n");
    const model = join(sub, "m.json");
    writeFileSync(model, JSON.stringify({ id: "m", tree: { id: "root", children: [{ id: "x" }] } }));
    await expect(run(model, data, "--out", join(sub, "out.csv"))).rejects.toThrow(
      /row 1, unit "u1", column "x"/,
    );
    expect(readdirSync(sub).sort()).toEqual(["bad.csv", "m.json"]);
  });
});

describe("nothing reads a path from model content", () => {
  it("only the CLI and the Node entry point import file, process or network modules; the model core never does", () => {
    const files = readdirSync("src", { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const io = /from "(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads|vm)"/;
    const users = files.filter((f) => io.test(readFileSync(join("src", f), "utf8"))).sort();
    // The Node entry point is implemented in src/node/ (issue 12): node.ts re-exports from there.
    for (const f of users)
      expect(f.startsWith("cli/") || f.startsWith("node/") || ["node.ts", "duckdb.ts"].includes(f)).toBe(
        true,
      );
    // And the CLI reads only the paths on its command line: loadModel/loadData/readCsv* take argv paths.
    for (const f of users.filter((x) => x.startsWith("cli/commands/"))) {
      const text = readFileSync(join("src", f), "utf8");
      expect(text).not.toMatch(/read(File|Model|Csv)\w*\((model|node|spec|n)\./);
    }
  });
});
