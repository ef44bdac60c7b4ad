import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { toSQL } from "../../src/sql/to-sql.js";

// test/fixtures/xlsx/model.json: indicators green and income read the columns 绿地率 and 人均收入.
describe("toSQL(model with indicator columns)", () => {
  it("reads each indicator's named column from the source, not a column named by its id", () => {
    const model = parseModel(JSON.parse(readFileSync("test/fixtures/xlsx/model.json", "utf8")));
    const { sql } = toSQL(model, { source: "t" });
    expect(sql).toContain('CAST(s."绿地率" AS DOUBLE)');
    expect(sql).toContain('CAST(s."人均收入" AS DOUBLE)');
    expect(sql).not.toContain('s."green"');
  });
});
