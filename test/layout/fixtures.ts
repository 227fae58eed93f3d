/** The shared dev PDFs and text seeds, read from `../shared` beside the repository (tests that read them skip where it is absent: HAS_SHARED). */
import { readFileSync } from "node:fs";
import { sharedPath } from "../support/shared.js";

export { HAS_SHARED } from "../support/shared.js";

export const DEV_PDFS = [
  "d01_bun_hedbacka_2025-02-13",
  "d02_tn_sjovalla_2025-10-09",
  "d03_ksau_hedbacka_kallelse_2025-04-08",
  "d04_kf_sjovalla_utdrag_2025-04-28",
] as const;

export const SEEDS = ["000_c40777f3368a5914", "004_d5ea8ae1bc9bacf2", "goteborg_ks_2024-03-20_paragrafer"] as const;

export function devPdf(name: string): Uint8Array {
  return new Uint8Array(readFileSync(sharedPath("eval/dev", `${name}.pdf`)));
}

export function seedText(name: string): string {
  return readFileSync(sharedPath("seeds", `${name}.txt`), "utf8");
}
