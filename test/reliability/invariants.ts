import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect } from "vitest";
import { IndicatrixError } from "../../src/internal/errors.js";
import type { Result } from "../../src/score/score.js";

/** Seed of every property test of the reliability suite (fixed: a failure replays). */
export const SEED = 20_240_607;

const ROOT = join(import.meta.dirname, "..", "..");

/** The valid model fixtures and the governance template, as parsed JSON: [name, value]. */
export function baseModels(): [string, unknown][] {
  const dir = join(ROOT, "test", "fixtures", "models", "valid");
  const out: [string, unknown][] = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8"))]);
  out.push([
    "grassroots-governance.json",
    JSON.parse(readFileSync(join(ROOT, "templates", "grassroots-governance.json"), "utf8")),
  ]);
  return out;
}

/**
 * Runs `f` and classifies the outcome: `ok` with the value, or `refused` with an IndicatrixError that
 * has a non-empty code and a string path. Any other exception (TypeError, RangeError, stack
 * overflow, a plain Error) fails the test with the offending input's description.
 */
export function outcome<T>(
  f: () => T,
  what: () => string,
): { ok: true; value: T } | { ok: false; error: IndicatrixError } {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (!(e instanceof IndicatrixError))
      throw new Error(`${what()}: threw ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`);
    if (typeof e.code !== "string" || !/^[a-z][a-z0-9_]*$/.test(e.code))
      throw new Error(`${what()}: IndicatrixError without a snake_case code: ${JSON.stringify(e.code)}`);
    if (typeof e.where !== "string" || !Array.isArray(e.path))
      throw new Error(`${what()}: IndicatrixError without a path array and a where string`);
    if (e.message === "") throw new Error(`${what()}: IndicatrixError without a message`);
    return { ok: false, error: e };
  }
}

/** Every number reachable in a value (arrays, typed arrays, records), with its path. */
export function* numbersIn(value: unknown, path = "$", depth = 0): Generator<[string, number]> {
  if (depth > 12) return;
  if (typeof value === "number") yield [path, value];
  else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const a = value as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) yield [`${path}[${i}]`, Number(a[i])];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* numbersIn(value[i], `${path}[${i}]`, depth + 1);
  } else if (value !== null && typeof value === "object" && !(value instanceof Map)) {
    for (const [k, v] of Object.entries(value)) yield* numbersIn(v, `${path}.${k}`, depth + 1);
  }
}

/** Fails when any number reachable in `value` is +-Infinity. */
export function expectNoInfinity(value: unknown, what: string): void {
  for (const [path, v] of numbersIn(value))
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY)
      throw new Error(`${what}: Infinity at ${path}`);
}

/** Fails when any number reachable in `value` is not finite (NaN or Infinity). */
export function expectAllFinite(value: unknown, what: string): void {
  for (const [path, v] of numbersIn(value))
    if (!Number.isFinite(v)) throw new Error(`${what}: ${v} at ${path}`);
}

/**
 * The invariants of a successful `score()`: every weight finite in [0, 1] with siblings summing to
 * 1; no Infinity in scores, raw values, coverage or consistency; a NaN overall score only with its
 * reason in `result.missing`; coverage in [0, 1]; every score column aligned with the units.
 */
export function expectSoundResult(r: Result, what: string): void {
  const m = r.units.length;
  for (const [id, w] of Object.entries(r.weights.local))
    if (!(Number.isFinite(w) && w >= 0 && w <= 1 + 1e-12))
      throw new Error(`${what}: local weight ${id} = ${w}`);
  for (const [id, w] of Object.entries(r.weights.global))
    if (!(Number.isFinite(w) && w >= 0 && w <= 1 + 1e-12))
      throw new Error(`${what}: global weight ${id} = ${w}`);
  for (const node of r.resolved.nodes.values()) {
    if (node.indicator || node.children.length === 0) continue;
    const sum = node.children.reduce((s, c) => s + (r.weights.local[c] as number), 0);
    if (Math.abs(sum - 1) > 1e-9) throw new Error(`${what}: local weights under ${node.id} sum to ${sum}`);
  }
  for (const [id, col] of Object.entries(r.scores)) {
    if (col.length !== m) throw new Error(`${what}: scores.${id} has ${col.length} values for ${m} units`);
    expectNoInfinity(col, `${what}: scores.${id}`);
  }
  expectNoInfinity(r.raw, `${what}: raw`);
  expectNoInfinity(r.consistency, `${what}: consistency`);
  for (let i = 0; i < m; i++) {
    const c = r.coverage[i] as number;
    if (!(c >= 0 && c <= 1)) throw new Error(`${what}: coverage[${i}] = ${c}`);
  }
  const root = r.scores[r.resolved.root] as Float64Array;
  r.units.forEach((u, i) => {
    if (Number.isNaN(root[i] as number)) {
      const reason = Object.hasOwn(r.missing, u) ? r.missing[u] : undefined;
      if (typeof reason !== "string" || reason === "")
        throw new Error(`${what}: unit ${JSON.stringify(u)} has no score and no reason in result.missing`);
    } else if (Object.hasOwn(r.missing, u)) throw new Error(`${what}: unit ${u} has a score and a reason`);
  });
  expect(Object.keys(r.missing).every((u) => r.units.includes(u))).toBe(true);
}

/** Freezes a value deeply (arrays, records), so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object" || Object.isFrozen(v) || ArrayBuffer.isView(v)) continue;
    Object.freeze(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return value;
}

/** Strings that hostile or careless input puts where ids, numbers or names belong. */
export const NASTY_STRINGS = [
  "",
  " ",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e308",
  "1e999",
  "-0",
  "0x10",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "prototype",
  "valueOf",
  "isPrototypeOf",
  "a.b",
  "a b",
  "社区",
  "\u0000",
  "\u202e",
  "😀",
  "x".repeat(300),
  "import('fs')",
  "${process.exit()}",
];

/** Numbers at the edges of double precision. */
export const NASTY_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  5e-324,
  2.2250738585072014e-308,
  1e-300,
  1e150,
  -1e150,
  2 ** 53 + 2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** A random JSON-ish value with the nasty strings and numbers mixed in. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: "small" },
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constantFrom(null, true, false, undefined),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": 1}}')),
  fc.constant({ id: "x", children: [] }),
  fc.constant([[1, 2], [3]]),
);

/** Fails when anything polluted Object.prototype. */
export function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty("polluted");
  expect(Object.keys(Object.prototype)).toEqual([]);
}
