/**
 * Runs the chunks of an analysis on several threads, synchronously: Node worker threads are started
 * for the call, take chunks from a shared counter, write into shared typed arrays or post small
 * results, and the calling thread blocks (Atomics.wait) until every chunk is done. The core library
 * stays browser-safe: nothing here imports a Node module; `node:worker_threads` and friends are
 * reached at run time through `process.getBuiltinModule`, and where it is missing (browsers, old
 * runtimes) or the worker file is not found, the analyses run on one thread. The worker's code is
 * `src/node/analysis-worker.ts` (`dist/analysis-worker.js` once built). @internal
 */

import type { ErrorCode } from "../internal/error-codes.js";
import { fail, IndicatrixError, type Issue } from "../internal/errors.js";

/** The analyses that run chunks in workers (the worker's table of handlers has these keys). @internal */
export type ThreadTask = "uncertainty" | "weightSensitivity" | "compareProfiles";

/** Most threads accepted for the `threads` option. */
const MAX_THREADS = 256;

/**
 * Work (units x indicators x model evaluations) a thread must have before the default thread count
 * starts one more: starting a worker and scoring the model in it costs tens of milliseconds.
 */
export const MIN_WORK_PER_THREAD = 2e7;

/** An error as it crosses from a worker: the fields of an IndicatrixError, or a plain message. @internal */
export interface SentError {
  code?: ErrorCode;
  message: string;
  path?: (string | number)[];
  where?: string;
  issues?: Issue[];
}

/** An error turned into plain data for postMessage. @internal */
export function sendError(e: unknown): SentError {
  if (e instanceof IndicatrixError)
    return { code: e.code, message: e.message, path: e.path, where: e.where, issues: e.issues };
  return { message: e instanceof Error ? e.message : String(e) };
}

function receiveError(e: SentError): Error {
  if (e.code === undefined) return new Error(e.message);
  return new IndicatrixError(e.code, e.message, {
    ...(e.path ? { path: e.path } : {}),
    ...(e.where !== undefined ? { where: e.where } : {}),
    ...(e.issues ? { issues: e.issues } : {}),
  });
}

type Builtin = (id: string) => unknown;

function builtin(): Builtin | undefined {
  const p = (globalThis as { process?: { getBuiltinModule?: Builtin } }).process;
  return typeof p?.getBuiltinModule === "function" ? p.getBuiltinModule.bind(p) : undefined;
}

/** The number of cores (os.availableParallelism), 1 where it is unknown (browsers). @internal */
export function availableCores(): number {
  const os = builtin()?.("node:os") as { availableParallelism?: () => number } | undefined;
  const n = os?.availableParallelism?.() ?? 1;
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/**
 * The thread count of a call: `requested` (checked: an integer in [1, 256]) or, by default, the
 * number of cores, but no more threads than there are `chunks` nor than `work` /
 * {@link MIN_WORK_PER_THREAD} (a small analysis stays on one thread, where it is fastest). @internal
 */
export function threadCount(requested: unknown, path: string, work: number, chunks: number): number {
  let n: number;
  if (requested === undefined)
    n = Math.min(availableCores(), Math.max(1, Math.floor(work / MIN_WORK_PER_THREAD)));
  else {
    if (
      typeof requested !== "number" ||
      !Number.isInteger(requested) ||
      requested < 1 ||
      requested > MAX_THREADS
    )
      fail(
        "invalid_option",
        path,
        `threads must be an integer in [1, ${MAX_THREADS}], got ${JSON.stringify(requested)}`,
      );
    n = requested;
  }
  return Math.max(1, Math.min(n, chunks));
}

interface NodeApi {
  Worker: new (
    code: string,
    opts: { eval: true; workerData: unknown; transferList: unknown[] },
  ) => { unref(): void; terminate(): Promise<number> };
  MessageChannel: new () => { port1: Port; port2: unknown };
  receiveMessageOnPort(port: Port): { message: unknown } | undefined;
}
interface Port {
  close(): void;
}

let source: string | null | undefined;

/**
 * The URL of the worker module, or null when workers cannot run here. Built: `analysis-worker.js`
 * next to this chunk in dist/. From the TypeScript sources (tests, benchmarks under tsx or vitest;
 * Node 20 applies no loader hooks in worker threads): the worker bundled once per process with
 * esbuild (a development dependency) into a temporary directory removed at exit.
 */
function workerSource(get: Builtin): string | null {
  if (source !== undefined) return source;
  source = null;
  try {
    const here = import.meta.url;
    const fromSource = here.endsWith(".ts");
    // A variable, not a literal: bundlers must not follow this as an asset of the browser bundle.
    const name = fromSource ? "../node/analysis-worker.ts" : "./analysis-worker.js";
    const url = new URL(name, here);
    const fs = get("node:fs") as {
      existsSync(p: URL | string): boolean;
      mkdtempSync(prefix: string): string;
      rmSync(p: string, o: { recursive: boolean; force: boolean }): void;
    };
    if (url.protocol !== "file:" || !fs.existsSync(url)) return source;
    if (!fromSource) {
      source = url.href;
      return source;
    }
    const { fileURLToPath, pathToFileURL } = get("node:url") as {
      fileURLToPath(u: URL): string;
      pathToFileURL(p: string): URL;
    };
    const os = get("node:os") as { tmpdir(): string };
    const mod = get("node:module") as { createRequire(u: string): (id: string) => unknown };
    const esbuild = mod.createRequire(here)("esbuild") as { buildSync(o: Record<string, unknown>): unknown };
    const dir = fs.mkdtempSync(`${os.tmpdir()}/indicatrix-worker-`);
    const proc = (globalThis as { process?: { once(e: string, f: () => void): void } }).process;
    proc?.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
    const outfile = `${dir}/analysis-worker.mjs`;
    esbuild.buildSync({
      entryPoints: [fileURLToPath(url)],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      logLevel: "silent",
      // Bundled CommonJS dependencies call require: give the ES module one.
      banner: {
        js: 'import { createRequire as __ixRequire } from "node:module"; const require = __ixRequire(import.meta.url);',
      },
    });
    source = pathToFileURL(outfile).href;
  } catch {
    source = null;
  }
  return source;
}

/** Whether worker threads can run here (Node with the worker file in place). @internal */
export function workersAvailable(): boolean {
  const get = builtin();
  return get !== undefined && workerSource(get) !== null;
}

// Runs in each worker (CommonJS, plain JavaScript): loads the worker module and hands it the job;
// a failure to load is reported, so the caller never waits forever.
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import(workerData.url).then((m) => m.workerMain(workerData)).catch((e) => {
  workerData.port.postMessage({ setup: String((e && e.stack) || e) });
  const c = new Int32Array(workerData.control);
  Atomics.add(c, 2, 1);
  Atomics.notify(c, 1);
});
`;

/** What a worker receives. @internal */
export interface WorkerJob {
  task: ThreadTask;
  payload: unknown;
  chunks: number;
  /** Int32Array over a SharedArrayBuffer: [next chunk, chunks done, workers that failed to start]. */
  control: SharedArrayBuffer;
  port: { postMessage(m: unknown, transfer?: unknown[]): void };
  url: string;
}

/** A task a worker runs: `setup` once per thread, then `run` per chunk (its value is posted). @internal */
export interface ChunkTask<C> {
  setup(payload: unknown): C;
  run(ctx: C, chunk: number): { value: unknown; transfer?: ArrayBuffer[] };
}

/** A chunk's outcome as a worker posts it. @internal */
export interface ChunkMessage {
  chunk: number;
  value?: unknown;
  error?: SentError;
}

/** How {@link runChunks} runs a task: its payload for the workers and its chunks on this thread. @internal */
export interface ChunkJob<T> {
  task: ThreadTask;
  /** What each worker receives (structured clone; SharedArrayBuffers in it are shared). */
  payload: unknown;
  chunks: number;
  /** Runs chunk k on the calling thread (with what the caller has prepared). */
  local(chunk: number): T;
  /** Turns a worker's value of a chunk into the caller's (default: as it is). */
  received?(value: unknown): T;
  /** Called on the calling thread as chunks finish. */
  onChunk?(chunk: number): void;
}

/**
 * Runs the chunks of a job on `threads` threads: the calling thread and `threads - 1` workers take
 * chunks from one shared counter, and each chunk's value is returned in chunk order; undefined when
 * no worker can start here (the caller then runs its chunks as on one thread). When chunks fail,
 * the error of the first failing chunk is thrown, as one thread running them in order would. A
 * worker that cannot start takes no chunk: the others, and this thread, do its share. @internal
 */
export function runChunks<T>(job: ChunkJob<T>, threads: number): T[] | undefined {
  const { chunks } = job;
  const get = builtin();
  if (get === undefined || threads < 2 || chunks < 2) return undefined;
  const src = workerSource(get);
  if (src === null) return undefined;
  const api = get("node:worker_threads") as NodeApi;
  const control = new SharedArrayBuffer(12);
  const state = new Int32Array(control);
  const ports: Port[] = [];
  const workers: { unref(): void; terminate(): Promise<number> }[] = [];
  try {
    for (let t = 1; t < threads; t++) {
      const channel = new api.MessageChannel();
      const data: WorkerJob = {
        task: job.task,
        payload: job.payload,
        chunks,
        control,
        port: channel.port2 as WorkerJob["port"],
        url: src,
      };
      let worker: { unref(): void; terminate(): Promise<number> };
      try {
        worker = new api.Worker(BOOTSTRAP, { eval: true, workerData: data, transferList: [channel.port2] });
      } catch {
        // The payload cannot be copied (DataCloneError) or no thread can start: one thread, then.
        channel.port1.close();
        if (workers.length === 0) return undefined;
        break;
      }
      worker.unref();
      workers.push(worker);
      ports.push(channel.port1);
    }
    const values: T[] = new Array(chunks);
    const errors: unknown[] = new Array(chunks);
    let received = 0;
    let failed = 0;
    const done = (chunk: number) => {
      received++;
      job.onChunk?.(chunk);
    };
    for (;;) {
      const seen = Atomics.load(state, 1);
      for (const port of ports)
        for (let m = api.receiveMessageOnPort(port); m !== undefined; m = api.receiveMessageOnPort(port)) {
          const msg = m.message as ChunkMessage & { setup?: string };
          if (msg.setup !== undefined) failed++;
          else {
            if (msg.error) errors[msg.chunk] = receiveError(msg.error);
            else values[msg.chunk] = job.received ? job.received(msg.value) : (msg.value as T);
            done(msg.chunk);
          }
        }
      if (received >= chunks) break;
      const k = Atomics.add(state, 0, 1);
      if (k < chunks) {
        try {
          values[k] = job.local(k);
        } catch (e) {
          errors[k] = e;
        }
        done(k);
        continue;
      }
      // Every chunk is taken: wait for the workers' (a worker that failed to start took none).
      if (failed >= workers.length) throw new Error("the analysis worker threads stopped before the end");
      Atomics.wait(state, 1, seen, 1000);
    }
    for (const e of errors) if (e !== undefined) throw e;
    return values;
  } finally {
    for (const port of ports) port.close();
    for (const w of workers) void w.terminate();
  }
}
