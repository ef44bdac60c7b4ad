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
