import { randomBytes } from "node:crypto";
import {
  closeSync,
  fchmodSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  type Stats,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { IndicatrixError } from "../internal/errors.js";

/** A temporary file name next to `path`, unpredictable, created exclusively (never through a planted link). */
function temporaryPath(path: string): string {
  return join(
    dirname(path) || ".",
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
}

/** Temporary files being written right now: removed by {@link guardSignals}'s handlers. */
const live = new Set<string>();

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let guarded = false;

/**
 * Makes SIGINT, SIGTERM and SIGHUP safe for {@link writeChunksAtomic}: without a handler Node dies at
 * once on these signals, mid-write, and leaves the temporary file beside the target. With the guard
 * the signal is handled after the synchronous write (which then either renamed its file or removed
 * it): the handler removes any temporary file still registered, then re-raises the signal with the
 * default action, so the process still ends by that signal (exit status 128 + its number). SIGKILL
 * cannot be caught: a run killed by it may leave `.<target>.<pid>.<hex>.tmp`, which is safe to delete.
 * Idempotent; the CLI calls it before writing `--out`. Library code that installs its own handlers
 * need not call it.
 *
 * @example
 * ```ts
 * guardSignals();
 * writeChunksAtomic("out/scores.csv", lines()); // Ctrl-C during the write leaves no temporary file
 * ```
 */
export function guardSignals(): void {
  if (guarded) return;
  guarded = true;
  for (const sig of SIGNALS) {
    const onSignal = (): void => {
      for (const tmp of live) {
        try {
          rmSync(tmp, { force: true });
        } catch {
          // Nothing more can be done while the process ends.
        }
      }
      live.clear();
      for (const s of SIGNALS) process.removeAllListeners(s);
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}

/**
 * A temporary file next to `path` (same name scheme as {@link writeChunksAtomic}'s), registered so that
 * {@link guardSignals}'s handlers remove it on SIGINT, SIGTERM or SIGHUP until `release()` or `remove()`.
 * For writers that fill the file asynchronously (DuckDB's COPY), where the synchronous write's own
 * registration does not reach. @internal
 */
export function registeredTemporary(path: string): { path: string; release(): void; remove(): void } {
  const tmp = temporaryPath(path);
  live.add(tmp);
  return {
    path: tmp,
    release: () => live.delete(tmp),
    remove: () => {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // Its folder cannot be reached: nothing was written there.
      }
      live.delete(tmp);
    },
  };
}

/** What a non-regular file is, for the message. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a directory";
  if (st.isSymbolicLink()) return "a symbolic link";
  if (st.isFIFO()) return "a FIFO";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * The file at `path` when it exists (never followed through a link), `undefined` when nothing is there.
 * @throws IndicatrixError `unwritable_file` when something other than a regular file is at `path`.
 * @internal
 */
export function checkWriteTarget(path: string): Stats | undefined {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR")
      return undefined;
    throw unwritable(path, e);
  }
  if (!st.isFile())
    throw new IndicatrixError(
      "unwritable_file",
      `${path}: is ${kindOf(st)}, not a regular file; refusing to replace it`,
      { path: [], where: path },
    );
  return st;
}

/** A system error while writing `path` (or its temporary file), as `unwritable_file` naming `path`. @internal */
export function unwritable(path: string, e: unknown): IndicatrixError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === "EACCES" || code === "EPERM"
      ? "permission denied"
      : code === "EROFS"
        ? "read-only file system"
        : code === "ENOSPC"
          ? "no space left on device"
          : code === "ENOTDIR" || code === "EEXIST"
            ? "a folder on the way is a file"
            : code === "EISDIR"
              ? "is a directory"
              : (code ?? "write failed");
  return new IndicatrixError("unwritable_file", `${path}: cannot write: ${why}`, { path: [], where: path });
}

/** True for an error raised by a system call (errno), not by the code that produces the chunks. */
function isSystemError(e: unknown): boolean {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).syscall === "string";
}

/**
 * Writes a file atomically: to a temporary file in the same folder (created exclusively), then
 * renamed over the target, so an interrupted or failed run never leaves half a file nor the
 * temporary file. Missing folders of `path` are created. For output too large to hold as one
 * string use {@link writeChunksAtomic}.
 *
 * @example
 * ```ts
 * writeFileAtomic("out/model.json", JSON.stringify(model, null, 2));
 * ```
 * @throws IndicatrixError `unwritable_file` as {@link writeChunksAtomic}.
 */
export function writeFileAtomic(path: string, content: string): void {
  writeChunksAtomic(path, [content]);
}

/**
 * Writes chunks of text to a file atomically, one chunk at a time (the whole text is never held in
 * memory): to a temporary file in the same folder, then renamed over the target. If a chunk cannot
 * be produced or written, the temporary file is removed and the target is left as it was. An existing
 * target keeps its mode (a mode-0600 file stays 0600); a target that exists and is not a regular file
 * (a directory, a symbolic link, a FIFO, a device) is refused, never replaced.
 *
 * @example
 * ```ts
 * function* lines() {
 *   yield "unit,score\n";
 *   for (const [i, unit] of result.units.entries()) yield `${unit},${result.scores.root[i]}\n`;
 * }
 * writeChunksAtomic("out/scores.csv", lines()); // one line at a time, never the whole text
 * ```
 * @throws IndicatrixError `unwritable_file` naming `path` when the target is not a regular file or the
 * system refuses the write (permission denied, read-only folder, disk full).
 */
export function writeChunksAtomic(path: string, chunks: Iterable<string | Uint8Array>): void {
  const existing = checkWriteTarget(path);
  const tmp = temporaryPath(path);
  let fd: number | undefined;
  try {
    mkdirSync(dirname(path) || ".", { recursive: true });
    live.add(tmp);
    fd = openSync(tmp, "wx", 0o644);
    if (existing) fchmodSync(fd, existing.mode & 0o7777);
    for (const chunk of chunks) typeof chunk === "string" ? writeSync(fd, chunk) : writeSync(fd, chunk);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
    live.delete(tmp);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      rmSync(tmp, { force: true });
    } catch {
      // No temporary file was created where its folder cannot be reached.
    }
    live.delete(tmp);
    throw isSystemError(e) ? unwritable(path, e) : e;
  }
}
