// The example page's script: chosen files in, their records out as JSON. Built into app.js by build.mjs.
import { parsePdf, parseText, isProtokollError, releaseOcr, setPdfWorker } from "protokoll";

// By default pdf.js runs in this page's thread, which works from file://. Served over http(s),
// ?worker=pdf.worker.min.mjs (copied beside this page by build.mjs) moves it to a Worker.
const workerUrl = new URLSearchParams(location.search).get("worker");
if (workerUrl) setPdfWorker(new URL(workerUrl, location.href));

const input = document.getElementById("file");
const status = document.getElementById("status");
const record = document.getElementById("record");
const release = document.getElementById("release-ocr");

/** One file's record and its line in the status. */
async function read(file) {
  const doc = /\.txt$/i.test(file.name) ? parseText(await file.text()) : await parsePdf(await file.arrayBuffer());
  // Scans and garbled text layers are read by OCR (tesseract.js, from the files build.mjs put in ocr/).
  const ocrPages = doc.diagnostics.filter((d) => d.code === "OCR_PAGE").length;
  const ocr = doc.source.textSource === "ocr" ? `, ${ocrPages} page(s) read by OCR` : "";
  return { doc, line: `${file.name}: ${doc.kind}, ${doc.items.length} item(s)${ocr}, ${doc.diagnostics.length} diagnostic(s), ${doc.parseStatus}` };
}

input.addEventListener("change", async () => {
  const files = [...(input.files ?? [])];
  if (files.length === 0) return;
  status.className = "";
  delete status.dataset.state;
  status.textContent = `Reading ${files.map((f) => f.name).join(", ")} …`;
  record.textContent = "";
  const started = performance.now();
  try {
    // Several files are read at once; scans among them share one OCR engine, kept for the next files too.
    const results = await Promise.all(files.map(read));
    const docs = results.map((r) => r.doc);
    record.textContent = JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2);
    const ms = Math.round(performance.now() - started);
    status.textContent = `${results.map((r) => r.line).join("; ")}, in ${ms} ms.`;
    status.dataset.textSource = docs.map((d) => d.source.textSource).join(" ");
    status.dataset.state = "done";
  } catch (error) {
    status.className = "error";
    status.textContent = isProtokollError(error) ? `${error.code}: ${error.message}` : `Unexpected error: ${error}`;
    status.dataset.state = "failed";
  }
});

// The OCR engine stays up after the first scan (tens of MB); this gives that memory back.
release.addEventListener("click", async () => {
  await releaseOcr();
  release.dataset.released = String(Number(release.dataset.released ?? 0) + 1);
});
