import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { rankAgreement } from "../../src/analysis/rank-similarity.js";
import { evaluateCommand } from "../../src/cli/commands/evaluate.js";
import { UsageError } from "../../src/cli/context.js";
import { borda } from "../../src/evaluate/borda.js";
import { copeland } from "../../src/evaluate/copeland.js";
import { capture, goldenFiles } from "./cli-fixtures.js";

type Row = Record<string, string>;
const ranksOf = (rows: Row[]): number[] => rows.map((r) => Number(r.rank));

describe("indicatrix evaluate --method a,b,c --combine borda|copeland (issue 17 item 3)", () => {
  it("--method topsis,codas,aras --combine borda: each method's rank (as its single run) and Borda of those ranks", () => {
    const { model, data } = goldenFiles();
    const single = ["topsis", "codas", "aras"].map((m) => {
      const io = capture();
      evaluateCommand([model, data, "--method", m], io);
      return ranksOf(parse(io.stdout, { columns: true }) as Row[]);
    });
    const io = capture();
    expect(evaluateCommand([model, data, "--method", "topsis,codas,aras", "--combine", "borda"], io)).toBe(0);
    const rows = parse(io.stdout, { columns: true }) as Row[];
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "unit",
      "rank_topsis",
      "rank_codas",
      "rank_aras",
      "borda_score",
      "borda_rank",
    ]);
    expect(rows.map((r) => Number(r.rank_codas))).toEqual(single[1]);
    const want = borda(single);
    expect(rows.map((r) => Number(r.borda_score))).toEqual(want.points);
    expect(rows.map((r) => Number(r.borda_rank))).toEqual(want.ranks);
    expect(io.stderr).toContain("agreement of the rankings (3 methods, 5 units):");
    expect(io.stderr).toContain("topsis / codas: spearman");
  });

  it("--combine copeland --format json gives Copeland's ranks and the agreement matrices (rankAgreement)", () => {
    const { model, data } = goldenFiles();
    const io = capture();
    evaluateCommand(
      [model, data, "--method", "moora,multimoora,cocoso", "--combine", "copeland", "--format", "json"],
      io,
    );
    const doc = JSON.parse(io.stdout);
    expect(doc.methods).toEqual(["moora", "multimoora", "cocoso"]);
    const rankings = ["moora", "multimoora", "cocoso"].map((m) =>
      doc.rows.map((r: Record<string, number>) => r[`rank_${m}`]),
    );
    expect(doc.rows.map((r: Record<string, number>) => r.copeland_rank)).toEqual(copeland(rankings).ranks);
    expect(doc.agreement).toEqual(rankAgreement(rankings, ["moora", "multimoora", "cocoso"]));
    expect(doc.agreement.ws[0][0]).toBe(1);
  });

  it("a single new method runs as before: --method electre1 lists score, rank and kernel", () => {
    const { model, data } = goldenFiles();
    const io = capture();
    evaluateCommand([model, data, "--method", "electre1"], io);
    const rows = parse(io.stdout, { columns: true }) as Row[];
    expect(Object.keys(rows[0] ?? {})).toEqual(["unit", "score", "rank", "kernel"]);
    expect(rows.some((r) => r.kernel === "1")).toBe(true);
  });

  it("refuses an unknown method or combination, and a method without a ranking in a combination", () => {
    const { model, data } = goldenFiles();
    expect(() => evaluateCommand([model, data, "--method", "topsis,nope"], capture())).toThrow(UsageError);
    expect(() => evaluateCommand([model, data, "--method", "topsis", "--combine", "x"], capture())).toThrow(
      UsageError,
    );
    expect(() => evaluateCommand([model, data, "--method", "topsis,obstacle"], capture())).toThrow(
      /gives no ranking/,
    );
  });
});
