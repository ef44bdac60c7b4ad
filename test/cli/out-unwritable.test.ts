import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const MODEL = "templates/grassroots-governance.json";
const DATA = "examples/governance/sample-city.csv";

/**
 * Runs the CLI in a child process. As root a read-only folder is still writable, so the child then runs
 * as the unprivileged user nobody (uid 65534), for whom the permission bits hold.
 */
function runAsUser(...argv: string[]): { code: number | null; stderr: string } {
  const asRoot = process.getuid?.() === 0;
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...argv], {
    encoding: "utf8",
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  return { code: r.status, stderr: r.stderr };
}

describe("--out into a place that cannot be written (issue 20, item 13)", () => {
  it("a read-only folder: exit 2 (not 70) naming the target, not the temporary file; nothing left", () => {
    const dir = mkdtempSync(join(tmpdir(), "indicatrix-ro-"));
    chmodSync(dir, 0o755);
    const ro = join(dir, "ro");
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const target = join(ro, "scores.csv");
    const r = runAsUser("score", MODEL, DATA, "--out", target);
    expect(r.stderr).toContain(`indicatrix: ${target}: cannot write: permission denied`);
    expect(r.stderr).not.toMatch(/\.tmp|internal error/);
    expect(r.code).toBe(2);
    expect(readdirSync(ro)).toEqual([]);
  });

  it("a folder on the way that is a file: exit 2 naming the target", () => {
    const dir = mkdtempSync(join(tmpdir(), "indicatrix-ro-"));
    chmodSync(dir, 0o755);
    const target = join("package.json", "scores.csv");
    const r = runAsUser("compare", MODEL, DATA, "--profiles", "normal,emergency", "--out", target);
    expect(r.stderr).toContain(`indicatrix: ${target}: cannot write`);
    expect(r.stderr).not.toMatch(/\.tmp|internal error/);
    expect(r.code).toBe(2);
  });
});

describe("other places that cannot be written or read (issue 20, items 13 and 23)", () => {
  it("init into a read-only folder: exit 2 naming the file, no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "indicatrix-ro-"));
    chmodSync(dir, 0o755);
    const ro = join(dir, "ro");
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const r = runAsUser("init", join(ro, "project"));
    expect(r.stderr).toMatch(/^indicatrix: .*ro\/project\/model\.json: cannot write: permission denied/);
    expect(r.stderr).not.toMatch(/\.tmp|internal error|at /);
    expect(r.code).toBe(2);
  });

  it("score --engine duckdb with a missing data file: exit 2 naming it (checked before DuckDB is loaded)", () => {
    const r = runAsUser(
      "score",
      MODEL,
      "no/such/data.parquet",
      "--engine",
      "duckdb",
      "--out",
      join(tmpdir(), "x.parquet"),
    );
    expect(r.stderr).toBe("indicatrix: no/such/data.parquet: no such file\n");
    expect(r.code).toBe(2);
  });

  it("score --engine duckdb refuses --format json and --rollup instead of ignoring them (item 21): exit 2", () => {
    const out = join(tmpdir(), "x.parquet");
    const json = runAsUser("score", MODEL, DATA, "--engine", "duckdb", "--out", out, "--format", "json");
    expect(json.stderr).toMatch(/--format json is for --engine memory/);
    expect(json.code).toBe(2);
    const up = runAsUser("score", MODEL, DATA, "--engine", "duckdb", "--out", out, "--rollup", "population");
    expect(up.stderr).toMatch(/--rollup is for --engine memory/);
    expect(up.code).toBe(2);
  });

  it("--out= (empty) is a usage error, not a silent write to stdout (item 23)", () => {
    const r = runAsUser("score", MODEL, DATA, "--out=");
    expect(r.stderr).toBe("indicatrix: --out needs a file name (or - for stdout), got an empty one\n");
    expect(r.code).toBe(2);
  });
});
