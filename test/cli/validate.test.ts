import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, loadFixtures } from "../indicators/fixtures.js";
import { runCli } from "./run-cli.js";

const fixture = (folder: string, name: string) => join(FIXTURES, folder, `${name}.json`);

describe("indicatrix validate", () => {
  it("exits 0 on a correct model and says it is valid", async () => {
    const r = await runCli("validate", fixture("valid", "base"));
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("base.json: valid");
  });

  it.each(loadFixtures("semantic-invalid").map(([n]) => n))(
    "exits 1 on semantic-invalid/%s and names the place",
    async (name) => {
      const r = await runCli("validate", fixture("semantic-invalid", name));
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/error \w+ at (tree|profiles)/);
    },
  );

  it.each(loadFixtures("schema-invalid").map(([n]) => n))(
    "exits 1 on schema-invalid/%s with a JSON path",
    async (name) => {
      const r = await runCli("validate", fixture("schema-invalid", name));
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/error invalid_model at \S+/);
    },
  );

  it("exits 2 with one line and no stack trace on a missing file", async () => {
    const r = await runCli("validate", "does/not/exist.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("does/not/exist.json: no such file\n");
    expect(r.stdout).toBe("");
  });

  it("--format json prints exactly one JSON document", async () => {
    const r = await runCli(
      "validate",
      "--format",
      "json",
      fixture("valid", "base"),
      fixture("semantic-invalid", "duplicate-id"),
    );
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.files.map((f: { ok: boolean }) => f.ok)).toEqual([true, false]);
    // the fixture's goalposts under min-max also give goalposts_ignored warnings: find the error
    expect(doc.files[1].issues.find((i: { code: string }) => i.code === "duplicate_id")).toMatchObject({
      code: "duplicate_id",
      path: ["tree", "children", 1, "children", 0, "id"],
      where: "tree.children[1].children[0].id",
    });
  });

  it("--format github prints workflow annotations", async () => {
    const r = await runCli("validate", "--format", "github", fixture("semantic-invalid", "goalposts-order"));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^::error file=.*goalposts-order\.json,line=\d+,col=\d+,title=indicatrix invalid_goalposts::tree\.children\[0\]\.children\[0\]\.goalposts \(node "\w+"\): /m,
    );
  });

  it("--strict fails on warnings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "indicatrix-"));
    const file = join(dir, "warn.yaml");
    writeFileSync(
      file,
      "id: m\ntree:\n  id: root\n  children:\n    - id: a\n      profiles: [ghost]\n    - id: b\n",
    );
    expect((await runCli("validate", file)).code).toBe(0);
    const strict = await runCli("validate", "--strict", file);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("warning unknown_profile");
  });

  it("validates a CSV indicator table (COINr's ASEM iMeta)", async () => {
    const r = await runCli("validate", "test/fixtures/asem/ASEM_iMeta.csv");
    expect(r.code).toBe(0);
  });

  it("usage errors exit 2: no file, bad format, unknown option, unknown command", async () => {
    expect((await runCli("validate")).code).toBe(2);
    expect((await runCli("validate", "--format", "xml", "a.json")).code).toBe(2);
    const unknown = await runCli("validate", "--frmat", "json");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^indicatrix: .*frmat/);
    expect((await runCli("frobnicate")).code).toBe(2);
  });
});

describe("indicatrix --version, --help, schema", () => {
  it("prints the version of package.json", async () => {
    const r = await runCli("--version");
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
  it("prints help listing validate and schema", async () => {
    const r = await runCli("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("validate");
    expect(r.stdout).toContain("schema");
  });
  it("schema prints the JSON Schema", async () => {
    const r = await runCli("schema");
    expect(JSON.parse(r.stdout).$id).toBe("https://unpkg.com/indicatrix/schema/model.schema.json");
  });
});
