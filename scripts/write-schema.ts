// Writes schema/model.schema.json from the zod schema (run by `npm run build`; a test checks it is current).
import { mkdirSync, writeFileSync } from "node:fs";
import { modelJsonSchema } from "../src/indicators/json-schema.js";

mkdirSync(new URL("../schema/", import.meta.url), { recursive: true });
writeFileSync(
  new URL("../schema/model.schema.json", import.meta.url),
  `${JSON.stringify(modelJsonSchema(), null, 2)}\n`,
);
