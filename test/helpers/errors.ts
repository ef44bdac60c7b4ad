// Test helpers for the errors the library throws: what a call threw, as a short comparable string.
import { IndicatrixError } from "../../src/internal/errors.js";

/** The IndicatrixError `f` throws, or undefined when it returns; any other throw fails the test. */
function caught(f: () => unknown): IndicatrixError | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof IndicatrixError) return e;
    throw e;
  }
  return undefined;
}

/** Runs `f` and returns "code @ path" of the IndicatrixError it throws, or "no error"; any other throw fails the test. */
export function errorOf(f: () => unknown): string {
  const e = caught(f);
  return e ? `${e.code} @ ${e.where}` : "no error";
}

/** The message of the IndicatrixError `f` throws, or "no error"; any other throw fails the test. */
export function messageOf(f: () => unknown): string {
  return caught(f)?.message ?? "no error";
}

/** "code: message" of the IndicatrixError `f` throws, or "no error"; any other throw fails the test. */
export function codeMessageOf(f: () => unknown): string {
  const e = caught(f);
  return e ? `${e.code}: ${e.message}` : "no error";
}

/** The IndicatrixError `f` throws; no throw, or any other throw, fails the test. */
export function thrown(f: () => unknown): IndicatrixError {
  const e = caught(f);
  if (!e) throw new Error("expected an IndicatrixError");
  return e;
}
