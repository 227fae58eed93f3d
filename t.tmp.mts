import { parseText } from "./src/parse.ts";
import { readFileSync } from "node:fs";
const f = process.argv[2];
const d = parseText(readFileSync(f, "utf8"));
for (const it of d.items) {
  console.log(it.paragraphLabel ?? it.number, "|", it.outcome, "|", (it.decision ?? "").replace(/\s+/g," ").slice(0,110));
  for (const m of it.motions) console.log("   M", JSON.stringify(m.people), m.parties, m.text.slice(0,60));
  for (const r of it.reservations) console.log("   R", JSON.stringify(r.people), r.parties, r.text.slice(0,60));
  for (const v of it.votes ?? []) console.log("   V", v.yes, v.no, "|", v.yesMeans, "|", v.noMeans);
  if (it.conflictPeople?.length) console.log("   J", JSON.stringify(it.conflictPeople));
}
for (const x of d.diagnostics.filter(x=>x.code==="OUTCOME_UNCLEAR"||x.code==="VOTE_COUNT_MISMATCH")) console.log("D", x.code, x.message.slice(0,80), "|", x.text?.slice(0,80));
