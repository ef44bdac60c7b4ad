import { readFileSync, statSync } from "node:fs";
import { IndicatrixError } from "../internal/errors.js";

/** Throws `unreadable_file` unless `path` is a regular file, `file_too_large` above `limit` bytes. */
function checkSize(path: string, limit: number): void {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile())
      throw new IndicatrixError("unreadable_file", `${path}: not a regular file`, { path: [], where: path });
    size = st.size;
  } catch (e) {
    if (e instanceof IndicatrixError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new IndicatrixError("unreadable_file", `${path}: ${why}`, { path: [], where: path });
  }
  if (size > limit)
    throw new IndicatrixError(
      "file_too_large",
      `${path}: ${size} bytes is more than the limit of ${limit} bytes`,
      { path: [], where: path },
    );
}

/**
 * Reads a UTF-8 text file of at most `limit` bytes (checked before reading), without its byte order mark.
 * @throws IndicatrixError `unreadable_file`, `file_too_large`.
 * @internal
 */
export function readTextFile(path: string, limit: number): string {
  checkSize(path, limit);
  try {
    return readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    throw new IndicatrixError("unreadable_file", `${path}: ${(e as Error).message}`, {
      path: [],
      where: path,
    });
  }
}

/**
 * Reads a file of at most `limit` bytes (checked before reading) as bytes.
 * @throws IndicatrixError `unreadable_file`, `file_too_large`.
 * @internal
 */
export function readBinaryFile(path: string, limit: number): Buffer {
  checkSize(path, limit);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new IndicatrixError("unreadable_file", `${path}: ${(e as Error).message}`, {
      path: [],
      where: path,
    });
  }
}
