/**
 * The Funktion / Roll column of an attendance table, as Meetings+ and Netpublicator
 * närvarolistor print it ("Namn | Funktion | Paragraf"): "Ordförande", "Ledamot",
 * "Tjänstgörande ersättare", "Ersättare", "Sekreterare", a job title. The cell says
 * the person's group, and may carry a role, a title or whom a substitute serves for.
 */
import { vocabulary, type LineToken } from "../../grammars/index.js";
import type { Line } from "../layout/types.js";
import type { ParticipantGroup, Role } from "../schema/index.js";
import type { DocumentOutline } from "./outline.js";
import { extractRoles } from "./people.js";

const { ATTENDANCE_FUNCTIONS, ATTENDANCE_TITLE, JOB_TITLE, PERSON_NAME, TextLine } = vocabulary;

export interface AttendanceFunction {
  group: ParticipantGroup;
  roles: Role[];
  title: string | null;
  replaces: string | null;
}

const TITLE_ONLY = new RegExp(String.raw`^${JOB_TITLE}$`, "iu");
/** "Tjänstgörande ersättare för Eva Sund (V)": the name after "för", without a party. */
const SERVES_FOR = new RegExp(String.raw`\bför\s+(?<name>${PERSON_NAME})(?:\s*\([^()]*\))?$`, "u");

/** What a function cell says; null when its words are none the vocabulary knows. */
export function readFunction(cell: string): AttendanceFunction | null {
  const text = cell.replace(/\s+/g, " ").trim().replace(/[,;]$/u, "");
  const group = ATTENDANCE_FUNCTIONS.find(([pattern]) => pattern.test(text))?.[1];
  if (!group) return null;
  const { roles } = extractRoles(text);
  // A job title in a column of its own, as printed ("Förvaltningschef"); "Sekreterare" is a role, no title.
  const title = group === "other" && roles.length === 0 && TITLE_ONLY.test(text) ? text : null;
  const replaces = group === "servingSubstitute" ? (SERVES_FOR.exec(text)?.groups?.name ?? null) : null;
  return { group, roles, title, replaces };
}

/**
 * An attendance table printed after the last § (a Meetings+ protokoll ends with its
 * "Närvarolista"): its rows, and the title over it, leave the last item's text and join
 * the front matter, which reads them by column. A table counts as attendance only where it
 * names people and says who was there, or at which §§ (a table of those elected in the last
 * § names people but has no such column), and never where it holds votes.
 */
export function moveAttendanceAfterItems(tree: DocumentOutline, lines: readonly Line[]): void {
  const last = tree.items[tree.items.length - 1];
  if (!last) return;
  const moved: LineToken[] = [];
  const keep = (tokens: LineToken[]): LineToken[] =>
    tokens.filter((token, i) => {
      const line = lines[token.payload.line]!;
      const next = tokens[i + 1];
      const titles = token.tokenType === TextLine && ATTENDANCE_TITLE.test(line.text.trim()) && next !== undefined && isAttendanceRow(lines[next.payload.line]!);
      if (!titles && !isAttendanceRow(line)) return true;
      moved.push(token);
      return false;
    });
  const loose = keep(last.parts.flatMap((part) => ("line" in part ? [part.line] : [])));
  last.parts = last.parts.filter((part) => !("line" in part) || loose.includes(part.line));
  for (const part of last.parts) if ("section" in part) part.section.lines = keep(part.section.lines);
  tree.preamble.push(...moved.sort((a, b) => a.startOffset - b.startOffset));
}

function isAttendanceRow(line: Line): boolean {
  const columns = line.table?.columns;
  if (!columns) return false;
  const people = columns.some((c) => c === "member" || c === "substitute" || c === "name");
  const presence = columns.some((c) => c === "present" || c === "absent" || c === "paragraphs");
  const votes = columns.some((c) => c === "yes" || c === "no" || c === "abstain" || c === "vote");
  return people && presence && !votes;
}
