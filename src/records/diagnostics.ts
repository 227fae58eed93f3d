/**
 * Every diagnostic code the pipeline emits. Codes are stable: tools may branch
 * on them. Add a code here before emitting it.
 */
import type { Diagnostic } from "../schema/index.js";

export const DIAGNOSTIC_CODES = {
  UNRECOGNISED_BLOCK: "A line the grammar could not place in any field; kept here with its page.",
  UNRECOGNISED_ATTENDEE: "A line in an attendance block that does not read as a person entry.",
  DATE_UNPARSEABLE: "A date label whose value could not be read as a date.",
  TIME_UNPARSEABLE: "A time label whose value could not be read as a time or time span.",
  KIND_UNKNOWN: "The document does not say whether it is a kallelse, protokoll or protokollsutdrag (no longer emitted: see KIND_INFERRED and NOT_A_MEETING_DOCUMENT).",
  KIND_INFERRED: "No heading names the kind; it was inferred from the structure (§ items and attendance: protokoll; one §: protokollsutdrag; an agenda and an invitation: kallelse).",
  NOT_A_MEETING_DOCUMENT: "An error: no kind word and no meeting structure; the input is no kallelse, protokoll or utdrag (a manual, a report, a note).",
  NO_ITEMS: "No § paragraph or agenda item was found (an error: the document did not parse).",
  PARAGRAPH_NOT_COVERED: "A § found in the body is not in the stated 'Protokollet omfattar' range, or the reverse.",
  VOTE_COUNT_MISMATCH: "Named ballots do not add up to the stated vote counts.",
  SECTION_WITHOUT_FIELD: "A recognised section (Tidigare behandling) that has no field in the record; its text is kept in the diagnostic.",
  GRAMMAR_RECOVERY: "The parser skipped or re-synchronised over unexpected lines.",
  PDF_PAGE_FAILED: "pdf.js could not read one page; the rest of the document was parsed.",
  PDF_FONT_WARNING: "pdf.js reported a font problem; text on that page may be incomplete.",
  EMPTY_PAGE: "A page had no text.",
  OUTCOME_UNCLEAR: "An item's decision says nothing the vocabulary knows about how it ended, or says opposite things; its outcome is \"other\".",
  TEXT_ENCODING: "Text input that was not UTF-8 (a byte-order mark, detection or the encoding option chose another); says which encoding was used.",
  // Text-layer quality and OCR (src/ocr).
  TEXT_LAYER_GARBLED: "A page's text layer is garbled (a broken font mapping); the diagnostic's text is a sample of its words.",
  OCR_PAGE: "A page was read by OCR; the message gives its mean word confidence.",
  OCR_LOW_CONFIDENCE: "OCR read a page with a low mean confidence: its text may be wrong.",
  OCR_SKIPPED: "OCR was called for but is not installed; the text layer was parsed as it is.",
  CONTENTS_ITEM_NOT_FOUND: "The table of contents lists a § or agenda item that the body does not have.",
  CONTENTS_TITLE_DIFFERS: "The table of contents gives an item another title than its heading does.",
  // Files that hold several meetings (src/records/meetings.ts).
  SEVERAL_MEETINGS: "The file holds several meetings (each with its own front page); one per meeting, with the page where it starts. parsePdfMeetings / parseTextMeetings return one document per meeting.",
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Whether a diagnostic's code is one this version knows (a record from a newer version may carry others). */
export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTIC_CODES, code);
}

/** Make a diagnostic, cutting its source text to the 200 characters the contract allows. */
export function diagnostic(
  severity: Diagnostic["severity"],
  code: DiagnosticCode,
  message: string,
  page: number | null,
  text: string | null = null,
): Diagnostic {
  return { severity, code, message, page, text: text === null ? null : text.slice(0, 200) };
}
