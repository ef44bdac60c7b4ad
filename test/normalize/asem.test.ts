import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { normalize } from "../../src/normalize/index.js";

// COINr 1.1.14 reference run on its ASEM example (test/fixtures/asem/README.md):
// Normalise(coin, dset = "Raw") = n_minmax to [0, 100] after multiplying cost indicators by -1.
const dir = new URL("../fixtures/asem/", import.meta.url);
const readCsv = (name: string): Record<string, string>[] =>
  parse(readFileSync(new URL(name, dir), "utf8"), { columns: true, skip_empty_lines: true });

const raw = readCsv("raw.csv");
const normalised = readCsv("normalised.csv");
const meta = readCsv("ASEM_iMeta.csv").filter((r) => r.Type === "Indicator");
const num = (s: string | undefined): number => (s === undefined || s === "" ? Number.NaN : Number(s));

describe("normalize reproduces COINr's ASEM normalised.csv", () => {
  it("the fixture has 51 units and 49 indicators, some of them cost (Direction -1)", () => {
    expect(raw.length).toBe(51);
    expect(normalised.length).toBe(51);
    expect(meta.length).toBe(49);
    expect(meta.filter((r) => r.Direction === "-1").length).toBeGreaterThan(0);
    expect(normalised.map((r) => r.uCode)).toEqual(raw.map((r) => r.uCode));
  });

  for (const cost of ["reflect", "negate"] as const) {
    it(`normalize(x, { method: "minmax", range: [0, 100], cost: "${cost}" }, direction) matches all 49 indicators to 1e-9`, () => {
      let compared = 0;
      let missing = 0;
      for (const m of meta) {
        const code = m.iCode as string;
        const x = raw.map((r) => num(r[code]));
        const expected = normalised.map((r) => num(r[code]));
        const z = normalize(
          x,
          { method: "minmax", range: [0, 100], cost },
          { direction: m.Direction === "-1" ? "cost" : "benefit" },
        );
        for (let i = 0; i < x.length; i++) {
          const e = expected[i] as number;
          if (Number.isNaN(e)) {
            expect(z[i], `${code} row ${i}`).toBeNaN();
            missing++;
            continue;
          }
          expect(Math.abs((z[i] as number) - e), `${code} row ${i}`).toBeLessThan(1e-9);
          compared++;
        }
      }
      expect(compared + missing).toBe(51 * 49);
      expect(missing).toBeGreaterThan(0);
    });
  }
});
