// The example page's script: a chosen file in, its record out as JSON. Built into app.js by build.mjs.
import { parsePdf, parseText, isProtokollError, setPdfWorker } from "protokoll";

// By default pdf.js runs in this page's thread, which works from file://. Served over http(s),
// ?worker=pdf.worker.min.mjs (copied beside this page by build.mjs) moves it to a Worker.
const workerUrl = new URLSearchParams(location.search).get("worker");
if (workerUrl) setPdfWorker(new URL(workerUrl, location.href));

const input = document.getElementById("file");
const status = document.getElementById("status");
const record = document.getElementById("record");

input.addEventListener("change", async () => {
  const file = input.files?.[0];
  if (!file) return;
  status.className = "";
  status.textContent = `Reading ${file.name} …`;
  record.textContent = "";
  const started = performance.now();
  try {
    const doc = /\.txt$/i.test(file.name) ? parseText(await file.text()) : await parsePdf(await file.arrayBuffer());
    record.textContent = JSON.stringify(doc, null, 2);
    const ms = Math.round(performance.now() - started);
    // Scans and garbled text layers are read by OCR (tesseract.js, from the files build.mjs put in ocr/).
    const ocrPages = doc.diagnostics.filter((d) => d.code === "OCR_PAGE").length;
    const ocr = doc.source.textSource === "ocr" ? `, ${ocrPages} page(s) read by OCR` : "";
    status.textContent = `${file.name}: ${doc.kind}, ${doc.items.length} item(s)${ocr}, ${doc.diagnostics.length} diagnostic(s), ${doc.parseStatus}, in ${ms} ms.`;
    status.dataset.textSource = doc.source.textSource;
    status.dataset.state = "done";
  } catch (error) {
    status.className = "error";
    status.textContent = isProtokollError(error) ? `${error.code}: ${error.message}` : `Unexpected error: ${error}`;
    status.dataset.state = "failed";
  }
});
