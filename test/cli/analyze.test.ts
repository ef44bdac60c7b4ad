import { describe, expect, it } from "vitest";
import { analyzeCommand } from "../../src/cli/commands/analyze.js";
import { UsageError } from "../../src/cli/context.js";
import { main } from "../../src/cli/main.js";
import { LIMITS } from "../../src/internal/limits.js";
import { EXPECTED, UNITS } from "../fixtures/five-communities/index.js";
import { capture, goldenFiles, panelFiles } from "./cli-fixtures.js";

const TEMPLATE = "templates/grassroots-governance.json";
const CITY = "examples/governance/sample-city.csv";

describe("indicatrix analyze", () => {
  it("--period: rank intervals per period of DOMAIN C1's panel, leave-one-out (hand-derived, test/panel/uncertainty-panel.test.ts)", async () => {
    const { model, data } = panelFiles(); // DOMAIN C1 (test/fixtures/panel/expected.json)
    const io = capture();
    const args = [
      model,
      data,
      "--period",
      "year",
      "--runs",
      "300",
      "--seed",
      "3",
      "--noise",
      "0",
      "--leave-one-out",
    ];
    expect(analyzeCommand(args, io)).toBe(0);
    const block = (year: string) =>
      io.stdout
        .slice(io.stdout.indexOf(`${year}: mean`))
        .split("\n")
        .slice(2, 5);
    // 2023: B 1 [1, 2], C 2 [1, 3], A 3 [2, 3] (the ranks under x1 alone, x2 alone and both).
    expect(block("2023").map((l) => l.replace(/\s+/g, " ").trim())).toEqual([
      expect.stringMatching(/^B 1 1 \[1, 2\]/),
      expect.stringMatching(/^C 2 2 \[1, 3\]/),
      expect.stringMatching(/^A 3 3 \[2, 3\]/),
    ]);
    expect(io.stdout).toContain("2021: mean absolute rank shift 0.00");
    const json = capture();
    expect(analyzeCommand([...args, "--format", "json"], json)).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.periods).toEqual(["2021", "2022", "2023"]);
    expect(doc.byPeriod["2022"].units.map((u: { p05: number; p95: number }) => [u.p05, u.p95])).toEqual([
      [2, 3],
      [2, 3],
      [1, 1],
    ]);
  });

  it("prints units sorted by nominal rank with median and 5-95% interval; zero noise gives [r, r]", () => {
    const { model, data } = goldenFiles();
    const io = capture();
    expect(
      analyzeCommand([model, data, "--runs", "20", "--noise", "0", "--normalization", "minmax,rank"], io),
    ).toBe(0);
    const lines = io.stdout.split("\n");
    const header = lines.findIndex((l) => l.startsWith("unit"));
    // Z w* = [0.46191, 0.480265, 0.486745, 0.505334, 0.581718] (test/fixtures/five-communities): c5 first, c1 last
    const unitRanked = (rank: number) => UNITS[EXPECTED.linearScoreRanks.indexOf(rank)];
    expect(lines[header + 1]).toMatch(new RegExp(`^${unitRanked(1)}\\s+1\\s`));
    expect(lines[header + 5]).toMatch(new RegExp(`^${unitRanked(5)}\\s+5\\s`));
    expect(io.stdout).toContain("Cronbach's alpha per group");
    expect(io.stdout).toContain("factors: normalization");
    expect(io.stderr).toBe("");
  });

  it("--format json is one document with units, sensitivity and structure flags, and repeats with the same seed", () => {
    const io1 = capture();
    const io2 = capture();
    const args = [
      TEMPLATE,
      CITY,
      "--profile",
      "emergency",
      "--runs",
      "40",
      "--seed",
      "9",
      "--format",
      "json",
      "--ahp",
    ];
    analyzeCommand(args, io1);
    analyzeCommand(args, io2);
    const doc = JSON.parse(io1.stdout);
    expect(doc).toMatchObject({
      profile: "emergency",
      runs: 40,
      design: "saltelli",
      factors: ["weights", "ahpJudgments"],
    });
    expect(doc.units.length).toBe(331);
    expect(doc.structure.cronbach.length).toBeGreaterThan(0);
    expect(io2.stdout).toBe(io1.stdout);
  });

  it("shows a progress line on stderr only for a terminal, and only when the run is long", () => {
    const { model, data } = goldenFiles();
    const tty = capture(true);
    analyzeCommand([model, data, "--runs", "10"], tty);
    expect(tty.stderr).toBe(""); // short run: no progress
    const pipe = capture(false);
    analyzeCommand([TEMPLATE, CITY, "--runs", "30"], pipe);
    expect(pipe.stderr).toBe("");
  });

  it.each([
    [["--runs", "1.5"], /--runs must be an integer/],
    [["--seed", "abc"], /--seed must be an integer/],
    [["--format", "xml"], /--format/],
  ])("%j is a usage error", (extra, message) => {
    const { model, data } = goldenFiles();
    const call = () => analyzeCommand([model, data, ...extra], capture());
    expect(call).toThrow(UsageError);
    expect(call).toThrow(message);
  });

  it("--runs 1e9 (over LIMITS.maxRuns) is a usage error, exit 2 from main, before any file is read", async () => {
    expect(() => analyzeCommand(["missing.json", "missing.csv", "--runs", "1e9"], capture())).toThrow(
      UsageError,
    );
    const { model, data } = goldenFiles();
    const io = capture();
    expect(await main(["analyze", model, data, "--runs", String(LIMITS.maxRuns + 1)], io)).toBe(2);
    expect(io.stderr).toMatch(/--runs must be at most 1000000/);
  });

  it("--runs 0, --noise 2, --threshold 5 are usage errors (exit 2 from main, issue 20 item 23: was exit 1 naming opts.*)", async () => {
    const { model, data } = goldenFiles();
    for (const [extra, message] of [
      [["--runs", "0"], '--runs must be at least 1, got "0"'],
      [["--noise", "2"], '--noise must be in [0, 1], got "2"'],
      [["--noise=-0.5"], '--noise must be in [0, 1], got "-0.5"'],
      [["--threshold", "5"], '--threshold must be in [0, 1], got "5"'],
    ] as const) {
      const io = capture();
      expect(await main(["analyze", model, data, ...extra], io)).toBe(2);
      expect(io.stderr).toBe(`indicatrix: ${message}\n`);
    }
  });

  it("an unknown profile is an input error with the argument named", () => {
    const { model, data } = goldenFiles();
    expect(() => analyzeCommand([model, data, "--profile", "nope"], capture())).toThrow(
      expect.objectContaining({ code: "unknown_profile" }),
    );
  });

  it("--help prints the usage", () => {
    const io = capture();
    expect(analyzeCommand(["--help"], io)).toBe(0);
    expect(io.stdout).toMatch(/^Usage: indicatrix analyze/);
  });
});
