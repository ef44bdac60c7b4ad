// docs/architecture.md stays true: its example prints what it says, and its layer table names every folder of src/.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveAggregate, resolveNormalize } from "../../src/index.js";

const page = readFileSync("docs/architecture.md", "utf8");

describe("docs/architecture.md", () => {
  it("names every folder of src/ in its layer table", () => {
    const folders = readdirSync("src").filter((f) => statSync(`src/${f}`).isDirectory());
    expect(folders.length).toBeGreaterThan(8);
    for (const f of folders) expect(page, f).toContain(`\`${f}/\``);
  });

  it("its example results are what the resolvers return", () => {
    expect(page).toContain(
      'resolveNormalize("minmax", { direction: { target: 300 } }).formula; // => "target"',
    );
    expect(resolveNormalize("minmax", { direction: { target: 300 } }).formula).toBe("target");
    expect(page).toContain('resolveAggregate({ method: "power", p: 1 }); // => { method: "arithmetic" }');
    expect(resolveAggregate({ method: "power", p: 1 })).toEqual({ method: "arithmetic" });
  });
});
