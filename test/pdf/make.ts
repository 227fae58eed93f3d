/** Small PDFs made inside the tests, for the cases the dev set does not cover. */
import { PDFDocument, PDFName, StandardFonts, rgb } from "pdf-lib";

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

/**
 * A one-page protokoll set partly in two columns: members on the left and serving
 * substitutes on the right of the front page, and a description in two columns of
 * body text, with single-column lines above, between and below.
 */
export async function twoColumnPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([595, 842]);
  let y = 780;
  const put = (text: string, x = 70, options: { bold?: boolean; size?: number } = {}) =>
    page.drawText(text, { x, y, size: options.size ?? 11, font: options.bold ? bold : regular });
  const next = (lines = 1) => (y -= 14 * lines);
  put("Protokoll", 70, { bold: true, size: 16 });
  next(1.6);
  put("Kommunstyrelsen");
  next();
  put("Sammanträdesdatum: 2025-03-10");
  next(2);
  put("Plats och tid: Kommunhuset kl. 09.00–11.30");
  next(2);
  put("Beslutande ledamöter", 70, { bold: true });
  put("Tjänstgörande ersättare", 310, { bold: true });
  next();
  const members = ["Anna Berg (S), ordförande", "Bo Ek (M), vice ordförande", "Cecilia Holm (S)", "David Lind (SD)", "Eva Ström (C)", "Fredrik Ås (V)"];
  const substitutes = ["Gun Nilsson (S) för Hans Ek (S)", "Ingrid Sjö (M) för Jan Berg (M)", "Karl Holm (L) för Lena Ek (L)"];
  members.forEach((member, i) => {
    put(member, 70);
    if (substitutes[i]) put(substitutes[i]!, 310);
    next();
  });
  next();
  put("Justerare: Bo Ek");
  next(2);
  put("§ 1 Budget 2026", 70, { bold: true, size: 13 });
  next(1.5);
  put("Ärendebeskrivning", 70, { bold: true });
  next();
  for (const [left, right] of TWO_COLUMN_PROSE) {
    put(left, 70);
    put(right, 310);
    next();
  }
  next();
  put("Beslut", 70, { bold: true });
  next();
  put("Kommunstyrelsen godkänner förslaget till budget för 2026.");
  return doc.save();
}

/** The two columns of {@link twoColumnPdf}'s description, line by line. */
export const TWO_COLUMN_PROSE: [string, string][] = [
  ["Kommunstyrelsen har tagit fram ett", "Ekonomiavdelningen bedömer att"],
  ["förslag till budget för 2026 som", "resultatet blir två procent av"],
  ["bygger på de ekonomiska ramar", "skatteintäkterna, vilket uppfyller"],
  ["som fullmäktige beslutade om i", "det finansiella målet. Investeringar"],
  ["juni. Förslaget innebär att", "om 120 miljoner kronor ryms inom"],
  ["nämnderna får oförändrade ramar.", "ramen för låneutrymmet."],
];

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

/**
 * A one-line PDF whose page starts with `saves` "q" operators (save graphics state)
 * that are never restored: pdf.js's text extraction spends time quadratic in them
 * without ever yielding (20 000 take some 40 s), the shape of the fuzz reproducer
 * content-stream-100k-q.pdf in under 1 kB.
 */
export async function stallingPdf(saves = 20_000): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText("§ 1 Val av justerare", { x: 70, y: 700, size: 11, font });
  const text = page.node.get(PDFName.of("Contents"))!;
  const stall = doc.context.register(doc.context.flateStream("q ".repeat(saves)));
  page.node.set(PDFName.of("Contents"), doc.context.obj([stall, text]));
  return doc.save();
}
