import type { ResolvedProfile } from "./resolve-profile.js";

/**
 * The indicator columns with the cells of the units a local indicator does not apply to set to NaN
 * (absent by design, whatever the data hold there), copied: the caller's columns are not changed.
 * @internal
 */
export function absentByDesign(
  indicators: ReadonlyMap<string, Float64Array>,
  masks: ReadonlyMap<string, Uint8Array>,
): Map<string, Float64Array> {
  const out = new Map(indicators);
  if (masks.size === 0) return out;
  for (const [id, col] of indicators) {
    const mask = masks.get(id);
    if (!mask) continue;
    const copy = Float64Array.from(col);
    for (let i = 0; i < copy.length; i++) if (mask[i] === 0) copy[i] = Number.NaN;
    out.set(id, copy);
  }
  return out;
}

/**
 * Each unit's coverage with local indicators counted only where they apply: the share of the
 * indicators that apply to the unit that are present (1 when none applies). @internal
 */
export function applicableCoverage(
  profile: ResolvedProfile,
  raw: Readonly<Record<string, Float64Array>>,
  masks: ReadonlyMap<string, Uint8Array>,
  m: number,
): Float64Array {
  const applicable = new Float64Array(m);
  const present = new Float64Array(m);
  for (const id of profile.indicators) {
    const col = raw[id]!;
    const mask = masks.get(id);
    for (let i = 0; i < m; i++) {
      if (mask && mask[i] === 0) continue;
      applicable[i] = applicable[i]! + 1;
      if (!Number.isNaN(col[i]!)) present[i] = present[i]! + 1;
    }
  }
  return Float64Array.from(applicable, (a, i) => (a > 0 ? present[i]! / a : 1));
}
