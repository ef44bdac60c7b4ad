/** The unit hierarchy and the graded units, as `score()` results carry them. */
export interface GradeCountsInput {
  /** Ids of the graded (scored) units. */
  units: readonly string[];
  /** Grade index of each graded unit (0 = worst, -1 = no grade). */
  grade: ArrayLike<number>;
  /** Number of grades. */
  classes: number;
  /** Every unit of the data with its parent, level and name. */
  hierarchy: {
    units: readonly string[];
    parents: readonly (string | undefined)[];
    levels: readonly (string | undefined)[];
    names: readonly (string | undefined)[];
  };
}

/** How many units of each grade lie below each parent unit. */
export interface GradeCounts {
  /** Ids of the units with child units (streets, districts, the city), in data order. */
  units: string[];
  /** Level of each. */
  levels: (string | undefined)[];
  /** Parent of each. */
  parents: (string | undefined)[];
  /** Name of each. */
  names: (string | undefined)[];
  /** counts[u][g]: graded units of grade g anywhere below unit u. */
  counts: number[][];
  /** Scored units below each unit that have no grade (no score). */
  ungraded: number[];
}

/**
 * Counts the grades of the scored units below every unit that has child units, at any depth: how
 * many excellent communities each street has, and each district. A scored unit counts once for its
 * parent, once for its grandparent, and so on up.
 *
 * @param input - The graded units, their grades and the unit hierarchy.
 * @example
 * ```ts
 * const c = gradeCounts({
 *   units: ["c1", "c2", "c3"], grade: [2, 0, 2], classes: 3,
 *   hierarchy: { units: ["s1", "c1", "c2", "c3"], parents: [undefined, "s1", "s1", "s1"], levels: [], names: [] },
 * });
 * c.units; // => ["s1"]
 * c.counts; // => [[1, 0, 2]]
 * ```
 */
export function gradeCounts(input: GradeCountsInput): GradeCounts {
  const h = input.hierarchy;
  const index = new Map(h.units.map((u, i) => [u, i]));
  const n = h.units.length;
  const hasChildren = new Uint8Array(n);
  for (const p of h.parents) if (p !== undefined && index.has(p)) hasChildren[index.get(p)!] = 1;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (hasChildren[i]) rows.push(i);
  const rowOf = new Map(rows.map((r, k) => [r, k]));
  const counts = rows.map(() => new Array<number>(input.classes).fill(0));
  const ungraded = rows.map(() => 0);
  for (let i = 0; i < input.units.length; i++) {
    const g = input.grade[i] as number;
    const seen = new Set<number>();
    let p = h.parents[index.get(input.units[i]!) ?? -1];
    while (p !== undefined) {
      const at = index.get(p);
      if (at === undefined || seen.has(at)) break;
      seen.add(at);
      const k = rowOf.get(at)!;
      if (g >= 0) counts[k]![g]!++;
      else ungraded[k]!++;
      p = h.parents[at];
    }
  }
  return {
    units: rows.map((r) => h.units[r]!),
    levels: rows.map((r) => h.levels[r]),
    parents: rows.map((r) => h.parents[r]),
    names: rows.map((r) => h.names[r]),
    counts,
    ungraded,
  };
}
