/**
 * The record contract, version 1 (see SCHEMA.md in the project's shared spec).
 *
 * These zod schemas are the single source of truth: the TypeScript types are
 * inferred from them and the published JSON Schema
 * (`schema/document.schema.json`) is generated from them by the build.
 */
import { z } from "zod";

/** ISO 8601 calendar date, "2025-03-07". */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ISO 8601 date (YYYY-MM-DD)");
/** 24 h clock time, zero-padded, "13:05". */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "24 h time (HH:MM)");
/** Text that is either absent (null) or has content; the contract never uses "". */
const text = z.string().min(1);
const pageNumber = z.number().int().min(1);

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
  name: text.describe('"Katarina Nyberg Finn": no party, no role, no affiliation'),
  party: text.nullable().describe('"S", "M", "KD", or a local party abbreviation'),
  group: ParticipantGroupSchema,
  roles: z.array(RoleSchema),
  affiliation: text.nullable().describe('"Region JH", "Strömsunds kommun"'),
  title: text.nullable().describe('job title of an official: "Ekonomichef"'),
  paragraphs: z.array(z.number().int()).nullable().describe("present only at these §§; null = the whole meeting"),
  replaces: text.nullable().describe('a serving substitute\'s "ersätter X"'),
  page: pageNumber.describe("1-based page where the entry stands"),
});

export const BallotSchema = z.object({
  name: text,
  party: text.nullable(),
  vote: z.enum(["yes", "no", "abstain", "absent"]),
});

export const VoteSchema = z.object({
  yes: z.number().int().min(0).nullable(),
  no: z.number().int().min(0).nullable(),
  abstain: z.number().int().min(0).nullable(),
  absent: z.number().int().min(0).nullable(),
  ballots: z.array(BallotSchema).describe('the named list ("Omröstningslista"), [] when none'),
  text: z.string().describe("the vote paragraph, verbatim"),
});

export const MotionSchema = z.object({
  by: z.array(text).describe("every named person, without party"),
  text: z.string(),
});

export const ReservationSchema = z.object({
  by: z.array(text),
  text: z.string(),
});

/** A section whose heading has no field of its own ("Övervägande", "Ekonomiska konsekvenser:"). */
export const OtherSectionSchema = z.object({
  heading: text.describe('as printed, without a trailing colon: "Ekonomiska konsekvenser"'),
  text: z.string(),
});

export const PageRangeSchema = z.object({ from: pageNumber, to: pageNumber });

export const ItemSchema = z.object({
  paragraph: z.number().int().nullable().describe('§ number: "KS § 12 b" -> 12'),
  paragraphLabel: text.nullable().describe('designation as printed, without its Dnr: "KS § 12 b"'),
  number: z.number().int().nullable().describe('position on a kallelse agenda: "3." -> 3'),
  title: z.string(),
  caseNumbers: z.array(text).describe('diarienummer (case numbers): "KS 2025/00123"'),
  time: clockTime.nullable().describe("scheduled time on a kallelse"),
  presenters: z.array(text),
  description: text.nullable().describe("Ärendebeskrivning / Sammanfattning / Bakgrund"),
  proposal: text.nullable().describe("Förslag till beslut"),
  motions: z.array(MotionSchema).describe("Yrkanden"),
  vote: VoteSchema.nullable().describe("Omröstning"),
  decision: text.nullable().describe("Beslut"),
  reservations: z.array(ReservationSchema),
  notes: z.array(z.string()).describe("Protokollsanteckning texts"),
  conflicts: z.array(text).describe('names declaring "jäv" (conflict of interest)'),
  basis: z.array(text).describe("Beslutsunderlag entries"),
  distribution: z.array(text).describe("Expedieras till / Beslutet skickas till"),
  adjusted: z.enum(["separately", "immediately"]).nullable(),
  pages: PageRangeSchema,
  otherSections: z
    .array(OtherSectionSchema)
    .optional()
    .describe("Added by protokoll (not in contract v1): sections under a heading the vocabulary does not know, set like the document's other section headings; [] when none"),
});

export const DiagnosticSchema = z.object({
  severity: z.enum(["error", "warning", "info"]),
  code: text.describe('stable, documented: "UNRECOGNISED_BLOCK"'),
  message: z.string(),
  page: pageNumber.nullable(),
  text: z.string().max(200).nullable(),
});

export const FurnitureSchema = z.object({ page: pageNumber, text: z.string() });

export const DocumentSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.enum(["protokoll", "kallelse", "protokollsutdrag"]),
  organisation: text.nullable(),
  body: text.nullable().describe('the organ: "Kommunstyrelsen"'),
  meeting: z.object({
    date: isoDate.nullable(),
    startTime: clockTime.nullable(),
    endTime: clockTime.nullable(),
    place: text.nullable(),
  }),
  participants: z.array(ParticipantSchema),
  adjusters: z.array(text).describe("justerare (those who check and sign the minutes)"),
  paragraphsCovered: z.array(z.number().int()),
  items: z.array(ItemSchema),
  source: z.object({
    pages: z.number().int().min(0),
    textSource: z.enum(["pdf", "text", "ocr"]),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  }),
  furniture: z.array(FurnitureSchema),
  diagnostics: z.array(DiagnosticSchema),
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
export type PageRange = z.infer<typeof PageRangeSchema>;
export type OtherSection = z.infer<typeof OtherSectionSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type Furniture = z.infer<typeof FurnitureSchema>;
export type Document = z.infer<typeof DocumentSchema>;
export type DocumentKind = Document["kind"];

/** The JSON Schema (draft 2020-12) of {@link DocumentSchema}, generated by zod; published as `schema/document.schema.json`. */
export function documentJsonSchema(): Record<string, unknown> {
  return {
    title: "protokoll Document (record contract v1)",
    ...(z.toJSONSchema(DocumentSchema, { target: "draft-2020-12" }) as Record<string, unknown>),
  };
}
