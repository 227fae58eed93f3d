// OCR in a browser, document after document: the example page (examples/browser, built from
// src/) served on 127.0.0.1 in Debian's headless Chromium reads a one-page scan several times in
// one page, then two at once, then once more after releaseOcr(). The first read pays for starting
// tesseract.js (worker, wasm core, model); the reads after it use the kept engine. Times are the
// page's own (its status line), per read.
//
//   node bench/browser-ocr.mjs [reads]      # default 3; needs /usr/bin/chromium
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const CHROMIUM = "/usr/bin/chromium";
const root = fileURLToPath(new URL("../", import.meta.url));
const out = join(root, "bench/out/browser-ocr");
const reads = Number(process.argv[2] ?? 3);
if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is missing (apt-get install chromium): nothing measured.`);
  process.exit(1);
}

// The scan: the fixture's page rasterised at 200 dpi into an image-only PDF, as the tests make it.
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, "test/support/scan.ts")],
  outfile: join(out, "scan.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  logLevel: "warning",
});
const { scanPdf } = await import(join(out, "scan.mjs"));
const scanned = await scanPdf(new Uint8Array(readFileSync(join(root, "fixtures/fullmaktige-utdrag.pdf"))));
// A file of its own per read: choosing the same file again may not fire the input's change event.
const scans = Array.from({ length: reads + 3 }, (_, i) => {
  const file = join(out, `scan-${i + 1}.pdf`);
  writeFileSync(file, scanned);
  return file;
});
const { buildExample } = await import(join(root, "examples/browser/build.mjs"));
const page = join(out, "page");
await buildExample({ outDir: page, fromSource: true });

const server = createServer((request, response) => {
  const name = new URL(request.url ?? "/", "http://127.0.0.1").pathname.replace(/^\/+/, "") || "index.html";
  if (name.split("/").some((part) => part === ".." || part === "")) return void response.writeHead(404).end();
  let body;
  try {
    body = readFileSync(join(page, name));
  } catch {
    return void response.writeHead(404).end();
  }
  response.writeHead(200, { "content-type": name.endsWith(".html") ? "text/html" : "text/javascript" }).end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const { launch } = await import("puppeteer-core");
const browser = await launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${server.address().port}/index.html`);
  const input = await tab.waitForSelector("input#file");
  const read = async (...files) => {
    await input.uploadFile(...files);
    await tab.waitForSelector("#status[data-state]", { timeout: 300_000 });
    const status = await tab.$eval("#status", (el) => el.textContent);
    const ms = Number(/in (\d+) ms\.$/.exec(status)?.[1]);
    if (!Number.isFinite(ms) || !status.includes("read by OCR")) throw new Error(`not read by OCR: ${status}`);
    return ms;
  };
  const rows = [];
  for (let i = 0; i < reads; i++) rows.push([`scan ${i + 1}${i === 0 ? " (starts the engine)" : ""}`, await read(scans[i])]);
  rows.push(["2 scans at once (one engine)", await read(scans[reads], scans[reads + 1])]);
  await tab.click("#release-ocr");
  await tab.waitForSelector("#release-ocr[data-released]");
  rows.push(["scan after releaseOcr()", await read(scans[reads + 2])]);
  console.log("OCR in headless Chromium, one-page scan (fixtures/fullmaktige-utdrag.pdf at 200 dpi), per read:");
  for (const [what, ms] of rows) console.log(`  ${what.padEnd(34)} ${String(ms).padStart(6)} ms`);
} finally {
  await browser.close();
  server.close();
}
