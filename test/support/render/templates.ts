/**
 * Five visibly different house styles, each modelled on a real producer of
 * Swedish meeting documents (see the dev set README and the real set's
 * Finland-Swedish protokoll): what differs is where
 * labels stand, how a § heading and its Dnr are printed, what the headings
 * are called and in which order, and what furniture each page carries.
 */
import { genitive, type DateStyle, type EntryStyle } from "./swedish.js";

export type SectionKey =
  | "description"
  | "proposal"
  | "motions"
  | "vote"
  | "decision"
  | "reservations"
  | "notes"
  | "conflicts"
  | "basis"
  | "distribution";

export type FurnitureStyle = "sidaAv" | "bracketed" | "sidaParen" | "footerOnly" | "paragraphHeader";

export interface Template {
  name: TemplateName;
  /** Front page: a two-column label/value table, or labels on their own line with values below. */
  front: "table" | "stacked";
  /** Ordförande / Justerande / Sekreterare: on the front page (regional style) or at the end. */
  signatures: "front" | "end";
  entryStyle: EntryStyle;
  dateStyle: DateStyle;
  timeSeparator: ":" | ".";
  /** "§ 9", "§9", "KS § 9" (the organ's abbreviation before the §) or "9 §" (Finland-Swedish, Word era). */
  designation: "spaced" | "compact" | "prefixed" | "after";
  /** Where a Dnr stands: above the § heading, after the designation on its line, or below the title. */
  dnr: "above" | "sameLine" | "below";
  headingCase: "plain" | "caps";
  sectionOrder: SectionKey[];
  /** Heading of each section; `body` is the organ, for "Kommunstyrelsens beslut". */
  headings: (body: string) => Record<SectionKey, string>;
  distribution: "lines" | "comma";
  bullet: string;
  hyphenate: boolean;
  furniture: FurnitureStyle;
  agenda: "list" | "table";
  /** How attendance entries and ballots print the party: "(S)", or "(s)" as some secretaries type it. */
  partyCase: "upper" | "lower";
  /** Table families (issue 11): what this template prints as a table, when anything. */
  tables?: TableStyle;
  /** Each § starts a new page (meeting systems that print one § per page, for utdrag). */
  pagePerItem?: boolean;
  /** Section headings end in a colon: "Beslut:", "Förslag:". */
  headingColon?: boolean;
  /** The template has sections the vocabulary does not know ("Ekonomiska konsekvenser:"): items may carry otherSections. */
  unknownHeadings?: boolean;
  /** How the front page states the meeting: in rows, or in one kungörelse sentence ("Kommunfullmäktige sammanträder i ..."). */
  meetingSentence?: boolean;
  /** How an entry says whom a serving substitute replaces: "ersättare för" (default) or "tjg för". */
  replacesWord?: string;
  /** The § range stands on the signature block's first line ("Underskrifter   Paragrafer 112–127"), not on the front page. */
  paragraphsInSignatures?: boolean;
  /** A line over a kallelse's numbered list of ärenden ("Ärenden"). */
  agendaTitle?: string;
}

/**
 * Tables and side headings, each family in a template of its own:
 * - `agenda`: a kallelse's agenda as a table with a header row (columns of one of two sets);
 * - `attendance`: a protokoll's members and substitutes as tables with presence marks;
 * - `ballotMarks`: an omröstningslista with a mark under Ja / Nej / Avstår;
 * - `sideHeadings`: § designation and section headings in a left column, their text beside them;
 * - `contents`: a table of contents page (dot leaders, page numbers) after the front page.
 * A third of the agenda, attendance and ballot tables (by the meeting's month)
 * print no header row. `toText` sets one space between cells, so its text keeps
 * no columns and only `contents` is read back from it; the other table families
 * are read back as text from `pdftotext -layout` of their PDFs
 * (test/properties/texttables.test.ts, the eval's "(text)" families).
 */
export interface TableStyle {
  agenda?: boolean;
  attendance?: boolean;
  ballotMarks?: boolean;
  sideHeadings?: boolean;
  contents?: boolean;
}

type HouseStyleName = "tabell" | "region" | "storstad" | "fullmaktige" | "finland";
/** Meeting-system and Word-era templates (issue 11): one § per page, Word-era headings, a kungörelse. */
type EraTemplateName = "paragrafsida" | "ordformat" | "kungorelse";
export type TemplateName = HouseStyleName | TableTemplateName | EraTemplateName;
export type TableTemplateName = "dagordningstabell" | "narvarolista" | "omrostningslista" | "sidorubriker" | "innehall";

const CLASSIC_ORDER: SectionKey[] = [
  "description", "proposal", "motions", "vote", "decision", "reservations", "notes", "conflicts", "basis", "distribution",
];

const HOUSE_STYLES: Record<HouseStyleName, Template> = {
  // Chromium print of a nämnd template: borderless label/value table, Dnr above the §.
  tabell: {
    name: "tabell",
    front: "table",
    signatures: "end",
    entryStyle: "comma",
    dateStyle: "iso",
    timeSeparator: ".",
    designation: "spaced",
    dnr: "above",
    headingCase: "plain",
    sectionOrder: CLASSIC_ORDER,
    headings: () => ({
      description: "Sammanfattning",
      proposal: "Förvaltningens förslag till beslut",
      motions: "Yrkanden",
      vote: "Omröstning",
      decision: "Beslut",
      reservations: "Reservation",
      notes: "Protokollsanteckning",
      conflicts: "Jäv",
      basis: "Beslutsunderlag",
      distribution: "Beslutet skickas till",
    }),
    distribution: "lines",
    bullet: "•",
    hyphenate: true,
    furniture: "sidaAv",
    agenda: "list",
    partyCase: "upper",
  },
  // A region's Word template: signatures first, entries with roles in parentheses, "§9".
  region: {
    name: "region",
    front: "table",
    signatures: "front",
    entryStyle: "parens",
    dateStyle: "weekday",
    timeSeparator: ":",
    designation: "compact",
    dnr: "below",
    headingCase: "plain",
    sectionOrder: ["description", "proposal", "motions", "vote", "decision", "reservations", "conflicts", "notes", "basis", "distribution"],
    headings: () => ({
      description: "Ärendebeskrivning",
      proposal: "Förslag till beslut",
      motions: "Yrkande",
      vote: "Votering",
      decision: "Beslut",
      reservations: "Reservationer",
      notes: "Protokollsanteckningar",
      conflicts: "Anmälan om jäv",
      basis: "Underlag",
      distribution: "Expedieras till",
    }),
    distribution: "lines",
    bullet: "–",
    hyphenate: false,
    furniture: "bracketed",
    agenda: "table",
    partyCase: "lower",
  },
  // A big city's system: "KS § 219 Dnr KS 2025/00123" on one line, the decision first.
  storstad: {
    name: "storstad",
    front: "stacked",
    signatures: "end",
    entryStyle: "comma",
    dateStyle: "long",
    timeSeparator: ".",
    designation: "prefixed",
    dnr: "sameLine",
    headingCase: "plain",
    sectionOrder: ["decision", "reservations", "notes", "conflicts", "basis", "description", "proposal", "motions", "vote", "distribution"],
    headings: (body) => ({
      description: "Ärendet",
      proposal: "Förvaltningens förslag",
      motions: "Yrkanden",
      vote: "Omröstning",
      decision: `${genitive(body)} beslut`,
      reservations: "Reservationer",
      notes: "Protokollsanteckningar",
      conflicts: "Jäv",
      basis: "Handlingar",
      distribution: "Expedieras",
    }),
    distribution: "comma",
    bullet: "",
    hyphenate: true,
    furniture: "sidaParen",
    agenda: "list",
    partyCase: "upper",
  },
  // An HTML import without running headers: CAPS headings, Dnr as "Diarienummer:" under the title.
  fullmaktige: {
    name: "fullmaktige",
    front: "stacked",
    signatures: "end",
    entryStyle: "parens",
    dateStyle: "weekday",
    timeSeparator: ":",
    designation: "spaced",
    dnr: "below",
    headingCase: "caps",
    sectionOrder: ["description", "motions", "proposal", "vote", "decision", "reservations", "notes", "conflicts", "distribution", "basis"],
    headings: () => ({
      description: "Bakgrund",
      proposal: "Förslag till beslut",
      motions: "Yrkanden",
      vote: "Omröstning",
      decision: "Beslut",
      reservations: "Reservation",
      notes: "Protokollsanteckning",
      conflicts: "Jäv",
      basis: "Beslutsunderlag",
      distribution: "Expedieras till",
    }),
    distribution: "lines",
    bullet: "•",
    hyphenate: true,
    furniture: "footerOnly",
    agenda: "table",
    partyCase: "upper",
  },
  // A Finland-Swedish case system (the real Nykarleby protokoll): head block Organ / Sammanträdestid /
  // Sammanträdesplats / "Ärenden 16 – 22 §", [X]/[ ] attendance, electronic signatures first name first,
  // "16 § Title", "Förslag:" / "<Organ>s beslut:", and a § quoting its earlier handlings block by block.
  finland: {
    name: "finland",
    front: "table",
    signatures: "front",
    entryStyle: "comma",
    dateStyle: "finnish",
    timeSeparator: ":",
    designation: "after",
    dnr: "above",
    headingCase: "plain",
    sectionOrder: CLASSIC_ORDER,
    headings: (body) => ({
      description: "Beredning",
      proposal: "Förslag:",
      motions: "Yrkanden",
      vote: "Omröstning",
      decision: `${genitive(body)} beslut:`,
      reservations: "Reservationer",
      notes: "Protokollsanteckning",
      conflicts: "Jäv",
      basis: "Bilagor",
      distribution: "Delges",
    }),
    distribution: "lines",
    bullet: "–",
    hyphenate: true,
    furniture: "sidaAv",
    agenda: "list",
    partyCase: "upper",
  },
};

export const TEMPLATES: Record<TemplateName, Template> = {
  ...HOUSE_STYLES,
  // Table families (issue 11), each an existing house style with one table feature.
  dagordningstabell: { ...HOUSE_STYLES.tabell, name: "dagordningstabell", tables: { agenda: true } },
  narvarolista: { ...HOUSE_STYLES.region, name: "narvarolista", signatures: "end", tables: { attendance: true } },
  omrostningslista: { ...HOUSE_STYLES.tabell, name: "omrostningslista", tables: { ballotMarks: true } },
  sidorubriker: { ...HOUSE_STYLES.tabell, name: "sidorubriker", hyphenate: false, tables: { sideHeadings: true } },
  innehall: { ...HOUSE_STYLES.storstad, name: "innehall", tables: { contents: true } },
  // A meeting system that prints one § per page, the § and date in the running header ("BUN § 14   2024-02-06   Sida 3(19)").
  paragrafsida: {
    name: "paragrafsida",
    front: "table",
    signatures: "end",
    entryStyle: "comma",
    dateStyle: "iso",
    timeSeparator: ".",
    designation: "prefixed",
    dnr: "below",
    headingCase: "plain",
    sectionOrder: CLASSIC_ORDER,
    headings: (body) => ({
      description: "Sammanfattning av ärendet",
      proposal: "Förvaltningens förslag till beslut",
      motions: "Yrkanden",
      vote: "Omröstning",
      decision: `${genitive(body)} beslut`,
      reservations: "Reservationer",
      notes: "Protokollsanteckningar",
      conflicts: "Jäv",
      basis: "Beslutsunderlag",
      distribution: "Beslutet skickas till",
    }),
    distribution: "lines",
    bullet: "•",
    hyphenate: false,
    furniture: "paragraphHeader",
    agenda: "list",
    partyCase: "upper",
    pagePerItem: true,
  },
  // A Word-era template: "12 §", headings ending in a colon, sections the vocabulary does not know, "tjg för".
  ordformat: {
    name: "ordformat",
    front: "table",
    signatures: "end",
    entryStyle: "comma",
    dateStyle: "long",
    timeSeparator: ".",
    designation: "after",
    dnr: "above",
    headingCase: "plain",
    sectionOrder: ["description", "proposal", "motions", "vote", "decision", "reservations", "notes", "conflicts", "basis", "distribution"],
    headings: () => ({
      description: "Beredning",
      proposal: "Förslag",
      motions: "Behandling",
      vote: "Omröstning",
      decision: "Beslut",
      reservations: "Reservation",
      notes: "Protokollsanteckning",
      conflicts: "Jäv",
      basis: "Handlingar",
      distribution: "Expedieras till",
    }),
    distribution: "lines",
    bullet: "-",
    hyphenate: false,
    furniture: "bracketed",
    agenda: "list",
    partyCase: "upper",
    headingColon: true,
    unknownHeadings: true,
    replacesWord: "tjg för",
    paragraphsInSignatures: true,
  },
  // A fullmäktige kungörelse: the meeting stated in one sentence, then the numbered ärenden.
  kungorelse: {
    name: "kungorelse",
    front: "stacked",
    signatures: "end",
    entryStyle: "parens",
    dateStyle: "weekday",
    timeSeparator: ".",
    designation: "spaced",
    dnr: "below",
    headingCase: "plain",
    sectionOrder: CLASSIC_ORDER,
    headings: () => ({
      description: "Ärendebeskrivning",
      proposal: "Förslag till beslut",
      motions: "Yrkanden",
      vote: "Omröstning",
      decision: "Beslut",
      reservations: "Reservation",
      notes: "Protokollsanteckning",
      conflicts: "Jäv",
      basis: "Beslutsunderlag",
      distribution: "Expedieras till",
    }),
    distribution: "lines",
    bullet: "•",
    hyphenate: true,
    furniture: "footerOnly",
    agenda: "list",
    partyCase: "upper",
    meetingSentence: true,
    agendaTitle: "Ärenden",
  },
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];
export const TABLE_TEMPLATE_NAMES: TableTemplateName[] = ["dagordningstabell", "narvarolista", "omrostningslista", "sidorubriker", "innehall"];
/** Templates whose extracted text keeps what the record needs (a table's columns are lost in `toText`). */
export const TEXT_TEMPLATE_NAMES = TEMPLATE_NAMES.filter((name) => {
  const tables = TEMPLATES[name].tables;
  return !tables || tables.contents === true;
});
