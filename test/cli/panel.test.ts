import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { modelFromTable } from "../../src/indicators/from-table.js";
import { scorePanel } from "../../src/panel/score-panel.js";
import { runCli } from "./run-cli.js";

/** COINr's ASEM panel (test/fixtures/asem-panel/README.md); the indicator table is the model file. */
const META = "test/fixtures/asem/ASEM_iMeta.csv";
const DATA = "test/fixtures/asem-panel/ASEM_iData_p.csv";
const csv = (text: string | Buffer) => parse(text, { columns: true }) as Record<string, string>[];

describe("indicatrix score --period", () => {
  it("writes one row per unit and period, equal to scorePanel() (17 digits), ranks within the period", async () => {
    const r = await runCli("score", META, DATA, "--period", "Time");
    expect(r.code).toBe(0);
    const rows = csv(r.stdout);
    expect(rows).toHaveLength(255);
    expect(Object.keys(rows[0] as object).slice(0, 2)).toEqual(["unit", "period"]);
    const panel = scorePanel(modelFromTable(csv(readFileSync(META))), csv(readFileSync(DATA)), {
      period: "Time",
    });
    for (const row of rows) {
      const at = panel.at(row.period as string);
      const i = at.units.indexOf(row.unit as string);
      expect(Number(row.Index)).toBe(at.scores.Index?.[i]);
      expect(Number(row.Index_rank)).toBe(at.ranks.Index?.[i]);
    }
    // COINr's ranks per year do not depend on the output range: the pooled ranks match ranks_global.csv.
    for (const ref of csv(readFileSync("test/fixtures/asem-panel/ranks_global.csv"))) {
      const row = rows.find((x) => x.unit === ref.uCode && x.period === ref.Time);
      expect(row?.Index_rank, `${ref.uCode} ${ref.Time}`).toBe(ref.Rank);
    }
  });

  it("--basis reference:2019 and --basis period change the scores; a bad basis is a usage error", async () => {
    const pooled = csv((await runCli("score", META, DATA, "--period", "Time")).stdout);
    const ref = csv(
      (await runCli("score", META, DATA, "--period", "Time", "--basis", "reference:2019")).stdout,
    );
    const per = csv((await runCli("score", META, DATA, "--period", "Time", "--basis", "period")).stdout);
    expect(ref[0]?.Index).not.toBe(pooled[0]?.Index);
    expect(per[0]?.Index).not.toBe(pooled[0]?.Index);
    const bad = await runCli("score", META, DATA, "--period", "Time", "--basis", "global");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--basis must be pooled, period or reference:PERIOD/);
    expect((await runCli("score", META, DATA, "--basis", "period")).code).toBe(2);
    expect((await runCli("score", META, DATA, "--period", "Time", "--basis", "reference:1999")).code).toBe(1);
  });
});

describe("indicatrix trends", () => {
  it("--method cagr gives COINr's get_trends CAGR of the Index (scale-free) to 1e-9", async () => {
    const r = await runCli(
      "trends",
      META,
      DATA,
      "--period",
      "Time",
      "--nodes",
      "Index,Conn",
      "--method",
      "cagr",
    );
    expect(r.code).toBe(0);
    const rows = csv(r.stdout);
    expect(rows).toHaveLength(102);
    const ref = csv(readFileSync("test/fixtures/asem-panel/trends_CAGR.csv")).filter(
      (x) => x.iCode === "Index" || x.iCode === "Conn",
    );
    for (const x of ref) {
      const got = rows.find((y) => y.unit === x.uCode && y.node === x.iCode);
      expect(Math.abs(Number(got?.value) - Number(x.CAGR)), `${x.uCode} ${x.iCode}`).toBeLessThan(1e-9);
      expect(got?.first).toBe(x.t_first);
      expect(got?.last).toBe(x.t_latest);
    }
  });

  it("reports a zero base on standard error, writes json, and refuses an unknown method", async () => {
    const r = await runCli("trends", META, DATA, "--nodes", "LPI", "--format", "json");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/zero_base at unit "LAO", node "LPI"/);
    const doc = JSON.parse(r.stdout);
    expect(doc.provenance.panel.basis).toBe("pooled");
    expect(doc.trends.find((t: { unit: string }) => t.unit === "LAO").cagr).toBeNull();
    expect((await runCli("trends", META, DATA, "--method", "growth")).code).toBe(2);
  });
});
