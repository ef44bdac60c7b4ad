// The `threads` option of uncertaintyAnalysis, weightSensitivity and compareProfiles: on two worker
// threads the results are the same (deep equal) as on one thread for the same inputs and seed. The
// reference is the one-thread path (the code that ran before the option existed: the runs' seeds are
// drawn from the same sequential stream, so one thread gives byte-identical results to it; checked
// against commit bd0a528 when the option was added). From the TypeScript sources the worker is
// bundled with esbuild, so these tests run the real worker code.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { compareProfiles } from "../../src/analysis/compare-profiles.js";
import { availableCores, runChunks, threadCount, workersAvailable } from "../../src/analysis/threads.js";
import { uncertaintyAnalysis } from "../../src/analysis/uncertainty.js";
import { weightSensitivity } from "../../src/analysis/weight-sensitivity.js";
import { uncertaintyPanel } from "../../src/panel/uncertainty-panel.js";
import type { Result } from "../../src/score/score.js";
import type { FailingPayload } from "./failing-worker.js";
import { governance, sampleCity, twoLevelModel } from "./models.js";

/** A Result without its accessors (functions differ by identity), plus what they return. */
function plain(r: Result, unit: string): Record<string, unknown> {
  const { contributions, toRows, toArrow: _toArrow, ranks, ...rest } = r;
  return { ...rest, ranks: { ...ranks }, rows: toRows(), contributions: contributions(unit) };
}

describe("threads", () => {
  it("worker threads are available here and run chunks (so the comparisons below use two threads)", () => {
    expect(workersAvailable()).toBe(true);
    // This thread takes a chunk every 0.5 s while the worker starts, then the worker takes the rest
    // (scoring "normal", fast); each chunk's value says where it ran.
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const profiles = Array.from({ length: 16 }, () => "normal");
    const values = runChunks<string>(
      {
        task: "compareProfiles",
        payload: { model: governance, data: sampleCity(), profiles },
        chunks: profiles.length,
        local: () => {
          Atomics.wait(pause, 0, 0, 500);
          return "here";
        },
        received: (v) => `worker: ${(v as { profile: string }).profile}`,
      },
      2,
    );
    expect(values).toHaveLength(16);
    expect(values?.filter((v) => v === "worker: normal").length).toBeGreaterThan(0);
    expect(values?.every((v) => v === "here" || v === "worker: normal")).toBe(true);
  });

  it("uncertaintyAnalysis: 2 threads give the same result as 1 (Saltelli design, 4 factors)", () => {
    const opts = {
      profile: "normal",
      runs: 240,
      seed: 11,
      normalization: ["minmax", "zscore"],
      aggregation: ["arithmetic", "minimum"],
      leaveOneOut: true,
    } as const;
    const one = uncertaintyAnalysis(governance, sampleCity(), { ...opts, threads: 1 });
    const two = uncertaintyAnalysis(governance, sampleCity(), { ...opts, threads: 2 });
    expect(two.design).toBe("saltelli");
    expect(two.runs).toBe(240);
    expect(two).toEqual(one);
    // Plain arrays, not views of the workers' shared memory.
    expect(two.rankMatrix.buffer).toBeInstanceOf(ArrayBuffer);
    expect(two.outputs.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it("uncertaintyAnalysis: 2 threads give the same result as 1 (Monte Carlo, Dirichlet weights, AHP judgments)", () => {
    const opts = {
      profile: "normal",
      runs: 97,
      seed: 3,
      weights: { concentration: 30 },
      ahpJudgments: true,
      sensitivity: false,
    } as const;
    const progress: number[] = [];
    const one = uncertaintyAnalysis(governance, sampleCity(), { ...opts, threads: 1 });
    const two = uncertaintyAnalysis(governance, sampleCity(), {
      ...opts,
      threads: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(two.design).toBe("monte-carlo");
    expect(two).toEqual(one);
    // Progress on two threads: counts as chunks finish, ending at the total.
    expect(progress.at(-1)).toBe(97);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it("uncertaintyAnalysis: a run that fails on 2 threads throws the error 1 thread throws", () => {
    // The geometric mean refuses a zero (min-max gives 0 to each indicator's worst unit).
    const opts = { profile: "normal", runs: 60, seed: 2, aggregation: ["arithmetic", "geometric"] } as const;
    const caught = (threads: number) => {
      try {
        uncertaintyAnalysis(governance, sampleCity(), { ...opts, threads });
      } catch (e) {
        return { error: e, code: (e as { code?: string }).code, message: (e as Error).message };
      }
      return undefined;
    };
    const one = caught(1);
    const two = caught(2);
    expect(one?.code).toBe("zero_value");
    expect(two).toEqual(one);
    expect(two?.error?.constructor).toBe(one?.error?.constructor);
  });

  it("uncertaintyPanel: 2 threads give the same result as 1 (the sample city's panel, Saltelli design, 3 factors)", () => {
    const rows = (
      parse(readFileSync("examples/governance/sample-city-panel.csv"), { columns: true }) as Record<
        string,
        string
      >[]
    ).map((r) => Object.freeze(r));
    const opts = {
      period: "year",
      profile: "normal",
      runs: 75,
      seed: 5,
      normalization: ["minmax", "zscore"],
      leaveOneOut: true,
    } as const;
    const progress = (threads: number) => {
      const done: number[] = [];
      const out = uncertaintyPanel(governance, rows, { ...opts, threads, onProgress: (d) => done.push(d) });
      return { out, done };
    };
    const one = progress(1);
    const two = progress(2);
    expect(two.out.periods.length).toBeGreaterThan(1);
    expect(two.out.design).toBe("saltelli");
    expect(two.out.runs).toBe(75);
    expect(two.out).toEqual(one.out);
    // One thread reports every run (75 calls); the pool reports its chunks of ceil(75 / 16) = 5 runs
    // (15 calls): so the runs went through the worker pool, whose workers rebuild the pooled panel.
    expect(one.done).toHaveLength(75);
    expect(two.done).toHaveLength(15);
    expect(two.done.at(-1)).toBe(75);
  });

  it("weightSensitivity: 2 threads give the same intervals as 1", () => {
    const one = weightSensitivity(governance, sampleCity(), { profile: "normal", steps: 20, threads: 1 });
    const two = weightSensitivity(governance, sampleCity(), { profile: "normal", steps: 20, threads: 2 });
    expect(two.intervals.length).toBeGreaterThan(10);
    expect(two).toEqual(one);
  });

  it("compareProfiles: 2 threads give the same comparison (and full results) as 1", () => {
    const profiles = ["normal", "emergency", "public_health", "natural_disaster", "social_security"];
    const one = compareProfiles(governance, sampleCity(), profiles, { threads: 1 });
    const two = compareProfiles(governance, sampleCity(), profiles, { threads: 2 });
    const { results: r1, ...c1 } = one;
    const { results: r2, ...c2 } = two;
    expect(c2).toEqual(c1);
    const unit = one.units[7] as string;
    for (const p of profiles) expect(plain(r2[p] as Result, unit)).toEqual(plain(r1[p] as Result, unit));
  });

  it("threads: an integer in [1, 256], else invalid_option at opts.threads", () => {
    for (const threads of [0, 1.5, 257, "2"])
      expect(() =>
        uncertaintyAnalysis(twoLevelModel(), [{ unit: "a", x1: 1, x2: 2, y1: 3, y2: 4 }], {
          runs: 10,
          threads: threads as number,
        }),
      ).toThrow(expect.objectContaining({ code: "invalid_option", where: "opts.threads" }));
    expect(() => weightSensitivity(governance, sampleCity(), { threads: -1 })).toThrow(
      expect.objectContaining({ code: "invalid_option", where: "opts.threads" }),
    );
    expect(() => compareProfiles(governance, sampleCity(), ["normal", "emergency"], { threads: 0 })).toThrow(
      expect.objectContaining({ code: "invalid_option", where: "opts.threads" }),
    );
  });

  it("threadCount: the default is the core count, fewer when the work is small; never more than the chunks", () => {
    // 1e3 units x indicators x runs is below the 2e7 a thread must have: one thread.
    expect(threadCount(undefined, "t", 1e3, 100)).toBe(1);
    // Plenty of work: every core (os.availableParallelism()), at most one per chunk.
    expect(threadCount(undefined, "t", 1e12, 1000)).toBe(availableCores());
    expect(threadCount(undefined, "t", 1e12, 1)).toBe(1);
    // 3e7 of work: one thread's worth (floor(3e7 / 2e7) = 1).
    expect(threadCount(undefined, "t", 3e7, 1000)).toBe(1);
    // Asked for: as many as asked, at most one per chunk.
    expect(threadCount(4, "t", 0, 1000)).toBe(4);
    expect(threadCount(4, "t", 0, 3)).toBe(3);
  });
});

describe("threads: a worker that stops before the end", () => {
  const failing = pathToFileURL(resolve("test/analysis/failing-worker.ts")).href;
  /**
   * runChunks over 200 chunks whose local run waits 100 ms (so the workers take chunks while this
   * thread works); returns what it threw, or the values, and how long it took.
   */
  const run = (payload: FailingPayload, threads: number, worker = failing) => {
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const start = Date.now();
    try {
      const values = runChunks<string>(
        {
          task: "compareProfiles",
          payload,
          chunks: 200,
          local: () => {
            Atomics.wait(pause, 0, 0, 100);
            return "here";
          },
          worker,
        },
        threads,
      );
      return { values, ms: Date.now() - start };
    } catch (e) {
      return { error: e as { code?: string; where?: string; message: string }, ms: Date.now() - start };
    }
  };

  it("one that calls process.exit mid-chunk: worker_failed at opts.threads, naming the exit code, well before the chunks' 20 s", () => {
    const { error, ms } = run({ fail: "exit" }, 2);
    expect(error).toMatchObject({ code: "worker_failed", where: "opts.threads" });
    expect(error?.message).toContain(
      "analysis worker thread 1 of 1 stopped before the end (it exited with code 3)",
    );
    // Waiting out this thread's 200 chunks of 100 ms would take 20 s.
    expect(ms).toBeLessThan(15_000);
  });

  it("one whose chunk's value cannot be posted (DataCloneError escapes the chunk): worker_failed, naming the error", () => {
    const { error } = run({ fail: "uncloneable" }, 2);
    expect(error?.code).toBe("worker_failed");
    expect(error?.message).toMatch(/it threw DataCloneError: .*could not be cloned\)/);
  });

  it("one that cannot prepare the task, or cannot load its module: worker_failed, naming why", () => {
    const setup = run({ fail: "setup" }, 2);
    expect(setup.error?.code).toBe("worker_failed");
    expect(setup.error?.message).toContain("it threw no model in this worker");
    const missing = pathToFileURL(resolve("test/analysis/no-such-worker.mjs")).href;
    const load = run({ fail: "exit" }, 2, missing);
    expect(load.error?.code).toBe("worker_failed");
    expect(load.error?.message).toContain("it could not load its module: ");
  });

  it("one that exits while another spins in its chunk: worker_failed, and the spinning worker is terminated", () => {
    const beat = new SharedArrayBuffer(8);
    const { error } = run({ fail: "exit-or-spin", beat }, 3);
    expect(error?.code).toBe("worker_failed");
    expect(error?.message).toContain("(it exited with code 5)");
    const counts = new Int32Array(beat);
    // Both workers took a chunk; the spinning one counted until it was terminated.
    expect(counts[0]).toBe(2);
    const pause = new Int32Array(new SharedArrayBuffer(4));
    Atomics.wait(pause, 0, 0, 500);
    const before = Atomics.load(counts, 1);
    Atomics.wait(pause, 0, 0, 300);
    expect(before).toBeGreaterThan(0);
    expect(Atomics.load(counts, 1)).toBe(before);
  });
});
