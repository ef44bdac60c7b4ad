import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { compareProfiles } from "../../src/analysis/compare-profiles.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import { runCli } from "./run-cli.js";

const MODEL = {
  id: "m",
  tree: { id: "root", children: [{ id: "a" }, { id: "b", profiles: ["e"] }] },
  profiles: { n: {}, e: { extends: "n", weights: { root: { method: "fixed", weights: { a: 1, b: 3 } } } } },
};
// u4 has no indicator value, so no score under n nor under e.
const CSV = "unit,a,b\nu1,0,10\nu2,10,0\nu3,5,5\nu4,,\n";

function files(): { model: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), "indicatrix-shift-"));
  const model = join(dir, "m.json");
  const data = join(dir, "d.csv");
  writeFileSync(model, JSON.stringify(MODEL));
  writeFileSync(data, CSV);
  return { model, data };
}

describe("compare: a unit with no score under either profile has no rank shift (issue 20, item 9)", () => {
  it("compareProfiles gives NaN for u4, and the shifts of the others by hand (n ranks 3,1,2; e ranks 1,3,2)", () => {
    const rows = parse(CSV, { columns: true }) as Record<string, string>[];
    const data = rows.map((r) => ({
      unit: r.unit,
      a: r.a ? Number(r.a) : null,
      b: r.b ? Number(r.b) : null,
    }));
    const c = compareProfiles(parseModel(MODEL), data, ["n", "e"]);
    expect(c.units).toEqual(["u1", "u2", "u3", "u4"]);
    expect(Array.from(c.rankShift)).toEqual([-2, 2, 0, Number.NaN]);
  });

  it("--format csv leaves u4's rank_shift empty and --format json gives null, not 0", async () => {
    const { model, data } = files();
    const csv = await runCli("compare", model, data, "--profiles", "n,e", "--format", "csv");
    expect(csv.code).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.unit, r.rank_shift])).toEqual([
      ["u1", "-2"],
      ["u2", "2"],
      ["u3", "0"],
      ["u4", ""],
    ]);
    const json = await runCli("compare", model, data, "--profiles", "n,e", "--format", "json");
    const doc = JSON.parse(json.stdout) as { units: { unit: string; rank_shift: number | null }[] };
    expect(doc.units.map((u) => u.rank_shift)).toEqual([-2, 2, 0, null]);
  });

  it("the text output lists u4 under no rank shift", async () => {
    const { model, data } = files();
    const r = await runCli("compare", model, data, "--profiles", "n,e");
    expect(r.code).toBe(0);
    const shifts = r.stdout.split("Biggest rank shifts")[1]?.split("\n\n")[0] ?? "";
    expect(shifts).toMatch(/u1/);
    expect(shifts).not.toMatch(/u4/);
  });
});

describe("compare --format csv/json keeps the roll-up units (issue 20, item 21)", () => {
  // Streets s1 (u1, u2) and s2 (u3). Min-max by hand: a -> u1 0, u2 1, u3 0.8; b -> 1, 1, 0.
  // n (a only): s1 = mean(0, 1) = 0.5, s2 = 0.8, so s2 ranks 1, s1 2.
  // e (a 1, b 3): u1 0.75, u2 1, u3 0.2; s1 = 0.875, s2 = 0.2, so s1 ranks 1, s2 2; shifts -1 and +1.
  const csvText = "unit,parent,a,b\ns1,,,\ns2,,,\nu1,s1,0,10\nu2,s1,10,10\nu3,s2,8,0\n";
  function streetFiles(): { model: string; data: string } {
    const dir = mkdtempSync(join(tmpdir(), "indicatrix-rollup-"));
    writeFileSync(join(dir, "m.json"), JSON.stringify(MODEL));
    writeFileSync(join(dir, "d.csv"), csvText);
    return { model: join(dir, "m.json"), data: join(dir, "d.csv") };
  }

  it("--format csv adds one row per street with its root score and rank under each profile (hand computation)", async () => {
    const { model, data } = streetFiles();
    const r = await runCli(
      "compare",
      model,
      data,
      "--profiles",
      "n,e",
      "--format",
      "csv",
      "--rollup",
      "mean",
    );
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    const streets = rows.filter((x) => x.rolled_up === "1");
    expect(
      streets.map((x) => [x.unit, Number(x.n_score), x.n_rank, Number(x.e_score), x.e_rank, x.rank_shift]),
    ).toEqual([
      ["s1", 0.5, "2", 0.875, "1", "-1"],
      ["s2", 0.8, "1", 0.2, "2", "1"],
    ]);
    expect(rows.filter((x) => x.rolled_up === "0").map((x) => x.unit)).toEqual(["u1", "u2", "u3"]);
  });

  it("--format json lists the same street rows", async () => {
    const { model, data } = streetFiles();
    const r = await runCli(
      "compare",
      model,
      data,
      "--profiles",
      "n,e",
      "--format",
      "json",
      "--rollup",
      "mean",
    );
    const doc = JSON.parse(r.stdout) as { units: { unit: string; rolled_up: number; e_rank: number }[] };
    expect(doc.units.filter((u) => u.rolled_up === 1).map((u) => [u.unit, u.e_rank])).toEqual([
      ["s1", 1],
      ["s2", 2],
    ]);
  });
});
