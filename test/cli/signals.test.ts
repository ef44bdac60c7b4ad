import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const WRITER = resolve("src/node/write-file-atomic.ts");

/**
 * Runs, in a child process, a writeChunksAtomic whose second chunk is produced after the process has
 * sent itself `signal`: the signal arrives while the temporary file is open, as a Ctrl-C during
 * `score --out` does. With `guard`, the child first calls guardSignals() (what the CLI does).
 */
function interruptedWrite(signal: NodeJS.Signals, guard: boolean) {
  const dir = mkdtempSync(join(tmpdir(), "indicatrix-signal-"));
  const target = join(dir, "scores.csv");
  const script = join(dir, "child.ts");
  writeFileSync(
    script,
    `import { guardSignals, writeChunksAtomic } from ${JSON.stringify(WRITER)};
${guard ? "guardSignals();" : ""}
function* chunks() {
  yield "unit,score\\n";
  process.kill(process.pid, ${JSON.stringify(signal)});
  const t0 = Date.now();
  while (Date.now() - t0 < 100) {} // more work after the signal, as a long output has
  yield "u1,0.5\\n";
}
writeChunksAtomic(${JSON.stringify(target)}, chunks());
`,
  );
  const r = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8" });
  const left = readdirSync(dir).filter((f) => f.endsWith(".tmp"));
  const written = readdirSync(dir).includes("scores.csv") ? readFileSync(target, "utf8") : undefined;
  return { r, left, written };
}

describe("signals during an atomic write (issue 20, item 20)", () => {
  it("without guardSignals a SIGTERM mid-write kills the process and leaves the temporary file (the failure the guard removes)", () => {
    const { r, left, written } = interruptedWrite("SIGTERM", false);
    expect(r.signal).toBe("SIGTERM");
    expect(left).toHaveLength(1);
    expect(written).toBeUndefined();
  });

  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    it(`with guardSignals a ${signal} mid-write leaves no temporary file and the whole target`, () => {
      const { r, left, written } = interruptedWrite(signal, true);
      expect(r.stderr).not.toMatch(/Error|at /);
      expect(left).toEqual([]);
      expect(written).toBe("unit,score\nu1,0.5\n");
      // The signal is handled once the write is over, then re-raised: the process ends by it (or, if
      // Node exits before handling it, normally); never by an internal error.
      expect(r.signal === signal || r.status === 0).toBe(true);
    });
});
