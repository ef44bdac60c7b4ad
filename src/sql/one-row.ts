/**
 * The select list of a one-row CTE of aggregates (the column statistics `st`, the imputation values
 * `mi<depth>`): each registered aggregate becomes `<agg> AS <prefix><k>`, referred to as
 * `<alias>.<prefix><k>`.
 * @internal
 */
export interface OneRow {
  /** Registers an aggregate and returns the reference to its value. */
  add(agg: string): string;
  /** The `<agg> AS <prefix><k>` items, in the order registered. */
  readonly items: readonly string[];
}

/**
 * A new, empty select list of aggregates referred to through `alias`.
 *
 * @example
 * ```ts
 * const st = oneRow("st", "s");
 * st.add("MIN(r0)"); // => "st.s0"
 * st.items; // => ["MIN(r0) AS s0"]
 * ```
 * @internal
 */
export function oneRow(alias: string, prefix: string): OneRow {
  const items: string[] = [];
  return {
    add(agg) {
      const name = `${prefix}${items.length}`;
      items.push(`${agg} AS ${name}`);
      return `${alias}.${name}`;
    },
    items,
  };
}
