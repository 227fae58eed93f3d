/**
 * Which fixtures are committed under fixtures/: the hand-written sample that
 * the README's `npm start` parses, and one generated document per template
 * (fixed seeds, so `npm run fixtures` makes the same bytes again).
 */
import fc from "fast-check";
import type { DocumentRecord } from "../src/schema/index.js";
import { documentArb } from "./support/arbitraries.js";
import type { TemplateName } from "./support/render/index.js";
import { SAMPLE_DOCUMENT } from "./fixtures.sample.js";

export interface Fixture {
  name: string;
  template: TemplateName;
  document: () => DocumentRecord;
  /** How the record was made, for fixtures/README.md. */
  origin: string;
}

function generated(kind: DocumentRecord["kind"], seed: number): () => DocumentRecord {
  return () => fc.sample(documentArb({ kinds: [kind], maxItems: 4 }), { numRuns: 1, seed })[0]!;
}

export const FIXTURES: Fixture[] = [
  { name: "sample", template: "tabell", document: () => SAMPLE_DOCUMENT, origin: "hand-written record in test/fixtures.sample.ts" },
  { name: "tabell-protokoll", template: "tabell", document: generated("protokoll", 1001), origin: "documentArb, protokoll, seed 1001" },
  { name: "region-kallelse", template: "region", document: generated("kallelse", 1002), origin: "documentArb, kallelse, seed 1002" },
  { name: "storstad-protokoll", template: "storstad", document: generated("protokoll", 1003), origin: "documentArb, protokoll, seed 1003" },
  {
    name: "fullmaktige-utdrag",
    template: "fullmaktige",
    document: generated("protokollsutdrag", 1004),
    origin: "documentArb, protokollsutdrag, seed 1004",
  },
  { name: "finland-protokoll", template: "finland", document: generated("protokoll", 1005), origin: "documentArb, protokoll, seed 1005" },
];
