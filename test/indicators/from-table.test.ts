import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { modelFromTable } from "../../src/indicators/from-table.js";
import { isIndicator, walkTree } from "../../src/indicators/tree.js";
import { IndicatrixError } from "../../src/internal/errors.js";
import { checkModel } from "../../src/score/check-model.js";

const ASEM_META = "test/fixtures/asem/ASEM_iMeta.csv";

function readAsemMeta(): Record<string, string>[] {
  return parse(readFileSync(ASEM_META), { columns: true }) as Record<string, string>[];
}

function tableError(rows: Record<string, string>[]): IndicatrixError {
  try {
    modelFromTable(rows);
  } catch (e) {
    if (e instanceof IndicatrixError) return e;
    throw e;
  }
  throw new Error("expected modelFromTable to throw");
}

describe("modelFromTable", () => {
  it("turns COINr's ASEM iMeta into a valid model: 49 indicators under 8 pillars, 2 sub-indices, one index", () => {
    const model = modelFromTable(readAsemMeta(), { id: "asem" });
    expect(checkModel(model)).toEqual([]);
    const nodes = walkTree(model.tree);
    const byDepth = (d: number) => nodes.filter((v) => v.depth === d);
    expect(model.tree.id).toBe("Index");
    expect(byDepth(1).map((v) => v.node.id)).toEqual(["Conn", "Sust"]);
    expect(byDepth(2)).toHaveLength(8);
    expect(byDepth(3)).toHaveLength(49);
    expect(byDepth(3).every((v) => isIndicator(v.node))).toBe(true);
    // Directions from the file: the cost indicators are exactly the rows with Direction -1 (14 of them).
    const costs = byDepth(3)
      .filter((v) => v.node.direction === "cost")
      .map((v) => v.node.id);
    const minusOne = readAsemMeta()
      .filter((r) => r.Direction === "-1")
      .map((r) => r.iCode);
    expect(costs.sort()).toEqual(minusOne.sort());
    expect(costs).toHaveLength(14);
    expect(model.profiles?.default?.weights?.Index).toEqual({
      method: "fixed",
      weights: { Conn: 1, Sust: 1 },
    });
  });

  it("reads directions, goalposts, targets, names by language and profiles", () => {
    const model = modelFromTable([
      { id: "root" },
      {
        id: "a",
        parent: "root",
        direction: "target",
        target: "300",
        goalpost_min: "0",
        goalpost_max: "1000",
        name_zh: "网格",
        name_en: "Grid",
      },
      {
        id: "b",
        parent: "root",
        direction: "range",
        goalpost_min: "200",
        goalpost_max: "400",
        weight: "3",
        profiles: "normal;emergency",
      },
    ]);
    const [a, b] = model.tree.children ?? [];
    expect(a).toMatchObject({
      id: "a",
      direction: { target: 300 },
      goalposts: [0, 1000],
      name: { zh: "网格", en: "Grid" },
    });
    expect(b).toMatchObject({ id: "b", direction: { range: [200, 400] }, profiles: ["normal", "emergency"] });
    expect(model.profiles?.default?.weights?.root).toEqual({ method: "fixed", weights: { a: 1, b: 3 } });
  });

  it("names the row of every problem", () => {
    const e = tableError([
      { id: "root" },
      { id: "a", parent: "nowhere" },
      { id: "b", parent: "root", weight: "heavy" },
      { id: "b", parent: "root" },
      { id: "c", parent: "root", direction: "up" },
    ]);
    expect(e.code).toBe("invalid_table");
    expect(e.issues.map((i) => i.where)).toEqual(["row 3", "row 4", "row 5", "row 2"]);
    expect(e.issues.map((i) => i.code)).toContain("unknown_parent");
  });

  it("refuses a table without exactly one root, and cycles of parents", () => {
    expect(tableError([{ id: "a" }, { id: "b" }]).message).toContain("exactly one");
    const e = tableError([{ id: "r" }, { id: "a", parent: "b" }, { id: "b", parent: "a" }]);
    expect(e.issues.map((i) => i.code)).toContain("parent_cycle");
  });
});

/** Rows n0 .. n(count-1), each the parent of the next; n0's parent is `top` (the root when empty). */
function chainRows(count: number, top = ""): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  for (let i = 0; i < count; i++) rows.push({ id: `n${i}`, parent: i === 0 ? top : `n${i - 1}` });
  return rows;
}

describe("modelFromTable on deep tables (issue 20, item 11: 3,000 rows deep overflowed the stack)", () => {
  it("builds a table 33 rows deep, the deepest tree the limits allow (32 levels below the root)", () => {
    const model = modelFromTable(chainRows(33));
    const visited = walkTree(model.tree);
    expect(visited.length).toBe(33);
    expect(visited.at(-1)?.node.id).toBe("n32");
    expect(model.profiles?.default?.weights?.n31).toEqual({ method: "fixed", weights: { n32: 1 } });
  });

  it("refuses a chain 3,000 rows deep once, with too_deep at the row of the first node past the limit", () => {
    const e = tableError(chainRows(3000));
    expect(e.issues.map((i) => [i.code, i.where])).toEqual([["too_deep", "row 34"]]);
    expect(e.issues[0]?.message).toBe('"n33" is more than 32 levels below the root "n0"; the limit is 32');
  });

  it("reports a 3,000-long cycle of parents once, at a row of the cycle, not once per row", () => {
    const rows = [{ id: "r", parent: "" }, ...chainRows(3000, "n2999")];
    const e = tableError(rows);
    expect(e.issues.map((i) => [i.code, i.where])).toEqual([["parent_cycle", "row 2"]]);
    expect(e.issues[0]?.message).toMatch(
      /^parents of "n0" form a cycle: n0 -> n2999 -> n2998 -> .* -> n1 -> n0$/,
    );
  });
});
