import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The committed model fixtures: folder -> [name, parsed JSON]. */
export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "models");

export function loadFixtures(folder: "valid" | "schema-invalid" | "semantic-invalid"): [string, unknown][] {
  return readdirSync(join(FIXTURES, folder))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(join(FIXTURES, folder, f), "utf8"))]);
}
