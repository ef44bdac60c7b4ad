import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { printable } from "../../src/cli/format.js";
import { runCli } from "./run-cli.js";

// The payload of issue 20, item 2: an id whose newlines would start GitHub Actions workflow commands.
const EVIL = "a\n::add-mask::x\n::error ::boom\r\u001b[2J";

function modelFile(model: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), "indicatrix-ctl-")), "m.json");
  writeFileSync(file, JSON.stringify(model));
  return file;
}

/** Every line of the output, stdout and stderr together. */
const lines = (r: { stdout: string; stderr: string }) => `${r.stdout}\n${r.stderr}`.split("\n");

describe("control characters from model content are escaped in every text output (issue 20, item 2)", () => {
  it('printable("a\\n::x\\u001b") writes the newline and escape as \\n and \\u001b', () => {
    expect(printable("a\n::x\u001b")).toBe("a\\n::x\\u001b");
    expect(printable("plain id, 中文")).toBe("plain id, 中文");
  });

  it("validate (text): an id with newlines prints no line starting with :: and no raw escape", async () => {
    const file = modelFile({ id: "m", tree: { id: "root", children: [{ id: EVIL }, { id: "b" }] } });
    const r = await runCli("validate", file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("a\\n::add-mask::x\\n::error ::boom\\r\\u001b[2J");
    for (const line of lines(r)) expect(line).not.toMatch(/^\s*::/);
    expect(`${r.stdout}${r.stderr}`.includes("\r")).toBe(false);
    expect(`${r.stdout}${r.stderr}`.includes("\u001b")).toBe(false);
  });

  it("score (the error on stderr) and weights (the table) escape them too", async () => {
    const bad = modelFile({ id: "m", tree: { id: "root", children: [{ id: EVIL }, { id: "b" }] } });
    const data = join(mkdtempSync(join(tmpdir(), "indicatrix-ctl-")), "d.csv");
    writeFileSync(data, "unit,b\nu1,1\nu2,2\n");
    const s = await runCli("score", bad, data);
    expect(s.code).toBe(1);
    for (const line of lines(s)) expect(line).not.toMatch(/^\s*::/);
    const named = modelFile({
      id: EVIL,
      tree: { id: "root", children: [{ id: "a", name: EVIL }, { id: "b" }] },
    });
    const w = await runCli("weights", named);
    expect(w.code).toBe(0);
    expect(w.stdout).toContain("a\\n::add-mask::x");
    for (const line of lines(w)) expect(line).not.toMatch(/^\s*::/);
  });
});
