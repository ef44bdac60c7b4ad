/**
 * Example: validating model files in continuous integration.
 *
 * Runs the command of `validate-models.yml` on the two models in `models/` (one valid, one with
 * two mistakes): first in the text format that people read, then with `--format github`, whose
 * `::error file=...` lines GitHub Actions turns into annotations on the pull request. The exit
 * code is 1, which is what fails the CI job.
 *
 * Run it from the repository root:
 *
 *     npx tsx examples/ci/main.ts
 *
 * In CI (or a terminal) the same check is one command:
 *
 *     npx indicatrix validate models/*.json --format github
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { main as cli } from "../../src/cli/main.js";
import { isMain } from "../is-main.js";

const MODELS = fileURLToPath(new URL("models/", import.meta.url));

/** The model files of the example, relative to the working directory (as a shell glob gives them). */
export function modelFiles(): string[] {
  return readdirSync(MODELS)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => relative(process.cwd(), join(MODELS, f)));
}

/** Runs `indicatrix validate` in-process with the given arguments; returns the exit code and output. */
export async function validate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await cli(["validate", ...args], {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/** Validates the example models in both formats and prints what CI would show. */
export async function main(log: (line: string) => void = console.log): Promise<number> {
  const files = modelFiles();
  log(`$ indicatrix validate ${files.join(" ")}`);
  const text = await validate(files);
  log(text.stdout.trimEnd());
  log(`\n$ indicatrix validate ${files.join(" ")} --format github`);
  const github = await validate([...files, "--format", "github"]);
  log(github.stdout.trimEnd());
  log(
    `\nexit code ${github.code}: ${github.code === 0 ? "the job passes" : "the job fails and the errors are annotated"}`,
  );
  return github.code;
}

if (isMain(import.meta.url)) await main();
