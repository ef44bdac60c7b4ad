// Rewrites the --help blocks of docs/cli.md from the CLI itself (the docs test checks they are equal).
// Run: npx tsx scripts/write-cli-help.ts
import { readFileSync, writeFileSync } from "node:fs";
import { main } from "../src/cli/main.js";

async function help(argv: string[]): Promise<string> {
  let out = "";
  await main(argv, { out: (t) => (out += t), err: () => {}, isTTY: false });
  return out;
}

let page = readFileSync("docs/cli.md", "utf8");
const top = await help(["--help"]);
// The first text block is the top-level --help.
const first = page.indexOf("```text\n") + "```text\n".length;
page = page.slice(0, first) + top + page.slice(page.indexOf("```", first));
for (const [, c] of top.matchAll(/^ {2}([a-z]+) {2,}/gm)) {
  const head = `## ${c}\n\n\`\`\`text\n`;
  const at = page.indexOf(head);
  if (at < 0) continue;
  const end = page.indexOf("```", at + head.length);
  page = page.slice(0, at + head.length) + (await help([c as string, "--help"])) + page.slice(end);
}
writeFileSync("docs/cli.md", page);
