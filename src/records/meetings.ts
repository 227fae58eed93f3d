/**
 * A file that holds several meetings (archives concatenate them): each meeting
 * is built as a document of its own, from its own front page and items. As one
 * record, the file is the first meeting's front page with every item of every
 * meeting in order; the later meetings' attendance joins `participants` (each
 * entry with its page) and a SEVERAL_MEETINGS diagnostic says where each
 * meeting starts and what it is, so nothing of a later front page is lost.
 */
import type { Diagnostic, Document } from "../schema/index.js";
import { diagnostic } from "./diagnostics.js";
import { parseStatus } from "./index.js";

/** The pages a meeting stands on, in the file. */
export interface MeetingPages {
  from: number;
  to: number;
}

/** What a meeting is, in a few words: "Kommunstyrelsen protokoll 2024-02-06, §§ 1–9". */
function describe(doc: Document): string {
  const paragraphs = doc.items.map((item) => item.paragraph).filter((p): p is number => p !== null);
  const span = paragraphs.length === 0 ? `${doc.items.length} items` : paragraphs.length === 1 ? `§ ${paragraphs[0]}` : `§§ ${paragraphs[0]}–${paragraphs[paragraphs.length - 1]}`;
  return [doc.body, doc.kind, doc.meeting.date].filter(Boolean).join(" ") + `, ${span}`;
}

function meetingDiagnostic(doc: Document, pages: MeetingPages, index: number, count: number, whole: boolean): Diagnostic {
  const where = `meeting ${index + 1} of ${count} starts on page ${pages.from} (pages ${pages.from}–${pages.to}): ${describe(doc)}`;
  const message = whole
    ? `The file holds ${count} meetings; ${where}. This record has the first meeting's front page and every meeting's items; parsePdfMeetings / parseTextMeetings give one document per meeting.`
    : `The file holds ${count} meetings; this document is ${where}.`;
  return diagnostic("info", "SEVERAL_MEETINGS", message, pages.from);
}

/** Each meeting's document, told that it is one of several and where it stands. */
export function markMeetings(docs: readonly Document[], pages: readonly MeetingPages[]): Document[] {
  if (docs.length === 1) return [...docs];
  return docs.map((doc, i) => {
    const diagnostics = [meetingDiagnostic(doc, pages[i]!, i, docs.length, false), ...doc.diagnostics];
    return { ...doc, diagnostics };
  });
}

/** The meetings of one file as one record: the first meeting's front page, every meeting's items. */
export function mergeMeetings(docs: readonly Document[], pages: readonly MeetingPages[]): Document {
  const [first, ...later] = docs;
  if (!first) throw new RangeError("mergeMeetings needs at least one document");
  if (later.length === 0) return first;
  const diagnostics = [...docs.map((doc, i) => meetingDiagnostic(doc, pages[i]!, i, docs.length, true)), ...docs.flatMap((doc) => doc.diagnostics)];
  return {
    ...first,
    participants: docs.flatMap((doc) => doc.participants),
    adjusters: [...new Set(docs.flatMap((doc) => doc.adjusters))],
    paragraphsCovered: docs.flatMap((doc) => doc.paragraphsCovered),
    items: docs.flatMap((doc) => doc.items),
    furniture: docs.flatMap((doc) => doc.furniture),
    diagnostics,
    parseStatus: parseStatus(diagnostics),
  };
}
