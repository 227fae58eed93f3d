/**
 * The readable golden form of a layout: one line per Line, then the furniture.
 * The grammar's authors read these files, so the text column is exact and
 * everything else stands around it.
 */
import type { LayoutResult, Line } from "../../src/layout/index.js";

const LEGEND = [
  "# page | indent | flags | text  [notes]",
  "# flags: B bold, I italic, L label row, C continues a label, ¶ break before, ~ joins next line",
  "# notes: label=… (where the label ends), of=… (the label continued), cells=… (column cells)",
];

export function formatLayout(name: string, layout: LayoutResult): string {
  const out = [`# ${name}: ${layout.pages} page(s), ${layout.lines.length} lines, ${layout.furniture.length} furniture`, ...LEGEND];
  for (const line of layout.lines) out.push(formatLine(line));
  out.push("", "# furniture: page | text");
  for (const f of layout.furniture) out.push(`p${f.page} | ${f.text}`);
  if (layout.diagnostics.length > 0) {
    out.push("", "# diagnostics");
    for (const d of layout.diagnostics) out.push(`${d.severity} ${d.code} p${d.page ?? "-"}: ${d.message}`);
  }
  return out.join("\n") + "\n";
}

function formatLine(line: Line): string {
  const flags =
    (line.bold ? "B" : "") +
    (line.italic ? "I" : "") +
    (line.label !== null ? "L" : "") +
    (line.continuesLabel !== null ? "C" : "") +
    (line.breakBefore ? "¶" : "") +
    (line.joinsNext ? "~" : "");
  const notes: string[] = [];
  if (line.label !== null) notes.push(`label=${JSON.stringify(line.label)}`);
  if (line.continuesLabel !== null) notes.push(`of=${JSON.stringify(line.continuesLabel)}`);
  if (line.cells) notes.push(`cells=${line.cells.map((c) => JSON.stringify(c)).join(" | ")}`);
  const indent = String(Math.round(line.indent)).padStart(4);
  return `p${line.page} ${indent} ${flags.padEnd(4)} | ${line.text}${notes.length > 0 ? "   [" + notes.join("; ") + "]" : ""}`;
}
