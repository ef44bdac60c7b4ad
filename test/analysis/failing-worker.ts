// A worker module for test/analysis/threads.test.ts (started through runChunks' `worker` option and
// bundled with esbuild as the real one is): the analysis worker of src/node/analysis-worker.ts, whose
// compareProfiles task fails as the payload's `fail` says, so that the tests can watch the pool meet a
// worker that dies in the middle of its work.
//   "exit": process.exit(3) in the middle of a chunk.
//   "uncloneable": a chunk's value is a function, so posting it throws DataCloneError outside the chunk.
//   "setup": preparing the task throws.
//   "exit-or-spin": the first worker to take a chunk spins forever, counting in `beat[0]` (so the test
//     can see it stop when the pool terminates it); the next one exits with code 5.
import { compareProfilesTask } from "../../src/analysis/compare-profiles.js";
import type { WorkerJob } from "../../src/analysis/threads.js";
import { workerMain as analysisWorker } from "../../src/node/analysis-worker.js";

/** What the tests add to the compareProfiles payload. */
export interface FailingPayload {
  fail: "exit" | "uncloneable" | "setup" | "exit-or-spin";
  /** Int32Array [workers that took a chunk, heartbeat of the spinning one]. */
  beat?: SharedArrayBuffer;
}

/** Runs the analysis worker with its compareProfiles task made to fail. */
export function workerMain(job: WorkerJob): void {
  const { fail, beat } = job.payload as FailingPayload;
  const task = compareProfilesTask as { setup(p: unknown): unknown; run(c: unknown, k: number): unknown };
  if (fail === "setup")
    task.setup = () => {
      throw new Error("no model in this worker");
    };
  else
    task.run = () => {
      if (fail === "exit") process.exit(3);
      if (fail === "uncloneable") return { value: () => 0 };
      const b = new Int32Array(beat as SharedArrayBuffer);
      if (Atomics.add(b, 0, 1) > 0) process.exit(5);
      for (;;) Atomics.add(b, 1, 1);
    };
  analysisWorker(job);
}
