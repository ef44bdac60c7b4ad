// Child process of limits.test.ts: runs one CLI command in this process and prints, as JSON, its exit
// code, stdout, stderr, the CPU time of the command (user + system, after the imports) and the heap in use.
import { main } from "../../../src/cli/main.js";

let out = "";
let err = "";
const start = process.cpuUsage();
const code = await main(process.argv.slice(2), {
  out: (t) => {
    out += t;
  },
  err: (t) => {
    err += t;
  },
  isTTY: false,
});
const cpu = process.cpuUsage(start);
process.stdout.write(
  `${JSON.stringify({ code, out, err, cpuMs: (cpu.user + cpu.system) / 1000, heapMB: process.memoryUsage().heapUsed / 1e6 })}\n`,
);
