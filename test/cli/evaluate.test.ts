import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { evaluateCommand } from "../../src/cli/commands/evaluate.js";
import { UsageError } from "../../src/cli/context.js";
import { EXPECTED } from "../fixtures/five-communities/index.js";
import { capture, goldenFiles } from "./cli-fixtures.js";

const TEMPLATE = "templates/grassroots-governance.json";
const CITY = "examples/governance/sample-city.csv";

describe("indicatrix evaluate", () => {
  it("--method topsis writes CSV with the five-communities closeness C = [0.423852, ..., 0.553203] (compute.py)", () => {
    const { model, data } = goldenFiles();
    const io = capture();
    expect(evaluateCommand([model, data, "--method", "topsis"], io)).toBe(0);
    const rows = parse(io.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual(["unit", "score", "rank", "dPlus", "dMinus"]);
    const want = EXPECTED.topsis.vector;
    rows.forEach((r, i) => {
      expect(Number(r.score)).toBeCloseTo(want[i] as number, 5);
    });
    expect(rows.map((r) => r.rank)).toEqual(["5", "4", "3", "2", "1"]);
  });

  it("--method grey --format json --out FILE writes one JSON document (the five-communities weighted grade)", () => {
    const { dir, model, data } = goldenFiles();
    const out = join(dir, "grey.json");
    const io = capture();
    evaluateCommand([model, data, "--method", "grey", "--format", "json", "--out", out], io);
    expect(io.stdout).toBe("");
    const doc = JSON.parse(readFileSync(out, "utf8"));
    expect(doc.method).toBe("grey");
    expect(doc.rows[0].score).toBeCloseTo(EXPECTED.grey.gradesWeighted[0] as number, 5);
  });

  it("--method rsr and fuzzy run on the governance template; left-out units are reported on stderr", () => {
    for (const method of ["rsr", "fuzzy"]) {
      const io = capture();
      evaluateCommand([TEMPLATE, CITY, "--method", method, "--profile", "normal"], io);
      const rows = parse(io.stdout, { columns: true }) as Record<string, string>[];
      expect(rows.length).toBe(331);
      expect(io.stderr).toMatch(/unit\(s\) left out for missing indicator values/);
    }
  });

  it("--method coupling --profiles normal,emergency couples the two profiles' scores", () => {
    const io = capture();
    evaluateCommand([TEMPLATE, CITY, "--method", "coupling", "--profiles", "normal,emergency"], io);
    const rows = parse(io.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {}).slice(0, 6)).toEqual([
      "unit",
      "U_normal",
      "U_emergency",
      "C",
      "T",
      "D",
    ]);
  });

  it.each([
    [[], /--method must be one of/],
    [["--method", "electre"], /--method must be one of/],
    [["--method", "topsis", "--format", "xml"], /--format/],
    [["--method", "topsis", "--profiles", "a,b"], /--profiles is only for/],
  ])("%j is a usage error", (extra, message) => {
    const { model, data } = goldenFiles();
    const call = () => evaluateCommand([model, data, ...extra], capture());
    expect(call).toThrow(UsageError);
    expect(call).toThrow(message);
  });

  it("an unknown profile is an input error naming it", () => {
    const { model, data } = goldenFiles();
    expect(() =>
      evaluateCommand([model, data, "--method", "topsis", "--profile", "nope"], capture()),
    ).toThrow(/nope/);
  });
});
