/** Small PDFs made inside the tests, for the cases the dev set does not cover. */
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

/** One A4 page per entry; each entry is lines of text drawn top-down at the left margin in Helvetica 11. */
export async function textPdf(pages: string[][], options: { size?: number; leading?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const size = options.size ?? 11;
  const leading = options.leading ?? size * 1.25;
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    let y = 780;
    for (const line of lines) {
      // An empty entry is a blank line: a paragraph gap.
      if (line !== "") page.drawText(line, { x: 70, y, size, font });
      y -= leading;
    }
  }
  return doc.save();
}

export async function imageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawRectangle({ x: 50, y: 50, width: 300, height: 400, color: rgb(0.2, 0.2, 0.2) });
  return doc.save();
}

export async function noPagesPdf(): Promise<Uint8Array> {
  // pdf-lib adds a blank page to a document without pages unless told not to.
  return (await PDFDocument.create()).save({ addDefaultPage: false });
}

/**
 * A hand-written PDF with a Standard security handler whose user password is
 * not empty: pdf-lib cannot encrypt, and pdf.js only needs the /Encrypt
 * dictionary to ask for a password.
 */
export function encryptedPdf(): Uint8Array {
  const hex32 = "a1".repeat(32);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    `<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${hex32}> /P -4 >>`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  const id = "00112233445566778899aabbccddeeff";
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
