import { statSync } from "node:fs";
import { resolve } from "node:path";
import { checkWriteTarget, guardSignals, writeChunksAtomic } from "../node/write-file-atomic.js";
import { type Io, UsageError } from "./context.js";

/** The same file: one path, or the same device and inode (a hard link, a link to it). */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Checks an `--out` target before any work: `undefined` and `-` mean stdout; a target that is one of the
 * `inputs` is a usage error; a target that exists and is not a regular file is `unwritable_file` (exit 2).
 */
export function checkOut(out: string | undefined, inputs: readonly string[]): void {
  if (out === "") throw new UsageError("--out needs a file name (or - for stdout), got an empty one");
  if (out === undefined || out === "-") return;
  for (const input of inputs)
    if (sameFile(out, input))
      throw new UsageError(`--out ${out} is the input file ${input}; write to another file`);
  checkWriteTarget(out);
}

/**
 * Writes a command's output: to stdout without `--out` or with `--out -`, else atomically to the file
 * (after {@link checkOut}). Returns true when a file was written.
 */
export function writeOut(
  out: string | undefined,
  chunks: Iterable<string>,
  inputs: readonly string[],
  io: Io,
): boolean {
  if (out === undefined || out === "-") {
    for (const chunk of chunks) io.out(chunk);
    return false;
  }
  checkOut(out, inputs);
  guardSignals();
  writeChunksAtomic(out, chunks);
  return true;
}
