import { parsePdf } from "./src/parse.ts";
import { readFileSync, readdirSync } from "node:fs";
for (const f of readdirSync("/work/shared/eval/dev").filter(f=>f.endsWith(".pdf"))) {
const d = await parsePdf(readFileSync("/work/shared/eval/dev/"+f));
console.log("==", f, d.kind);
for (const it of d.items) {
  console.log(it.paragraphLabel ?? it.number, "|", it.outcome, "|", (it.decision ?? "").replace(/\s+/g," ").slice(0,100));
  for (const m of it.motions) console.log("   M", JSON.stringify(m.people), m.parties, m.text.slice(0,60));
  for (const r of it.reservations) console.log("   R", JSON.stringify(r.people), r.parties, r.text.slice(0,60));
  for (const v of it.votes ?? []) console.log("   V", v.yes, v.no, "|", v.yesMeans, "|", v.noMeans);
  if (it.conflictPeople?.length) console.log("   J", JSON.stringify(it.conflictPeople));
}}
