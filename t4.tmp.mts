import { parsePdf } from "./src/parse.ts";
import { readFileSync } from "node:fs";
const d = await parsePdf(readFileSync("/work/shared/eval/dev/d01_bun_hedbacka_2025-02-13.pdf"));
const it = d.items.find(i=>i.paragraph===21)!;
console.log("PROPOSAL:", it.proposal, "\nDECISION:", it.decision, "\nPROCESS:", it.decisionProcess, "\nVOTE", it.vote?.text);
