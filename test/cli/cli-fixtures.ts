import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Io } from "../../src/cli/context.js";
import { csvOfX, W_STAR } from "../fixtures/five-communities/index.js";

/** An Io that keeps what a command writes. */
export function capture(isTTY = false): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    isTTY,
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
  };
  return io;
}

/**
 * The five-communities example (test/fixtures/five-communities: 5 units x 4 indicators) and a one-level
 * model with its game-theory weights w* (rounded to 6 decimals), as files.
 */
export function goldenFiles(): { dir: string; model: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), "indicatrix-cli-"));
  const model = join(dir, "model.json");
  writeFileSync(
    model,
    JSON.stringify({
      id: "golden",
      tree: {
        id: "root",
        children: [
          { id: "I1" },
          { id: "I2" },
          { id: "I3", direction: "cost" },
          { id: "I4", direction: { target: 300 } },
        ],
      },
      profiles: {
        p: {
          weights: {
            root: {
              method: "fixed",
              weights: { I1: W_STAR[0], I2: W_STAR[1], I3: W_STAR[2], I4: W_STAR[3] },
            },
          },
        },
      },
    }),
  );
  const data = join(dir, "data.csv");
  writeFileSync(data, csvOfX());
  return { dir, model, data };
}
