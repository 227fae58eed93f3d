// The example page's script: chosen files in, their records out as JSON. Built into app.js by build.mjs.
import { parsePdf, parseText, isProtokollError, releaseOcr, setPdfWorker } from "protokoll";

// By default pdf.js runs in this page's thread, which works from file://. Served over http(s),
// ?worker=pdf.worker.min.mjs (copied beside this page by build.mjs) moves it to a Worker.
const workerUrl = new URLSearchParams(location.search).get("worker");
if (workerUrl) setPdfWorker(new URL(workerUrl, location.href));
// ?parse=worker: protokoll itself runs in a module Web Worker (worker.js, built beside this page).
const parseWorker = new URLSearchParams(location.search).get("parse") === "worker" ? inWorker(new URL("worker.js", location.href)) : null;

const input = document.getElementById("file");
const status = document.getElementById("status");
const record = document.getElementById("record");
const release = document.getElementById("release-ocr");

/** One file's record and its line in the status. */
async function read(file) {
  const doc = parseWorker
    ? await parseWorker(file)
    : /\.txt$/i.test(file.name)
      ? parseText(await file.text())
      : await parsePdf(await file.arrayBuffer());
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
    // From the worker the error comes as its code and message.
    status.textContent = isProtokollError(error) || error?.code ? `${error.code}: ${error.message}` : `Unexpected error: ${error}`;
    status.dataset.state = "failed";
  }
});

// The OCR engine stays up after the first scan (tens of MB); this gives that memory back.
release.addEventListener("click", async () => {
  await releaseOcr();
  release.dataset.released = String(Number(release.dataset.released ?? 0) + 1);
});

/** Parsing in a module worker: each file's bytes go there, its record (or typed error) comes back. */
function inWorker(url) {
  const worker = new Worker(url, { type: "module" });
  const waiting = new Map();
  let next = 0;
  worker.addEventListener("message", ({ data }) => {
    const { resolve, reject } = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.doc) resolve(data.doc);
    else reject(Object.assign(new Error(data.error.message), { code: data.error.code }));
  });
  return async (file) => {
    const bytes = await file.arrayBuffer();
    const id = next++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, name: file.name, bytes }, [bytes]);
    });
  };
}
