import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const MODEL = "templates/grassroots-governance.json";
const DATA = "examples/governance/sample-city.csv";
const fresh = () => mkdtempSync(join(tmpdir(), "indicatrix-out-"));

describe("--out refuses a target that is not a regular file (issue 20, item 1)", () => {
  it("a FIFO made with mkfifo: exit 2 naming it, still a FIFO, no temporary file", async () => {
    const dir = fresh();
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const r = await runCli("score", MODEL, DATA, "--out", fifo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${fifo}: is a FIFO, not a regular file`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(["pipe"]);
  });

  it("a symbolic link: exit 2, the link and the file it points to are unchanged", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "real.csv"), "keep\n");
    const link = join(dir, "link.csv");
    symlinkSync(join(dir, "real.csv"), link);
    const r = await runCli("compare", MODEL, DATA, "--profiles", "normal,emergency", "--out", link);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${link}: is a symbolic link`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.csv"), "utf8")).toBe("keep\n");
  });

  it("a directory (score, evaluate, report): exit 2 naming the directory, not a temporary file", async () => {
    const dir = fresh();
    const target = join(dir, "sub");
    mkdirSync(target);
    for (const argv of [
      ["score", MODEL, DATA],
      ["evaluate", MODEL, DATA, "--method", "topsis"],
      ["report", MODEL, DATA],
    ]) {
      const r = await runCli(...argv, "--out", target);
      expect(r.code, argv[0]).toBe(2);
      expect(r.stderr, argv[0]).toContain(`${target}: is a directory`);
      expect(r.stderr, argv[0]).not.toContain(".tmp");
    }
    expect(readdirSync(dir)).toEqual(["sub"]);
    expect(readdirSync(target)).toEqual([]);
  });

  it("an existing mode-0600 file is replaced and stays 0600", async () => {
    const dir = fresh();
    const target = join(dir, "scores.csv");
    writeFileSync(target, "old\n");
    chmodSync(target, 0o600);
    const r = await runCli("score", MODEL, DATA, "--out", target);
    expect(r.code).toBe(0);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, "utf8")).toMatch(/^unit,/);
  });

  it("--out equal to the data file (same path or a hard link): exit 2, the data are unchanged", async () => {
    const dir = fresh();
    const data = join(dir, "d.csv");
    copyFileSync(DATA, data);
    const before = readFileSync(data, "utf8");
    const r = await runCli("score", MODEL, data, "--out", data);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out ${data} is the input file`);
    const r2 = await runCli("score", MODEL, data, "--out", join(dir, ".", "d.csv"));
    expect(r2.code).toBe(2);
    expect(readFileSync(data, "utf8")).toBe(before);
  });

  it("--out - writes to stdout, the same text as no --out", async () => {
    const dir = fresh();
    const r = await runCli("score", MODEL, DATA, "--out", "-");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await runCli("score", MODEL, DATA)).stdout);
    expect(r.stdout).toMatch(/^unit,/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
