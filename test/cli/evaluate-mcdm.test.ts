import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { evaluateCommand } from "../../src/cli/commands/evaluate.js";
import { UsageError } from "../../src/cli/context.js";
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
