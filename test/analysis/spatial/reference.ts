// test/fixtures/spatial/spdep.json: written by spdep.R (R 4.2.2, spdep 1.2-7).
import SPDEP from "../../fixtures/spatial/spdep.json" with { type: "json" };

export type Scheme = (typeof SPDEP)["domain"]["knn"];
export type SpatialCase = (typeof SPDEP)["domain"];
export const SPDEP_VERSION = SPDEP.spdep;
export const CASES = { domain: SPDEP.domain as SpatialCase, seeded: SPDEP.seeded as unknown as SpatialCase };
export const SCHEMES = ["contiguity", "contiguityBinary", "knn", "band", "inverse"] as const;

/** Unit ids u0, u1, ... of a case. */
export const unitsOf = (c: SpatialCase): string[] => c.values.map((_, i) => `u${i}`);

/** Relative closeness, with an absolute floor for values near 0. */
export const near = (a: number, b: number, tol = 1e-12): boolean =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
