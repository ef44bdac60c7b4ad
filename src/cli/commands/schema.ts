import { parseArgs } from "node:util";
import { modelJsonSchema } from "../../indicators/json-schema.js";
import type { Io } from "../context.js";

export function schemaCommand(argv: string[], io: Io): number {
  const { values } = parseArgs({ args: argv, options: { help: { type: "boolean", short: "h" } } });
  if (values.help) {
    io.out("Usage: indicatrix schema\n\nPrints the JSON Schema (draft 2020-12) of the model file.\n");
    return 0;
  }
  io.out(`${JSON.stringify(modelJsonSchema(), null, 2)}\n`);
  return 0;
}
