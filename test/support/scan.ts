/**
 * "Scans" for the OCR tests: a PDF's pages rasterised with pdf.js (into the
 * document's own canvas, @napi-rs/canvas in Node), optionally turned a little,
 * blurred and speckled the way a scanner leaves a page, and wrapped as images
 * in a new PDF that has no text layer at all.
 */
import { PDFDocument } from "pdf-lib";
import { loadPdfJs, safeDocumentParams } from "../../src/pdf/pdfjs.js";

export interface ScanDefects {
  /** Degrees, clockwise. */
  rotation?: number;
  /** Blur radius in pixels. */
  blur?: number;
  /** Share of pixels (0-1) flipped to a random grey. */
  noise?: number;
  /** Seed of the noise. */
  seed?: number;
  dpi?: number;
}

interface NapiCanvas {
  getContext(kind: "2d"): NapiContext;
  toBuffer(mime: "image/png"): Uint8Array;
}
interface NapiContext {
  fillStyle: string;
  filter: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  translate(x: number, y: number): void;
  rotate(angle: number): void;
  resetTransform(): void;
  drawImage(image: unknown, x: number, y: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  putImageData(data: unknown, x: number, y: number): void;
}

export async function scanPdf(bytes: Uint8Array, defects: ScanDefects = {}, pages?: number[]): Promise<Uint8Array> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument(await safeDocumentParams(pdfjs, bytes)).promise;
  const factory = doc.canvasFactory as unknown as {
    create(w: number, h: number): { canvas: NapiCanvas; context: NapiContext };
  };
  const out = await PDFDocument.create();
  const scale = (defects.dpi ?? 200) / 72;
  try {
    for (const number of pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1)) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale });
      const w = Math.ceil(viewport.width);
      const h = Math.ceil(viewport.height);
      const clean = factory.create(w, h);
      await page.render({ canvasContext: clean.context as never, canvas: clean.canvas as never, viewport }).promise;
      const scanned = factory.create(w, h);
      const ctx = scanned.context;
      ctx.fillStyle = "white";
      ctx.fillRect(0, 0, w, h);
      // Tenths of a pixel: Skia crashed the process on a denormal radius ("blur(1.5e-323px)").
      const blur = Math.round((defects.blur ?? 0) * 10) / 10;
      if (blur > 0) ctx.filter = `blur(${blur}px)`;
      ctx.translate(w / 2, h / 2);
      ctx.rotate(((defects.rotation ?? 0) * Math.PI) / 180);
      ctx.drawImage(clean.canvas, -w / 2, -h / 2);
      // @napi-rs/canvas applies the current transform to putImageData, which the standard does not.
      ctx.resetTransform();
      ctx.filter = "none";
      if (defects.noise) speckle(ctx, w, h, defects.noise, defects.seed ?? 1);
      const png = await out.embedPng(scanned.canvas.toBuffer("image/png"));
      const { width, height } = page.getViewport({ scale: 1 });
      out.addPage([width, height]).drawImage(png, { x: 0, y: 0, width, height });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return out.save();
}

function speckle(ctx: NapiContext, w: number, h: number, share: number, seed: number): void {
  const image = ctx.getImageData(0, 0, w, h);
  let state = seed >>> 0 || 1;
  const random = () => {
    // xorshift32: reproducible noise from the seed.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pixels = w * h;
  for (let n = Math.round(pixels * share); n > 0; n--) {
    const p = Math.floor(random() * pixels) * 4;
    const grey = Math.floor(random() * 256);
    image.data[p] = image.data[p + 1] = image.data[p + 2] = grey;
  }
  ctx.putImageData(image, 0, 0);
}
