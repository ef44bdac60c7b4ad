/**
 * How an indicator relates to "better": `benefit` (higher is better), `cost` (lower is better),
 * `{ target }` (closest to a point is best) or `{ range: [a, b] }` (inside an interval is best).
 */
export type Direction = "benefit" | "cost" | { target: number } | { range: [number, number] };
