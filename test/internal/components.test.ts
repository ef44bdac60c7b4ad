import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { connectedComponents } from "../../src/internal/components.js";

/** Independent reference: breadth-first search from the smallest unvisited node. */
function bfsComponents(n: number, edges: readonly (readonly [number, number])[]): number[][] {
  const adjacent = Array.from({ length: n }, () => [] as number[]);
  for (const [a, b] of edges) {
    adjacent[a]?.push(b);
    adjacent[b]?.push(a);
  }
  const seen = new Set<number>();
  const out: number[][] = [];
  for (let s = 0; s < n; s++) {
    if (seen.has(s)) continue;
    const group = [s];
    seen.add(s);
    for (let k = 0; k < group.length; k++)
      for (const w of adjacent[group[k] ?? 0] ?? [])
        if (!seen.has(w)) {
          seen.add(w);
          group.push(w);
        }
    out.push(group.sort((x, y) => x - y));
  }
  return out;
}

describe("connectedComponents", () => {
  it("connectedComponents(5, [[0, 2], [3, 4]]) is [[0, 2], [1], [3, 4]] (the doc comment's example)", () => {
    expect(
      connectedComponents(5, [
        [0, 2],
        [3, 4],
      ]),
    ).toEqual([[0, 2], [1], [3, 4]]);
  });

  it("connectedComponents(0, []) is [] and a graph without edges gives one component per node", () => {
    expect(connectedComponents(0, [])).toEqual([]);
    expect(connectedComponents(3, [])).toEqual([[0], [1], [2]]);
  });

  it("a chain linked in reverse order (deep trees before path halving) is one component", () => {
    const edges = Array.from({ length: 999 }, (_, i) => [999 - i, 998 - i] as [number, number]);
    expect(connectedComponents(1000, edges)).toEqual([Array.from({ length: 1000 }, (_, i) => i)]);
  });

  test.prop(
    [
      fc
        .integer({ min: 1, max: 30 })
        .chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })), { maxLength: 40 }),
          ),
        ),
    ],
    { seed: 12, numRuns: 300 },
  )("connectedComponents agrees with a breadth-first search on random graphs", ([n, edges]) => {
    expect(connectedComponents(n, edges)).toEqual(bfsComponents(n, edges));
  });
});
