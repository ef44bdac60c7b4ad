/**
 * One measured step of bench/export.ts in a process of its own, so that its peak memory (maxRSS) is its
 * own: `csv-parse <file>` parses the file with csv-parse alone (the records are counted and dropped, as
 * a reader that hands them on would); `score <model> <file> <out>` runs `indicatrix score` in-process.
 * Prints one JSON line: { ms, cpuMs, maxRssMiB }.
 */
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { main } from "../src/cli/main.js";

const [step, ...args] = process.argv.slice(2);
const t0 = performance.now();
const c0 = process.cpuUsage();
if (step === "csv-parse") {
  let rows = 0;
  const parser = createReadStream(args[0] as string).pipe(parse());
  for await (const _record of parser) rows++;
  if (rows === 0) throw new Error("no rows");
} else if (step === "score") {
  const code = await main(["score", args[0] as string, args[1] as string, "--out", args[2] as string], {
    out: () => {},
    err: () => {},
    isTTY: false,
  });
  if (code !== 0) throw new Error(`score exited ${code}`);
} else throw new Error(`unknown step ${step}`);
const ms = performance.now() - t0;
const c = process.cpuUsage(c0);
const cpuMs = (c.user + c.system) / 1000;
process.stdout.write(`${JSON.stringify({ ms, cpuMs, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
