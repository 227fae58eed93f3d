// The example's module Web Worker: protokoll imported here, off the page's thread, reads the
// files the page posts and posts back each record (or the typed error). Built into worker.js
// by build.mjs; the page uses it with ?parse=worker (served over http: module workers are
// refused on file:// pages). OCR works here too: no DOM, so pages are drawn into an OffscreenCanvas,
// and tesseract.js's own worker starts from inside this one, kept for the next files.
import { parsePdf, parseText, isProtokollError } from "protokoll";

self.addEventListener("message", async ({ data: { id, name, bytes } }) => {
  try {
    const doc = /\.txt$/i.test(name) ? parseText(new TextDecoder().decode(bytes)) : await parsePdf(new Uint8Array(bytes));
    self.postMessage({ id, doc });
  } catch (error) {
    self.postMessage({ id, error: isProtokollError(error) ? { code: error.code, message: error.message } : { code: null, message: String(error) } });
  }
});
