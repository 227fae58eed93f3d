/**
 * A PDF page -> a grey image for tesseract. pdf.js draws into a canvas from the
 * document's own canvasFactory (in Node it loads @napi-rs/canvas itself; a
 * canvas made from a separately imported copy crashed Node), and the pixels
 * are written as a binary PGM, which Leptonica reads without a PNG encoder.
 */
import { OcrUnavailableError } from "../errors.js";

/** Enough for 8-point text; more costs time without reading better. */
export const OCR_DPI = 200;
const POINTS_PER_INCH = 72;

/** The slice of a pdf.js page this module uses. */
export interface RenderablePage {
  getViewport(params: { scale: number }): { width: number; height: number };
  render(params: { canvasContext: unknown; canvas: unknown; viewport: unknown }): { promise: Promise<unknown> };
}

export interface CanvasFactory {
  create(width: number, height: number): { canvas: unknown; context: unknown };
  destroy(canvasAndContext: { canvas: unknown; context: unknown }): void;
}

interface Context2d {
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}

export interface PageImage {
  pgm: Uint8Array;
  /** Pixels per PDF point. */
  scale: number;
}

export async function renderPage(page: RenderablePage, canvasFactory: CanvasFactory | undefined, dpi = OCR_DPI): Promise<PageImage> {
  const scale = dpi / POINTS_PER_INCH;
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  if (!canvasFactory) throw new OcrUnavailableError("pdf.js has no canvas to draw the page in.");
  let target: { canvas: unknown; context: unknown };
  try {
    target = canvasFactory.create(width, height);
  } catch (error) {
    throw new OcrUnavailableError("pdf.js could not make a canvas (@napi-rs/canvas is missing or does not load on this platform).", error);
  }
  try {
    await page.render({ canvasContext: target.context, canvas: target.canvas, viewport }).promise;
    const rgba = (target.context as Context2d).getImageData(0, 0, width, height).data;
    return { pgm: greyPgm(rgba, width, height), scale };
  } finally {
    canvasFactory.destroy(target);
  }
}

/** RGBA -> 8-bit grey (ITU-R 601 luma), specks removed, as a binary PGM ("P5"). */
export function greyPgm(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  const grey = out.subarray(header.length);
  for (let i = 0, j = 0; j < grey.length; i += 4, j++) {
    grey[j] = ((rgba[i] ?? 255) * 77 + (rgba[i + 1] ?? 255) * 150 + (rgba[i + 2] ?? 255) * 29) >> 8;
  }
  despeckle(grey, width, height);
  return out;
}

const INK = 128;

/**
 * A dark pixel with no dark neighbour is scanner dust, not ink: at 200 dpi the
 * thinnest stroke is two pixels wide. Left in, tesseract reads specks as
 * punctuation ("|", ":", "«") and splits words around them. One pass, in place.
 */
export function despeckle(grey: Uint8Array, width: number, height: number): void {
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, p = y * width + 1; x < width - 1; x++, p++) {
      if ((grey[p] as number) >= INK) continue;
      if (
        (grey[p - width - 1] as number) >= INK && (grey[p - width] as number) >= INK && (grey[p - width + 1] as number) >= INK &&
        (grey[p - 1] as number) >= INK && (grey[p + 1] as number) >= INK &&
        (grey[p + width - 1] as number) >= INK && (grey[p + width] as number) >= INK && (grey[p + width + 1] as number) >= INK
      ) {
        grey[p] = 255;
      }
    }
  }
}
