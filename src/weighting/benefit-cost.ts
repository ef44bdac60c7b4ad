/**
 * Internal input handling shared by the ratio-scale weighting methods (MEREC, CILOS, IDOCRIW): directions that
 * can only be benefit or cost, and the inverse of a small dense matrix (mathjs).
 * @internal
 * @module
 */
import { create, type FactoryFunctionMap, invDependencies } from "mathjs";
import { fail } from "../internal/errors.js";
import type { Direction } from "../internal/types.js";
import { readDirections } from "./data.js";

const math = create({ invDependencies } as FactoryFunctionMap, {});

/**
 * One flag per column, true for a cost column, from optional directions (default all benefit). A target or
 * range direction throws `unsupported_direction` naming the method. @internal
 */
export function costFlags(
  directions: readonly Direction[] | undefined,
  n: number,
  method: string,
): boolean[] {
  const dirs = readDirections(directions, n);
  return Array.from({ length: n }, (_, j) => {
    const d = dirs?.[j] ?? "benefit";
    if (d === "benefit" || d === "cost") return d === "cost";
    return fail(
      "unsupported_direction",
      `opts.directions[${j}]`,
      `${method} compares ratios of values, so each column is "benefit" or "cost"; got ${JSON.stringify(d)} (normalize the column first)`,
    );
  });
}

/** The inverse of a square matrix, or null when it is singular or the result is not finite. @internal */
export function inverse(a: readonly (readonly number[])[]): number[][] | null {
  let inv: number[][];
  try {
    inv = math.inv(a.map((r) => [...r])) as number[][];
  } catch {
    return null;
  }
  return inv.every((r) => r.every((v) => Number.isFinite(v))) ? inv : null;
}
