import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reportCommand } from "../../src/cli/commands/report.js";
import { UsageError } from "../../src/cli/context.js";
import type { IndicatrixError } from "../../src/internal/errors.js";
import { runCommand } from "./cli-fixtures.js";

const MODEL = new URL("../../templates/grassroots-governance.json", import.meta.url).pathname;
const DATA = new URL("../../examples/governance/sample-city.csv", import.meta.url).pathname;
const PANEL = new URL("../../examples/governance/sample-city-panel.csv", import.meta.url).pathname;

const run = (...argv: string[]) => runCommand(reportCommand, argv);

describe("indicatrix report", () => {
  it("writes the HTML to --out atomically (no temporary file left) and says so on stderr", () => {
    const dir = mkdtempSync(join(tmpdir(), "indicatrix-report-"));
    const out = join(dir, "sub", "report.html");
    const r = run(MODEL, DATA, "--profiles", "normal,emergency", "--unit", "c100", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^wrote .*report\.html \(\d+ KiB\)\n$/);
    const html = readFileSync(out, "utf8");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html.match(/data-show-profile=/g)).toHaveLength(2);
    expect(html).toContain('id="compare"');
    expect(readdirSync(join(dir, "sub"))).toEqual(["report.html"]);
  });

  it("prints to stdout without --out; --profile shows one profile, --no-correlations drops the heatmap", () => {
    const r = run(
      MODEL,
      DATA,
      "--profile",
      "emergency",
      "--no-correlations",
      "--language",
      "en",
      "--top",
      "10",
    );
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("<!doctype html>")).toBe(true);
    expect(r.stdout).toContain('data-profile="emergency"');
    expect(r.stdout).not.toContain('data-profile="normal"');
    expect(r.stdout).not.toContain('id="correlations"');
    expect(r.stdout).toContain("Top 10 units");
  });

  it("--period reads a panel and adds the time view (7 line charts: the root and its 6 dimensions); --state needs --period", () => {
    const r = run(
      MODEL,
      PANEL,
      "--profile",
      "normal",
      "--period",
      "year",
      "--state",
      "state",
      "--unit",
      "c100",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<section class="card" id="time">');
    expect(r.stdout.match(/<svg class="chart lines"/g)).toHaveLength(7);
    expect(() => run(MODEL, DATA, "--state", "state")).toThrow(UsageError);
  });

  it("prints its help with --help", () => {
    const r = run("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: indicatrix report <model> <data.csv>/);
  });

  it.each([
    [[MODEL]],
    [[MODEL, DATA, "--profile", "normal", "--profiles", "normal,emergency"]],
    [[MODEL, DATA, "--profiles", ","]],
    [[MODEL, DATA, "--language", "fr"]],
    [[MODEL, DATA, "--top", "0"]],
  ])("throws a UsageError for %j", (argv) => {
    expect(() => run(...argv)).toThrow(UsageError);
  });

  it("throws IndicatrixError unknown_unit for a unit that is not scored, and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "indicatrix-report-"));
    const out = join(dir, "r.html");
    expect(() => run(MODEL, DATA, "--profile", "normal", "--unit", "zz", "--out", out)).toThrow(
      expect.objectContaining({ code: "unknown_unit" }) as unknown as IndicatrixError,
    );
    expect(existsSync(out)).toBe(false);
  });
});
