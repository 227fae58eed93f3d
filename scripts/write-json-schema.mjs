// Writes schema/document.schema.json from the zod schemas in the built package,
// so the published JSON Schema can never drift from the code (a test checks it too).
import { mkdirSync, writeFileSync } from "node:fs";
import { documentJsonSchema } from "../dist/index.js";

mkdirSync(new URL("../schema/", import.meta.url), { recursive: true });
writeFileSync(new URL("../schema/document.schema.json", import.meta.url), JSON.stringify(documentJsonSchema(), null, 2) + "\n");
console.log("wrote schema/document.schema.json");
