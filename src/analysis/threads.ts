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
export type ThreadTask = "uncertainty" | "uncertaintyPanel" | "weightSensitivity" | "compareProfiles";

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

/** The worker modules ready to start, by the URL of their source (null: cannot run here). */
const sources = new Map<string, string | null>();

/** The URL of the analysis worker's source: `analysis-worker.js` next to this chunk once built. */
function analysisWorker(): string {
  const here = import.meta.url;
  // A variable, not a literal: bundlers must not follow this as an asset of the browser bundle.
  const name = here.endsWith(".ts") ? "../node/analysis-worker.ts" : "./analysis-worker.js";
  return new URL(name, here).href;
}

/**
 * The URL of a worker module to start, or null when workers cannot run here. Built: the module itself.
 * From the TypeScript sources (tests, benchmarks under tsx or vitest; Node 20 applies no loader hooks in
 * worker threads): the module bundled once per process with esbuild (a development dependency) into a
 * temporary directory removed at exit. `href` defaults to the analysis worker; a module given by a test
 * that is missing is returned as it is, so that the workers fail to load it.
 */
function workerSource(get: Builtin, href?: string): string | null {
  const key = href ?? analysisWorker();
  const known = sources.get(key);
  if (known !== undefined) return known;
  let source: string | null = null;
  try {
    const url = new URL(key);
    const fs = get("node:fs") as {
      existsSync(p: URL | string): boolean;
      mkdtempSync(prefix: string): string;
      rmSync(p: string, o: { recursive: boolean; force: boolean }): void;
    };
    if (url.protocol !== "file:" || !fs.existsSync(url)) source = href ?? null;
    else if (!url.pathname.endsWith(".ts")) source = url.href;
    else {
      const { fileURLToPath, pathToFileURL } = get("node:url") as {
        fileURLToPath(u: URL): string;
        pathToFileURL(p: string): URL;
      };
      const os = get("node:os") as { tmpdir(): string };
      const mod = get("node:module") as { createRequire(u: string): (id: string) => unknown };
      const esbuild = mod.createRequire(import.meta.url)("esbuild") as {
        buildSync(o: Record<string, unknown>): unknown;
      };
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
    }
  } catch {
    source = null;
  }
  sources.set(key, source);
  return source;
}

/** Whether worker threads can run here (Node with the worker file in place). @internal */
export function workersAvailable(): boolean {
  const get = builtin();
  return get !== undefined && workerSource(get) !== null;
}

/**
 * The words of the shared control array: the next chunk to take, a counter bumped whenever a chunk is
 * done or a worker stops (the calling thread waits on it), then one state per worker ({@link WORKER_RUNNING},
 * {@link WORKER_FINISHED}, {@link WORKER_STOPPED}). @internal
 */
export const NEXT = 0;
/** @internal */
export const WAKE = 1;
const STATES = 2;
/** A worker's state: loading, preparing or taking chunks. */
const WORKER_RUNNING = 0;
/** A worker's state: every chunk is taken and the worker's are posted. */
const WORKER_FINISHED = 1;
/** A worker's state: it stopped before the end (failed to load or prepare, threw, exited). */
const WORKER_STOPPED = 2;

// Runs in each worker (CommonJS, plain JavaScript): loads the worker module and hands it the job. However
// the worker ends before it has finished (the module fails to load or to prepare, an error escapes it, it
// calls process.exit), it posts why, marks itself stopped and wakes the calling thread, so the caller never
// waits forever for a chunk that no one will finish. ("exit" listeners run in a worker on process.exit, on
// an uncaught exception and on an unhandled rejection.)
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
const c = new Int32Array(workerData.control);
const at = ${STATES} + workerData.index;
let error;
const describe = (e) => {
  if (!e || typeof e !== "object" || typeof e.message !== "string") return String(e);
  const kind = "string" === typeof e.code ? e.code : e.name && e.name !== "Error" ? e.name : "";
  return (kind ? kind + ": " : "") + e.message.replace(/\\.$/, "");
};
const stop = (why) => {
  if (Atomics.load(c, at) !== ${WORKER_RUNNING}) return;
  try { workerData.port.postMessage({ stopped: why }); } catch {}
  Atomics.store(c, at, ${WORKER_STOPPED});
  Atomics.add(c, ${WAKE}, 1);
  Atomics.notify(c, ${WAKE});
};
process.on("uncaughtExceptionMonitor", (e) => { error = describe(e); });
process.on("exit", (code) => stop(error !== undefined ? "threw " + error : "exited with code " + code));
let loaded = false;
import(workerData.url)
  .then((m) => { loaded = true; m.workerMain(workerData); })
  .then(() => { Atomics.compareExchange(c, at, ${WORKER_RUNNING}, ${WORKER_FINISHED}); })
  .catch((e) => stop((loaded ? "threw " : "could not load its module: ") + describe(e)));
`;

/** What a worker receives. @internal */
export interface WorkerJob {
  task: ThreadTask;
  payload: unknown;
  chunks: number;
  /** Int32Array over a SharedArrayBuffer: next chunk, wake counter, then each worker's state. */
  control: SharedArrayBuffer;
  /** This worker's number, 0 to threads - 2. */
  index: number;
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
  /**
   * The worker module to start instead of the analysis worker (a file: URL; a `.ts` file is bundled):
   * tests start workers that fail. The module exports `workerMain(job: WorkerJob)`.
   */
  worker?: string;
}

/** The error of a worker that stopped before the end: names it and why, and the way around it. */
function stoppedError(index: number, threads: number, why: string): IndicatrixError {
  return new IndicatrixError(
    "worker_failed",
    `opts.threads: analysis worker thread ${index + 1} of ${threads - 1} stopped before the end (it ${why}); ` +
      "the other threads were stopped. With threads: 1 the analysis runs without worker threads",
    { path: ["opts", "threads"] },
  );
}

/**
 * Runs the chunks of a job on `threads` threads: the calling thread and `threads - 1` workers take
 * chunks from one shared counter, and each chunk's value is returned in chunk order; undefined when
 * no worker can start here (the caller then runs its chunks as on one thread). When chunks fail,
 * the error of the first failing chunk is thrown, as one thread running them in order would. A
 * worker that stops before the end (fails to load its module or to prepare the task, throws outside a
 * chunk, exits) makes the call throw `worker_failed` at once, naming the worker and why, and every
 * other worker is terminated; a chunk it held is never waited for. (A worker that V8 terminates for
 * running out of heap runs no code, so it cannot say so: that one case is not detected.) @internal
 */
export function runChunks<T>(job: ChunkJob<T>, threads: number): T[] | undefined {
  const { chunks } = job;
  const get = builtin();
  if (get === undefined || threads < 2 || chunks < 2) return undefined;
  const src = workerSource(get, job.worker);
  if (src === null) return undefined;
  const api = get("node:worker_threads") as NodeApi;
  const control = new SharedArrayBuffer(4 * (STATES + threads - 1));
  const state = new Int32Array(control);
  const ports: Port[] = [];
  const workers: { unref(): void; terminate(): Promise<number> }[] = [];
  try {
    for (let t = 0; t < threads - 1; t++) {
      const channel = new api.MessageChannel();
      const data: WorkerJob = {
        task: job.task,
        payload: job.payload,
        chunks,
        control,
        index: t,
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
    const stopped: (string | undefined)[] = new Array(workers.length);
    let received = 0;
    const drain = () => {
      ports.forEach((port, t) => {
        for (let m = api.receiveMessageOnPort(port); m !== undefined; m = api.receiveMessageOnPort(port)) {
          const msg = m.message as ChunkMessage & { stopped?: string };
          if (msg.stopped !== undefined) stopped[t] = msg.stopped;
          else {
            if (msg.error) errors[msg.chunk] = receiveError(msg.error);
            else values[msg.chunk] = job.received ? job.received(msg.value) : (msg.value as T);
            received++;
            job.onChunk?.(msg.chunk);
          }
        }
      });
    };
    for (;;) {
      const seen = Atomics.load(state, WAKE);
      drain();
      if (received >= chunks) break;
      for (let t = 0; t < workers.length; t++)
        if (Atomics.load(state, STATES + t) === WORKER_STOPPED) {
          // A worker posts why before it marks itself stopped.
          drain();
          throw stoppedError(t, workers.length + 1, stopped[t] ?? "gave no reason");
        }
      const k = Atomics.add(state, NEXT, 1);
      if (k < chunks) {
        try {
          values[k] = job.local(k);
        } catch (e) {
          errors[k] = e;
        }
        received++;
        job.onChunk?.(k);
        continue;
      }
      // Every chunk is taken: wait for the workers' (a stopped worker wakes this thread).
      Atomics.wait(state, WAKE, seen, 1000);
    }
    for (const e of errors) if (e !== undefined) throw e;
    return values;
  } finally {
    for (const port of ports) port.close();
    for (const w of workers) void w.terminate();
  }
}
