/**
 * The front page and the signature block: document kind, organisation, organ
 * (body), meeting date, time and place, the attendance lists, justerare
 * (adjusters: the members who check and sign the minutes) and the §§ the
 * protokoll covers.
 */
import type { Line } from "../layout/types.js";
import type { Diagnostic, DocumentKind, Participant, ParticipantGroup, Role } from "../schema/index.js";
import type { FrontLabelTokenType } from "../../grammars/vocabulary.js";
import { vocabulary, type LineToken } from "../../grammars/index.js";
import { CAPTION_ROW, nameCase, PARAGRAPH_RANGES, PARAGRAPHS_AT_END, withoutSigningLines } from "../../grammars/classify.js";
import { diagnostic } from "./diagnostics.js";
import { findDate, findTimes } from "./dates.js";
import { readFunction, type AttendanceFunction } from "./attendance.js";
import { endsBeforeReplacedName, expandParagraphs, parseAttendee, splitAttendeeLine, type AttendeeEntry } from "./people.js";
import type { ClosingOutline } from "./outline.js";
import { stripEnds } from "./text.js";
import { words } from "./words.js";

const { AGENDA_TITLE, PAGE_COLUMN_HEADER, CHECKBOX, CHECKBOX_COLUMNS, ContentsLine, FrontLabel, KindHeading, ORGAN_ROOTS, SIGNING_RECORD, TableHeader } = vocabulary;

export interface FrontMatter {
  kind: DocumentKind | null;
  organisation: string | null;
  body: string | null;
  meeting: { date: string | null; startTime: string | null; endTime: string | null; place: string | null };
  participants: Participant[];
  adjusters: string[];
  paragraphsCovered: number[];
  diagnostics: Diagnostic[];
}

/** A label and the lines that carry its value. */
interface LabelBlock {
  label: FrontLabelTokenType;
  /** The label as printed ("Justeringens plats och tid"). */
  printed?: string;
  values: Array<{ text: string; line: Line }>;
}

const GROUP_OF_FIELD: Partial<Record<string, ParticipantGroup>> = {
  members: "member",
  servingSubstitutes: "servingSubstitute",
  substitutes: "substitute",
  others: "other",
};
const ROLE_OF_FIELD: Partial<Record<string, { role: Role; group: ParticipantGroup }>> = {
  chair: { role: "chair", group: "member" },
  secretary: { role: "secretary", group: "other" },
  adjuster: { role: "adjuster", group: "member" },
  adjustersAppointed: { role: "adjuster", group: "member" },
  presenter: { role: "presenter", group: "other" },
};

const ORGAN = new RegExp(String.raw`(?:${ORGAN_ROOTS.join("|")})`, "iu");
/**
 * "Region Jämtland Härjedalen", "Hedbacka kommun", "Göteborgs Stad", "Sjövalla kommuns". Words of
 * at most 61 characters: unbounded, a search starts at every capital of "KS-KS-KS-…" and runs to
 * the word's end each time, which is quadratic in the word's length.
 */
// After "Region", capitalised words one space apart ("Region Jämtland Härjedalen"), not a word in capitals
// across a column gap ("Region Västerbotten        PROTOKOLLSUTDRAG").
const ORGANISATION =
  /(?<![\wåäöÅÄÖ])(?:Region(?:förbundet)?\s+[A-ZÅÄÖ][\wåäöé-]{1,60}(?: [A-ZÅÄÖ][a-zåäöé][\wåäöé-]{0,59})*|[A-ZÅÄÖ][\wåäöé-]{1,60}(?:\s+[A-ZÅÄÖ][\wåäöé-]{1,60})?\s+(?:kommun|Kommun|stad|Stad|landsting|kommunalförbund)s?(?![\wåäöÅÄÖ]))/u;

export function buildFrontMatter(preamble: LineToken[], closings: ClosingOutline[], lines: readonly Line[], furniture: string[]): FrontMatter {
  const front: FrontMatter = {
    kind: null,
    organisation: null,
    body: null,
    meeting: { date: null, startTime: null, endTime: null, place: null },
    participants: [],
    adjusters: [],
    paragraphsCovered: [],
    diagnostics: [],
  };
  const people = new People();
  const { blocks, loose, read, absentTables, stray } = labelBlocks(preamble, lines);
  for (const token of preamble) if (token.payload.kind && !front.kind) front.kind = token.payload.kind;
  // In the order printed: a name that wraps under "Utses att justera" is joined by the attendance table above it.
  for (const next of read) {
    if ("row" in next) readAttendanceRow(next.row, front, people, absentTables.has(next.row.table!.table));
    else readBlock(next.block, front, people);
  }
  for (const closing of closings) readBlock(closingBlock(closing, lines), front, people, true);
  readLoose(loose, front);
  const notices = blocks.filter((b) => b.label.field === "notice").flatMap((b) => b.values.map((v) => v.text));
  const headerTexts = loose.flatMap((l) => (l.cells && l.cells.length > 1 ? l.cells : [l.text]));
  readHeaders([...headerTexts, ...furniture, ...notices], front);
  front.meeting.date ??= labelledDate(furniture);
  front.participants = people.list();
  // A justerare signs first name first ("Evelina Sundvik") where the list prints "Sundvik Evelina": one name, as listed.
  front.adjusters = front.adjusters.map((name) => people.nameOf(name));
  keepUnread(loose, stray, blocks, front);
  return front;
}

/**
 * Nothing on the front page is dropped: a letterhead line that gave no
 * organisation, organ, date or kind, and a paragraph that follows a label's
 * value after a gap (a sentence between the front page and the first §),
 * are kept as UNRECOGNISED_BLOCK warnings (the document is then partial); the
 * value of a label the record has no field for (Justeringens plats och tid,
 * the ANSLAG/BEVIS box) is kept as information.
 */
function keepUnread(loose: Line[], stray: Line[], blocks: LabelBlock[], front: FrontMatter): void {
  const found = [front.organisation, front.body].filter((t): t is string => t !== null).map(normaliseName);
  // A kungörelse sentence that wraps was read whole ("... sammanträder i ... den 17 mars 2026 kl." / "18.30–21.00.").
  const dated = new Set(paragraphs(loose).filter(isKungorelse).flatMap((p) => p.lines));
  for (const line of loose) {
    const text = normaliseName(line.text);
    if (matchesKind(line) || findDate(line.text) || dated.has(line) || found.some((f) => text.includes(f) || f.includes(text))) continue;
    front.diagnostics.push(diagnostic("warning", "UNRECOGNISED_BLOCK", "A front-page line that gave no organisation, organ, date or kind; it is in no field.", line.page, line.text));
  }
  for (const line of stray) {
    front.diagnostics.push(diagnostic("warning", "UNRECOGNISED_BLOCK", "Text between the front page and the first item; it is in no field.", line.page, line.text));
  }
  for (const block of blocks) {
    if (!FIELDLESS.has(block.label.field)) continue;
    const text = block.values.map((v) => v.text).join(" ").trim();
    const page = block.values[0]?.line.page ?? 1;
    if (text) front.diagnostics.push(diagnostic("info", "SECTION_WITHOUT_FIELD", `"${block.printed ?? block.label.name}" has no field in the record: ${text}`, page, text));
  }
}

/** Front-page labels whose values the record has no field for. */
const FIELDLESS: ReadonlySet<string> = new Set(["adjustingPlaceAndTime", "notice", "ignore"]);

function matchesKind(line: Line): boolean {
  return KIND_LINE.test(line.text);
}
const KIND_LINE = words(String.raw`\b(?:(?:sammanträdes|mötes)?protokoll|kallelse|föredragningslista|dagordning|kungörelse|protokollsutdrag|utdrag)\b`, "iu");

/** A paragraph of running text: a capitalised sentence of four words or more. */
function isSentence(text: string): boolean {
  const trimmed = text.trim();
  return /^\p{Lu}/u.test(trimmed) && /[.!?]$/.test(trimmed) && trimmed.split(/\s+/).length >= 4 && !/\(\s*\p{L}{1,5}\s*\)/u.test(trimmed);
}

/**
 * "Plats: Kommunhuset" then "Anmälan om förhinder till sekreteraren, tel. ...": a sentence right
 * under a place, date or time that is complete (not ending in a comma or dash, so not wrapped) is
 * the invitation's own text, no part of the value.
 */
function sentenceAfterMeetingData(block: LabelBlock, line: Line): boolean {
  const last = block.values[block.values.length - 1]?.text.trim();
  return vocabulary.WHEN_WHERE_FIELDS.has(block.label.field) && last !== undefined && !/[,–-]$/.test(last) && isSentence(line.text);
}

/**
 * Group preamble lines under the label above them; lines before any label are
 * loose. A table straight under a label that names the absent ("Frånvarande",
 * "Anmält förhinder", no value of its own) lists absent people, whatever its
 * marks say: `absentTables`.
 */
function labelBlocks(
  preamble: LineToken[],
  lines: readonly Line[],
): { blocks: LabelBlock[]; loose: Line[]; read: Array<{ block: LabelBlock } | { row: Line }>; absentTables: Set<number>; stray: Line[] } {
  const blocks: LabelBlock[] = [];
  const loose: Line[] = [];
  // Label blocks and attendance table rows, in the order printed.
  const read: Array<{ block: LabelBlock } | { row: Line }> = [];
  const absentTables = new Set<number>();
  const stray: Line[] = [];
  // The label just before this line, when nothing came between.
  let labelAbove: LabelBlock | null = null;
  // A paragraph after a label's value, set apart by a gap, is no part of that value.
  let inStray = false;
  // A row of labels whose values stand in the row under it (a Platina header grid), until that row comes.
  let gridAbove: { line: Line; labels: (FrontLabelTokenType | null)[] } | null = null;
  for (const [index, token] of preamble.entries()) {
    const line = lines[token.payload.line]!;
    if (gridAbove) {
      const grid = gridAbove;
      gridAbove = null;
      if (gridValues(grid.line, line)) {
        grid.labels.forEach((label, i) => {
          const value = { text: line.cells![i]!.trim(), line };
          const block: LabelBlock = label ? { label, printed: grid.line.cells![i]!.replace(/[\s:]+$/, ""), values: [value] } : { label: GRID_FIELDLESS, printed: grid.line.cells![i]!, values: [value] };
          blocks.push(block);
          read.push({ block });
        });
        continue;
      }
      loose.push(grid.line);
    }
    // Text input reads the grid's first label as a label with the others as its value: a grid
    // all the same where the row under it gives a value to each label.
    const next = preamble[index + 1];
    const gridLabels =
      token.tokenType === vocabulary.TextLine || (isFrontLabel(token) && next && line.cells && gridValues(line, lines[next.payload.line]!)) ? labelGrid(line) : null;
    if (gridLabels) {
      gridAbove = { line, labels: gridLabels };
      continue;
    }
    // Tables are read by their columns, not as the value of the label above them; contents list items.
    if (token.tokenType === TableHeader || token.tokenType === ContentsLine) continue;
    // "Ärenden" over the numbered list: the agenda's title, no attendee of the label above it.
    if (AGENDA_TITLE.test(line.text)) continue;
    // "Sid" over the page column of the numbered points: structure, not the rest of the label above.
    if (PAGE_COLUMN_HEADER.test(line.text.trim())) continue;
    // "Informationsärenden" over the first point: the agenda's group heading, no attendee either.
    if (token.tokenType === vocabulary.AgendaGroupHeading) continue;
    // "Närvarolista" over an attendance table: the table's title, no attendee of the label above it.
    if (vocabulary.ATTENDANCE_TITLE.test(line.text.trim()) && lines[token.payload.line + 1]?.table) continue;
    if (line.table) {
      if (labelAbove?.label.field === "absent" && labelAbove.values.length === 0) absentTables.add(line.table.table);
      labelAbove = null;
      read.push({ row: line });
      continue;
    }
    labelAbove = null;
    // A letterhead row may name the kind and the organisation side by side: keep it for the organisation.
    if (token.tokenType === KindHeading) {
      if (blocks.length === 0) loose.push(line);
      continue;
    }
    if (isFrontLabel(token)) {
      inStray = false;
      const printed = line.text.slice(0, line.text.length - token.payload.rest.length).replace(/[\s:]+$/, "") || line.text;
      const block: LabelBlock = { label: token.tokenType as FrontLabelTokenType, printed, values: [] };
      if (token.payload.rest) block.values.push({ text: token.payload.rest, line });
      blocks.push(block);
      read.push({ block });
      labelAbove = block;
    } else if (blocks.length > 0) {
      const block = blocks[blocks.length - 1]!;
      inStray = (inStray && !line.breakBefore) || (line.breakBefore && block.values.length > 0 && isSentence(line.text)) || sentenceAfterMeetingData(block, line);
      if (inStray) stray.push(line);
      else block.values.push({ text: line.text, line });
    } else loose.push(line);
  }
  if (gridAbove) loose.push(gridAbove.line);
  return { blocks, loose, read, absentTables, stray };
}

/** A grid's label the record has no field for ("Justeringsdatum"): its value is kept as information. */
const GRID_FIELDLESS = vocabulary.FRONT_LABEL_TOKENS.find((t) => t.field === "adjustingPlaceAndTime")!;

/**
 * "Sammanträdesdatum | Justerare | Justeringsdatum | Paragrafer" over
 * "2024-11-20 | Gunnel Ohlsson (S) | 2024-11-25 | §§ 112-115": a row of
 * labels (no digits, at least two of them known, each cell whole) whose
 * values stand in the cells of the row under it. The known labels, or null
 * for a cell the vocabulary does not know.
 */
function labelGrid(line: Line): (FrontLabelTokenType | null)[] | null {
  const cells = line.cells;
  if (!cells || cells.length < 2 || cells.some((cell) => /\d/.test(cell))) return null;
  const labels = cells.map((cell) => vocabulary.FRONT_LABEL_TOKENS.find((t) => t.prefix.exec(cell.trim())?.[0].length === cell.trim().length) ?? null);
  // "Ordförande | Sekreterare" is a row of signature captions, its names above it, not a grid.
  if (labels.some((label) => label !== null && SIGNER_FIELDS.has(label.field))) return null;
  return labels.filter((label) => label !== null).length >= 2 ? labels : null;
}

const SIGNER_FIELDS: ReadonlySet<string> = new Set(["signatures", "secretary", "chair", "adjuster"]);

/** The row under a label grid gives its values: as many cells, on the same page, tight under it. */
function gridValues(labels: Line, values: Line): boolean {
  return values.cells?.length === labels.cells!.length && values.page === labels.page && !values.breakBefore && !values.table;
}

function closingBlock(closing: ClosingOutline, lines: readonly Line[]): LabelBlock {
  const values = closing.label.payload.rest ? [{ text: closing.label.payload.rest, line: lines[closing.label.payload.line]! }] : [];
  for (const token of closing.lines) values.push({ text: lines[token.payload.line]!.text, line: lines[token.payload.line]! });
  return { label: closing.label.tokenType as FrontLabelTokenType, values };
}

function isFrontLabel(token: LineToken): boolean {
  return token.tokenType.CATEGORIES?.includes(FrontLabel) ?? false;
}

function readBlock(block: LabelBlock, front: FrontMatter, people: People, signature = false): void {
  const field = block.label.field;
  const text = block.values.map((v) => v.text).join(" ").trim();
  const page = block.values[0]?.line.page ?? 1;
  switch (field) {
    case "placeAndTime":
    case "dateAndTime":
    case "date":
    case "time":
    case "place":
      readMeetingData(field, text, front, page);
      return;
    case "paragraphs":
      // The cover page's range wins over a repeat further on.
      // A date run on under the range (a running header after a page break: "… 2024-03-12") holds no §.
      if (front.paragraphsCovered.length === 0) front.paragraphsCovered = expandParagraphs(withoutDates(text).replace(/§/g, " "));
      return;
    case "appealInstructions":
      front.diagnostics.push(
        diagnostic("info", "SECTION_WITHOUT_FIELD", `Appeal instructions (besvärsanvisning) after the last §, not an item: ${text}`, page, text),
      );
      return;
    case "body":
      front.body ??= firstLine(block);
      return;
    case "signatures":
      readCaptionedSignatures(block, front, people);
      return;
    case "certification":
      if (text) front.diagnostics.push(diagnostic("info", "SECTION_WITHOUT_FIELD", `Certification of the extract (utdragsbestyrkande): ${text}`, page, text));
      return;
    case "absent":
      // Those who sent apologies are not participants; their names stay findable here.
      if (text) front.diagnostics.push(diagnostic("info", "SECTION_WITHOUT_FIELD", `Listed as absent, not as participants: ${text}`, page, text));
      return;
    default:
  }
  const group = GROUP_OF_FIELD[field];
  if (group) {
    const values = withoutSigningRecords(block.values, front);
    // A checkbox list reads its columns from the cells; other entries set in columns read as one entry.
    if (values.some((v) => hasCheckbox(v.text))) readCheckboxList(values, group, people, front);
    else for (const entry of attendanceEntries(values.map(cellsAsAsides))) readAttendees(entry.text, entry.line, group, people, front);
    return;
  }
  const role = ROLE_OF_FIELD[field];
  if (role) {
    for (const value of wrappedNamesJoined(withoutSigningRecords(withoutCoveredParagraphs(block.values, front), front), people)) {
      // Two signers side by side under one caption ("Justerande") stand in two cells.
      const parts = value.text === value.line.text && (value.line.cells?.length ?? 0) > 1 ? value.line.cells! : [value.text];
      for (const part of parts) readSignature(withoutSigningLines(part), value.line, role, people, front, signature);
    }
  }
}

/**
 * A checkbox attendance list (Finland-Swedish templates): "[X] Haverinen Emilia, ordförande"
 * is present, "[ ] Nystedt Elias" absent and no participant. Column headings ("ordinarie",
 * "ersättare", side by side or one above its list) say the group; in a row of two entries
 * the second stands in the second column.
 */
function readCheckboxList(values: LabelBlock["values"], group: ParticipantGroup, people: People, front: FrontMatter): void {
  let columns: ParticipantGroup[] = [group];
  let columnX: number[] = [];
  const marked: Array<{ present: boolean; text: string; group: ParticipantGroup; line: Line }> = [];
  let wrapping = false;
  for (const { text, line } of values) {
    const cells = text === line.text && line.cells && line.cells.length > 1 ? line.cells : [text];
    const headings = cells.map((cell) => columnGroup(cell.trim()));
    if (headings.every((g): g is ParticipantGroup => g !== null)) {
      columns = headings;
      columnX = line.cellX ?? [];
      wrapping = false;
      continue;
    }
    const entries = checkboxEntries(text);
    if (entries.length === 0) {
      // An entry that wraps in its column goes on, without a gap, on a line without a box that cannot start one.
      const last = marked[marked.length - 1];
      if (last && wrapping && !line.breakBefore && continuesEntry(last.text, text.trim())) {
        last.text += ` ${text.trim()}`;
        continue;
      }
      wrapping = false;
      readAttendees(text, line, group, people, front);
      continue;
    }
    entries.forEach((entry, index) => {
      const column = entries.length > 1 ? index : columnOf(line.cellX?.[0] ?? line.bbox?.x0 ?? null, columnX);
      marked.push({ ...entry, group: columns[Math.min(column, columns.length - 1)]!, line });
    });
    wrapping = true;
  }
  const absent = marked.filter((entry) => !entry.present && entry.text).map((entry) => entry.text);
  for (const entry of marked) if (entry.present) readAttendees(entry.text, entry.line, entry.group, people, front);
  if (absent.length > 0) {
    const page = values[0]?.line.page ?? 1;
    front.diagnostics.push(diagnostic("info", "SECTION_WITHOUT_FIELD", `Listed as absent ([ ]), not as participants: ${absent.join("; ")}`, page, absent.join("; ")));
  }
}

/** A line that cannot start an entry, or that reads as one only with the entry above ("… ersättare för Lars-Åke Berkestedt" / "Jonsson"). */
function continuesEntry(entry: string, text: string): boolean {
  if (/^(?:\p{Ll}|§|\(|,|\d)/u.test(text) || openParentheses(entry) > 0) return true;
  return parseAttendee(text) === null && !STARTS_WITH_NAME.test(text) && parseAttendee(`${entry} ${text}`) !== null;
}

function columnGroup(text: string): ParticipantGroup | null {
  return CHECKBOX_COLUMNS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** The column a single entry stands in: the last column heading at or left of it. */
function columnOf(x: number | null, columnX: number[]): number {
  if (x === null) return 0;
  let column = 0;
  columnX.forEach((left, index) => {
    if (x >= left - 2) column = index;
  });
  return column;
}

function hasCheckbox(text: string): boolean {
  return new RegExp(CHECKBOX.source, "u").test(text);
}

/** "[X] A, ordförande [ ] B" -> the entries after each mark, with whether the box is crossed. */
function checkboxEntries(text: string): Array<{ present: boolean; text: string }> {
  const marks = [...text.matchAll(CHECKBOX)];
  return marks.map((mark, i) => ({
    present: (mark.groups?.mark ?? "") !== "",
    text: text.slice(mark.index + mark[0].length, marks[i + 1]?.index ?? text.length).trim(),
  }));
}

/**
 * "Tua Backman, 21.09.2022" under the signatures records when each person signed
 * electronically: no attendance entry, kept in a diagnostic.
 */
function withoutSigningRecords(values: LabelBlock["values"], front: FrontMatter): LabelBlock["values"] {
  const records = values.filter((v) => SIGNING_RECORD.test(v.text.trim()));
  if (records.length === 0) return values;
  const text = records.map((r) => r.text.trim()).join("; ");
  front.diagnostics.push(diagnostic("info", "SECTION_WITHOUT_FIELD", `Electronic signing records: ${text}`, records[0]!.line.page, text));
  return values.filter((v) => !records.includes(v));
}

/**
 * "Sekreterare .........  Paragrafer 45-47": the §§ the signatures cover, printed beside a
 * signer's caption (the range may wrap onto the next line), go to paragraphsCovered.
 */
function withoutCoveredParagraphs(values: LabelBlock["values"], front: FrontMatter): LabelBlock["values"] {
  const kept: LabelBlock["values"] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const match = PARAGRAPHS_AT_END.exec(value.text);
    if (!match) {
      kept.push(value);
      continue;
    }
    let range = match.groups?.range;
    const next = values[i + 1];
    if (!range && next && PARAGRAPH_RANGES.test(next.text.trim())) {
      range = next.text.trim();
      i++;
    }
    if (!range) {
      kept.push(value);
      continue;
    }
    if (front.paragraphsCovered.length === 0) front.paragraphsCovered = expandParagraphs(range.replace(/§/g, " "));
    const rest = value.text.slice(0, match.index).trim();
    if (rest) kept.push({ text: rest, line: value.line });
  }
  return kept;
}

/**
 * An entry set in columns ("Anna Berg   Ekonomichef", "Per Holm (M)   ordförande") reads
 * as one with its parts after commas, as typed entries print them.
 */
function cellsAsAsides(value: LabelBlock["values"][number]): LabelBlock["values"][number] {
  const cells = value.line.cells;
  if (!cells || cells.length < 2) return value;
  const own = value.line.label !== null ? cells.slice(1) : cells;
  return own.length > 1 && own.join(" ") === value.text.trim() ? { ...value, text: own.join(", ") } : value;
}

/**
 * Names after a signature label: "och", "&" or a comma between two. It starts where a run of
 * spaces starts (a match inside the run would start there too): tried at every space of a long
 * run, `\s*` would scan the run to its end each time.
 */
const SIGNER_SEPARATOR = words(String.raw`(?<!\s)\s*(?:,|\boch\b|&)\s*(?=[A-ZÅÄÖ])`, "u");

/**
 * A name that wraps under a signature label ("… och Ann-Sofie Berkestedt" / "Jonsson") is one
 * value again, where the attendance list names the whole person; a line of its own otherwise.
 */
function wrappedNamesJoined(values: LabelBlock["values"], people: People): LabelBlock["values"] {
  const joined: LabelBlock["values"] = [];
  for (const value of values) {
    const previous = joined[joined.length - 1];
    const last = previous?.text.split(SIGNER_SEPARATOR).pop()?.trim();
    const tail = value.text.trim();
    if (previous && last && /^\p{Lu}[\p{L}-]*$/u.test(tail) && people.has(`${last} ${tail}`)) {
      joined[joined.length - 1] = { text: `${previous.text} ${tail}`, line: previous.line };
    } else {
      joined.push(value);
    }
  }
  return joined;
}

function firstLine(block: LabelBlock): string | null {
  return block.values[0]?.text.trim() || null;
}

/**
 * "(ajournering 14:40–14:55)", "ajournering kl. 15.10-15.25", "Ajournering 10.15–10.30 och 12.00–13.00":
 * breaks in the meeting, not its times or place.
 */
const BREAK_SPAN = String.raw`${vocabulary.CLOCK_TIME}(?:\s*(?:[-–—]|till)\s*${vocabulary.CLOCK_TIME})?`;
const ADJOURNMENT = words(
  String.raw`\(?\s*\b(?:ajournering(?:ar)?|ajournerat|paus|uppehåll)\b[^()]*?${BREAK_SPAN}(?:\s*(?:,|och|samt)\s*(?:kl\.?\s*)?${BREAK_SPAN})*\s*\)?`,
  "giu",
);

function readMeetingData(field: string, text: string, front: FrontMatter, page: number): void {
  const meeting = front.meeting;
  const adjournments = [...text.matchAll(ADJOURNMENT)].map((m) => m[0].trim());
  for (const adjournment of adjournments) {
    front.diagnostics.push(diagnostic("info", "SECTION_WITHOUT_FIELD", `An adjournment has no field in the record: ${adjournment}`, page, adjournment));
  }
  let rest = adjournments.length > 0 ? text.replace(ADJOURNMENT, " ").replace(/\s+/g, " ").trim() : text;
  // A "Tid" line may name the day as well ("Onsdagen den 12 november 2025, kl. 08.30").
  const date = findDate(rest);
  if (date) {
    meeting.date ??= date.iso;
    rest = cut(rest, date.index, date.length);
  }
  const times = field === "date" || field === "place" ? null : findTimes(rest);
  if (times) {
    meeting.startTime ??= times.start;
    meeting.endTime ??= times.end;
    rest = cut(rest, times.index, times.length);
  }
  if (field === "date" && !date && text) {
    front.diagnostics.push(diagnostic("warning", "DATE_UNPARSEABLE", `The meeting date "${text}" could not be read as a date; meeting.date left null.`, page, text));
  }
  if (field === "time" && !times && text) {
    front.diagnostics.push(diagnostic("warning", "TIME_UNPARSEABLE", `The meeting time "${text}" could not be read as a time; times left null.`, page, text));
  }
  if (field === "placeAndTime" || field === "place") {
    const place = cleanPlace(rest);
    if (place) meeting.place ??= place;
  } else if ((date || times) && cleanPlace(rest)) {
    // The organ's name beside the date in a letterhead ("Bygg- och miljönämnden      2025-10-22"), or lines
    // that ran on under a date or time label ("Sammanträdesdatum 2025-03-07" over an anslag box's texts).
    const left = cleanPlace(rest)!;
    const organ = organName(left, front.organisation);
    if (organ) front.body ??= organ;
    else front.diagnostics.push(diagnostic("warning", "UNRECOGNISED_BLOCK", "Text under a date or time label that is no date or time; it is in no field.", page, left));
  }
}

function cut(text: string, index: number, length: number): string {
  return `${text.slice(0, index)} ${text.slice(index + length)}`.replace(/\s+/g, " ").trim();
}

/** What is left of "Plats och tid" once the date and times are taken out. */
function cleanPlace(text: string): string | null {
  const spaced = text
    .replace(words(String.raw`\b(?:kl(?:ockan)?\.?|klockan)(?=\s|$)`, "giu"), " ")
    .replace(words(String.raw`\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?(?:\s+den)?\b`, "giu"), " ")
    .replace(/\s+/g, " ");
  const place = stripEnds(spaced, /[\s,;:–-]/).trim();
  return place || null;
}

/**
 * An entry may wrap in its column ("... (Strömsunds kommun), 2:e vice" /
 * "ordförande", a parenthesis closed on the next line, a § limit alone, the
 * replaced member after "ersättare för"): a line that cannot start an entry
 * (lower case, "§", "(", ","), that closes a parenthesis opened above, that
 * follows "ersätter" / "ersättare för", or that is no name and reads as an
 * entry only with the line above, goes on that line.
 */
function attendanceEntries(values: LabelBlock["values"]): LabelBlock["values"] {
  const entries: LabelBlock["values"] = [];
  for (const value of values) {
    const previous = entries[entries.length - 1];
    const text = value.text.trim();
    const joined = previous ? `${previous.text} ${text}` : text;
    const continuation =
      /^(?:\p{Ll}|§|\(|,)/u.test(text) ||
      (previous !== undefined && openParentheses(previous.text) > 0) ||
      (previous !== undefined && endsBeforeReplacedName(previous.text)) ||
      // A wrapped entry goes on without a gap; after one, a line is no part of the entry above.
      (!value.line.breakBefore && parseAttendee(text) === null && !STARTS_WITH_NAME.test(text) && parseAttendee(joined) !== null);
    if (previous && continuation) {
      previous.text = joined;
    } else {
      entries.push({ text, line: value.line });
    }
  }
  return entries;
}

const STARTS_WITH_NAME = new RegExp(String.raw`^${vocabulary.PERSON_NAME}`, "u");

function openParentheses(text: string): number {
  return (text.match(/\(/g)?.length ?? 0) - (text.match(/\)/g)?.length ?? 0);
}

/** "---" (nobody), "Se sida 2" (the list goes on there): no person, and nothing lost. */
const NO_ATTENDEE = /^(?:[-–—]+|se sida \d+|se nästa sida|se bilaga(?: \d+)?)$/iu;

function readAttendees(text: string, line: Line, group: ParticipantGroup, people: People, front: FrontMatter): void {
  if (NO_ATTENDEE.test(text.trim())) return;
  if (vocabulary.ATTENDANCE_REFERENCE.test(text.trim())) return;
  for (const part of splitAttendeeLine(text)) {
    const entry = parseAttendee(part);
    if (entry) people.add(entry, servingGroup(entry, group), line.page, "attendance");
    else if (part.trim()) {
      front.diagnostics.push(
        diagnostic("warning", "UNRECOGNISED_ATTENDEE", `"${part}" in an attendance list does not read as a person; left out of participants.`, line.page, part),
      );
    }
  }
}

/** Whoever serves for an absent member is a serving substitute, also when listed among the members or the substitutes. */
function servingGroup(entry: AttendeeEntry, group: ParticipantGroup): ParticipantGroup {
  if (group === "member" && entry.replaces) return "servingSubstitute";
  if ((group === "member" || group === "substitute") && entry.serving) return "servingSubstitute";
  return group;
}

/** A mark in an attendance column: "X", a tick, "[X]", "Ja"; "[ ]" or an empty cell is none. */
const MARKED = /^(?:\[\s*[xX✓✔×]\s*\]|[xX✓✔×]|ja)$/iu;

/** A cell of a presence or absence column that says so: a mark, or the column's word ("närvarande" / "anmält förhinder"). */
function marked(text: string, column: "present" | "absent"): boolean {
  return MARKED.test(text) || vocabulary.CELL_CONTENT[column === "present" ? "presence" : "absence"].test(text);
}

/**
 * A row of an attendance table, read by its header: the person (in a member,
 * substitute or name column, a party column beside it), present or not (a mark
 * under "Närvarande", or none under "Frånvarande"), the §§ and whom a
 * substitute serves for. Someone marked absent is no participant: the row is
 * kept in a diagnostic. A substitute who serves for someone is a serving
 * substitute.
 */
function readAttendanceRow(line: Line, front: FrontMatter, people: People, absentList: boolean): void {
  const table = line.table!;
  const cell = (meaning: string): string => table.cells[table.columns.indexOf(meaning as never)]?.trim() ?? "";
  const has = (meaning: string): boolean => table.columns.includes(meaning as never);
  const member = cell("member") || (has("member") ? "" : cell("name"));
  // Under "Tjänstgörande ersättare" a substitute serves, whether or not the row marks the member absent.
  const serving = cell("servingSubstitute");
  const substitute = cell("substitute") || serving;
  if (!member && !substitute) {
    if (line.text.trim()) front.diagnostics.push(diagnostic("warning", "UNRECOGNISED_ATTENDEE", `A row of an attendance table names nobody: "${line.text}".`, line.page, line.text));
    return;
  }
  // In a list of the absent, everyone named is absent.
  if (absentList) {
    for (const person of [member, substitute]) if (person) addAttendee(person, null, line, front, people);
    return;
  }
  const present = has("present") ? marked(cell("present"), "present") : has("absent") ? !marked(cell("absent"), "absent") : true;
  // A row may name a member and, beside, the substitute who stands in when the member is absent.
  if (member && substitute) {
    addAttendee(member, present ? "member" : null, line, front, people);
    const serves = !present || serving !== "";
    addAttendee(substitute, serves ? "servingSubstitute" : "substitute", line, front, people, serves ? member : null);
    return;
  }
  // A Funktion / Roll column says the group ("Ledamot", "Tjänstgörande ersättare") and the role.
  const role = has("role") && cell("role") ? readFunction(cell("role")) : null;
  if (has("role") && cell("role") && !role) {
    front.diagnostics.push(diagnostic("info", "SECTION_WITHOUT_FIELD", `Function "${cell("role")}" in an attendance table is not understood; ${member || substitute} read without it.`, line.page, cell("role")));
  }
  const group: ParticipantGroup = role?.group ?? (member ? "member" : cell("replaces") || serving ? "servingSubstitute" : "substitute");
  addAttendee(member || substitute, present ? group : null, line, front, people, null, role);
}

/** One person of an attendance row, with the row's party, § limits and whom they serve for; a null group is absent. */
function addAttendee(
  person: string,
  group: ParticipantGroup | null,
  line: Line,
  front: FrontMatter,
  people: People,
  servesFor: string | null = null,
  role: AttendanceFunction | null = null,
): void {
  const table = line.table!;
  const cell = (meaning: string): string => table.cells[table.columns.indexOf(meaning as never)]?.trim() ?? "";
  if (group === null) {
    front.diagnostics.push(diagnostic("info", "SECTION_WITHOUT_FIELD", `Listed as absent, not as participants: ${person}`, line.page, line.text));
    return;
  }
  const entry = parseAttendee(person);
  if (!entry) {
    front.diagnostics.push(diagnostic("warning", "UNRECOGNISED_ATTENDEE", `"${person}" in an attendance table does not read as a person; left out of participants.`, line.page, person));
    return;
  }
  const party = cell("party").replace(/[()]/g, "");
  // In a row of a member and a substitute, the party column is the member's.
  const ownsParty = !table.columns.includes("member") || group === "member";
  if (party && entry.party === null && ownsParty) entry.party = party.toUpperCase();
  const paragraphs = cell("paragraphs");
  if (paragraphs && /\d/.test(paragraphs)) entry.paragraphs = expandParagraphs(paragraphs);
  const replaces = servesFor ? parseAttendee(servesFor)?.name ?? null : cell("replaces").replace(/\s*\([^)]*\)$/u, "").trim() || null;
  if (replaces) entry.replaces = replaces;
  if (role) {
    for (const r of role.roles) if (!entry.roles.includes(r)) entry.roles.push(r);
    entry.title ??= role.title;
    entry.replaces ??= role.replaces;
  }
  people.add(entry, group, line.page, "attendance");
}

/** "Peter Sundén   Rebecka Holst" over "Ordförande   Sekreterare": each name takes the caption under it. */
function readCaptionedSignatures(block: LabelBlock, front: FrontMatter, people: People): void {
  const [first, second] = block.values;
  if (!first || !second) return;
  // Names over their captions, or captions over their names.
  const [names, captions] = CAPTION_ROW.test(first.text) ? [second, first] : [first, second];
  const signers = names.line.cells ?? namesOfRow(nameCase(names.text));
  const roles = captions.line.cells ?? captions.text.split(/\s+(?=[A-ZÅÄÖ])/u);
  if (signers.length !== roles.length) return;
  signers.forEach((signer, index) => {
    const field = FRONT_LABEL_FIELDS.find(([prefix]) => prefix.test(roles[index]!.trim()))?.[1];
    const role = field ? ROLE_OF_FIELD[field] : undefined;
    if (role) readSignature(nameCase(signer.trim()), names.line, role, people, front, true);
  });
}

const PERSON_NAMES = new RegExp(vocabulary.PERSON_NAME, "gu");

function namesOfRow(text: string): string[] {
  return [...text.matchAll(PERSON_NAMES)].map((m) => m[0]);
}

const FRONT_LABEL_FIELDS: Array<[RegExp, string]> = vocabulary.FRONT_LABEL_TOKENS.map((t) => [t.prefix, t.field]);

function readSignature(
  text: string,
  line: Line,
  role: { role: Role; group: ParticipantGroup },
  people: People,
  front: FrontMatter,
  signature: boolean,
): void {
  for (const part of text.split(SIGNER_SEPARATOR).flatMap((signer) => knownPair(signer, people))) {
    const entry = parseAttendee(part);
    if (!entry) {
      if (part.trim() && !signature) {
        front.diagnostics.push(diagnostic("info", "UNRECOGNISED_ATTENDEE", `"${part}" after a signature label is not a name.`, line.page, part));
      }
      continue;
    }
    if (!entry.roles.includes(role.role)) entry.roles.push(role.role);
    if (role.role === "adjuster" && !front.adjusters.some((a) => sameName(a, entry.name))) front.adjusters.push(entry.name);
    people.add(entry, role.group, line.page, "signature");
  }
}

/**
 * Two signers side by side with a gap the text layer closed ("Kim Holmström Sara Nyman" after
 * "Protokolljusterare"): split where both halves are people the attendance list names, in
 * either word order. A name nobody listed stays whole.
 */
function knownPair(text: string, people: People): string[] {
  const parts = text.trim().split(/\s+/u);
  if (parts.length < 4 || people.has(text)) return [text];
  for (let cut = 2; cut <= parts.length - 2; cut++) {
    const first = parts.slice(0, cut).join(" ");
    const second = parts.slice(cut).join(" ");
    if (people.has(first) && people.has(second)) return [first, second];
  }
  return [text];
}

/** Lines before the first label: the organ's name, a bare date, a sentence with date, time and place. */
function readLoose(loose: Line[], front: FrontMatter): void {
  // Line by line first (a letterhead line may carry its own date), then wrapped sentences whole.
  const joined = paragraphs(loose)
    .map((p) => p.text)
    .filter((text) => !loose.some((line) => line.text === text));
  for (const text of [...loose.map((line) => line.text), ...joined]) {
    const date = findDate(text);
    if (!date) continue;
    front.meeting.date ??= date.iso;
    if (date.iso !== front.meeting.date) continue;
    readSentenceMeeting(text.slice(date.index + date.length), front);
    readKungorelse(text.slice(0, date.index), front);
  }
}

/** Loose lines joined into paragraphs (a gap ends one), so that a sentence that wraps is read whole. */
function paragraphs(loose: Line[]): { text: string; lines: Line[] }[] {
  const found: { text: string; lines: Line[] }[] = [];
  let previous: Line | null = null;
  for (const line of loose) {
    const last = found[found.length - 1];
    const joins = previous !== null && !line.breakBefore && previous.page === line.page && last !== undefined;
    if (joins) {
      last.text += previous!.joinsNext ? line.text : ` ${line.text}`;
      last.lines.push(line);
    } else found.push({ text: line.text, lines: [line] });
    previous = line;
  }
  return found;
}

/** The kungörelse form: "Kommunfullmäktige sammanträder i Folkets hus, stora salen, tisdagen den 17 mars 2026 ...". */
const KUNGORELSE = words(String.raw`^(?<organ>.*?)\s*\bsammanträder(?:\s+(?:i|på)\s+(?<place>.+?))?[\s,]*$`, "u");

function isKungorelse(paragraph: { text: string }): boolean {
  const date = findDate(paragraph.text);
  return date !== null && KUNGORELSE.test(paragraph.text.slice(0, date.index).replace(/\s*(?:den|,)\s*$/u, ""));
}

function readKungorelse(beforeDate: string, front: FrontMatter): void {
  const match = KUNGORELSE.exec(beforeDate.replace(/\s*(?:den|,)\s*$/u, ""));
  if (!match?.groups) return;
  const organ = match.groups.organ?.trim();
  if (organ && ORGAN.test(organ) && /^\p{Lu}/u.test(organ)) front.body ??= organ;
  const place = match.groups.place?.trim();
  if (place) front.meeting.place ??= place;
}

/** "... den 28 april 2025 kl. 18.30–21.05 i kommunhusets sessionssal, Sjövalla." */
function readSentenceMeeting(after: string, front: FrontMatter): void {
  const times = findTimes(after);
  if (!times || times.index > 12) return;
  front.meeting.startTime ??= times.start;
  front.meeting.endTime ??= times.end;
  const place = /^\s*(?:i|på)\s+(?<place>[^.;]+)/u.exec(after.slice(times.index + times.length));
  if (place?.groups?.place) front.meeting.place ??= place.groups.place.trim();
}

/** Organisation and organ from the header lines, the running header/footer and the notice (anslag) box. */
function readHeaders(candidates: string[], front: FrontMatter): void {
  for (const text of candidates) {
    front.organisation ??= findOrganisation(text);
  }
  for (const text of candidates) {
    if (front.body) break;
    front.body = organName(text, front.organisation);
  }
}

/** "Region Jämtland Härjedalens anslagstavla" -> "Region Jämtland Härjedalen" (the genitive s dropped). */
export function findOrganisation(text: string): string | null {
  if (/\p{Ll}/u.test(text) === false && /\p{Lu}{3}/u.test(text)) return findOrganisation(titleCase(text));
  const match = ORGANISATION.exec(text);
  if (!match) return null;
  const name = match[0];
  const after = text.slice(match.index + name.length);
  const genitive = name.endsWith("s") && /^\s+[a-zåäö]/u.test(after) && !words(String.raw`\b(?:Stad|stad)$`, "u").test(name);
  return genitive ? name.slice(0, -1) : name;
}

/** "HEDBACKA KOMMUN" -> "Hedbacka kommun", "GÖTEBORGS STAD" -> "Göteborgs Stad": capitals set for a letterhead. */
function titleCase(text: string): string {
  return text
    .toLocaleLowerCase("sv")
    .replace(/(^|[\s-])(\p{Ll})/gu, (_m, before: string, letter: string) => before + letter.toLocaleUpperCase("sv"))
    .replace(words(String.raw` (Kommun|Landsting|Kommunalförbund)\b`, "gu"), (_m, word: string) => ` ${word.toLocaleLowerCase("sv")}`);
}

/** The organ named on a header line: "Sociala vård och omsorgsgruppen", "Kommunstyrelsen". */
function organName(text: string, organisation: string | null): string | null {
  // The document word and what follows; (?<!\s): a match starts where a run of spaces starts, or `\s*`
  // scans the run again from each of its spaces (quadratic in a long run, found by the fuzz harness).
  let candidate = text.replace(words(String.raw`(?<!\s),?\s*(?:protokoll|kallelse|föredragningslista|protokollsutdrag|sammanträdesprotokoll)\b.*$`, "iu"), "");
  if (organisation && candidate.startsWith(organisation)) candidate = candidate.slice(organisation.length);
  candidate = withoutLabelAfter(candidate.replace(words(String.raw`\b\d{4}-\d{2}-\d{2}\b`, "g"), "").replace(/\s+/g, " ").trim());
  if (!candidate || candidate.length > 70 || /[.:;]$/.test(candidate)) return null;
  if (!/^[A-ZÅÄÖ]/u.test(candidate) || !ORGAN.test(candidate)) return null;
  if (ORGANISATION.test(candidate) && !/(?:nämnd|styrelse|fullmäktige|utskott|råd|grupp)/iu.test(candidate)) return null;
  return sentenceCase(candidate);
}

/** "BYGG- OCH MILJÖNÄMNDEN" -> "Bygg- och miljönämnden": an organ's name set in capitals for a letterhead. */
function sentenceCase(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  const lower = name.toLocaleLowerCase("sv");
  return lower.charAt(0).toLocaleUpperCase("sv") + lower.slice(1);
}

const DATE_LABELS = FRONT_LABEL_FIELDS.filter(([, field]) => field === "date" || field === "dateAndTime").map(([prefix]) => prefix);

/**
 * A meeting date printed only in the running header ("Sammanträdesdatum" over "2024-09-18" on
 * every page, set aside as furniture): the date under or beside the date label.
 */
function labelledDate(furniture: string[]): string | null {
  for (let i = 0; i < furniture.length; i++) {
    const text = furniture[i]!;
    const label = labelAt(text, DATE_LABELS, 0, 200);
    if (!label) continue;
    for (const candidate of [text.slice(label.end), furniture[i + 1] ?? "", furniture[i + 2] ?? ""]) {
      const date = findDate(candidate);
      if (date) return date.iso;
    }
  }
  return null;
}

/**
 * "Regionstyrelsens arbetsutskott   Sammanträdesdatum": a letterhead row holds the organ and, across
 * a column gap that text input does not keep, the label of the next row; the organ ends before it.
 */
function withoutLabelAfter(text: string): string {
  const label = labelAt(text, ALL_LABELS, 1, 120);
  return label ? text.slice(0, label.start).trimEnd() : text;
}

const ALL_LABELS = FRONT_LABEL_FIELDS.map(([prefix]) => prefix);

/**
 * The first of these labels that starts a word of the line at or after `from` (a short line only:
 * each word start is tried): where it starts and where its value begins.
 */
function labelAt(text: string, labels: RegExp[], from: number, maxLength: number): { start: number; end: number } | null {
  if (text.length > maxLength) return null;
  const starts = [0, ...[...text.matchAll(/ /g)].map((space) => space.index + 1)].filter((start) => start >= from);
  for (const start of starts) {
    const rest = text.slice(start);
    for (const label of labels) {
      const match = label.exec(rest);
      if (match) return { start, end: start + match[0].length };
    }
  }
  return null;
}

function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

function nameWords(name: string): string {
  return normaliseName(name).split(" ").sort().join(" ");
}

export function normaliseName(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("sv");
}

/**
 * Everyone named on the front page and in the signatures, once each. A person
 * in several places (attendance list, "Justerande", "Sekreterare") is merged:
 * roles are united; the attendance list decides the group and the page.
 */
class People {
  private readonly byName = new Map<string, { participant: Participant; fromAttendance: boolean }>();
  /** In the order first named: re-keying a renamed person must not move them. */
  private readonly ordered: Participant[] = [];

  add(entry: AttendeeEntry, group: ParticipantGroup, page: number, source: "attendance" | "signature"): void {
    const key = normaliseName(entry.name);
    const known = this.find(entry.name);
    if (!known) {
      this.ordered.push(this.addNew(key, entry, group, page, source));
      return;
    }
    this.merge(known, key, entry, group, page, source);
  }

  private addNew(key: string, entry: AttendeeEntry, group: ParticipantGroup, page: number, source: "attendance" | "signature"): Participant {
    const participant: Participant = {
      name: entry.name,
      party: entry.party,
      group,
      roles: [...entry.roles],
      affiliation: entry.affiliation,
      title: entry.title,
      paragraphs: entry.paragraphs,
      replaces: entry.replaces,
      page,
    };
    this.byName.set(key, { participant, fromAttendance: source === "attendance" });
    return participant;
  }

  private merge(
    known: { participant: Participant; fromAttendance: boolean },
    key: string,
    entry: AttendeeEntry,
    group: ParticipantGroup,
    page: number,
    source: "attendance" | "signature",
  ): void {
    const p = known.participant;
    for (const role of entry.roles) if (!p.roles.includes(role)) p.roles.push(role);
    p.party ??= entry.party;
    p.affiliation ??= entry.affiliation;
    p.title ??= entry.title;
    p.paragraphs ??= entry.paragraphs;
    p.replaces ??= entry.replaces;
    if (source === "attendance" && !known.fromAttendance) {
      p.group = group;
      p.page = page;
      // The attendance list's spelling of the name is the participant's.
      if (normaliseName(p.name) !== key) {
        this.byName.delete(normaliseName(p.name));
        p.name = entry.name;
        this.byName.set(key, known);
      }
      known.fromAttendance = true;
    }
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** The participant's name as recorded, for a name written in either order. */
  nameOf(name: string): string {
    return this.find(name)?.participant.name ?? name;
  }

  /**
   * The same name, or the same words in another order ("Emilia Haverinen" signs where the list
   * prints "Haverinen Emilia"), when exactly one person has them.
   */
  private find(name: string): { participant: Participant; fromAttendance: boolean } | undefined {
    const exact = this.byName.get(normaliseName(name));
    if (exact) return exact;
    const words = nameWords(name);
    const same = [...this.byName.values()].filter((v) => nameWords(v.participant.name) === words);
    return same.length === 1 ? same[0] : undefined;
  }

  list(): Participant[] {
    return [...this.ordered];
  }
}

const DATES = new RegExp(vocabulary.ANY_DATE.source, "giu");

function withoutDates(text: string): string {
  return text.replace(DATES, " ");
}
