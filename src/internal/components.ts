/**
 * Connected components of an undirected graph on the nodes `0 .. n-1`, by union-find with path
 * halving: near O(n + edges). Each component is the ascending list of its nodes; components come in
 * the order of their smallest node. The one union-find of the library (AHP judgment graphs).
 *
 * @example
 * ```ts
 * connectedComponents(5, [[0, 2], [3, 4]]);
 * // => [[0, 2], [1], [3, 4]]
 * ```
 * @internal
 */
export function connectedComponents(n: number, edges: Iterable<readonly [number, number]>): number[][] {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const root = (x: number): number => {
    let r = x;
    for (let p = parent[r] ?? r; p !== r; p = parent[r] ?? r) {
      const grand = parent[p] ?? p;
      parent[r] = grand;
      r = grand;
    }
    return r;
  };
  for (const [a, b] of edges) parent[root(a)] = root(b);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()];
}
