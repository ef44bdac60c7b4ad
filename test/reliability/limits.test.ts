import { spawnSync } from "node:child_process";
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { compileFormula } from "../../src/indicators/formula.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import {
  MAX_ABS_VALUE,
  MAX_DATA_FILE_BYTES,
  MAX_FORMULA_DEPTH,
  MAX_FORMULA_LENGTH,
  MAX_INPUT_DEPTH,
  MAX_MODEL_FILE_BYTES,
  MAX_NODES,
  MAX_TREE_DEPTH,
} from "../../src/internal/limits.js";
import { readCsvColumns, readCsvFile, readModelFile } from "../../src/node.js";
import { normalize } from "../../src/normalize/normalize.js";
import { toDataset } from "../../src/score/dataset.js";
import { score } from "../../src/score/score.js";
import { validateModel } from "../../src/score/validate-model.js";
import { ahp } from "../../src/weighting/ahp.js";
import { outcome } from "./invariants.js";

const dir = mkdtempSync(join(tmpdir(), "indicatrix-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function chain(depth: number): unknown {
  let node: unknown = { id: "leaf" };
  for (let i = depth - 1; i >= 0; i--) node = { id: `n${i}`, children: [node] };
  return node;
}
function refusal(f: () => unknown): { code: string; where: string; message: string } {
  const r = outcome(f, () => "limit");
  if (r.ok) throw new Error("expected a refusal");
  return r.error;
}

describe("documented limits give a clear error beyond them", () => {
  it(`a tree ${MAX_TREE_DEPTH} levels deep is valid; one level more is too_deep`, () => {
    expect(validateModel({ id: "m", tree: chain(MAX_TREE_DEPTH) }).ok).toBe(true);
    const v = validateModel({ id: "m", tree: chain(MAX_TREE_DEPTH + 1) });
    expect(v.issues.map((i) => i.code)).toEqual(["too_deep"]);
  });

  it(`a tree nested 100,000 deep (value or YAML text) is refused by parseModel without overflowing the stack (limit ${MAX_INPUT_DEPTH})`, () => {
    const e = refusal(() => parseModel({ id: "m", tree: chain(100_000) }));
    expect(e.code).toBe("invalid_model");
    expect(e.message).toMatch(/nests deeper than 200/);
    const v = validateModel({ id: "m", tree: chain(100_000) });
    expect(v.ok).toBe(false);
    // A cycle in a JavaScript value ends the same way.
    const cyclic: Record<string, unknown> = { id: "root", children: [] };
    (cyclic.children as unknown[]).push(cyclic);
    expect(refusal(() => parseModel({ id: "m", tree: cyclic })).code).toBe("invalid_model");
    const yaml = `id: m\ntree: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`;
    const y = refusal(() => parseModel(yaml));
    expect(y.code).toBe("invalid_syntax");
    expect(y.message).toMatch(/nests too deep/);
  });

  it(`${MAX_NODES} nodes are accepted; one more is too_many_nodes`, () => {
    const leaves = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `x${i}` }));
    expect(validateModel({ id: "m", tree: { id: "root", children: leaves(MAX_NODES - 1) } }).ok).toBe(true);
    const v = validateModel({ id: "m", tree: { id: "root", children: leaves(MAX_NODES) } });
    expect(v.issues.map((i) => i.code)).toEqual(["too_many_nodes"]);
  });

  it(`formulas: ${MAX_FORMULA_LENGTH} characters and ${MAX_FORMULA_DEPTH} levels pass; beyond is invalid_formula`, () => {
    const at = `x+${"y".repeat(MAX_FORMULA_LENGTH - 2)}`;
    expect(compileFormula(at).variables).toEqual(["x", "y".repeat(MAX_FORMULA_LENGTH - 2)]);
    expect(refusal(() => compileFormula(`${at}y`)).code).toBe("invalid_formula");
    const nested = `${"(".repeat(MAX_FORMULA_DEPTH - 1)}a${")".repeat(MAX_FORMULA_DEPTH - 1)}`;
    expect(compileFormula(nested).variables).toEqual(["a"]);
    expect(
      refusal(() =>
        compileFormula(`${"(".repeat(MAX_FORMULA_DEPTH + 1)}a${")".repeat(MAX_FORMULA_DEPTH + 1)}`),
      ).code,
    ).toBe("invalid_formula");
    // Right-associative powers recurse in mathjs's parser: refused by depth, never a stack overflow.
    expect(refusal(() => compileFormula(`${"a^".repeat(2000)}a`)).code).toBe("invalid_formula");
  });

  it("AHP: order 15 has Saaty's RI; order 16 without an own RI table is an error naming the remedy", () => {
    const one = (n: number) => Array.from({ length: n }, () => new Array<number>(n).fill(1));
    expect(ahp(one(15)).weights).toHaveLength(15);
    const e = refusal(() => ahp(one(16)));
    expect(e.code).not.toBe("");
    expect(e.message).toMatch(/16|RI|ri/);
    expect(
      ahp(one(16), { ri: Array.from({ length: 16 }, (_, i) => (i < 2 ? 0 : 1.6)) }).weights,
    ).toHaveLength(16);
  });

  it(`values beyond ${MAX_ABS_VALUE} are value_out_of_range naming unit and column; 1e308 - (-1e308) never flattens a column`, () => {
    const model = parseModel({ id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "b" }] } });
    const e = refusal(() =>
      score(model, [
        { unit: "u1", a: 1e308, b: 1 },
        { unit: "u2", a: -1e308, b: 2 },
      ]),
    );
    expect(e.code).toBe("value_out_of_range");
    expect(e.where).toBe('unit "u1", column "a"');
    expect(refusal(() => normalize([1, -1e200], "zscore")).where).toBe("values[1]");
    // At the limit: exact min-max, hand computed (0, 0.5, 1).
    expect([...normalize([-MAX_ABS_VALUE, 0, MAX_ABS_VALUE], "minmax")]).toEqual([0, 0.5, 1]);
    // Reciprocal cost transforms of denormals overflow: refused rather than NaN.
    expect(
      refusal(() => normalize([5e-324, 1], { method: "minmax", cost: "reciprocal" }, { direction: "cost" }))
        .code,
    ).toBe("value_out_of_range");
    expect(refusal(() => normalize([5e-324, 1], "sum", { direction: "cost" })).code).toBe(
      "value_out_of_range",
    );
  });

  it(`file sizes: a model over ${MAX_MODEL_FILE_BYTES} bytes and data over the limit are file_too_large before reading (sparse files)`, () => {
    const big = join(dir, "big.json");
    writeFileSync(big, "");
    truncateSync(big, MAX_MODEL_FILE_BYTES + 1);
    expect(refusal(() => readModelFile(big)).code).toBe("file_too_large");
    const data = join(dir, "big.csv");
    writeFileSync(data, "");
    truncateSync(data, MAX_DATA_FILE_BYTES + 1);
    expect(refusal(() => readCsvFile(data)).code).toBe("file_too_large");
    expect(refusal(() => readCsvColumns(data)).code).toBe("file_too_large");
    expect(refusal(() => readModelFile(dir)).code).toBe("unreadable_file");
    expect(refusal(() => readCsvColumns(join(dir, "absent.csv"))).code).toBe("unreadable_file");
  });

  it("readCsvColumns reads what readCsvFile reads: same dataset for the sample city, and the same refusals", () => {
    const path = "examples/governance/sample-city.csv";
    // Every column but the text ones read as numbers (the sample city's `state` holds response levels
    // such as "III", issue 14).
    const header = readFileSync(path, "utf8").split("\n", 1)[0]!.split(",");
    const columns = header.filter((c) => !["unit", "name", "level", "parent", "state"].includes(c));
    const a = toDataset(readCsvFile(path), { columns });
    const b = toDataset(readCsvColumns(path), { columns });
    expect(b.units).toEqual(a.units);
    expect(b.parents).toEqual(a.parents);
    expect(b.levels).toEqual(a.levels);
    expect(b.names).toEqual(a.names);
    expect([...b.columns.keys()].sort()).toEqual([...a.columns.keys()].sort());
    for (const [k, col] of a.columns) expect([...(b.columns.get(k) as Float64Array)]).toEqual([...col]);
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "unit,a,b\nu1,1,2\nu2,x,3\n");
    const e = refusal(() => toDataset(readCsvColumns(bad), { columns: ["a"] }));
    expect(e.code).toBe("invalid_data");
    expect(e.where).toBe('row 2, unit "u2", column "a"');
    expect(toDataset(readCsvColumns(bad), { columns: ["b"] }).units).toEqual(["u1", "u2"]);
    writeFileSync(bad, "unit,a\nu1,1\nu2,3,4\n");
    expect(refusal(() => readCsvColumns(bad)).code).toBe("invalid_csv");
    writeFileSync(bad, "unit,a,a\nu1,1,2\n");
    expect(refusal(() => readCsvColumns(bad)).message).toMatch(/"a" appears twice/);
  });

  it("indicatrix score on a CSV 1,000,000 columns wide and 2 rows deep (12 MB) answers within 10 s of CPU and a 192 MB heap, validate within 10 s (issue 20 item 14: 60 s and 7.4 GB, then 4 s and 1.2 GB)", () => {
    // The probe's file: `unit,c0,...,c999999` then two rows of digits; the model reads three columns.
    const width = 1_000_000;
    const path = join(dir, "wide.csv");
    const header = ["unit"];
    const r1 = ["u1"];
    const r2 = ["u2"];
    for (let j = 0; j < width; j++) {
      header.push(`c${j}`);
      r1.push(String(j % 10));
      r2.push(String((j * 7) % 10));
    }
    writeFileSync(path, `${header.join(",")}\r\n${r1.join(",")}\r\n${r2.join(",")}\r\n`);
    const model = join(dir, "wide-model.json");
    writeFileSync(
      model,
      JSON.stringify({
        id: "wide",
        tree: { id: "root", children: [{ id: "c1" }, { id: "c3" }, { id: "c999999" }] },
      }),
    );
    // Every column made an array and a record of a million keys: the heap ran out at 256 MB (128 MB is enough now).
    const child = spawnSync(
      process.execPath,
      [
        "--max-old-space-size=192",
        "--import",
        "tsx",
        "test/reliability/scripts/cli-usage.ts",
        "score",
        model,
        path,
      ],
      { encoding: "utf8", timeout: 110_000 },
    );
    expect(child.stderr).not.toMatch(/heap out of memory|Error/);
    expect(child.status).toBe(0);
    const run = JSON.parse(child.stdout) as {
      code: number;
      out: string;
      err: string;
      cpuMs: number;
      heapMB: number;
    };
    expect(run.code).toBe(0);
    // By hand: c1 holds 1 and 7, c3 holds 3 and 1, c999999 holds 9 and 3 (j % 10 and 7j % 10); min-max
    // to [0, 1] puts u1 at 0, 1, 1 and u2 at 1, 0, 0, so the equal-weight root scores 2/3 and 1/3.
    const rows = parse(run.out, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.unit, r.c1, r.c3, r.c999999])).toEqual([
      ["u1", "0", "1", "1"],
      ["u2", "1", "0", "0"],
    ]);
    expect(Number(rows[0]?.root)).toBeCloseTo(2 / 3, 12);
    // The other 999,997 columns are counted in one warning that names the first 20.
    const first20 = ["c0", "c2", ...Array.from({ length: 18 }, (_, j) => `c${j + 4}`)];
    expect(run.err).toContain(
      `warning: ignored_columns at data: columns not used by the model: ${first20.join(", ")}, ...\n`,
    );
    expect(run.cpuMs).toBeLessThan(10_000);
    // The same file given to validate is read as a model table (a record of a million keys per row,
    // 2.5 s of CPU; csv-parse's discovery of the line ending over the long header took 2 s more).
    const table = spawnSync(
      process.execPath,
      ["--import", "tsx", "test/reliability/scripts/cli-usage.ts", "validate", path],
      { encoding: "utf8", timeout: 110_000 },
    );
    expect(table.status).toBe(0);
    const check = JSON.parse(table.stdout) as { code: number; out: string; cpuMs: number };
    expect(check.code).toBe(1);
    expect(check.out).toContain(
      "error invalid_table at row 1: no id: expected a value in column id (or iCode)",
    );
    expect(check.cpuMs).toBeLessThan(10_000);
  }, 180_000);

  it("a 50 MB CSV (600,000 units x 10 indicators) is read by columns, scored, rolled up and written in a child process with a 512 MB heap", () => {
    const data = join(dir, "50mb.csv");
    const fd = openSync(data, "w");
    writeSync(fd, `unit,${Array.from({ length: 10 }, (_, j) => `x${j}`).join(",")}\n`);
    let s = 7;
    const rnd = () => {
      s = (s * 16807) % 2147483647;
      return ((s / 2147483647) * 1000).toFixed(3);
    };
    for (let block = 0; block < 600; block++) {
      const lines: string[] = [];
      for (let i = 0; i < 1000; i++)
        lines.push(`u${block * 1000 + i},${Array.from({ length: 10 }, rnd).join(",")}`);
      writeSync(fd, `${lines.join("\n")}\n`);
    }
    closeSync(fd);
    const model = join(dir, "model.json");
    const ids = (a: number, b: number) => Array.from({ length: b - a }, (_, j) => ({ id: `x${a + j}` }));
    writeFileSync(
      model,
      JSON.stringify({
        id: "big",
        tree: {
          id: "root",
          children: [
            { id: "g1", children: ids(0, 5) },
            { id: "g2", children: ids(5, 10) },
          ],
        },
      }),
    );
    const out = join(dir, "scores.csv");
    const child = spawnSync(
      process.execPath,
      [
        "--max-old-space-size=512",
        "--import",
        "tsx",
        "test/reliability/scripts/score-big.ts",
        model,
        data,
        out,
      ],
      { encoding: "utf8", timeout: 170_000 },
    );
    expect(child.stderr).not.toMatch(/heap out of memory|Error/);
    expect(child.status).toBe(0);
    const report = JSON.parse(child.stdout) as { units: number; heapMB: number; rssMB: number };
    expect(report.units).toBe(600_000);
    expect(report.heapMB).toBeLessThan(512);
    const text = readFileSync(out, "utf8");
    expect(text.split("\n").length).toBe(600_002);
    const head = parse(text.slice(0, text.indexOf("\n", 200) + 1), { columns: true }) as Record<
      string,
      string
    >[];
    expect(head[0]?.unit).toBe("u0");
  }, 180_000);
});
