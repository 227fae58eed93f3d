/**
 * Text as users extract it: `pdftotext -layout` (poppler-utils, installed by
 * .ci/run) on a rendered PDF, so tables reach parseText with their columns set
 * in runs of spaces, as they do in real extracted text.
 */
import { execFileSync } from "node:child_process";

export function pdftotextLayout(pdf: Uint8Array): string {
  return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { input: pdf, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}
