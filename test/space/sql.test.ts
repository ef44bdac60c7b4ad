import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scoreSQL } from "../../src/duckdb.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import { score } from "../../src/score/score.js";
import { toSQL } from "../../src/sql/to-sql.js";
import { expectSameScores, hasDuckDB } from "../sql/helpers.js";

const dir = mkdtempSync(join(tmpdir(), "indicatrix-space-sql-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixed = (weights: Record<string, number>) => ({ method: "fixed" as const, weights });
const tree = {
  id: "root",
  children: [
    { id: "G1", children: [{ id: "x1" }, { id: "x2" }] },
    { id: "G2", children: [{ id: "x3" }, { id: "x4", direction: "cost" as const }] },
  ],
};
const profiles = {
  normal: { weights: { root: fixed({ G1: 0.6, G2: 0.4 }), G1: fixed({ x1: 0.5, x2: 0.5 }) } },
  emergency: { weights: { root: fixed({ G1: 0.3, G2: 0.7 }), G2: fixed({ x3: 0.8, x4: 0.2 }) } },
};
const rows = [
  { unit: "u1", x1: 1, x2: 5, x3: 3, x4: 7, lam: 0.2, coastal: 1 },
  { unit: "u2", x1: 4, x2: 2, x3: 0, x4: 2, lam: 0.9, coastal: 0 },
  { unit: "u3", x1: 2, x2: 8, x3: 5, x4: 1, lam: 0.5, coastal: 1 },
];

describe("toSQL with issue 14's options", () => {
  it.skipIf(!hasDuckDB)("compiles a blend with fixed coefficients, equal to score()", async () => {
    const model = parseModel({
      id: "m",
      tree,
      profiles: { ...profiles, mix: { blend: { normal: 0.3, emergency: 0.7 } } },
    });
    const path = join(dir, "blend.csv");
    const cols = Object.keys(rows[0]!);
    writeFileSync(
      path,
      `${cols.join(",")}\n${rows.map((r) => cols.map((c) => String(r[c as keyof typeof r])).join(",")).join("\n")}\n`,
    );
    const ref = score(model, rows, { profile: "mix" });
    const got = await scoreSQL(model, path, { profile: "mix" });
    expect(expectSameScores(ref, got)).toBe(rows.length * ref.resolved.nodes.size);
  });

  it("refuses variable weights, a per-unit blend and local indicators with unsupported_in_sql naming them", () => {
    const sql = (m: object, profile: string) => () =>
      toSQL(parseModel(m as never), { source: "x.csv", profile });
    expect(sql({ id: "m", tree, profiles: { p: { variableWeights: { alpha: 0.5 } } } }, "p")).toThrow(
      /state variable weights \(variableWeights\) \(node "root"\) cannot be compiled to SQL/,
    );
    expect(
      sql(
        {
          id: "m",
          tree,
          profiles: { ...profiles, mix: { blend: { between: ["normal", "emergency"], column: "lam" } } },
        },
        "mix",
      ),
    ).toThrow(/a per-unit blend by column "lam" \(node "root"\)/);
    const local = {
      id: "m",
      tree: { id: "root", children: [{ id: "x1" }, { id: "x2", appliesTo: { tag: "coastal" } }] },
    };
    expect(sql(local, "default")).toThrow(expect.objectContaining({ code: "unsupported_in_sql" }));
  });
});
