import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { score } from "../../src/score/score.js";
import { EXPECTED as GOVERNANCE } from "../fixtures/governance/index.js";
import { runCli } from "./run-cli.js";

const MODEL = "templates/grassroots-governance.json";
const DATA = "examples/governance/sample-city.csv";
const inputRows = parse(readFileSync(DATA), { columns: true }) as Record<string, string>[];

describe("indicatrix score", () => {
  it("writes every input unit, in input order, with a status; scored units match score() exactly (17 digits)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "indicatrix-score-"));
    const out = join(dir, "scores.csv");
    const r = await runCli("score", MODEL, DATA, "--profile", "emergency", "--out", out);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(["scores.csv"]); // no temporary file left behind
    const rows = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => x.unit)).toEqual(inputRows.map((x) => x.unit));
    const statuses = new Set(rows.map((x) => x.status));
    expect([...statuses].sort()).toEqual(["rollup", "scored"]);
    const result = score(parseModel(readFileSync(MODEL, "utf8")), inputRows, { profile: "emergency" });
    for (const [i, unit] of result.units.entries()) {
      const row = rows.find((x) => x.unit === unit) as Record<string, string>;
      // Round trip: the CSV text parses back to the identical double.
      expect(Number(row.governance)).toBe(result.scores.governance?.[i]);
      expect(Number(row.governance_rank)).toBe(result.ranks.governance?.[i]);
    }
  });

  it("--format json prints one document with weights and units", async () => {
    const r = await runCli("score", MODEL, DATA, "--format", "json");
    const doc = JSON.parse(r.stdout);
    expect(doc.profile).toBe("normal");
    expect(doc.weights.global.governance).toBe(1);
    expect(doc.units).toHaveLength(inputRows.length);
  });

  it("exits 1 naming the row, unit and column of a non-numeric cell", async () => {
    const dir = mkdtempSync(join(tmpdir(), "indicatrix-bad-"));
    const bad = join(dir, "bad.csv");
    // The 8th cell of community c001 (after unit, name, level, parent, population, lon, lat).
    const text = readFileSync(DATA, "utf8").replace(/^(c001,(?:[^,]*,){6})[^,]*/m, "$1lots");
    (await import("node:fs")).writeFileSync(bad, text);
    const r = await runCli("score", MODEL, bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unit "c001", column "party_org_coverage": expected a number/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("usage errors exit 2", async () => {
    expect((await runCli("score", MODEL)).code).toBe(2);
    expect((await runCli("score", MODEL, DATA, "--format", "xml")).code).toBe(2);
    expect((await runCli("score", MODEL, "nope.csv")).code).toBe(2);
  });
});

describe("indicatrix weights, compare, init, demo", () => {
  it("weights prints the tree with the level-1 weights and CR of test/fixtures/governance (0.2729 ..., CR 0.0106)", async () => {
    const r = await runCli("weights", MODEL, "--profile", "normal");
    expect(r.code).toBe(0);
    const ref = GOVERNANCE.level1.normal.eigenvector;
    const d4 = (v: number) => v.toFixed(4).replace(".", "\\.");
    const [subjects, , , , performance] = ref.weights as number[];
    expect(r.stdout).toMatch(new RegExp(`governance\\).*CR ${d4(ref.cr.saaty)}`));
    expect(r.stdout).toMatch(
      new RegExp(`\\(subjects\\)\\s+${d4(subjects as number)}\\s+${d4(subjects as number)}`),
    );
    expect(r.stdout).toMatch(new RegExp(`\\(performance\\)\\s+${d4(performance as number)}`));
  });

  it("weights flags inconsistent judgments with repair advice", async () => {
    const dir = mkdtempSync(join(tmpdir(), "indicatrix-w-"));
    const file = join(dir, "m.json");
    (await import("node:fs")).writeFileSync(
      file,
      JSON.stringify({
        id: "m",
        tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] },
        profiles: {
          p: {
            weights: {
              root: {
                method: "ahp",
                judgments: [
                  ["a", "b", 3],
                  ["b", "c", 3],
                  ["c", "a", 3],
                ],
              },
            },
          },
        },
      }),
    );
    const r = await runCli("weights", file);
    expect(r.stdout).toMatch(/CR 1\.149\d INCONSISTENT: change \w over \w from/);
  });

  it("compare prints rankings under both profiles, rank shifts, correlations and roll-up", async () => {
    const r = await runCli("compare", MODEL, DATA, "--profiles", "normal,emergency", "--top", "5");
    expect(r.code).toBe(0);
    for (const s of [
      "Top 5 under normal",
      "Top 5 under emergency",
      "Biggest rank shifts",
      "Spearman",
      "Roll-up to district",
      "Roll-up to street",
    ])
      expect(r.stdout).toContain(s);
    const csv = await runCli("compare", MODEL, DATA, "--profiles", "normal,emergency", "--format", "csv");
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    for (const row of rows.slice(0, 20))
      expect(Number(row.rank_shift)).toBe(Number(row.emergency_rank) - Number(row.normal_rank));
    expect((await runCli("compare", MODEL, DATA, "--profiles", "normal")).code).toBe(2);
  });

  it("init writes a model and data that validate, and refuses to overwrite", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "indicatrix-init-")), "proj");
    expect((await runCli("init", dir)).code).toBe(0);
    expect(existsSync(join(dir, "model.json"))).toBe(true);
    expect((await runCli("validate", join(dir, "model.json"))).code).toBe(0);
    expect((await runCli("score", join(dir, "model.json"), join(dir, "data.csv"))).code).toBe(0);
    expect((await runCli("init", dir)).code).toBe(2);
  });

  it("demo runs the bundled example", async () => {
    const r = await runCli("demo", "--top", "3");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("331 units scored under normal, emergency");
    expect(r.stdout).toContain(
      "indicatrix report templates/grassroots-governance.json examples/governance/sample-city.csv",
    );
    // The trend section after the cross-section: the sample city over 2021-2025, one row per district.
    const over = r.stdout.indexOf(
      "Over time: examples/governance/sample-city-panel.csv, 331 scored units over 2021-2025",
    );
    expect(over).toBeGreaterThan(r.stdout.indexOf("331 units scored under"));
    expect(r.stdout.slice(over)).toMatch(/district\s+name\s+2021\s+2022\s+2023\s+2024\s+2025\s+change/);
    expect(r.stdout.slice(over).match(/^d\d /gm)).toHaveLength(5);
    expect(r.stdout).toContain("Biggest improvers");
  });
});

describe("indicatrix score output columns", () => {
  it("refuses a node id that would overwrite a fixed column (status) instead of losing the missing marker", async () => {
    const dir = mkdtempSync(join(tmpdir(), "indicatrix-col-"));
    const model = join(dir, "m.json");
    const data = join(dir, "d.csv");
    const fs = await import("node:fs");
    fs.writeFileSync(
      model,
      JSON.stringify({ id: "m", tree: { id: "root", children: [{ id: "status" }, { id: "x" }] } }),
    );
    fs.writeFileSync(data, "unit,status,x\na,1,2\nb,3,4\n");
    const r = await runCli("score", model, data);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/node id "status" is a column of the score output/);
  });
});

const hasDuckdb = await import("@duckdb/node-api").then(
  () => true,
  () => false,
);

describe("indicatrix score --engine duckdb", () => {
  it.skipIf(!hasDuckdb)(
    "scores in DuckDB and writes the same scores as the in-memory engine (1e-9)",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "indicatrix-duck-"));
      const out = join(dir, "scores.csv");
      const r = await runCli(
        "score",
        MODEL,
        DATA,
        "--engine",
        "duckdb",
        "--profile",
        "emergency",
        "--out",
        out,
      );
      expect(r.code).toBe(0);
      const rows = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
      const result = score(parseModel(readFileSync(MODEL, "utf8")), inputRows, { profile: "emergency" });
      expect(rows).toHaveLength(result.units.length);
      for (const row of rows) {
        const i = result.units.indexOf(row.unit as string);
        expect(Math.abs(Number(row.governance) - (result.scores.governance?.[i] as number))).toBeLessThan(
          1e-9,
        );
        expect(Number(row.governance_rank)).toBe(result.ranks.governance?.[i]);
      }
    },
  );

  it("needs --out and a known engine", async () => {
    expect((await runCli("score", MODEL, DATA, "--engine", "duckdb")).code).toBe(2);
    expect((await runCli("score", MODEL, DATA, "--engine", "spark")).code).toBe(2);
  });

  it("refuses the data reader's options instead of ignoring them (issue 20 item 21): exit 2 naming them", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "indicatrix-duck-")), "x.parquet");
    const r = await runCli(
      "score",
      MODEL,
      DATA,
      "--engine",
      "duckdb",
      "--out",
      out,
      "--unit-column",
      "id",
      "--encoding",
      "gbk",
    );
    expect(r.stderr).toBe(
      "indicatrix: --encoding, --unit-column: the data options are for --engine memory (DuckDB reads the file with its own rules)\n",
    );
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
