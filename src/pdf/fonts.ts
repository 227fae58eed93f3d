/**
 * Bold and italic from a font's PostScript name. PDFs rarely say "bold" any
 * other way that pdf.js passes on: the weight is part of the embedded font's
 * name ("ABCDEF+Calibri-Bold", "Arial,BoldItalic", "Carlito-BoldItalic").
 */

export interface FontStyle {
  name: string;
  bold: boolean;
  italic: boolean;
}

// Weights from semibold up count as bold; "Medium" and "Book" do not.
const BOLD = /bold|black|heavy|semibold|demibold|demi\b|extrabold|ultrabold|[-,]sb$|_bd\b/i;
const ITALIC = /italic|oblique|[-,]it$|[-,]ital/i;

export function fontStyle(name: string): FontStyle {
  // The subset tag ("ABCDEF+") is noise; the style is in what follows.
  const base = name.replace(/^[A-Z]{6}\+/, "");
  return { name, bold: BOLD.test(base), italic: ITALIC.test(base) };
}
