import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import type { Io } from "../../src/cli/context.js";
import { csvOfX, W_STAR } from "../fixtures/five-communities/index.js";

/** An Io that keeps what a command writes. */
export function capture(isTTY = false): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    isTTY,
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
  };
  return io;
}

/**
 * The five-communities example (test/fixtures/five-communities: 5 units x 4 indicators) and a one-level
 * model with its game-theory weights w* (rounded to 6 decimals), as files.
 */
export function goldenFiles(): { dir: string; model: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), "indicatrix-cli-"));
  const model = join(dir, "model.json");
  writeFileSync(
    model,
    JSON.stringify({
      id: "golden",
      tree: {
        id: "root",
        children: [
          { id: "I1" },
          { id: "I2" },
          { id: "I3", direction: "cost" },
          { id: "I4", direction: { target: 300 } },
        ],
      },
      profiles: {
        p: {
          weights: {
            root: {
              method: "fixed",
              weights: { I1: W_STAR[0], I2: W_STAR[1], I3: W_STAR[2], I4: W_STAR[3] },
            },
          },
        },
      },
    }),
  );
  const data = join(dir, "data.csv");
  writeFileSync(data, csvOfX());
  return { dir, model, data };
}

/**
 * DOMAIN C1's panel (test/fixtures/panel/expected.json: x1 and x2, a cost, of A, B, C in 2021-2023)
 * and its two-indicator model, as files in a fresh temporary folder.
 */
export function panelFiles(): { dir: string; model: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), "indicatrix-panel-"));
  const model = join(dir, "m.json");
  const data = join(dir, "d.csv");
  writeFileSync(
    model,
    JSON.stringify({
      id: "c1",
      tree: { id: "root", children: [{ id: "x1" }, { id: "x2", direction: "cost" }] },
    }),
  );
  writeFileSync(
    data,
    "unit,year,x1,x2\nA,2021,50,12\nB,2021,40,15\nC,2021,70,8\nA,2022,55,10\nB,2022,58,11\nC,2022,66,9\nA,2023,60,9\nB,2023,62,6\nC,2023,78,10\n",
  );
  return { dir, model, data };
}

/**
 * Writes a model of one indicator `a` taken as it is (no normalization, equal weights: the root score
 * is a's value) as model.json into a fresh temporary folder, with the files given: a text is written
 * as NAME.csv, anything else as JSON to NAME.json. Returns the paths by name:
 * `oneIndicatorFiles({ data: "unit,a\nc1,3\n" })` gives `{ model, data }`.
 */
export function oneIndicatorFiles<K extends string>(files: Record<K, unknown>): Record<K | "model", string> {
  const dir = mkdtempSync(join(tmpdir(), "indicatrix-one-"));
  const paths = { model: join(dir, "model.json") } as Record<K | "model", string>;
  writeFileSync(
    paths.model,
    JSON.stringify({
      id: "one",
      tree: { id: "root", children: [{ id: "a" }] },
      defaults: { normalize: "none" },
      profiles: { p: { weights: { root: { method: "equal" } } } },
    }),
  );
  for (const [name, content] of Object.entries(files) as [K, unknown][]) {
    const csv = typeof content === "string";
    paths[name] = join(dir, `${name}.${csv ? "csv" : "json"}`);
    writeFileSync(paths[name], csv ? content : JSON.stringify(content));
  }
  return paths;
}

/** Runs a command with an Io that keeps what it writes; returns its exit code and what it wrote. */
export function runCommand(
  command: (argv: string[], io: Io) => number,
  argv: string[],
): { code: number; stdout: string; stderr: string } {
  const io = capture();
  const code = command(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** Runs a command as runCommand does, expects exit code 0 (else fails with its stderr), and returns what it wrote. */
export function runOk(
  command: (argv: string[], io: Io) => number,
  argv: string[],
): { stdout: string; stderr: string } {
  const r = runCommand(command, argv);
  expect(r.code, r.stderr).toBe(0);
  return r;
}
