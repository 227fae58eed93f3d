/**
 * The two outputs of one layout: text as pdftotext prints it (cells of a row
 * on one line, a blank line at paragraph gaps, a form feed after every page),
 * and a PDF drawn with the standard fonts.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { FONT_NAMES, textWidth, type Face } from "./metrics.js";
import { PAGE, type Page, type PlacedLine, type Run } from "./flow.js";

/** Fixed metadata: the committed fixtures are compared byte for byte. */
const FIXED_DATE = new Date("2025-01-01T00:00:00Z");

function left(run: Run): number {
  return run.align === "right" ? run.x - textWidth(run.text, run.face, run.size) : run.x;
}

function lineText(line: PlacedLine): string {
  return [...line.runs]
    .sort((a, b) => left(a) - left(b))
    .map((r) => r.text)
    .join(" ");
}

/** Lines of one page in reading order: top to bottom, furniture where it stands. */
function readingOrder(page: Page): PlacedLine[] {
  return [...page.furniture, ...page.lines].sort((a, b) => b.y - a.y);
}

export function toText(pages: Page[]): string {
  return pages
    .map((page) =>
      readingOrder(page)
        .map((line) => (line.gapBefore ? `\n${lineText(line)}` : lineText(line)))
        .join("\n"),
    )
    .map((page) => `${page}\n\f`)
    .join("");
}

export async function toPdf(pages: Page[], title: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(title);
  pdf.setProducer("protokoll test renderer");
  pdf.setCreator("protokoll test renderer");
  pdf.setCreationDate(FIXED_DATE);
  pdf.setModificationDate(FIXED_DATE);
  const fonts = {} as Record<Face, PDFFont>;
  for (const face of Object.keys(FONT_NAMES) as Face[]) fonts[face] = await pdf.embedFont(FONT_NAMES[face]);
  for (const page of pages) drawPage(pdf.addPage([PAGE.width, PAGE.height]), page, fonts);
  return pdf.save({ useObjectStreams: false });
}

function drawPage(target: PDFPage, page: Page, fonts: Record<Face, PDFFont>): void {
  for (const box of page.boxes) {
    target.drawRectangle({ ...box, borderColor: rgb(0.3, 0.3, 0.3), borderWidth: 0.6 });
  }
  for (const line of readingOrder(page)) {
    for (const run of line.runs) {
      target.drawText(run.text, { x: left(run), y: line.y, size: run.size, font: fonts[run.face] });
    }
  }
}
