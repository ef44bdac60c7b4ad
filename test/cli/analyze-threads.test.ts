// `indicatrix analyze --threads N`: N reaches uncertaintyAnalysis and uncertaintyPanel as `threads` (their
// calls are recorded by wrapping the real functions), no flag leaves the library default, the output is
// the same on 1 and 2 threads (test/analysis/threads.test.ts checks the numbers), and N outside [1, 64]
// is a usage error (exit 2).
import { describe, expect, it, vi } from "vitest";
import { analyzeCommand } from "../../src/cli/commands/analyze.js";
import { main } from "../../src/cli/main.js";
import { capture, goldenFiles, panelFiles } from "./cli-fixtures.js";

const calls = vi.hoisted(() => [] as { fn: string; threads: unknown }[]);

vi.mock("../../src/analysis/uncertainty.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/analysis/uncertainty.js")>();
  return {
    ...real,
    uncertaintyAnalysis: (...args: Parameters<typeof real.uncertaintyAnalysis>) => {
      calls.push({ fn: "uncertaintyAnalysis", threads: args[2]?.threads });
      return real.uncertaintyAnalysis(...args);
    },
  };
});
vi.mock("../../src/panel/uncertainty-panel.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/panel/uncertainty-panel.js")>();
  return {
    ...real,
    uncertaintyPanel: (...args: Parameters<typeof real.uncertaintyPanel>) => {
      calls.push({ fn: "uncertaintyPanel", threads: args[2]?.threads });
      return real.uncertaintyPanel(...args);
    },
  };
});

describe("indicatrix analyze --threads", () => {
  it("--threads 2 reaches uncertaintyAnalysis; the JSON output equals --threads 1's; no flag: the library default", () => {
    const { model, data } = goldenFiles();
    const args = [model, data, "--runs", "60", "--seed", "4", "--format", "json"];
    calls.length = 0;
    const one = capture();
    const two = capture();
    const plain = capture();
    expect(analyzeCommand([...args, "--threads", "1"], one)).toBe(0);
    expect(analyzeCommand([...args, "--threads", "2"], two)).toBe(0);
    expect(analyzeCommand(args, plain)).toBe(0);
    expect(calls).toEqual([
      { fn: "uncertaintyAnalysis", threads: 1 },
      { fn: "uncertaintyAnalysis", threads: 2 },
      { fn: "uncertaintyAnalysis", threads: undefined },
    ]);
    expect(JSON.parse(two.stdout).runs).toBe(60);
    expect(two.stdout).toBe(one.stdout);
    expect(plain.stdout).toBe(one.stdout);
  });

  it("--period with --threads 2 reaches uncertaintyPanel, with the output of --threads 1", () => {
    const { model, data } = panelFiles(); // DOMAIN C1 (test/fixtures/panel/expected.json)
    const args = [model, data, "--period", "year", "--runs", "50", "--seed", "3", "--leave-one-out"];
    calls.length = 0;
    const one = capture();
    const two = capture();
    expect(analyzeCommand([...args, "--threads", "1"], one)).toBe(0);
    expect(analyzeCommand([...args, "--threads", "2"], two)).toBe(0);
    expect(calls).toEqual([
      { fn: "uncertaintyPanel", threads: 1 },
      { fn: "uncertaintyPanel", threads: 2 },
    ]);
    expect(two.stdout).toBe(one.stdout);
  });

  it("--threads 0, 65, 1.5 and two are usage errors: exit 2 from main, before the analysis runs", async () => {
    const { model, data } = goldenFiles();
    calls.length = 0;
    for (const [value, message] of [
      ["0", '--threads must be in [1, 64], got "0"'],
      ["65", '--threads must be in [1, 64], got "65"'],
      ["1.5", '--threads must be an integer, got "1.5"'],
      ["two", '--threads must be an integer, got "two"'],
    ] as const) {
      const io = capture();
      expect(await main(["analyze", model, data, "--threads", value], io)).toBe(2);
      expect(io.stderr).toBe(`indicatrix: ${message}\n`);
    }
    expect(calls).toEqual([]);
    // 64 is accepted (the API takes up to 256; at most one thread per chunk of runs is started).
    const io = capture();
    expect(
      await main(["analyze", model, data, "--runs", "2", "--threads", "64", "--format", "json"], io),
    ).toBe(0);
    expect(calls).toEqual([{ fn: "uncertaintyAnalysis", threads: 64 }]);
  });
});
