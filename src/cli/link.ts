/**
 * `protokoll link`: parsed documents -> links.csv (each kallelse item and the §
 * that handled it at the same meeting) and cases.csv (every item by
 * diarienummer, in date order), with a schema.sql of fixed column types like
 * `export`'s. The pairing itself is the library's `linkDocuments`.
 */
import { join, resolve } from "node:path";
import { linkDocuments } from "../link/index.js";
import { EXIT_FAILURES, EXIT_OK } from "./errors.js";
import { loadDocuments, schemaSql, writeCsv, type Cell, type ExportIo, type ExportOptions, type Table } from "./export.js";
import { prepareFolder, writeAtomic } from "./files.js";

const V = "VARCHAR";
const I = "INTEGER";
const side = (prefix: string) =>
  [[`${prefix}_document_id`, V], [`${prefix}_item`, I], [`${prefix}_paragraph`, I], [`${prefix}_number`, I], [`${prefix}_title`, V]] as const;

/** The tables, their columns and types: the CSV headers and schema.sql follow this one definition. */
export const LINK_TABLES = {
  links: [["body", V], ["date", "DATE"], ...side("kallelse"), ...side("protokoll"), ["score", "DOUBLE"], ["evidence", V]],
  cases: [["case_number", V], ["entry", I], ["document_id", V], ["kind", V], ["body", V], ["date", "DATE"], ["item", I], ["paragraph", I], ["number", I], ["title", V], ["outcome", V]],
} as const satisfies Record<string, Table["columns"]>;

/** Run `protokoll link`; returns the exit code. */
export async function runLink(options: ExportOptions, io: ExportIo): Promise<number> {
  const dir = resolve(io.cwd, options.csvDir);
  await prepareFolder(dir, "--csv");
  const { loaded, problems } = await loadDocuments(options.sources, io.cwd);
  // The id export gives a document, so links.csv and cases.csv join its tables on document_id.
  const ids = loaded.map(({ doc, file, inputSha256 }) => doc.source.sha256 ?? inputSha256 ?? file);
  const { links, cases } = linkDocuments(loaded.map((l) => l.doc));

  const linkRows: Cell[][] = links.map((l) => [
    l.body, l.date,
    ids[l.kallelse.document]!, l.kallelse.item, l.kallelse.paragraph, l.kallelse.number, l.kallelse.title,
    ids[l.protokoll.document]!, l.protokoll.item, l.protokoll.paragraph, l.protokoll.number, l.protokoll.title,
    l.score, l.evidence.join("; "),
  ]);
  const caseRows: Cell[][] = cases.flatMap((c) =>
    c.entries.map((e, i): Cell[] => [c.caseNumber, i + 1, ids[e.document]!, e.kind, e.body, e.date, e.item, e.paragraph, e.number, e.title, e.outcome]),
  );
  await writeCsv(join(dir, "links.csv"), { name: "links", columns: LINK_TABLES.links, rows: linkRows });
  await writeCsv(join(dir, "cases.csv"), { name: "cases", columns: LINK_TABLES.cases, rows: caseRows });
  await writeAtomic(join(dir, "link-schema.sql"), schemaSql(io.version, LINK_TABLES, "protokoll link"));

  for (const p of problems) io.stderr.write(`protokoll link: ${p.where}: ${p.message}\n`);
  io.stderr.write(
    `protokoll link: ${loaded.length} documents; ${links.length} links, ${cases.length} cases; ${problems.length} unreadable; written to ${options.csvDir}\n`,
  );
  return problems.length > 0 ? EXIT_FAILURES : EXIT_OK;
}
