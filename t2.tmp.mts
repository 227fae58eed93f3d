import { parseText } from "./src/parse.ts";
import { readFileSync } from "node:fs";
const d = parseText(readFileSync(process.argv[2], "utf8"));
for (const it of d.items) if (process.argv.slice(3).includes(String(it.paragraph))) console.log(it.paragraph, it.outcome, "\nDECISION:", it.decision, "\nPROCESS:", it.decisionProcess, "\n");
