import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/internal/random.js";
import type { NormalizeParams } from "../../src/normalize/normalize.js";
import { type AffineColumn, fusedArithmetic } from "../../src/score/fused.js";

/** An affine column over `values` with the map z = clamp(x * scale + offset, 0, 1). */
function column(values: Float64Array, scale: number, offset: number): AffineColumn {
  let missing = 0;
  for (const v of values) if (Number.isNaN(v)) missing++;
  const params = { method: "minmax", missing } as unknown as NormalizeParams;
  return { values, scale, offset, clipLo: 0, clipHi: 1, params, warnings: [] };
}

describe("fusedArithmetic: the weighted mean of affine-normalized children", () => {
  it("worked by hand: two units, three children", () => {
    // z1 = x/10 = (0.2, 1), z2 = 1 - x/4 = (0.5, 0 after the clamp of -0.25), z3 = x = (1, 0.5).
    // weights 0.5, 0.3, 0.2: unit 1 = 0.1 + 0.15 + 0.2 = 0.45; unit 2 = 0.5 + 0 + 0.1 = 0.6.
    const out = fusedArithmetic(
      [
        column(Float64Array.of(2, 10), 0.1, 0),
        column(Float64Array.of(2, 5), -0.25, 1),
        column(Float64Array.of(1, 0.5), 1, 0),
      ],
      [0.5, 0.3, 0.2],
      2,
      0,
    );
    expect(out[0]).toBeCloseTo(0.45, 15);
    expect(out[1]).toBeCloseTo(0.6, 15);
  });

  it("gives the bits of adding the children one by one, in child order, for 1 to 11 children", () => {
    // The reference: sum[i] = sum[i] + w_j * clamp(x_j[i] * s_j + o_j), child after child (the
    // arithmetic kernel's order). The engine adds four children per pass; the bits must not move.
    const rnd = mulberry32(5);
    const m = 1000;
    for (let k = 1; k <= 11; k++) {
      const children = Array.from({ length: k }, () => {
        const x = Float64Array.from({ length: m }, () => rnd() * 100 - 10);
        return column(x, 0.011 + rnd() * 0.001, 0.1 * rnd());
      });
      const raw = children.map(() => rnd());
      const total = raw.reduce((a, b) => a + b, 0);
      const weights = raw.map((w) => w / total);
      const expected = new Float64Array(m);
      for (const [j, c] of children.entries())
        for (let i = 0; i < m; i++) {
          const z = Math.min(1, Math.max(0, c.values[i]! * c.scale + c.offset));
          expected[i] = expected[i]! + weights[j]! * z;
        }
      const out = fusedArithmetic(children, weights, m, 0);
      for (let i = 0; i < m; i++) expect(Object.is(out[i], expected[i])).toBe(true);
    }
  });
});
