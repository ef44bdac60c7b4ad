// Test helpers for the errors the library throws: what a call threw, as a short comparable string.
import { IndicatrixError } from "../../src/internal/errors.js";

/** Runs `f` and returns "code @ path" of the IndicatrixError it throws, or "no error"; any other throw fails the test. */
export function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof IndicatrixError) return `${e.code} @ ${e.where}`;
    throw e;
  }
  return "no error";
}

/** The message of the IndicatrixError `f` throws, or "no error"; any other throw fails the test. */
export function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof IndicatrixError) return e.message;
    throw e;
  }
  return "no error";
}

/** "code: message" of the IndicatrixError `f` throws, or "no error"; any other throw fails the test. */
export function codeMessageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof IndicatrixError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return "no error";
}

/** The IndicatrixError `f` throws; no throw, or any other throw, fails the test. */
export function thrown(f: () => unknown): IndicatrixError {
  try {
    f();
  } catch (e) {
    if (e instanceof IndicatrixError) return e;
    throw e;
  }
  throw new Error("expected an IndicatrixError");
}
