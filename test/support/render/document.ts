/**
 * A `Document` record laid out as a meeting document in one of the templates.
 *
 * The layout returns the pages and the record as rendered: the same record with
 * the page of every attendance entry and § filled in from where the lines
 * actually fell, and `source.pages` set. That record is what a parser must give
 * back for the rendered output.
 */
import type { DocumentRecord, Item, Participant } from "../../../src/schema/index.js";
import { Flow, PAGE, type Block, type Cell, type Page, type PlacedLine } from "./flow.js";
import { textWidth } from "./metrics.js";
import {
  firstNameFirst,
  MONTHS,
  WEEKDAYS,
  formatDate,
  formatEntry,
  formatParagraphSet,
  formatTimeSpan,
  genitive,
  listWithOch,
  nameWithParty,
} from "./swedish.js";
import { TEMPLATES, type SectionKey, type Template } from "./templates.js";

export interface Layout {
  pages: Page[];
  /** The input record with the pages where things were printed. */
  document: DocumentRecord;
}

const SIZE = { body: 10, small: 8.5, heading: 10.5, title: 11.5, kind: 15 } as const;
const LABEL_WIDTH = 150;
const VALUE_X = PAGE.left + LABEL_WIDTH + 10;
const VALUE_WIDTH = PAGE.right - VALUE_X;

/**
 * Page furniture to print: everything the template has, or only its page
 * number, alone on its line (some regression fixtures were found that way).
 */
export type FurnitureMode = "all" | "pageNumbersOnly";

export interface LayoutOptions {
  furniture?: FurnitureMode;
  /** Let paragraphs run on over a page break (default true). */
  splitParagraphs?: boolean;
}

export function layoutDocument(input: DocumentRecord, template: Template, options: LayoutOptions = {}): Layout {
  if (!template.tables?.contents || input.kind === "protokollsutdrag") return layoutPass(input, template, options, null);
  // A table of contents names the pages its items fall on: lay out once to learn them.
  const first = layoutPass(input, template, options, input.items.map(() => 0));
  return layoutPass(input, template, options, first.document.items.map((item) => item.pages.from));
}

function layoutPass(input: DocumentRecord, template: Template, options: LayoutOptions, contentsPages: number[] | null): Layout {
  const furniture = options.furniture ?? "all";
  const doc: DocumentRecord = structuredClone(input);
  doc.furniture = [];
  doc.diagnostics = [];
  keepPrintableHistory(doc, template);
  if (template.name === "finland" && doc.kind === "protokoll" && doc.paragraphsCovered.length > 0) {
    // "Ärenden 16 – 22 §" states a range: every § from the first to the last.
    const [first, last] = [Math.min(...doc.paragraphsCovered), Math.max(...doc.paragraphsCovered)];
    doc.paragraphsCovered = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }
  const flow = new Flow(template.furniture === "footerOnly" ? PAGE.top + 20 : PAGE.top, options.splitParagraphs === false);
  const ctx = new Context(doc, template);
  flow.add(frontPage(ctx));
  if (contentsPages) flow.add(contentsBlocks(ctx, contentsPages));
  if (template.agendaTitle && doc.kind === "kallelse") flow.add([text(template.agendaTitle, "bold", SIZE.title, { gap: 1.2 })]);
  if (template.tables?.agenda && doc.kind === "kallelse") flow.add(agendaTableBlocks(ctx));
  else doc.items.forEach((item) => flow.add([...(template.pagePerItem && item.paragraph !== null ? [{ type: "pageBreak" } as const] : []), ...itemBlocks(ctx, item)]));
  if (doc.kind !== "kallelse" && template.signatures === "end") flow.add(signatureBlocks(ctx));
  const pages = flow.pages;
  pages.forEach((page, i) => addFurniture(page, i + 1, pages.length, ctx, furniture));
  doc.source.pages = pages.length;
  return { pages, document: doc };
}

/** What every block builder needs: the record, the template and page trackers. */
class Context {
  constructor(
    readonly doc: DocumentRecord,
    readonly template: Template,
  ) {}

  heading(text: string): string {
    const cased = this.template.headingCase === "caps" ? text.toLocaleUpperCase("sv") : text;
    return this.template.headingColon ? `${cased}:` : cased;
  }

  date(): string | null {
    return this.doc.meeting.date ? formatDate(this.doc.meeting.date, this.template.dateStyle) : null;
  }

  timeSpan(): string | null {
    return formatTimeSpan(this.doc.meeting.startTime, this.doc.meeting.endTime, this.template.timeSeparator);
  }

  /** Tracker that records the page of a participant's entry. */
  entryTracker(participant: Participant): (page: number) => void {
    return (page) => {
      participant.page = page;
    };
  }

  /** A party as this template prints it; the record keeps the abbreviation in upper case. */
  party(party: string | null): string | null {
    return party && this.template.partyCase === "lower" ? party.toLocaleLowerCase("sv") : party;
  }

  partyOf(name: string): string | null {
    return this.party(this.doc.participants.find((p) => p.name === name)?.party ?? null);
  }

  entry(participant: Participant): string {
    return formatEntry({ ...participant, party: this.party(participant.party) }, this.template.entryStyle, this.template.replacesWord);
  }
}

// ---------------------------------------------------------------------------
// Front page
// ---------------------------------------------------------------------------

export const KIND_TITLES: Partial<Record<Template["name"], Record<DocumentRecord["kind"], string>>> = {
  tabell: { protokoll: "Sammanträdesprotokoll", kallelse: "Kallelse", protokollsutdrag: "Protokollsutdrag" },
  region: { protokoll: "PROTOKOLL", kallelse: "KALLELSE/FÖREDRAGNINGSLISTA", protokollsutdrag: "PROTOKOLLSUTDRAG" },
  storstad: { protokoll: "Protokoll", kallelse: "Föredragningslista", protokollsutdrag: "Utdrag ur protokoll" },
  fullmaktige: { protokoll: "Protokoll", kallelse: "Kallelse", protokollsutdrag: "Protokollsutdrag" },
  finland: { protokoll: "Protokoll", kallelse: "Föredragningslista", protokollsutdrag: "Protokollsutdrag" },
  paragrafsida: { protokoll: "Protokoll", kallelse: "Kallelse", protokollsutdrag: "Protokollsutdrag" },
  ordformat: { protokoll: "SAMMANTRÄDESPROTOKOLL", kallelse: "KALLELSE", protokollsutdrag: "PROTOKOLLSUTDRAG" },
  kungorelse: { protokoll: "Protokoll", kallelse: "Kungörelse", protokollsutdrag: "Protokollsutdrag" },
};

const GROUP_LABELS: Record<Participant["group"], [string, string]> = {
  // [table label, stacked label]
  member: ["Beslutande ledamöter", "Ledamöter"],
  servingSubstitute: ["Tjänstgörande ersättare", "Tjänstgörande ersättare"],
  substitute: ["Ej tjänstgörande ersättare", "Ersättare"],
  other: ["Övriga närvarande", "Övriga deltagare"],
};

function frontPage(ctx: Context): Block[] {
  const { doc, template } = ctx;
  const blocks: Block[] = [];
  if (doc.organisation) blocks.push(text(doc.organisation, "regular", SIZE.title));
  blocks.push(text((KIND_TITLES[template.name] ?? KIND_TITLES.tabell!)[doc.kind], "bold", SIZE.kind, { gap: 0.3 }));
  if (doc.body) blocks.push(text(doc.body, "bold", SIZE.title + 1, { gap: 0.3 }));
  if (template.name === "finland" && doc.kind === "protokoll") {
    for (const row of finnishHeadBlock(ctx)) blocks.push(...tableRow(row));
    blocks.push(...electronicSignatures(ctx));
    return blocks;
  }
  if (doc.kind !== "kallelse" && template.signatures === "front") blocks.push(...signatureBlocks(ctx));
  const attendance = template.tables?.attendance === true && doc.kind === "protokoll";
  const sentence = kungorelse(ctx);
  if (sentence) blocks.push(text(sentence, "regular", SIZE.body, { gap: 1 }));
  const rows = frontRows(ctx, sentence !== null);
  for (const row of rows) {
    if (attendance && row.group && row.group !== "other") {
      if (row.group === firstGroup(rows)) blocks.push(...attendanceTableBlocks(ctx));
      continue;
    }
    if (template.front === "table") blocks.push(...tableRow(row));
    else blocks.push(...stackedRow(row));
  }
  return blocks;
}

interface FrontRow {
  label: string;
  values: string[];
  /** One tracker per value line, for attendance entries. */
  trackers?: ((page: number) => void)[];
  /** Stacked templates print short values after the label: "Tid: kl. 13.00". */
  inline?: boolean;
  /** An attendance list: which group it lists. */
  group?: Participant["group"];
}

function firstGroup(rows: FrontRow[]): Participant["group"] | undefined {
  return rows.find((row) => row.group && row.group !== "other")?.group;
}

/** "Kommunfullmäktige sammanträder i Folkets hus, stora salen, tisdagen den 17 mars 2026 kl. 18.30–21.00." */
function kungorelse(ctx: Context): string | null {
  const { doc, template } = ctx;
  const date = ctx.date();
  if (!template.meetingSentence || doc.kind !== "kallelse" || !doc.body || !date) return null;
  const place = doc.meeting.place ? ` i ${doc.meeting.place},` : "";
  const span = ctx.timeSpan();
  return `${doc.body} sammanträder${place} ${date}${span ? ` ${span}` : ""}.`;
}

function frontRows(ctx: Context, meetingStated = false): FrontRow[] {
  const { doc, template } = ctx;
  const rows: FrontRow[] = [];
  const date = meetingStated ? null : ctx.date();
  const span = meetingStated ? null : ctx.timeSpan();
  const place = meetingStated ? null : doc.meeting.place;
  if (template.name === "tabell" && doc.kind === "protokoll") {
    const values = [place, [date, span].filter(Boolean).join(", ")].filter((v): v is string => !!v);
    if (values.length) rows.push({ label: "Plats och tid", values });
  } else {
    if (date) rows.push({ label: template.front === "table" ? "Sammanträdesdatum" : "Datum", values: [date], inline: true });
    if (template.front === "table" && doc.kind !== "kallelse") {
      const value = [place, span].filter(Boolean).join(" ");
      if (value) rows.push({ label: "Plats och tid", values: [value] });
    } else {
      if (span) rows.push({ label: "Tid", values: [span], inline: true });
      if (place) rows.push({ label: "Plats", values: [place], inline: true });
    }
  }
  if (doc.kind === "protokollsutdrag") return rows;
  // A kallelse invites "Ledamöter" and "Ersättare": nobody has decided anything yet.
  const stacked = template.front === "stacked" || doc.kind === "kallelse" ? 1 : 0;
  for (const group of ["member", "servingSubstitute", "substitute", "other"] as const) {
    const people = doc.participants.filter((p) => p.group === group);
    if (people.length === 0) continue;
    rows.push({
      label: GROUP_LABELS[group][stacked]!,
      values: people.map((p) => ctx.entry(p)),
      trackers: people.map((p) => ctx.entryTracker(p)),
      group,
    });
  }
  if (doc.kind === "protokoll") {
    if (doc.adjusters.length) rows.push({ label: "Utses att justera", values: [listWithOch(doc.adjusters)], inline: true });
    if (template.name === "tabell") rows.push({ label: "Justeringens plats och tid", values: ["Kommunkansliet"] });
    if (doc.paragraphsCovered.length && !template.paragraphsInSignatures) {
      const label = template.front === "table" ? "Protokollet omfattar" : "Paragrafer";
      const compact = template.name === "region";
      const value = formatParagraphSet(doc.paragraphsCovered, compact);
      rows.push({ label, values: [compact ? value.replace(/–/g, "-") : value], inline: true });
    }
  }
  return rows;
}

/** An absent member's entry: printed with an empty box, in no field of the record. */
const ABSENT_MEMBER = "Liljeqvist Ella";

/**
 * The Finland-Swedish head block: "Organ", "Sammanträdestid 9.5.2023 kl. 16:15 – 17:22",
 * "Sammanträdesplats", "Ärenden 16 – 22 §", then "Beslutande" with a checkbox list
 * ("ordinarie", then "ersättare" serving in the meeting), plain "Ersättare" and "Övriga närvarande".
 */
function finnishHeadBlock(ctx: Context): FrontRow[] {
  const { doc } = ctx;
  const rows: FrontRow[] = [];
  if (doc.body) rows.push({ label: "Organ", values: [doc.body] });
  const date = ctx.date();
  const { startTime, endTime } = doc.meeting;
  const span = startTime ? `kl. ${startTime}${endTime ? ` – ${endTime}` : ""}` : null;
  const when = [date, span].filter(Boolean).join(" ");
  if (when) rows.push({ label: "Sammanträdestid", values: [when] });
  if (doc.meeting.place) rows.push({ label: "Sammanträdesplats", values: [doc.meeting.place] });
  if (doc.paragraphsCovered.length) {
    rows.push({ label: "Ärenden", values: [`${doc.paragraphsCovered[0]} – ${doc.paragraphsCovered[doc.paragraphsCovered.length - 1]} §`] });
  }
  const members = doc.participants.filter((p) => p.group === "member");
  const serving = doc.participants.filter((p) => p.group === "servingSubstitute");
  const values = ["ordinarie", ...members.map((p) => `[X] ${ctx.entry(p)}`), `[ ] ${ABSENT_MEMBER}`];
  const trackers: ((page: number) => void)[] = [() => {}, ...members.map((p) => ctx.entryTracker(p)), () => {}];
  if (serving.length) {
    values.push("ersättare", ...serving.map((p) => `[X] ${ctx.entry(p)}`));
    trackers.push(() => {}, ...serving.map((p) => ctx.entryTracker(p)));
  }
  rows.push({ label: "Beslutande", values, trackers });
  for (const [group, label] of [["substitute", "Ersättare"], ["other", "Övriga närvarande"]] as const) {
    const people = doc.participants.filter((p) => p.group === group);
    if (people.length) rows.push({ label, values: people.map((p) => ctx.entry(p)), trackers: people.map((p) => ctx.entryTracker(p)) });
  }
  return rows;
}

/**
 * "Elektroniska underskrifter": each signer's name, first name first, over its caption; then
 * "Elektronisk protokolljustering" and the justerare. One name a line, so text output keeps them apart.
 */
function electronicSignatures(ctx: Context): Block[] {
  const { doc } = ctx;
  const signers: [Participant, string][] = [
    ...doc.participants.filter((p) => p.roles.includes("chair")).map((p): [Participant, string] => [p, "ordförande"]),
    ...doc.participants.filter((p) => p.roles.includes("secretary")).map((p): [Participant, string] => [p, "protokollförare"]),
  ];
  const blocks: Block[] = [];
  if (signers.length) {
    blocks.push(text("Elektroniska underskrifter", "bold", SIZE.body, { gap: 1, keepWithNext: true }));
    signers.forEach(([person, caption], i) => {
      blocks.push(text(firstNameFirst(person.name), "regular", SIZE.body, { gap: i === 0 ? 0.5 : 0.8, keepWithNext: true }));
      blocks.push(text(caption, "regular", SIZE.small));
    });
  }
  if (doc.adjusters.length) {
    blocks.push(text("Elektronisk protokolljustering", "bold", SIZE.body, { gap: 1, keepWithNext: true }));
    doc.adjusters.forEach((name, i) => blocks.push(text(firstNameFirst(name), "regular", SIZE.body, { gap: i === 0 ? 0.5 : 0 })));
  }
  return blocks;
}

/**
 * Earlier handlings print only in the Finland-Swedish template, and only where this
 * meeting's own block can be dated and numbered; elsewhere the record has none.
 */
function keepPrintableHistory(doc: DocumentRecord, template: Template): void {
  for (const item of doc.items) {
    const printable = template.name === "finland" && doc.meeting.date !== null && doc.body !== null && item.paragraph !== null;
    item.history = printable
      ? (item.history ?? []).filter((h) => !(h.date === doc.meeting.date && h.paragraph === item.paragraph))
      : [];
  }
}

function tableRow(row: FrontRow): Block[] {
  return row.values.map((value, i) => ({
    type: "row",
    size: SIZE.body,
    gap: i === 0 ? 0.5 : 0,
    cells: [
      ...(i === 0 ? [{ x: PAGE.left, width: LABEL_WIDTH, text: row.label, face: "bold" } satisfies Cell] : []),
      { x: VALUE_X, width: VALUE_WIDTH, text: value, face: "regular" },
    ],
    ...(row.trackers?.[i] && { track: row.trackers[i] }),
  }));
}

function stackedRow(row: FrontRow): Block[] {
  if (row.inline && row.values.length === 1) {
    return [text(`${row.label}: ${row.values[0]}`, "regular", SIZE.body, { gap: 0.3 })];
  }
  return [
    text(row.label, "bold", SIZE.body, { gap: 0.5, keepWithNext: true }),
    ...row.values.map((value, i) =>
      text(value, "regular", SIZE.body, { ...(row.trackers?.[i] && { track: row.trackers[i] }) }),
    ),
  ];
}

// ---------------------------------------------------------------------------
// Signatures (protokoll, protokollsutdrag)
// ---------------------------------------------------------------------------

function signatureBlocks(ctx: Context): Block[] {
  const { doc } = ctx;
  const secretary = doc.participants.filter((p) => p.roles.includes("secretary"));
  const chair = doc.participants.filter((p) => p.roles.includes("chair"));
  const adjusters = doc.adjusters.map((name) => doc.participants.find((p) => p.name === name)).filter(Boolean) as Participant[];
  const utdrag = doc.kind === "protokollsutdrag";
  const rows: [string, Participant[]][] = [
    ["Ordförande", chair],
    [utdrag ? "Justerare" : "Justerande", adjusters],
    ["Sekreterare", secretary],
  ];
  const blocks: Block[] = [];
  if (ctx.template.paragraphsInSignatures && doc.kind === "protokoll" && doc.paragraphsCovered.length) {
    // "Underskrifter   Paragrafer 112–127": the signatures name the §§ they sign for.
    const range = formatParagraphSet(doc.paragraphsCovered, false).replace(/§§? /g, "");
    blocks.push({
      type: "row",
      size: SIZE.body,
      gap: 1,
      cells: [
        { x: PAGE.left, width: LABEL_WIDTH, text: "Underskrifter", face: "bold" },
        { x: VALUE_X, width: VALUE_WIDTH, text: `Paragrafer ${range}`, face: "regular" },
      ],
    });
  }
  rows.forEach(([label, people], r) => {
    people.forEach((person, i) => {
      // In an utdrag these rows are the only attendance entries, so they print the party and set the page.
      const value = utdrag ? nameWithParty(person.name, ctx.party(person.party)) : person.name;
      blocks.push({
        type: "row",
        size: SIZE.body,
        gap: i === 0 ? (r === 0 ? 1 : 0.8) : 0,
        cells: [
          ...(i === 0 ? [{ x: PAGE.left, width: LABEL_WIDTH, text: label, face: "bold" } satisfies Cell] : []),
          { x: VALUE_X, width: VALUE_WIDTH, text: value, face: "regular" },
        ],
        ...(utdrag && { track: ctx.entryTracker(person) }),
      });
    });
  });
  return blocks;
}

// ---------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------

/**
 * Records an item's pages: `from` is the page of its § heading or agenda line
 * (a Dnr printed above the heading does not count), `to` the page of its last line.
 */
function itemTracker(item: Item): { heading: (page: number) => void; line: (page: number) => void } {
  item.pages = { from: Number.POSITIVE_INFINITY, to: 0 };
  return {
    heading: (page) => {
      item.pages.from = page;
      item.pages.to = Math.max(item.pages.to, page);
    },
    line: (page) => {
      item.pages.to = Math.max(item.pages.to, page);
    },
  };
}

function itemBlocks(ctx: Context, item: Item): Block[] {
  const tracker = itemTracker(item);
  const side = ctx.template.tables?.sideHeadings === true && item.paragraph !== null;
  const { blocks: heading, designation } = side ? sideHeading(ctx, item) : itemHeading(ctx, item);
  const blocks = [...heading, ...(side ? sideBody(ctx, item) : itemBody(ctx, item))];
  return blocks.map((block, i) => {
    if (block.type === "pageBreak") return block;
    return { ...block, track: chain(block.track, i === designation ? tracker.heading : tracker.line) };
  });
}

function chain(
  a: ((page: number) => void) | undefined,
  b: (page: number) => void,
): (page: number) => void {
  return a ? (page) => (a(page), b(page)) : b;
}

const BODY_ABBREVIATIONS: [RegExp, string][] = [
  [/arbetsutskott/i, "KSAU"],
  [/^kommunstyrelsen/i, "KS"],
  [/^kommunfullmäktige/i, "KF"],
  [/^barn- och utbildning/i, "BUN"],
  [/^tekniska/i, "TN"],
  [/^social/i, "SN"],
  [/^regionstyrelsen/i, "RS"],
];

function designation(ctx: Context, paragraph: number): string {
  switch (ctx.template.designation) {
    case "compact":
      return `§${paragraph}`;
    case "spaced":
      return `§ ${paragraph}`;
    case "after":
      return `${paragraph} §`;
    case "prefixed":
      return `${organAbbreviation(ctx)} § ${paragraph}`;
  }
}

function organAbbreviation(ctx: Context): string {
  return BODY_ABBREVIATIONS.find(([re]) => re.test(ctx.doc.body ?? ""))?.[1] ?? "KS";
}

/** The heading blocks of an item, and which of them carries the § designation or agenda number. */
function itemHeading(ctx: Context, item: Item): { blocks: Block[]; designation: number } {
  if (item.paragraph === null) return { blocks: agendaHeading(ctx, item), designation: 0 };
  const { template } = ctx;
  const label = designation(ctx, item.paragraph);
  const dnr = item.caseNumbers.length ? item.caseNumbers.join(", ") : null;
  const heading = (t: string, gap = 0) => text(t, "bold", SIZE.title, { gap, keepWithNext: true });
  const dnrLine = (t: string, gap = 0) => text(t, "regular", SIZE.small, { gap, keepWithNext: true });
  const gap = 1;
  const title = item.title;
  switch (template.dnr) {
    case "above":
      return dnr
        ? { blocks: [dnrLine(`Dnr ${dnr}`, gap), heading(`${label} ${title}`)], designation: 1 }
        : { blocks: [heading(`${label} ${title}`, gap)], designation: 0 };
    case "sameLine":
      return { blocks: [heading(dnr ? `${label} Dnr ${dnr}` : label, gap), heading(title)], designation: 0 };
    case "below":
      return { blocks: [heading(`${label} ${title}`, gap), ...(dnr ? [dnrLine(`Diarienummer: ${dnr}`)] : [])], designation: 0 };
  }
}

function agendaHeading(ctx: Context, item: Item): Block[] {
  const table = ctx.template.agenda === "table";
  const time = item.time ? item.time.replace(":", ctx.template.timeSeparator) : "";
  const numberCell: Cell = { x: PAGE.left, width: 22, text: `${item.number}.`, face: "bold" };
  const titleCell: Cell = { x: PAGE.left + 26, width: 360, text: item.title, face: "bold" };
  const timeCell: Cell = { x: PAGE.right - 50, width: 50, text: time, face: "regular", align: "right" };
  const blocks: Block[] = [
    { type: "row", size: SIZE.heading, gap: 1.2, grid: table, cells: time ? [numberCell, titleCell, timeCell] : [numberCell, titleCell] },
  ];
  if (item.caseNumbers.length) blocks.push(text(`Dnr ${item.caseNumbers.join(", ")}`, "regular", SIZE.small));
  return blocks;
}

function itemBody(ctx: Context, item: Item): Block[] {
  const blocks: Block[] = [];
  if (item.presenters.length) {
    blocks.push(text(`Föredragande: ${listWithOch(item.presenters)}`, "regular", SIZE.body, { gap: 0.3 }));
  }
  const headings = ctx.template.headings(ctx.doc.body ?? "Nämnden");
  const finnish = ctx.template.name === "finland";
  if (finnish) blocks.push(...historyBlocks(ctx, item));
  if (!item.description) blocks.push(...otherSectionBlocks(ctx, item));
  for (const key of ctx.template.sectionOrder) {
    const content = sectionContent(ctx, item, key);
    if (content.length === 0) continue;
    const heading = finnish ? finnishHeading(ctx, key, headings[key]) : headings[key];
    blocks.push(text(ctx.heading(heading), "bold", SIZE.heading, { gap: 0.6, keepWithNext: true }));
    blocks.push(...content);
    // Sections the vocabulary does not know follow the description, as in the Word templates that have them.
    if (key === "description") blocks.push(...otherSectionBlocks(ctx, item));
  }
  if (item.adjusted) {
    const line = item.adjusted === "separately" ? "Paragrafen är justerad" : "Paragrafen förklaras omedelbart justerad";
    blocks.push(text(line, "italic", SIZE.body, { gap: 0.8 }));
  }
  return blocks;
}

/**
 * Finland-Swedish section headings: "Beredning: <who>" (or "Beredning:") over the description,
 * "Ordförande <Förnamn Efternamn>s förslag:" over the proposal when there is a chair.
 */
function finnishHeading(ctx: Context, key: SectionKey, heading: string): string {
  const official = ctx.doc.participants.find((p) => p.group === "other" && !p.roles.includes("secretary"));
  const chair = ctx.doc.participants.find((p) => p.roles.includes("chair"));
  if (key === "description") return official ? `${heading}: ${firstNameFirst(official.name)}` : `${heading}:`;
  if (key === "proposal" && chair) return `Ordförande ${genitive(firstNameFirst(chair.name))} förslag:`;
  return heading;
}

/**
 * "Tidigare behandling:" and the list of earlier handlings, then one block per handling
 * ("Stadsstyrelsen 3.4.2023, 97 §", its proposal and decision), then the line that opens
 * this meeting's block; the item's own sections follow.
 */
function historyBlocks(ctx: Context, item: Item): Block[] {
  const history = item.history ?? [];
  if (history.length === 0) return [];
  const line = (body: string | null, date: string | null, paragraph: number | null) =>
    `${body} ${formatDate(date!, "finnish")}, ${paragraph} §`;
  const blocks: Block[] = [text("Tidigare behandling:", "bold", SIZE.heading, { gap: 0.6, keepWithNext: true })];
  for (const h of history) blocks.push(text(line(h.body, h.date, h.paragraph), "regular", SIZE.body));
  for (const h of history) {
    blocks.push(text(line(h.body, h.date, h.paragraph), "bold", SIZE.heading, { gap: 0.8, keepWithNext: true }));
    if (h.proposal) blocks.push(text("Förslag:", "bold", SIZE.heading, { gap: 0.6, keepWithNext: true }), ...fieldBlocks(h.proposal, false, false));
    if (h.decision) {
      blocks.push(text(`${genitive(h.body!)} beslut:`, "bold", SIZE.heading, { gap: 0.6, keepWithNext: true }), ...fieldBlocks(h.decision, false, false));
    }
  }
  blocks.push(text(line(ctx.doc.body, ctx.doc.meeting.date, item.paragraph), "bold", SIZE.heading, { gap: 0.8, keepWithNext: true }));
  return blocks;
}

function otherSectionBlocks(ctx: Context, item: Item): Block[] {
  return (item.otherSections ?? []).flatMap((section) => [
    text(ctx.heading(section.heading), "bold", SIZE.heading, { gap: 0.6, keepWithNext: true }),
    ...fieldBlocks(section.text, ctx.template.hyphenate, false),
  ]);
}

function sectionContent(ctx: Context, item: Item, key: SectionKey): Block[] {
  const hyphenate = ctx.template.hyphenate;
  const paragraphs = (texts: string[]) => texts.flatMap((t, i) => fieldBlocks(t, hyphenate, i > 0));
  switch (key) {
    case "description":
    case "proposal":
    case "decision":
      return item[key] ? fieldBlocks(item[key]!, hyphenate, false) : [];
    case "motions":
    case "reservations":
      return paragraphs(item[key].map((m) => m.text));
    case "notes":
      return paragraphs(item.notes);
    case "conflicts":
      return paragraphs(
        item.conflicts.map((name) => `${nameWithParty(name, ctx.partyOf(name))} anmäler jäv och deltar inte i handläggningen.`),
      );
    case "vote":
      return item.vote ? [...fieldBlocks(item.vote.text, hyphenate, false), ...ballotBlocks(ctx, item)] : [];
    case "basis":
      return item.basis.map((entry) =>
        text(entry, "regular", SIZE.body, ctx.template.bullet ? { marker: ctx.template.bullet, indent: 18 } : {}),
      );
    case "distribution":
      if (item.distribution.length === 0) return [];
      return ctx.template.distribution === "comma"
        ? [text(item.distribution.join(", "), "regular", SIZE.body)]
        : item.distribution.map((entry) => text(entry, "regular", SIZE.body));
  }
}

const VOTE_WORDS = { yes: "Ja", no: "Nej", abstain: "Avstår", absent: "Frånvarande" } as const;

/** The omröstningslista: a heading and one row per voter, "Namn Parti Röst". */
function ballotBlocks(ctx: Context, item: Item): Block[] {
  const ballots = item.vote?.ballots ?? [];
  if (ballots.length === 0) return [];
  if (ctx.template.tables?.ballotMarks) return markedBallotBlocks(ctx, item);
  const row = (cells: [string, string, string], face: "bold" | "regular"): Block => ({
    type: "row",
    size: SIZE.body,
    grid: ctx.template.agenda === "table",
    cells: [
      { x: PAGE.left, width: 220, text: cells[0], face },
      { x: PAGE.left + 240, width: 60, text: cells[1], face },
      { x: PAGE.left + 320, width: 80, text: cells[2], face },
    ],
  });
  return [
    text(ctx.heading("Omröstningslista"), "bold", SIZE.heading, { gap: 0.8, keepWithNext: true }),
    row(["Ledamot", "Parti", "Röst"], "bold"),
    ...ballots.map((b) => row([b.name, ctx.party(b.party) ?? "", VOTE_WORDS[b.vote]], "regular")),
  ];
}

/**
 * A text field as printed: paragraphs ("\n\n") with a gap, list points ("1. ",
 * "• ") with a hanging indent, other lines ("\n") each starting a new line.
 */
function fieldBlocks(value: string, hyphenate: boolean, gapFirst: boolean): Block[] {
  return value.split(/\n{2,}/).flatMap((paragraph, p) =>
    paragraph.split("\n").map((line, l): Block => {
      const gap = (p > 0 || gapFirst) && l === 0 ? 0.5 : 0;
      const point = /^(\d{1,2}\.|[•–-])\s+(.*)$/.exec(line);
      return point
        ? text(point[2]!, "regular", SIZE.body, { gap, hyphenate, marker: point[1]!, indent: 18, listPoint: true })
        : text(line, "regular", SIZE.body, { gap, hyphenate });
    }),
  );
}

function text(
  value: string,
  face: "regular" | "bold" | "italic",
  size: number,
  options: Partial<Omit<Extract<Block, { type: "text" }>, "type" | "text" | "face" | "size">> = {},
): Block {
  return { type: "text", text: value, face, size, ...options };
}

// ---------------------------------------------------------------------------
// Page furniture
// ---------------------------------------------------------------------------

function furnitureLine(y: number, runs: [string, number, "left" | "right"][]): PlacedLine {
  return {
    y,
    gapBefore: false,
    runs: runs.map(([t, x, align]) => ({ x, text: t, face: "regular", size: SIZE.small, align })),
  };
}

function addFurniture(page: Page, n: number, total: number, ctx: Context, mode: FurnitureMode): void {
  const only = mode === "pageNumbersOnly";
  const org = ctx.doc.organisation ?? "";
  const body = ctx.doc.body ?? "";
  const furniture = (y: number, runs: [string, number, "left" | "right"][]) => {
    const kept = only ? runs.filter(([text]) => /\d+ ?(?:av \d+|\(\d+\))$/.test(text)) : runs;
    if (kept.length) page.furniture.push(furnitureLine(y, kept));
  };
  const header = (runs: [string, number, "left" | "right"][]) => furniture(805, runs);
  const footer = (runs: [string, number, "left" | "right"][]) => furniture(40, runs);
  const signatureBoxes = (labels: string[]) => {
    if (ctx.doc.kind === "kallelse" || only) return;
    labels.forEach((_label, i) => {
      const x = PAGE.left + i * 160;
      page.boxes.push({ x, y: 30, width: 140, height: 28 });
    });
    footer(labels.map((label, i): [string, number, "left"] => [label, PAGE.left + 4 + i * 160, "left"]));
  };
  switch (ctx.template.furniture) {
    case "sidaAv":
      header([[body, PAGE.left, "left"], [`Sida ${n} av ${total}`, PAGE.right, "right"]]);
      signatureBoxes(["Justerandes sign", "Utdragsbestyrkande"]);
      break;
    case "bracketed":
      header([[org, PAGE.left, "left"], [`${n}(${total})`, PAGE.right, "right"]]);
      signatureBoxes(["Justerandes sign", "Utdragsbestyrkande"]);
      break;
    case "sidaParen":
      header([[`${org}, ${body}`, PAGE.left, "left"]]);
      footer([[`Sida ${n} (${total})`, PAGE.right, "right"]]);
      break;
    case "paragraphHeader": {
      const item = [...ctx.doc.items].reverse().find((i) => i.paragraph !== null && i.pages.from <= n);
      const abbreviation = organAbbreviation(ctx);
      const designation = item && n > 1 ? `${abbreviation} § ${item.paragraph}` : abbreviation;
      header([[designation, PAGE.left, "left"], [ctx.doc.meeting.date ?? "", PAGE.left + 200, "left"], [`Sida ${n}(${total})`, PAGE.right, "right"]]);
      break;
    }
    case "footerOnly":
      footer([[`${n}(${total})`, PAGE.width / 2 + textWidth(`${n}(${total})`, "regular", SIZE.small) / 2, "right"]]);
      break;
  }
}

// ---------------------------------------------------------------------------
// Table families (issue 11): agenda table, attendance tables with marks,
// omröstningslista with marks, side headings, table of contents
// ---------------------------------------------------------------------------

type RowBlock = Extract<Block, { type: "row" }>;
type Column = { header: string; x: number; width: number; align?: "left" | "right" };

/** Two column sets per family, chosen by the meeting date, so both are drawn often. */
function variant(ctx: Context): 0 | 1 {
  return Number(ctx.doc.meeting.date?.slice(-1) ?? 0) % 2 === 0 ? 0 : 1;
}

/**
 * A third of the tables (by the month) print no header row and no rulings:
 * the columns show only in how their cells line up, and what each holds in
 * what the cells say (issue 11).
 */
function headerless(ctx: Context): boolean {
  return Number(ctx.doc.meeting.date?.slice(5, 7) ?? 1) % 3 === 0;
}

function headerRow(columns: Column[], gap: number): RowBlock {
  return { type: "row", size: SIZE.body, gap, cells: columns.map((c) => ({ x: c.x, width: c.width, text: c.header, face: "bold", ...(c.align && { align: c.align }) })) };
}

function tableRowBlock(columns: Column[], texts: string[], header?: RowBlock, track?: (page: number) => void): RowBlock {
  return {
    type: "row",
    size: SIZE.body,
    gap: 0.3,
    cells: columns.flatMap((c, i) => (texts[i] ? [{ x: c.x, width: c.width, text: texts[i]!, face: "regular" as const, ...(c.align && { align: c.align }) }] : [])),
    ...(header && { repeatHeader: header }),
    ...(track && { track }),
  };
}

const AGENDA_COLUMNS: Column[][] = [
  [
    { header: "Nr", x: PAGE.left, width: 24 },
    { header: "Ärende", x: PAGE.left + 30, width: 175 },
    { header: "Dnr", x: PAGE.left + 215, width: 95 },
    { header: "Föredragande", x: PAGE.left + 320, width: 90 },
    { header: "Tid", x: PAGE.right - 30, width: 30, align: "right" },
  ],
  [
    { header: "Punkt", x: PAGE.left, width: 30 },
    { header: "Ärende", x: PAGE.left + 36, width: 200 },
    { header: "Föredragande", x: PAGE.left + 246, width: 110 },
    { header: "Diarienummer", x: PAGE.left + 366, width: 89 },
  ],
];

/**
 * A kallelse whose agenda is one table: a row per item, the title wrapping in
 * its cell, the header repeated on a new page in one column set and not in the
 * other. The table is all the kallelse prints of an item, so the record as
 * rendered keeps only what the columns show.
 */
function agendaTableBlocks(ctx: Context): Block[] {
  // Without a header the rows alone show the columns: three rows at least, every cell set from its column's left edge.
  const bare = headerless(ctx) && ctx.doc.items.length >= 3;
  const columns = AGENDA_COLUMNS[variant(ctx)]!.map((c) => (bare ? { ...c, align: undefined } : c));
  const has = (header: string) => columns.some((c) => c.header === header);
  const header = headerRow(columns, 1);
  const repeat = variant(ctx) === 0 && !bare ? header : undefined;
  const blocks: Block[] = bare ? [] : [header];
  for (const item of ctx.doc.items) {
    Object.assign(item, { description: null, proposal: null, basis: [], distribution: [] });
    if (!has("Tid")) item.time = null;
    if (!has("Föredragande")) item.presenters = [];
    const tracker = itemTracker(item);
    const texts = columns.map((c) => {
      switch (c.header) {
        case "Nr":
          return String(item.number);
        case "Punkt":
          return `${item.number}.`;
        case "Ärende":
          return item.title;
        case "Dnr":
        case "Diarienummer":
          return item.caseNumbers.join(", ");
        case "Föredragande":
          return item.presenters.join(", ");
        case "Tid":
          return item.time ? item.time.replace(":", ctx.template.timeSeparator) : "";
        default:
          return "";
      }
    });
    blocks.push(tableRowBlock(columns, texts, repeat, tracker.heading));
  }
  return blocks;
}

/** People printed as absent: the members that serving substitutes stand in for, or one from this list. */
const ABSENT_NAMES = ["Gunnel Ahlqvist", "Bertil Sandin", "Sixten Eklöf"] as const;

/**
 * A protokoll's members and substitutes as two tables with a mark per person:
 * "X" under Närvarande or Frånvarande, or "[X]" / "[ ]" under Närvarande alone.
 * Without a header, either boxes or an "X" beside the absent only, with a
 * legend that says so ("X = frånvarande") in the members' label or under the
 * last list. Absent people are printed and are no participants.
 */
function attendanceTableBlocks(ctx: Context): Block[] {
  const { doc } = ctx;
  // Without a header a mark says present or absent by itself ("[X]" or "[ ]" in one column), or a legend says what it means.
  const bare = headerless(ctx);
  const absentMarks = bare && variant(ctx) === 0;
  const legendInLabel = absentMarks && Number(doc.meeting.date?.slice(-2, -1) ?? 0) % 2 === 0;
  const boxes = !absentMarks && (variant(ctx) === 1 || bare);
  const mark = (present: boolean) => (absentMarks ? (present ? "" : "X") : boxes ? (present ? "[X]" : "[ ]") : present ? "X" : "");
  const known = new Set(doc.participants.map((p) => p.name));
  const replaced = [...new Set(doc.participants.flatMap((p) => (p.replaces && !known.has(p.replaces) ? [p.replaces] : [])))];
  const absent = replaced.length > 0 ? replaced : ABSENT_NAMES.filter((n) => !known.has(n)).slice(0, 1);
  const name = (p: Participant) => formatEntry({ ...p, party: null, paragraphs: null, replaces: null, title: null }, "parens");
  const limit = (p: Participant) => (p.paragraphs ? formatParagraphSet(p.paragraphs, false) : "");

  const memberColumns: Column[] = [
    { header: "Ledamöter", x: PAGE.left, width: 190 },
    { header: "Parti", x: PAGE.left + 200, width: 40 },
    { header: "Närvarande", x: PAGE.left + 250, width: 60 },
    ...(boxes || absentMarks ? [] : [{ header: "Frånvarande", x: PAGE.left + 320, width: 62 }]),
    { header: "§", x: PAGE.left + 392, width: 63 },
  ];
  const memberRow = (texts: Record<string, string>) => memberColumns.map((c) => texts[c.header] ?? "");
  // Without a header row the group's word stands alone above its rows, and a substitute's "Tjänstgör för" has no column.
  const groupHeading = (columns: Column[], legend = "") =>
    bare ? text(`${columns[0]!.header}${legend}`, "bold", SIZE.body, { gap: 0.8, keepWithNext: true }) : headerRow(columns, 0.8);
  const blocks: Block[] = [groupHeading(memberColumns, legendInLabel ? ` (${LEGEND})` : "")];
  for (const p of doc.participants.filter((q) => q.group === "member")) {
    blocks.push(tableRowBlock(memberColumns, memberRow({ Ledamöter: name(p), Parti: ctx.party(p.party) ?? "", Närvarande: mark(true), "§": limit(p) }), undefined, ctx.entryTracker(p)));
  }
  for (const person of absent) {
    blocks.push(tableRowBlock(memberColumns, memberRow({ Ledamöter: person, Närvarande: mark(false), Frånvarande: "X" }), undefined));
  }

  const substitutes = doc.participants.filter((q) => q.group === "servingSubstitute" || q.group === "substitute");
  const substituteColumns: Column[] = [
    { header: "Ersättare", x: PAGE.left, width: 190 },
    { header: "Parti", x: PAGE.left + 200, width: 40 },
    { header: "Närvarande", x: PAGE.left + 250, width: 60 },
    ...(bare ? [] : [{ header: "Tjänstgör för", x: PAGE.left + 320, width: 100 }]),
    { header: "§", x: PAGE.left + 430, width: 25 },
  ];
  const absentSubstitute = ABSENT_NAMES.filter((n) => !known.has(n) && !absent.includes(n))[0]!;
  blocks.push(groupHeading(substituteColumns));
  for (const p of substitutes) {
    // Unprinted, whom a substitute serves for is not in the record either.
    if (bare) Object.assign(p, { group: "substitute", replaces: null });
    const texts = [name(p), ctx.party(p.party) ?? "", mark(true), ...(bare ? [] : [p.replaces ?? ""]), limit(p)];
    blocks.push(tableRowBlock(substituteColumns, texts, undefined, ctx.entryTracker(p)));
  }
  const last = tableRowBlock(substituteColumns, bare ? [absentSubstitute, "", mark(false), ""] : [absentSubstitute, "", mark(false), "", ""], undefined);
  if (!absentMarks || legendInLabel) return [...blocks, last];
  return [...blocks, last, text(LEGEND, "regular", SIZE.body, { gap: 0.5 })];
}

/** The legend of a list whose marks stand beside the absent only. */
const LEGEND = "X = frånvarande";

/** The omröstningslista as a table with a mark under the answer. */
function markedBallotBlocks(ctx: Context, item: Item): Block[] {
  const columns: Column[] = [
    { header: "Ledamot", x: PAGE.left, width: 220 },
    { header: "Parti", x: PAGE.left + 240, width: 50 },
    { header: "Ja", x: PAGE.left + 300, width: 40 },
    { header: "Nej", x: PAGE.left + 350, width: 40 },
    { header: "Avstår", x: PAGE.left + 400, width: 50 },
  ];
  const answer = { yes: "Ja", no: "Nej", abstain: "Avstår", absent: "" } as const;
  if (headerless(ctx)) {
    // No header to name the answers: each row says its answer in a word.
    const said = { yes: "Ja", no: "Nej", abstain: "Avstår", absent: "Frånvarande" } as const;
    const bare = columns.slice(0, 3);
    return [
      text(ctx.heading("Omröstningslista"), "bold", SIZE.heading, { gap: 0.8, keepWithNext: true }),
      ...(item.vote?.ballots ?? []).map((b) => tableRowBlock(bare, [b.name, ctx.party(b.party) ?? "", said[b.vote]])),
    ];
  }
  return [
    text(ctx.heading("Omröstningslista"), "bold", SIZE.heading, { gap: 0.8, keepWithNext: true }),
    headerRow(columns, 0),
    ...(item.vote?.ballots ?? []).map((b) =>
      tableRowBlock(columns, columns.map((c, i) => (i === 0 ? b.name : i === 1 ? (ctx.party(b.party) ?? "") : c.header === answer[b.vote] ? "X" : ""))),
    ),
  ];
}

const SIDE_INDENT = VALUE_X - PAGE.left;

/** "§ 12" in the left column, the title beside it; the Dnr under the title. */
function sideHeading(ctx: Context, item: Item): { blocks: Block[]; designation: number } {
  const label = designation(ctx, item.paragraph!);
  const blocks: Block[] = [
    {
      type: "row",
      size: SIZE.title,
      gap: 1,
      cells: [
        { x: PAGE.left, width: LABEL_WIDTH, text: label, face: "bold" },
        { x: VALUE_X, width: VALUE_WIDTH, text: item.title, face: "bold" },
      ],
    },
  ];
  if (item.caseNumbers.length) blocks.push(text(`Dnr ${item.caseNumbers.join(", ")}`, "regular", SIZE.small, { indent: SIDE_INDENT }));
  return { blocks, designation: 0 };
}

/**
 * Sections with their heading in the left column and the text beside it, from
 * the heading's own line on; a long heading wraps in its column.
 */
function sideBody(ctx: Context, item: Item): Block[] {
  const blocks: Block[] = [];
  const side = (heading: string, content: Block[]): void => {
    const [first, ...rest] = content;
    if (first?.type !== "text") return;
    const lead = first.marker ? `${first.marker} ${first.text}` : first.text;
    blocks.push({
      type: "row",
      size: SIZE.body,
      gap: 0.6,
      cells: [
        { x: PAGE.left, width: LABEL_WIDTH, text: heading, face: "bold" },
        { x: VALUE_X, width: VALUE_WIDTH, text: lead, face: first.face },
      ],
    });
    for (const block of rest) blocks.push(block.type === "text" ? { ...block, indent: (block.indent ?? 0) + SIDE_INDENT } : block);
  };
  if (item.presenters.length) side("Föredragande", [text(listWithOch(item.presenters), "regular", SIZE.body)]);
  const headings = ctx.template.headings(ctx.doc.body ?? "Nämnden");
  for (const key of ctx.template.sectionOrder) {
    const content = sectionContent(ctx, item, key);
    if (content.length > 0) side(ctx.heading(headings[key]), content);
  }
  if (item.adjusted) {
    const line = item.adjusted === "separately" ? "Paragrafen är justerad" : "Paragrafen förklaras omedelbart justerad";
    blocks.push(text(line, "italic", SIZE.body, { gap: 0.8, indent: SIDE_INDENT }));
  }
  return blocks;
}

/** A page of contents: each item with its designation, dot leaders and the page it starts on. */
function contentsBlocks(ctx: Context, pages: number[]): Block[] {
  const width = PAGE.right - PAGE.left - 60;
  const entries = ctx.doc.items.map((item, i): Block => {
    const head = item.paragraph !== null ? `${designation(ctx, item.paragraph)} ${item.title}` : `${item.number}. ${item.title}`;
    const dot = textWidth(".", "regular", SIZE.body);
    const dots = ".".repeat(Math.max(3, Math.floor((width - textWidth(`${head} `, "regular", SIZE.body)) / dot)));
    return {
      type: "row",
      size: SIZE.body,
      gap: 0.2,
      cells: [
        { x: PAGE.left, width, text: `${head} ${dots}`, face: "regular" },
        { x: PAGE.right - 30, width: 30, text: String(pages[i] ?? 0), face: "regular", align: "right" },
      ],
    };
  });
  return [{ type: "pageBreak" }, text("Innehållsförteckning", "bold", SIZE.title, { gap: 0.5 }), ...entries, { type: "pageBreak" }];
}

/**
 * Every word the templates print of their own (headings, labels, kind titles,
 * signature captions, furniture, connecting words of entries and dates), as
 * opposed to the record's content: a parser may consume these without keeping
 * them. Used by the property that no word of a rendered document is dropped.
 */
export function templateWords(): Set<string> {
  const texts: string[] = [
    ...Object.values(KIND_TITLES).flatMap((titles) => Object.values(titles)),
    ...Object.values(GROUP_LABELS).flat(),
    ...Object.values(VOTE_WORDS),
    ...BODY_ABBREVIATIONS.map(([, abbreviation]) => abbreviation),
    ...MONTHS,
    ...WEEKDAYS,
    "Plats och tid Sammanträdesdatum Datum Tid Plats Utses att justera Justeringens plats och tid Kommunkansliet Protokollet omfattar Paragrafer",
    "Ordförande Justerande Justerare Sekreterare Justerandes sign Utdragsbestyrkande Sida av",
    // Word-era signature block and kungörelse agenda.
    "Underskrifter Ärenden",
    "Omröstningslista Ledamot Parti Röst Föredragande Dnr Diarienummer Paragrafen är justerad förklaras omedelbart",
    "anmäler jäv och deltar inte i handläggningen sammanträder i kl den ersättare för tjg vice 1:e 2:e",
    // The contents page's title, a label like the others (its entries are checked against the items).
    "Innehållsförteckning",
    // The Finland-Swedish head block and signature captions.
    "Organ Sammanträdestid Sammanträdesplats Ärenden Beslutande ordinarie ersättare Övriga närvarande Frånvarande",
    "Elektroniska underskrifter Elektronisk protokolljustering Protokolljusterare protokollförare Intygar Protokollet framlagt till påseende",
  ];
  for (const template of Object.values(TEMPLATES)) texts.push(...Object.values(template.headings("Nämnden")));
  const words = texts.flatMap((t) => t.split(/\s+/)).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLocaleLowerCase("sv"));
  return new Set(words.filter(Boolean));
}
