/**
 * Inputs for the CLI tests: rendered PDFs and a text from the repository's
 * fixtures/ are the good ones (so the CLI tests run on a clone without
 * ../shared); the bad ones are made here, byte by byte, so no tool outside Node
 * is needed.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const FIXTURES = fileURLToPath(new URL("../../fixtures/", import.meta.url));
/** Rendered PDFs of four templates and kinds, each parsed complete. */
export const GOOD_PDFS = ["finland-protokoll", "fullmaktige-utdrag", "region-kallelse", "storstad-protokoll"].map((name) => join(FIXTURES, `${name}.pdf`));
/** A protokoll of three pages as pdftotext prints it (form feeds between pages), parsed complete. */
export const GOOD_TXT = join(FIXTURES, "storstad-protokoll.txt");
/** The same protokoll as a PDF, three pages. */
export const GOOD_PDF = join(FIXTURES, "storstad-protokoll.pdf");

/** Lay out inputs in `dir`; returns the good ones' paths below `dir` without extension, and the expected code of each bad one by base name. */
export function writeInputs(dir: string): { good: string[]; bad: Record<string, string> } {
  mkdirSync(join(dir, "nested"), { recursive: true });
  const pdfs = GOOD_PDFS.map((path) => path.slice(FIXTURES.length));
  for (const pdf of pdfs) copyFileSync(join(FIXTURES, pdf), join(dir, pdf));
  copyFileSync(GOOD_TXT, join(dir, "nested", "protokoll.txt"));
  writeFileSync(join(dir, "corrupt.pdf"), corruptPdf());
  writeFileSync(join(dir, "encrypted.pdf"), encryptedPdf());
  writeFileSync(join(dir, "nested", "empty.pdf"), "");
  // Not an input: folders yield *.pdf and *.txt only.
  writeFileSync(join(dir, "notes.md"), "# not a document\n");
  return {
    good: [...pdfs.map((f) => f.replace(/\.pdf$/, "")), "nested/protokoll"],
    bad: { corrupt: "CORRUPT_PDF", encrypted: "ENCRYPTED_PDF", empty: "EMPTY_DOCUMENT" },
  };
}

/** A PDF header followed by bytes that hold no object at all. */
function corruptPdf(): Buffer {
  const noise = Buffer.alloc(2048);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 73 + 41) % 251;
  return Buffer.concat([Buffer.from("%PDF-1.7\n"), noise, Buffer.from("\n%%EOF\n")]);
}

/**
 * A one-page PDF behind the standard security handler (RC4, R2) whose /O and /U
 * match no password, not even the empty one: readers must ask for a password.
 */
function encryptedPdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    "<< /Length 0 >>\nstream\n\nendstream",
    `<< /Filter /Standard /V 1 /R 2 /O <${"a5".repeat(32)}> /U <${"3c".repeat(32)}> /P -44 >>`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  const id = "0123456789abcdef0123456789abcdef";
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${id}> <${id}>] >>\n`;
  pdf += `startxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}
