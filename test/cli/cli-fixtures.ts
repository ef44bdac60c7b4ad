import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Io } from "../../src/cli/context.js";

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

/** DOMAIN §1.17's data (5 units x 4 indicators) and a one-level model with its game-theory weights w*, as files. */
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
            root: { method: "fixed", weights: { I1: 0.300194, I2: 0.336255, I3: 0.20514, I4: 0.158411 } },
          },
        },
      },
    }),
  );
  const data = join(dir, "data.csv");
  writeFileSync(
    data,
    "unit,I1,I2,I3,I4\nc1,12,82,36,280\nc2,18,76,20,420\nc3,9,90,48,310\nc4,25,71,12,500\nc5,15,85,30,250\n",
  );
  return { dir, model, data };
}
