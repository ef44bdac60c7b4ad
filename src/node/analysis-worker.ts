/**
 * The worker thread of the analyses (`threads` option of `uncertaintyAnalysis`, `uncertaintyPanel`,
 * `weightSensitivity` and `compareProfiles`): it prepares the task once (scores the model on its copy of the data),
 * then takes chunks from the shared counter until none is left, posting each chunk's outcome and
 * counting it done. Started by `src/analysis/threads.ts`; built to `dist/analysis-worker.js`.
 * @internal
 */

import { compareProfilesTask } from "../analysis/compare-profiles.js";
import {
  type ChunkMessage,
  type ChunkTask,
  NEXT,
  sendError,
  type ThreadTask,
  WAKE,
  type WorkerJob,
} from "../analysis/threads.js";
import { uncertaintyTask } from "../analysis/uncertainty.js";
import { weightSensitivityTask } from "../analysis/weight-sensitivity.js";
import { uncertaintyPanelTask } from "../panel/uncertainty-panel.js";

const TASKS: Record<ThreadTask, ChunkTask<unknown>> = {
  uncertainty: uncertaintyTask as ChunkTask<unknown>,
  uncertaintyPanel: uncertaintyPanelTask as ChunkTask<unknown>,
  weightSensitivity: weightSensitivityTask as ChunkTask<unknown>,
  compareProfiles: compareProfilesTask as ChunkTask<unknown>,
};

/**
 * Runs chunks of the job until none is left. An error of `setup` (or anything else that escapes) ends
 * the worker: the bootstrap of `src/analysis/threads.ts` reports it, and the caller stops the analysis.
 * @internal
 */
export function workerMain(job: WorkerJob): void {
  const state = new Int32Array(job.control);
  const task = TASKS[job.task];
  const ctx = task.setup(job.payload);
  for (;;) {
    const chunk = Atomics.add(state, NEXT, 1);
    if (chunk >= job.chunks) break;
    let msg: ChunkMessage;
    let transfer: ArrayBuffer[] = [];
    try {
      const out = task.run(ctx, chunk);
      msg = { chunk, value: out.value };
      transfer = out.transfer ?? [];
    } catch (e) {
      msg = { chunk, error: sendError(e) };
    }
    job.port.postMessage(msg, transfer);
    Atomics.add(state, WAKE, 1);
    Atomics.notify(state, WAKE);
  }
}
