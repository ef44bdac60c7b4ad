// True when the module at `url` is the script node (or tsx) was started with, so that an example
// runs its main() from the command line but not when a test imports it.
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function isMain(url: string): boolean {
  try {
    return (
      process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(url))
    );
  } catch {
    return false;
  }
}
