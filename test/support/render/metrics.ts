/**
 * Font metrics of the PDF standard fonts, so that the text renderer breaks
 * lines exactly where the PDF renderer does: both outputs share one layout.
 */
import { StandardFontEmbedder, StandardFonts } from "pdf-lib";

export type Face = "regular" | "bold" | "italic";

export const FONT_NAMES: Record<Face, StandardFonts> = {
  regular: StandardFonts.Helvetica,
  bold: StandardFonts.HelveticaBold,
  italic: StandardFonts.HelveticaOblique,
};

const embedders = new Map<Face, StandardFontEmbedder>();

function embedder(face: Face): StandardFontEmbedder {
  let found = embedders.get(face);
  if (!found) {
    found = StandardFontEmbedder.for(FONT_NAMES[face] as never);
    embedders.set(face, found);
  }
  return found;
}

export function textWidth(text: string, face: Face, size: number): number {
  return embedder(face).widthOfTextAtSize(text, size);
}
