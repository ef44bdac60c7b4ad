import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { evaluateCommand } from "../../src/cli/commands/evaluate.js";
import { UsageError } from "../../src/cli/context.js";
import { cocoso } from "../../src/evaluate/cocoso.js";
import { codas } from "../../src/evaluate/codas.js";
import { electre1 } from "../../src/evaluate/electre1.js";
import { multimoora } from "../../src/evaluate/multimoora.js";
import { promethee } from "../../src/evaluate/promethee.js";
import { vikor } from "../../src/evaluate/vikor.js";
import { W_STAR, Z } from "../evaluate/golden.js";
import { capture, goldenFiles } from "./cli-fixtures.js";

// The five-communities model: the CLI's matrix is Z with the global weights w* (test/fixtures/five-communities).
describe("indicatrix evaluate with the MCDM methods of issue 17", () => {
  const run = (...args: string[]) => {
    const { model, data } = goldenFiles();
    const io = capture();
    expect(evaluateCommand([model, data, ...args], io)).toBe(0);
    return parse(io.stdout, { columns: true }) as Record<string, string>[];
  };

  it("--method vikor --v 0.3 writes Q, rank, S, R, compromise equal to vikor(Z, w*, { v: 0.3 })", () => {
    const rows = run("--method", "vikor", "--v", "0.3");
    expect(Object.keys(rows[0] ?? {})).toEqual(["unit", "Q", "rank", "S", "R", "compromise"]);
    const r = vikor(Z, W_STAR, { v: 0.3 });
    rows.forEach((row, i) => {
      expect(Number(row.Q)).toBeCloseTo(r.Q[i]!, 9);
    });
  });

  it("--method promethee --preference linear --q 0.05 --p 0.5 writes phi equal to promethee(Z, w*, ...)", () => {
    const rows = run("--method", "promethee", "--preference", "linear", "--q", "0.05", "--p", "0.5");
    const r = promethee(Z, W_STAR, { preference: "linear", q: 0.05, p: 0.5 });
    rows.forEach((row, i) => {
      expect(Number(row.phi)).toBeCloseTo(r.phi[i]!, 9);
    });
    const perColumn = run(
      "--method",
      "promethee",
      "--preference",
      "usual,linear,v-shape,gaussian",
      "--q",
      "0,0.1,0,0",
      "--p",
      "0,0.5,0.4,0",
      "--s",
      "0,0,0,0.2",
    );
    expect(perColumn).toHaveLength(5);
  });

  it.each(["edas", "waspas", "copras", "mabac"])(
    "--method %s writes a score and a rank per unit",
    (method) => {
      const rows = run("--method", method);
      expect(rows).toHaveLength(5);
      expect(rows.map((r) => r.rank).sort()).toEqual(["1", "2", "3", "4", "5"]);
    },
  );

  it("--method codas --tau 0.3, cocoso --lambda 0.2, electre1 --concordance 0.6 --discordance 0.3 and multimoora --combination borda equal the functions with those options", () => {
    const scores = (rows: Record<string, string>[]) => rows.map((r) => Number(r.score));
    const close = (a: number[], b: number[]) => {
      a.forEach((v, i) => {
        expect(v).toBeCloseTo(b[i]!, 9);
      });
    };
    close(scores(run("--method", "codas", "--tau", "0.3")), codas(Z, W_STAR, { tau: 0.3 }).scores);
    // with tau 0.3 the taxicab term drops out for more pairs than at the default 0.02: H differs
    expect(codas(Z, W_STAR, { tau: 0.3 }).scores).not.toEqual(codas(Z, W_STAR).scores);
    close(scores(run("--method", "cocoso", "--lambda", "0.2")), cocoso(Z, W_STAR, { lambda: 0.2 }).scores);
    const e = electre1(Z, W_STAR, { concordance: 0.6, discordance: 0.3 });
    const rows = run("--method", "electre1", "--concordance", "0.6", "--discordance", "0.3");
    expect(scores(rows)).toEqual(e.scores);
    expect(rows.map((r) => r.kernel)).toEqual(Z.map((_, i) => (e.kernel.includes(i) ? "1" : "0")));
    expect(scores(run("--method", "multimoora", "--combination", "borda"))).toEqual(
      multimoora(Z, W_STAR, { combination: "borda" }).scores,
    );
  });

  it("--tau, --concordance and --combination with another method, or an unknown combination, are usage errors", () => {
    const { model, data } = goldenFiles();
    for (const argv of [
      ["--method", "topsis", "--tau", "0.1"],
      ["--method", "vikor", "--concordance", "0.6"],
      ["--method", "moora", "--combination", "borda"],
      ["--method", "multimoora", "--combination", "copeland"],
    ])
      expect(() => evaluateCommand([model, data, ...argv], capture())).toThrow(UsageError);
  });

  it("--lambda with another method, or a non-numeric --v, is a usage error", () => {
    const { model, data } = goldenFiles();
    expect(() => evaluateCommand([model, data, "--method", "vikor", "--lambda", "0.3"], capture())).toThrow(
      UsageError,
    );
    expect(() => evaluateCommand([model, data, "--method", "vikor", "--v", "half"], capture())).toThrow(
      /--v must be a number/,
    );
  });
});
