/**
 * Renderer families for `npm run eval`: a fixed sample of documents per
 * template, rendered as PDFs with the record each should parse back to (the
 * gold). A family draws the kinds that show its feature (an agenda table is a
 * kallelse's, an omröstningslista needs ballots); the sample is seeded, so the
 * figures move only when the parser (or the renderer) does.
 */
import fc from "fast-check";
import type { DocumentRecord as Document } from "../../src/schema/index.js";
import { documentArb, type DocumentConstraints } from "./arbitraries.js";
import { renderPdf, TEMPLATE_NAMES, type TemplateName } from "./render/index.js";

export interface Family {
  template: TemplateName;
  constraints: DocumentConstraints;
  /** Keep only documents that show the family's feature. */
  shows?: (doc: Document) => boolean;
}

const withBallots = (doc: Document) => doc.items.some((item) => (item.vote?.ballots.length ?? 0) > 0);

/** Families beyond "every template, every kind"; other templates are scored on all kinds. */
const FEATURED: Partial<Record<TemplateName, Omit<Family, "template">>> = {
  dagordningstabell: { constraints: { kinds: ["kallelse"], maxItems: 30 } },
  narvarolista: { constraints: { kinds: ["protokoll"] } },
  omrostningslista: { constraints: { kinds: ["protokoll"] }, shows: withBallots },
  sidorubriker: { constraints: { kinds: ["protokoll", "protokollsutdrag"] } },
};

export const FAMILIES: Family[] = TEMPLATE_NAMES.map((template) => ({ template, constraints: { maxItems: 4 }, ...FEATURED[template] }));

export interface RenderedCase {
  name: string;
  pdf: Uint8Array;
  gold: Document;
}

export async function renderFamily(family: Family, count: number, seed = 20261203): Promise<RenderedCase[]> {
  const arb = family.shows ? documentArb(family.constraints).filter(family.shows) : documentArb(family.constraints);
  const docs = fc.sample(arb, { numRuns: count, seed });
  return Promise.all(
    docs.map(async (doc, i) => {
      const { pdf, expected } = await renderPdf(doc, family.template);
      return { name: `${family.template}_${String(i).padStart(2, "0")}`, pdf, gold: expected };
    }),
  );
}
