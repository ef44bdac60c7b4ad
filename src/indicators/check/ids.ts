/** Ids must be identifiers so that formulas can name them. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Ids that would collide with properties of plain JavaScript objects (results are records keyed by
 * node id): every property of `Object.prototype` (`constructor`, `toString`, `hasOwnProperty`,
 * `isPrototypeOf`, `__proto__`...) and `prototype`.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  "prototype",
]);

/** True when an id (or a profile name) would collide with a property of plain objects. @internal */
export function isReserved(id: string): boolean {
  return RESERVED_IDS.has(id);
}
