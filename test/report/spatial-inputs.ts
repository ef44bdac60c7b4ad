import { createRandom } from "../../src/internal/random.js";

/**
 * The sample city's rows with made-up planar coordinates x, y (km): each district a centre on a circle
 * of radius 8, each street a point within 2.5 km of it, each community within 0.8 km of its street
 * (xoshiro128** seeded with 16). Only for the report tests.
 */
export function withCoordinates(rows: readonly Record<string, string>[]): Record<string, string>[] {
  const rng = createRandom(16);
  const byId = new Map(rows.map((r) => [r.unit as string, r]));
  const at = new Map<string, [number, number]>();
  const districts = rows.filter((r) => r.level === "district");
  districts.forEach((d, k) => {
    const a = (2 * Math.PI * k) / districts.length;
    at.set(d.unit as string, [8 * Math.cos(a), 8 * Math.sin(a)]);
  });
  const place = (unit: string, radius: number): [number, number] => {
    const known = at.get(unit);
    if (known) return known;
    const parent = byId.get(unit)?.parent;
    const [px, py] = parent ? place(parent, radius) : [0, 0];
    const a = 2 * Math.PI * rng.uniform();
    const r = radius * Math.sqrt(rng.uniform());
    const p: [number, number] = [px + r * Math.cos(a), py + r * Math.sin(a)];
    at.set(unit, p);
    return p;
  };
  return rows.map((r) => {
    if (r.level === "street") place(r.unit as string, 2.5);
    if (r.level !== "community") return { ...r, x: "", y: "" };
    const [x, y] = place(r.unit as string, 0.8);
    return { ...r, x: x.toFixed(3), y: y.toFixed(3) };
  });
}
