import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { rankAgreement } from "../../src/analysis/rank-similarity.js";
import { evaluateCommand } from "../../src/cli/commands/evaluate.js";
import { UsageError } from "../../src/cli/context.js";
import { borda } from "../../src/evaluate/borda.js";
import { copeland } from "../../src/evaluate/copeland.js";
import { capture, goldenFiles } from "./cli-fixtures.js";

type Row = Record<string, string>;
const TEMPLATE = "templates/grassroots-governance.json";
const CITY = "examples/governance/sample-city.csv";
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

  it("--method topsis,vikor,edas --combine borda on the bundled template and sample city: each rank is its single run's", () => {
    const single = (m: string, ...flags: string[]) => {
      const io = capture();
      evaluateCommand([TEMPLATE, CITY, "--method", m, ...flags], io);
      return (parse(io.stdout, { columns: true }) as Row[]).map((r) => r.rank);
    };
    const io = capture();
    expect(evaluateCommand([TEMPLATE, CITY, "--method", "topsis,vikor,edas", "--combine", "borda"], io)).toBe(
      0,
    );
    const rows = parse(io.stdout, { columns: true }) as Row[];
    for (const m of ["topsis", "vikor", "edas"]) expect(rows.map((r) => r[`rank_${m}`])).toEqual(single(m));
    const ranked = rows.filter((r) => r.borda_rank !== "");
    expect(ranked.length).toBeGreaterThan(100);
    const want = borda(["topsis", "vikor", "edas"].map((m) => ranked.map((r) => Number(r[`rank_${m}`]))));
    expect(ranked.map((r) => Number(r.borda_rank))).toEqual(want.ranks);
    expect(io.stderr).toContain(`agreement of the rankings (3 methods, ${ranked.length} units):`);
  });

  it("a method's own flag reaches it inside a combination: --method topsis,vikor --v 0.2 ranks vikor as --method vikor --v 0.2", () => {
    const rankOf = (argv: string[], column: string) => {
      const io = capture();
      evaluateCommand([TEMPLATE, CITY, ...argv], io);
      return (parse(io.stdout, { columns: true }) as Row[]).map((r) => r[column]);
    };
    const combined = rankOf(["--method", "topsis,vikor", "--v", "0.2"], "rank_vikor");
    expect(combined).toEqual(rankOf(["--method", "vikor", "--v", "0.2"], "rank"));
    // v = 0.2 ranks the sample city differently from the default 0.5, so the flag was not dropped
    expect(combined).not.toEqual(rankOf(["--method", "vikor"], "rank"));
    expect(
      rankOf(
        [
          "--method",
          "waspas,promethee",
          "--lambda",
          "0",
          "--preference",
          "linear",
          "--q",
          "0.05",
          "--p",
          "0.3",
        ],
        "rank_promethee",
      ),
    ).toEqual(
      rankOf(["--method", "promethee", "--preference", "linear", "--q", "0.05", "--p", "0.3"], "rank"),
    );
    expect(() =>
      evaluateCommand([TEMPLATE, CITY, "--method", "topsis,edas", "--v", "0.2"], capture()),
    ).toThrow(/--v is only for --method vikor/);
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
