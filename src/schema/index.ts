/**
 * The record contract, version 1: docs/record.md (shipped in the package) says what every
 * field holds. The JSDoc comments on the fields below reach the inferred types' hover.
 *
 * These zod schemas are the single source of truth: the TypeScript types are
 * inferred from them and the published JSON Schema
 * (`schema/document.schema.json`) is generated from them by the build.
 */
import { z } from "zod";
import type { DiagnosticCode } from "../records/diagnostics.js";

/** ISO 8601 calendar date, "2025-03-07". */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ISO 8601 date (YYYY-MM-DD)");
/** 24 h clock time, zero-padded, "13:05". */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "24 h time (HH:MM)");
/** Text that is either absent (null) or has content; the contract never uses "". */
const text = z.string().min(1);
const pageNumber = z.number().int().min(1);
/**
 * A diagnostic's code: a string in the JSON Schema, so that records from newer versions (with
 * codes added since) still validate; in TypeScript the codes of this version, for completion
 * and comparison, or any string (string & {} keeps the known codes visible in the union).
 */
const diagnosticCode = text as unknown as z.ZodType<DiagnosticCode | (string & {})>;

export const RoleSchema = z
  .enum(["chair", "viceChair", "firstViceChair", "secondViceChair", "secretary", "adjuster", "presenter"])
  .describe(
    'ordförande -> chair; vice ordförande -> viceChair; 1:e/2:e vice ordförande -> first/secondViceChair; sekreterare -> secretary; justerare -> adjuster; föredragande -> presenter',
  );

export const ParticipantGroupSchema = z
  .enum(["member", "servingSubstitute", "substitute", "other"])
  .describe(
    "member: Beslutande ledamöter; servingSubstitute: Tjänstgörande ersättare; substitute: (Ej tjänstgörande) ersättare; other: officials, presenters, övriga närvarande",
  );

export const ParticipantSchema = z.object({
  /** The name as printed, without party, role or affiliation: "Katarina Nyberg Finn". */
  name: text.describe('"Katarina Nyberg Finn": no party, no role, no affiliation'),
  /** Party abbreviation ("S", "M", "KD", a local party's), or null when none is given. */
  party: text.nullable().describe('"S", "M", "KD", or a local party abbreviation'),
  /** Which attendance block: member (beslutande), servingSubstitute (tjänstgörande ersättare), substitute (ersättare), other (officials, övriga närvarande). */
  group: ParticipantGroupSchema,
  /** Meeting roles: chair (ordförande), viceChair, secretary, adjuster (justerare), presenter…; [] when none. */
  roles: z.array(RoleSchema),
  /** Organisation the person comes from: "Region JH", "Strömsunds kommun". */
  affiliation: text.nullable().describe('"Region JH", "Strömsunds kommun"'),
  /** Job title of an official: "Ekonomichef". */
  title: text.nullable().describe('job title of an official: "Ekonomichef"'),
  /** Present only at these § numbers; null = the whole meeting. */
  paragraphs: z.array(z.number().int()).nullable().describe("present only at these §§; null = the whole meeting"),
  /** Whom a serving substitute stands in for ("ersätter X", "tjänstgör för X"). */
  replaces: text.nullable().describe('a serving substitute\'s "ersätter X"'),
  /** 1-based page where the entry stands. */
  page: pageNumber.describe("1-based page where the entry stands"),
});

export const BallotSchema = z.object({
  name: text,
  party: text.nullable(),
  vote: z.enum(["yes", "no", "abstain", "absent"]),
});

/** A person as a motion, reservation or jäv names them, with the party the sentence or the attendance list gives. */
export const PersonRefSchema = z.object({
  name: text,
  party: text.nullable().describe("from the sentence (\"Tove Ahlberg (V)\"), else from the attendance list; null when neither says"),
});

export const VoteSchema = z.object({
  yes: z.number().int().min(0).nullable(),
  no: z.number().int().min(0).nullable(),
  abstain: z.number().int().min(0).nullable(),
  absent: z.number().int().min(0).nullable(),
  ballots: z.array(BallotSchema).describe('the named list ("Omröstningslista"), [] when none'),
  text: z.string().describe("the vote paragraph, verbatim"),
  yesMeans: text.nullable().optional().describe('Added: what a yes vote stood for, from the voteringsproposition / propositionsordning ("ärendets återremiss")'),
  noMeans: text.nullable().optional().describe('Added: what a no vote stood for ("ärendets avgörande idag")'),
});

export const MotionSchema = z.object({
  by: z.array(text).describe("every named person, without party"),
  text: z.string(),
  people: z.array(PersonRefSchema).optional().describe("Added: the people of `by`, each with a party"),
  parties: z.array(text).optional().describe('Added: parties that move as a group ("yrkande från S, V och MP")'),
});

export const ReservationSchema = z.object({
  by: z.array(text),
  text: z.string(),
  people: z.array(PersonRefSchema).optional().describe("Added: the people of `by`, each with a party"),
  parties: z.array(text).optional().describe('Added: parties that reserve as a group ("S-gruppen", "Vänsterpartiets ledamöter")'),
});

/** How an item ended; null when it has no decision (a kallelse item). */
export const OutcomeSchema = z
  .enum(["approved", "approvedWithChanges", "rejected", "answered", "referredBack", "tabled", "noted", "elected", "withdrawn", "other"])
  .describe(
    "approved: bifall (also 'i enlighet med förslaget'); approvedWithChanges: bifall with a tillägg or ändring; rejected: avslag; answered: a motion or medborgarförslag avslås / anses besvarad; referredBack: återremiss; tabled: bordläggning; noted: information, läggs till handlingarna; elected: val, entlediganden; withdrawn: ärendet utgår; other",
  );
/** A section whose heading has no field of its own ("Övervägande", "Ekonomiska konsekvenser:"). */
export const OtherSectionSchema = z.object({
  heading: text.describe('as printed, without a trailing colon: "Ekonomiska konsekvenser"'),
  text: z.string(),
});

export const PageRangeSchema = z.object({ from: pageNumber, to: pageNumber });

/** One earlier handling of a § that the protokoll quotes ("Ungdomsfullmäktige 20.2.2023, 13 §" and its own proposal and decision). */
export const HandlingSchema = z.object({
  body: text.nullable().describe('the organ that handled it: "Stadsstyrelsen"'),
  date: isoDate.nullable(),
  paragraph: z.number().int().nullable().describe("its § at that meeting"),
  proposal: text.nullable(),
  decision: text.nullable(),
});

export const ItemSchema = z.object({
  /** § number in a protokoll: "KS § 12 b" -> 12; null on a kallelse agenda item. */
  paragraph: z.number().int().nullable().describe('§ number: "KS § 12 b" -> 12'),
  /** The § designation as printed, without its Dnr: "KS § 12 b". */
  paragraphLabel: text.nullable().describe('designation as printed, without its Dnr: "KS § 12 b"'),
  /** Position on a kallelse agenda: "3." -> 3. */
  number: z.number().int().nullable().describe('position on a kallelse agenda: "3." -> 3'),
  /** The item's heading (ärendemening). */
  title: z.string(),
  /** Diarienummer (case numbers): "KS 2025/00123". */
  caseNumbers: z.array(text).describe('diarienummer (case numbers): "KS 2025/00123"'),
  /** Scheduled time on a kallelse, "13:25". */
  time: clockTime.nullable().describe("scheduled time on a kallelse"),
  /** Who presents the item (föredragande), one name each. */
  presenters: z.array(text),
  /** Ärendebeskrivning / Sammanfattning / Bakgrund text. */
  description: text.nullable().describe("Ärendebeskrivning / Sammanfattning / Bakgrund"),
  /** Förslag till beslut (the proposed decision), whole, with its numbered points. */
  proposal: text.nullable().describe("Förslag till beslut"),
  /** Yrkanden: who moved what. */
  motions: z.array(MotionSchema).describe("Yrkanden"),
  /** Omröstning: counts and named ballots; null when there was no vote. */
  vote: VoteSchema.nullable().describe("Omröstning"),
  /** Beslut (the decision), whole, with its numbered points. */
  decision: text.nullable().describe("Beslut"),
  /** Reservationer: who reserved themselves against the decision, and their text. */
  reservations: z.array(ReservationSchema),
  /** Protokollsanteckningar (notes entered in the minutes). */
  notes: z.array(z.string()).describe("Protokollsanteckning texts"),
  /** Names of those who declared jäv (a conflict of interest). */
  conflicts: z.array(text).describe('names declaring "jäv" (conflict of interest)'),
  /** Beslutsunderlag entries (the documents the decision rests on), one per line. */
  basis: z.array(text).describe("Beslutsunderlag entries"),
  /** Expedieras till / Beslutet skickas till: recipients. */
  distribution: z.array(text).describe("Expedieras till / Beslutet skickas till"),
  /** "separately" (Paragrafen är justerad) or "immediately" (omedelbart justerad); null when not stated. */
  adjusted: z.enum(["separately", "immediately"]).nullable(),
  /** First and last page of the item. */
  pages: PageRangeSchema,
  outcome: OutcomeSchema.nullable().optional().describe("Added: how the item ended, from its decision, motions and votes"),
  votes: z.array(VoteSchema).optional().describe("Added: every vote of the item in order; `vote` is the first"),
  decisionProcess: text.nullable().optional().describe("Added: Propositionsordning / Beslutsgång, verbatim"),
  conflictPeople: z.array(PersonRefSchema).optional().describe("Added: the people of `conflicts`, each with a party"),
  history: z
    .array(HandlingSchema)
    .optional()
    .describe('Added by protokoll (not in contract v1): earlier handlings quoted under "Tidigare behandling", oldest first; protokoll always writes it, [] when none'),
  otherSections: z
    .array(OtherSectionSchema)
    .optional()
    .describe("Added by protokoll (not in contract v1): sections under a heading the vocabulary does not know, set like the document's other section headings; [] when none"),
});

export const DiagnosticSchema = z.object({
  severity: z.enum(["error", "warning", "info"]),
  /** Stable code, one of {@link DiagnosticCode} from this version (see DIAGNOSTIC_CODES); a newer version may add codes. */
  code: diagnosticCode.describe('stable, documented: "UNRECOGNISED_BLOCK"'),
  message: z.string(),
  page: pageNumber.nullable(),
  text: z.string().max(200).nullable(),
});

export const FurnitureSchema = z.object({ page: pageNumber, text: z.string() });

export const DocumentSchema = z.object({
  /** Version of the record contract; bumped only by a breaking change. */
  schemaVersion: z.literal(1),
  /** protokoll (minutes), kallelse (notice and agenda) or protokollsutdrag (an extract of single §§). */
  kind: z.enum(["protokoll", "kallelse", "protokollsutdrag"]),
  /** The kommun or region: "Region Jämtland Härjedalen". */
  organisation: text.nullable(),
  /** The organ that met: "Kommunstyrelsen", "Socialnämnden". */
  body: text.nullable().describe('the organ: "Kommunstyrelsen"'),
  /** When and where the meeting was held. */
  meeting: z.object({
    /** ISO 8601 date, "2025-03-07". */
    date: isoDate.nullable(),
    /** 24 h start time, "13:00". */
    startTime: clockTime.nullable(),
    /** 24 h end time, "16:00". */
    endTime: clockTime.nullable(),
    /** Where: "Digitalt", "Kommunhuset, Sessionssalen". */
    place: text.nullable(),
  }),
  /** Everyone named in the attendance or invitation blocks and signature lines. */
  participants: z.array(ParticipantSchema),
  /** Justerare: those chosen to check and sign the minutes. */
  adjusters: z.array(text).describe("justerare (those who check and sign the minutes)"),
  /** The §§ the protokoll says it covers ("Protokollet omfattar §9, §§11-12" -> [9, 11, 12]). */
  paragraphsCovered: z.array(z.number().int()),
  /** Agenda items (kallelse) or § paragraphs (protokoll), in document order. */
  items: z.array(ItemSchema),
  /** What was read. */
  source: z.object({
    /** Page count of the PDF (pages of text for text input). */
    pages: z.number().int().min(0),
    /** Where the text came from: the PDF's text layer, given text, or OCR. */
    textSource: z.enum(["pdf", "text", "ocr"]),
    /** SHA-256 of the input bytes, lower-case hex. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
    file: z
      .string()
      .nullable()
      .optional()
      .describe(
        "Added by protokoll (not in contract v1): the file the document was read from, as given (relative in a CLI batch); null for stdin; absent when parsed from bytes or a string",
      ),
  }),
  /** Running headers and footers, page numbers, signature boxes: taken out of the text, kept here. */
  furniture: z.array(FurnitureSchema),
  /** What could not be understood, with page and text; never silently dropped. */
  diagnostics: z.array(DiagnosticSchema),
  /** How far parsing got; always set by protokoll (see {@link ParseStatus}). */
  parseStatus: z
    .enum(["complete", "partial", "failed"])
    .optional()
    .describe(
      "Added by protokoll (not in contract v1): complete = every line placed; partial = some content only in diagnostics; failed = an error diagnostic, nothing usable recognised",
    ),
});

export type Role = z.infer<typeof RoleSchema>;
export type ParticipantGroup = z.infer<typeof ParticipantGroupSchema>;
export type Participant = z.infer<typeof ParticipantSchema>;
export type Ballot = z.infer<typeof BallotSchema>;
export type Vote = z.infer<typeof VoteSchema>;
export type Motion = z.infer<typeof MotionSchema>;
export type Reservation = z.infer<typeof ReservationSchema>;
export type PersonRef = z.infer<typeof PersonRefSchema>;
export type Outcome = z.infer<typeof OutcomeSchema>;
export type PageRange = z.infer<typeof PageRangeSchema>;
export type OtherSection = z.infer<typeof OtherSectionSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type Handling = z.infer<typeof HandlingSchema>;
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type Furniture = z.infer<typeof FurnitureSchema>;
export type DocumentKind = z.infer<typeof DocumentSchema>["kind"];
/** complete: every line placed; partial: some content only in diagnostics; failed: an error diagnostic, nothing usable. */
export type ParseStatus = NonNullable<z.infer<typeof DocumentSchema>["parseStatus"]>;
/**
 * One meeting document as protokoll emits it (record contract v1; every field is described in
 * docs/record.md, shipped in the package: node_modules/protokoll/docs/record.md).
 * `parseStatus` is always set here; DocumentSchema also accepts v1 records made elsewhere, without it.
 */
export type Document = Omit<DocumentRecord, "parseStatus"> & {
  /** How far parsing got: complete, partial (some content only in diagnostics) or failed. */
  parseStatus: ParseStatus;
};
/** Any record of contract v1, as {@link DocumentSchema} validates it: `parseStatus` may be missing (records not made by protokoll). */
export type DocumentRecord = z.infer<typeof DocumentSchema>;

/** The JSON Schema (draft 2020-12) of {@link DocumentSchema}, generated by zod; published as `schema/document.schema.json`. */
export function documentJsonSchema(): Record<string, unknown> {
  return {
    title: "protokoll Document (record contract v1)",
    ...(z.toJSONSchema(DocumentSchema, { target: "draft-2020-12" }) as Record<string, unknown>),
  };
}
