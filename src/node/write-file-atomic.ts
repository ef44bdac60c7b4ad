import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** A temporary file name next to `path`, unpredictable, created exclusively (never through a planted link). */
function temporaryPath(path: string): string {
  return join(
    dirname(path) || ".",
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
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
 */
export function writeFileAtomic(path: string, content: string): void {
  writeChunksAtomic(path, [content]);
}

/**
 * Writes chunks of text to a file atomically, one chunk at a time (the whole text is never held in
 * memory): to a temporary file in the same folder, then renamed over the target. If a chunk cannot
 * be produced or written, the temporary file is removed and the target is left as it was.
 *
 * @example
 * ```ts
 * function* lines() {
 *   yield "unit,score\n";
 *   for (const [i, unit] of result.units.entries()) yield `${unit},${result.scores.root[i]}\n`;
 * }
 * writeChunksAtomic("out/scores.csv", lines()); // one line at a time, never the whole text
 * ```
 */
export function writeChunksAtomic(path: string, chunks: Iterable<string>): void {
  mkdirSync(dirname(path) || ".", { recursive: true });
  const tmp = temporaryPath(path);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", 0o644);
    for (const chunk of chunks) writeSync(fd, chunk);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}
