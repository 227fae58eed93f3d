/**
 * Loading pdf.js without any set-up by the user. The legacy build runs in Node
 * and in browsers; it is imported lazily so that the main entry loads fast and
 * so that the CommonJS bundle can still reach the ESM-only package. No worker
 * is configured: in Node pdf.js then runs its "fake worker" in this thread.
 */
import type * as PdfJs from "pdfjs-dist/legacy/build/pdf.mjs";

export type PdfJsModule = typeof PdfJs;

let pdfjsPromise: Promise<PdfJsModule> | null = null;

export function loadPdfJs(): Promise<PdfJsModule> {
  pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs").catch((error: unknown) => {
    pdfjsPromise = null;
    throw error;
  });
  return pdfjsPromise;
}

interface AssetUrls {
  standardFontDataUrl?: string;
  cMapUrl?: string;
  wasmUrl?: string;
  iccUrl?: string;
}

let assetsPromise: Promise<AssetUrls> | null = null;

/**
 * Where the installed pdfjs-dist keeps its font, CMap and wasm data. Without
 * them pdf.js cannot decode text in the 14 standard fonts or CJK encodings.
 * Only Node has a file system to point into; in a browser the bundler (or
 * the caller) decides, so nothing is set and pdf.js uses its own defaults.
 */
function pdfJsAssets(): Promise<AssetUrls> {
  assetsPromise ??= resolveNodeAssets().catch(() => ({}));
  return assetsPromise;
}

async function resolveNodeAssets(): Promise<AssetUrls> {
  if (typeof process === "undefined" || !process.versions?.node) return {};
  const { createRequire } = await nodeBuiltin<typeof import("node:module")>("node:module");
  const { dirname, join } = await nodeBuiltin<typeof import("node:path")>("node:path");
  const require = createRequire(moduleLocation());
  const root = dirname(require.resolve("pdfjs-dist/package.json"));
  // pdf.js's Node data factories read these with fs.readFile: plain paths, trailing separator required.
  const dir = (name: string): string => join(root, name) + "/";
  return { standardFontDataUrl: dir("standard_fonts"), cMapUrl: dir("cmaps"), wasmUrl: dir("wasm"), iccUrl: dir("iccs") };
}

/**
 * A Node built-in, imported only when the code runs in Node. The specifier is not a
 * literal, and the comments tell webpack and Vite to leave it alone, so that a browser
 * bundle of this entry does not try (and fail) to resolve "node:" modules.
 */
export function nodeBuiltin<T>(specifier: string): Promise<T> {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ specifier) as Promise<T>;
}

/** This module's own location, in the ESM build (import.meta.url) and in the CommonJS build (__filename). */
export function moduleLocation(): string {
  const url = import.meta.url as string | undefined;
  if (typeof url === "string" && url.length > 0) return url;
  if (typeof __filename === "string") return __filename;
  return process.cwd() + "/";
}

/**
 * The getDocument parameters every pdf.js load in this project uses: the
 * installed fonts and CMaps, and the settings that untrusted PDFs call for.
 */
export async function safeDocumentParams(pdfjs: PdfJsModule, bytes: Uint8Array) {
  return {
    data: bytes.slice(),
    ...(await pdfJsAssets()),
    // Font programs can carry code; never let pdf.js compile it (CVE-2024-4367).
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  };
}
