/**
 * fast-check arbitraries for the record contract: Swedish-looking people,
 * parties, diarienummer and texts, and whole `Document`s that are internally
 * consistent (motions name people who attend, paragraphsCovered is the items'
 * §§, vote counts add up to the named ballots) and valid against DocumentSchema.
 *
 * Texts come from word lists, never random unicode, and the word lists leave
 * out every word that starts a heading or front-page label, so no wrapped line
 * of body text can read as a heading by accident.
 */
import { emptyItem } from "../../src/records/items.js";
import { participant } from "./records.js";
import fc from "fast-check";
import type { Ballot, DocumentRecord, Handling, Item, Motion, Participant, Reservation, Role, Vote } from "../../src/schema/index.js";
import { TEMPLATES, TEMPLATE_NAMES, type TemplateName } from "./render/index.js";
import { listWithOch, nameWithParty } from "./render/swedish.js";

// ---------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------

const FIRST_NAMES = [
  "Anna", "Åsa", "Björn", "Göran", "Helén", "Jöns", "Örjan", "Märta", "Agneta", "Renée", "André", "Karin", "Lars",
  "Per", "Eva", "Maria", "Johan", "Erik", "Lena", "Ingrid", "Mats", "Ulla", "Kjell", "Sören", "Birgitta", "Håkan",
  "Pär", "Malin", "Tove", "Linnéa", "Ebba", "Jörgen", "Åke", "Ylva", "Mikael", "Amira", "Elias", "Noor", "Tiina",
] as const;
const DOUBLE_FIRST_NAMES = ["Anna-Karin", "Bo-Göran", "Per-Olof", "Lars-Åke", "Eva-Lena", "Karl-Johan", "Ann-Sofie", "Lars Gunnar", "Maj Britt"] as const;
const SURNAMES = [
  "Lindström", "Öberg", "Åkesson", "Sjöberg", "Nyström", "Bäckström", "Hägglund", "Ek", "Lund", "Söderberg", "Jönsson",
  "Wåhlin", "Fält", "Strömgren", "Höglund", "Ödmark", "Lindén", "Rydén", "Almén", "Engström", "Forsberg", "Haddad",
  "Kivelä", "Nord", "Berg", "Holm", "Sandberg", "Wikström", "Andersson", "Olsson",
] as const;
const DOUBLE_SURNAMES = ["Persson Westin", "Nyberg Finn", "Berkestedt Jonsson", "Ekström Berg"] as const;
const HYPHENATED_SURNAMES = ["Hjemgaard-Svensson", "Ek-Lindqvist", "Bergqvist-Nord", "Sahlin-Öhman"] as const;

export const firstNameArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIRST_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...DOUBLE_FIRST_NAMES) },
);
export const surnameArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SURNAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...DOUBLE_SURNAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...HYPHENATED_SURNAMES) },
);
export const personNameArb = fc.tuple(firstNameArb, surnameArb).map(([first, last]) => `${first} ${last}`);

const RIKSDAG_PARTIES = ["S", "M", "SD", "C", "V", "KD", "L", "MP"] as const;
const LOCAL_PARTIES = ["SPI", "ÖP", "VÄP", "LPO"] as const;

/**
 * A party abbreviation as the record holds it (upper case). Printing it in
 * another case ("(s)") is the renderer's business: see `partyCase` in the templates.
 */
export const partyArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...RIKSDAG_PARTIES) },
  { weight: 1, arbitrary: fc.constantFrom(...LOCAL_PARTIES) },
);

const AFFILIATIONS = ["Region JH", "Strömsunds kommun", "Bräcke kommun", "RJH - Regionstaben", "Kommunförbundet Jämtland Härjedalen"] as const;
const TITLES = ["ekonomichef", "förvaltningschef", "nämndsekreterare", "controller", "rektor", "kommundirektör", "handläggare"] as const;

export const affiliationArb = fc.constantFrom(...AFFILIATIONS);
export const titleArb = fc.constantFrom(...TITLES);

// ---------------------------------------------------------------------------
// Numbers: §§, diarienummer, dates, times
// ---------------------------------------------------------------------------

const CASE_PREFIXES = ["KS", "BUN", "TN", "SN", "RS", "HSN", "SLK", "KF", "MBN"] as const;
const CASE_PREFIXES_FOR_REFERENCES = ["KS", "KSAU", "BUN", "KF"] as const;

/** Diarienummer in the forms municipalities print: "RS/62/2026", "KS 2025/00123", "SLK-2024-00074", "BUN 2024/188". */
export const caseNumberArb = fc
  .tuple(fc.constantFrom(...CASE_PREFIXES), fc.integer({ min: 2018, max: 2027 }), fc.integer({ min: 1, max: 2999 }), fc.integer({ min: 0, max: 3 }))
  .map(([prefix, year, n, form]) => {
    switch (form) {
      case 0:
        return `${prefix}/${n}/${year}`;
      case 1:
        return `${prefix} ${year}/${String(n).padStart(5, "0")}`;
      case 2:
        return `${prefix}-${year}-${String(n).padStart(5, "0")}`;
      default:
        return `${prefix} ${year}/${n}`;
    }
  });

export const isoDateArb = fc
  .date({ min: new Date("2019-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const pad = (n: number) => String(n).padStart(2, "0");
/** A start and an end time, the end later than the start (or not stated). */
export const timeSpanArb = fc
  .tuple(fc.integer({ min: 8 * 4, max: 17 * 4 }), fc.option(fc.integer({ min: 1, max: 16 }), { freq: 5 }))
  .map(([start, length]) => {
    const time = (q: number) => `${pad(Math.floor(q / 4))}:${pad((q % 4) * 15)}`;
    return { start: time(start), end: length === null ? null : time(Math.min(start + length, 23 * 4 + 3)) };
  });

// ---------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------

/**
 * Words that open no heading or label: "beslut", "tid", "plats", "bakgrund",
 * "information", "ärendet", "underlag", "organ" and their kin are left out.
 */
const SUBJECTS = [
  "Förvaltningen", "Kommunen", "Nämnden", "Verksamheten", "Styrgruppen", "Arbetsgruppen", "Skolan", "Regionen",
  "Bolaget", "Utredningen", "Samverkansrådet", "Enheten",
] as const;
const VERBS = [
  "redovisar", "föreslår", "bedömer", "genomför", "fördelar", "prioriterar", "konstaterar", "planerar", "utvecklar",
  "analyserar", "följer upp", "samordnar", "beräknar", "ser över",
] as const;
const OBJECTS = [
  "kostnaderna för lokalerna", "behovet av förskoleplatser", "arbetet med trygghetsfrågor", "investeringarna i vägnätet",
  "ombyggnaden av simhallen", "upphandlingen av skolskjuts", "insatserna inom äldreomsorgen", "utvecklingen av digitala tjänster",
  "samverkan med civilsamhället", "underhållet av fastigheterna", "ramarna för nästa verksamhetsår", "fördelningen av statsbidragen",
  "resultatet för perioden", "prognosen för helåret", "kvaliteten i hemtjänsten", "åtgärderna för minskad energianvändning",
] as const;
const TAILS = [
  "inom befintlig ram", "under hösten", "i samråd med förvaltningarna", "enligt gällande riktlinjer", "för kommande period",
  "med hänsyn till länets behov", "tillsammans med grannkommunerna", "utifrån verksamhetens förutsättningar",
  "i enlighet med överenskommelsen", "efter samråd med de fackliga organisationerna",
] as const;
const AMOUNTS = ["0,6 miljoner kronor", "4,9 miljoner kronor", "18,7 miljoner kronor", "350 000 kronor", "12 procent", "178 skoldagar"] as const;

const sentenceArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...SUBJECTS),
    fc.constantFrom(...VERBS),
    fc.constantFrom(...OBJECTS),
    fc.option(fc.constantFrom(...TAILS), { freq: 2 }),
    fc.option(fc.constantFrom(...AMOUNTS), { freq: 3 }),
  )
  .map(([subject, verb, object, tail, amount]) =>
    [subject, verb, object, amount ? `om ${amount}` : null, tail].filter(Boolean).join(" ") + ".",
  );

/**
 * A § of another meeting named in running text, as Word-era protokoll do:
 * "... återremitterades av KS § 45 2023-03-01 för komplettering." Where the
 * line wraps, the reference may start a line; it must never start an item.
 */
const referenceSentenceArb = fc
  .tuple(fc.constantFrom(...CASE_PREFIXES_FOR_REFERENCES), fc.integer({ min: 1, max: 400 }), fc.constantFrom("2023-03-01", "2024-11-14", "2022-06-09"))
  .map(([organ, paragraph, date]) => `Ärendet återremitterades av ${organ} § ${paragraph} ${date} för komplettering.`);

/** A list of earlier handlings, one § reference a line. */
const handlingsListArb = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...CASE_PREFIXES_FOR_REFERENCES), fc.integer({ min: 1, max: 400 }), isoDateArb), { minLength: 1, maxLength: 3 })
  .map((handlings) => `Ärendet har behandlats tidigare\n${handlings.map(([organ, n, date]) => `${organ} § ${n} ${date}`).join("\n")}`);

const paragraphArb = fc.array(sentenceArb, { minLength: 1, maxLength: 5 }).map((s) => s.join(" "));

/** Sentences and lists that name §§ of other meetings, added to an item's texts (see DocumentConstraints.references). */
const referencesArb = fc.record({
  sentence: fc.option(referenceSentenceArb, { freq: 2 }),
  list: fc.option(handlingsListArb, { freq: 4 }),
  field: fc.constantFrom("description", "proposal", "decision") as fc.Arbitrary<"description" | "proposal" | "decision">,
});

/** A lower-case phrase for a bullet point: "arbetet med trygghetsfrågor under hösten". */
const pointArb = fc
  .tuple(fc.constantFrom(...OBJECTS), fc.option(fc.constantFrom(...TAILS), { freq: 2 }))
  .map(([object, tail]) => [object, tail].filter(Boolean).join(" "));

const numberedListArb = fc
  .array(sentenceArb, { minLength: 2, maxLength: 4 })
  .map((points) => points.map((p, i) => `${i + 1}. ${p}`).join("\n"));

const bulletListArb = fc
  .tuple(paragraphArb, fc.array(pointArb, { minLength: 2, maxLength: 4 }))
  .map(([intro, points]) => `${intro.replace(/\.$/, "")} enligt följande:\n${points.map((p) => `• ${p}`).join("\n")}`);

/** Text of a description/proposal/decision: paragraphs, sometimes a numbered or bulleted list. */
export const fieldTextArb = fc
  .array(
    fc.oneof({ weight: 4, arbitrary: paragraphArb }, { weight: 1, arbitrary: numberedListArb }, { weight: 1, arbitrary: bulletListArb }),
    {
    minLength: 1,
    maxLength: 3,
    },
  )
  .map((paragraphs) => paragraphs.join("\n\n"));

/** Headings the vocabulary does not know, as Word templates have them. */
const OTHER_HEADINGS = ["Ekonomiska konsekvenser", "Övervägande", "Barnperspektiv", "Samråd med pensionärsrådet", "Juridisk bedömning", "Miljöpåverkan"] as const;
export const otherSectionsArb = fc.uniqueArray(
  fc.record({ heading: fc.constantFrom(...OTHER_HEADINGS), text: paragraphArb }),
  { maxLength: 2, selector: (s) => s.heading },
);

const TITLE_HEADS = [
  "Budgetuppföljning", "Svar på motion om", "Yttrande över remiss om", "Revidering av riktlinjer för", "Avgifter för",
  "Medborgarförslag om", "Fördelning av medel för", "Uppföljning av", "Taxa för", "Plan för",
] as const;
const TITLE_TOPICS = [
  "skolskjuts", "förskoleplatser", "trygghetsboenden", "gatubelysning", "simhallen i Norrbyn", "psykisk hälsa 2025",
  "hemtjänsten", "vatten och avlopp", "kulturskolan", "Ekbackens förskola", "läsårstider 2025/2026", "bredband på landsbygden",
] as const;

export const titleTextArb = fc
  .tuple(fc.constantFrom(...TITLE_HEADS), fc.constantFrom(...TITLE_TOPICS))
  .map(([head, topic]) => `${head} ${topic}`);

const BASIS = [
  "Tjänsteskrivelse", "Förvaltningens utredning", "Remissvar från länsstyrelsen", "Ekonomisk sammanställning",
  "Motion från Vänsterpartiet", "Karta över området",
] as const;
export const basisEntryArb = fc
  .tuple(fc.constantFrom(...BASIS), fc.option(isoDateArb, { freq: 2 }))
  .map(([entry, date]) => (date ? `${entry} ${date}` : entry));

const RECIPIENTS = [
  "Kommunstyrelsen", "Ekonomienheten", "Samtliga rektorer", "Skolskjutsenheten", "Individ- och familjeomsorgen",
  "Länsstyrelsen", "Kultur- och fritidsförvaltningen", "Revisorerna",
] as const;
export const recipientArb = fc.constantFrom(...RECIPIENTS);

// ---------------------------------------------------------------------------
// Meeting data
// ---------------------------------------------------------------------------

const ORGANISATIONS = ["Hedbacka kommun", "Sjövalla kommun", "Älvbacka kommun", "Region Västerdal", "Östra Lunda kommun"] as const;
const BODIES = [
  "Kommunstyrelsen", "Barn- och utbildningsnämnden", "Tekniska nämnden", "Socialnämnden", "Kommunfullmäktige",
  "Kommunstyrelsens arbetsutskott", "Regionstyrelsen", "Miljö- och byggnadsnämnden",
] as const;
const PLACES = [
  "Kommunhuset, Sessionssalen", "Digitalt", "Stadshuset, sammanträdesrum Ljusnan", "Styrelserummet",
  "Hedbacka skola, aulan", "Folkets hus, stora salen",
] as const;

// ---------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------

export interface DocumentConstraints {
  kinds?: DocumentRecord["kind"][];
  /** Most items in a protokoll or kallelse (an utdrag has one). */
  maxItems?: number;
  /** Templates to draw from (all by default). */
  templates?: TemplateName[];
  /** Items may have sections under headings the vocabulary does not know (for templates that print them). */
  otherSections?: boolean;
  /** Item texts may name §§ of other meetings, in running text and in lists of earlier handlings. */
  references?: boolean;
}

/** A document and a template to render it in; otherSections only where the template prints unknown headings. */
export function renderCaseArb(constraints: DocumentConstraints = {}, templates: readonly TemplateName[] = constraints.templates ?? TEMPLATE_NAMES): fc.Arbitrary<[DocumentRecord, TemplateName]> {
  return fc
    .constantFrom(...templates)
    .chain((template) =>
      // An agenda table prints no item text, so no references in it either.
      documentArb({ references: TEMPLATES[template].tables?.agenda !== true, ...constraints, otherSections: TEMPLATES[template].unknownHeadings === true }).map(
        (doc): [DocumentRecord, TemplateName] => [doc, template],
      ),
    );
}



/** Subsets keep the order of `from`. */
function subsetArb<T>(from: T[], minLength: number, maxLength: number): fc.Arbitrary<T[]> {
  if (from.length === 0) return fc.constant([]);
  const max = Math.min(maxLength, from.length);
  const min = Math.min(minLength, max);
  return fc
    .uniqueArray(fc.integer({ min: 0, max: from.length - 1 }), { minLength: min, maxLength: max })
    .map((indices) => indices.sort((a, b) => a - b).map((i) => from[i]!));
}

const VICE_ROLES: Role[][] = [[], ["viceChair"], ["firstViceChair"], ["firstViceChair"], ["secondViceChair"]];

/** The people of one meeting, by group, with unique names. */
interface Cast {
  members: Participant[];
  serving: Participant[];
  substitutes: Participant[];
  others: Participant[];
  /** Names of other people (presenters who are not listed, absent members). */
  outsiders: string[];
}

function castArb(kind: DocumentRecord["kind"]): fc.Arbitrary<Cast> {
  return fc
    .tuple(
      fc.uniqueArray(personNameArb, { minLength: 14, maxLength: 14, selector: (n) => n.toLowerCase() }),
      fc.integer({ min: 3, max: 7 }),
      fc.integer({ min: 0, max: kind === "protokoll" ? 2 : 0 }),
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 1, max: 3 }),
      fc.array(partyArb, { minLength: 14, maxLength: 14 }),
      fc.constantFrom(...VICE_ROLES),
      fc.option(affiliationArb, { freq: 4 }),
      fc.array(fc.oneof(titleArb.map((t) => ({ title: t })), affiliationArb.map((a) => ({ affiliation: a }))), {
        minLength: 3,
        maxLength: 3,
      }),
    )
    .map(([names, memberCount, servingCount, substituteCount, otherCount, parties, vice, memberAffiliation, officials]) => {
      let next = 0;
      const take = () => names[next++]!;
      const members = Array.from({ length: memberCount }, (_, i) =>
        participant(take(), parties[i]!, "member", {
          roles: i === 0 ? ["chair"] : i === 1 ? [...vice] : [],
          affiliation: i % 2 === 1 ? memberAffiliation : null,
        }),
      );
      const serving = Array.from({ length: servingCount }, (_, i) =>
        participant(take(), parties[7 + i]!, "servingSubstitute", { replaces: names[13 - i]! }),
      );
      const substitutes = Array.from({ length: substituteCount }, (_, i) => participant(take(), parties[9 + i]!, "substitute"));
      const others = Array.from({ length: otherCount }, (_, i) => participant(take(), null, "other", officials[i]));
      return { members, serving, substitutes, others, outsiders: names.slice(next, 12) };
    });
}

/** What a voter is called in motions: "Anna Berg (S)". */
function named(people: Participant[]): string {
  return listWithOch(people.map((p) => nameWithParty(p.name, p.party)));
}

const MOTION_ENDS = ["yrkar bifall till förvaltningens förslag.", "yrkar avslag på förslaget.", "yrkar att ärendet återremitteras."] as const;

function motionsArb(voters: Participant[]): fc.Arbitrary<Motion[]> {
  return fc.array(
    fc.tuple(subsetArb(voters, 1, 2), fc.constantFrom(...MOTION_ENDS)).map(([by, end]) => ({
      by: by.map((p) => p.name),
      text: `${named(by)} ${end}`,
    })),
    { minLength: 1, maxLength: 2 },
  );
}

function reservationsArb(voters: Participant[]): fc.Arbitrary<Reservation[]> {
  return fc.array(
    fc.tuple(subsetArb(voters, 1, 3), fc.boolean()).map(([by, own]) => ({
      by: by.map((p) => p.name),
      text: `${named(by)} reserverar sig mot beslutet${own ? " till förmån för eget yrkande" : ""}.`,
    })),
    { minLength: 0, maxLength: 2 },
  );
}

function votes(count: number, word: "ja" | "nej"): string {
  return `${count} ${word}-${count === 1 ? "röst" : "röster"}`;
}

/** A vote: named ballots whose counts the text states, or counts alone (a fullmäktige vote without a list). */
function voteArb(voters: Participant[], proposer: string, withBallots: boolean): fc.Arbitrary<Vote> {
  const counts = withBallots
    ? fc
        .array(fc.constantFrom("yes", "no", "abstain") as fc.Arbitrary<Ballot["vote"]>, {
          minLength: voters.length,
          maxLength: voters.length,
        })
        .map((choices) => {
          const ballots = voters.map((p, i): Ballot => ({ name: p.name, party: p.party, vote: choices[i]! }));
          const count = (v: Ballot["vote"]) => ballots.filter((b) => b.vote === v).length;
          return { yes: count("yes"), no: count("no"), abstain: count("abstain"), ballots };
        })
    : fc
        .tuple(fc.nat(40), fc.nat(40), fc.nat(10))
        .map(([yes, no, abstain]) => ({ yes, no, abstain, ballots: [] as Ballot[] }));
  return counts.map(({ yes, no, abstain, ballots }) => ({
    yes,
    no,
    abstain,
    absent: null,
    ballots,
    text:
      `Omröstning begärs. Ja för bifall till förvaltningens förslag, nej för bifall till ${proposer}s yrkande.\n\n` +
      `Med ${votes(yes, "ja")} mot ${votes(no, "nej")} och ${abstain} som avstår beslutar nämnden att bifalla förvaltningens förslag.`,
  }));
}

/** An earlier handling of a § that the protokoll quotes: another meeting, its §, proposal and decision. */
const handlingArb: fc.Arbitrary<Handling> = fc.record({
  body: fc.constantFrom(...BODIES),
  date: isoDateArb,
  paragraph: fc.integer({ min: 1, max: 400 }),
  proposal: fc.option(fieldTextArb, { freq: 2 }),
  decision: fc.option(fieldTextArb, { freq: 4 }),
});

/** The body of one § of a protokoll (or utdrag): sections drawn independently, people from the cast. */
function protokollItemArb(paragraph: number, cast: Cast, utdrag: boolean): fc.Arbitrary<Item> {
  const voters = [...cast.members.filter((m) => m.paragraphs === null || m.paragraphs.includes(paragraph)), ...cast.serving];
  return fc
    .record({
      title: titleTextArb,
      caseNumbers: fc.uniqueArray(caseNumberArb, { maxLength: 2 }),
      presenters: subsetArb(cast.outsiders, 0, 1),
      description: fc.option(fieldTextArb, { freq: 3 }),
      proposal: fc.option(fieldTextArb, { freq: 2 }),
      decision: fc.option(fieldTextArb, { freq: 6 }),
      motions: fc.option(motionsArb(voters), { freq: 2 }),
      withVote: fc.boolean(),
      withBallots: fc.boolean(),
      reservations: reservationsArb(voters),
      notes: fc.array(
        fc.oneof(
          paragraphArb,
          fc.tuple(fc.constantFrom(...voters), sentenceArb).map(([p, s]) => `${nameWithParty(p.name, p.party)} antecknar att ${s[0]!.toLowerCase()}${s.slice(1)}`),
        ),
        { maxLength: 1 },
      ),
      conflicts: subsetArb(voters.map((p) => p.name), 0, 1),
      basis: fc.uniqueArray(basisEntryArb, { maxLength: 3 }),
      distribution: fc.uniqueArray(recipientArb, { maxLength: 3 }),
      adjusted: fc.constantFrom(null, null, "separately", "immediately") as fc.Arbitrary<Item["adjusted"]>,
      history: fc.option(fc.array(handlingArb, { minLength: 1, maxLength: 2 }), { freq: 3 }),
    })
    .chain((r) => {
      const motions = r.motions ?? [];
      const proposer = motions[0]?.by[0];
      const vote = r.withVote && proposer ? voteArb(voters, proposer, r.withBallots && !utdrag) : fc.constant(null);
      return vote.map((v): Item => ({
        ...emptyItem(r.title),
        paragraph,
        caseNumbers: r.caseNumbers,
        presenters: r.presenters,
        description: r.description,
        proposal: r.proposal,
        decision: r.decision,
        motions,
        vote: v,
        reservations: motions.length ? r.reservations : [],
        notes: r.notes,
        conflicts: r.conflicts,
        basis: r.basis,
        distribution: r.distribution,
        adjusted: r.adjusted,
        history: r.history ?? [],
      }));
    });
}

function kallelseItemArb(number: number, cast: Cast, time: string | null): fc.Arbitrary<Item> {
  return fc
    .record({
      title: titleTextArb,
      caseNumbers: fc.uniqueArray(caseNumberArb, { maxLength: 1 }),
      presenters: subsetArb([...cast.others.map((o) => o.name), ...cast.outsiders], 0, 2),
      description: fc.option(fieldTextArb, { freq: 2 }),
      proposal: fc.option(fieldTextArb, { freq: 2 }),
      basis: fc.uniqueArray(basisEntryArb, { maxLength: 2 }),
      distribution: fc.uniqueArray(recipientArb, { maxLength: 2 }),
    })
    .map((r): Item => ({ ...emptyItem(r.title), ...r, number, time }));
}

/** "§ 18" onwards with an occasional gap, as when a § was handled in closed session. */
function paragraphNumbersArb(count: number): fc.Arbitrary<number[]> {
  return fc
    .tuple(fc.integer({ min: 1, max: 400 }), fc.array(fc.integer({ min: 1, max: 2 }), { minLength: count, maxLength: count }))
    .map(([start, steps]) => steps.map((_, i) => start + steps.slice(0, i).reduce((a, b) => a + b, 0)));
}

/** § limits for a few attendees: "§§ 23–24" (a run of the meeting's §§). */
function limitParagraphs(people: Participant[], paragraphs: number[], limited: boolean[]): void {
  people.forEach((person, i) => {
    if (!limited[i] || paragraphs.length < 2) return;
    const cut = 1 + (i % (paragraphs.length - 1));
    person.paragraphs = i % 2 === 0 ? paragraphs.slice(0, cut) : paragraphs.slice(cut);
  });
}

const meetingArb = fc
  .record({ date: isoDateArb, span: timeSpanArb, place: fc.option(fc.constantFrom(...PLACES), { freq: 8 }) })
  .map(({ date, span, place }) => ({ date, startTime: span.start, endTime: span.end, place }));

function protokollArb(shared: Cast, maxItems: number): fc.Arbitrary<Pick<DocumentRecord, "participants" | "adjusters" | "paragraphsCovered" | "items">> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxItems }), fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }), fc.integer({ min: 1, max: 2 }))
    .chain(([count, limited, adjusterCount]) =>
      paragraphNumbersArb(count).chain((paragraphs) => {
        // fast-check may call this again with the same cast while shrinking: never mutate what it generated.
        const cast = structuredClone(shared);
        limitParagraphs([...cast.members.slice(2), ...cast.others], paragraphs, limited.map((l, i) => l && i % 3 === 0));
        cast.serving.forEach((s, i) => {
          if (limited[i + 8] && paragraphs.length > 1) s.paragraphs = paragraphs.slice(1);
        });
        const adjusters = cast.members.slice(1, 1 + Math.min(adjusterCount, cast.members.length - 1));
        adjusters.forEach((a) => a.roles.push("adjuster"));
        cast.others[0]!.roles.push("secretary");
        return fc.tuple(...paragraphs.map((p) => protokollItemArb(p, cast, false))).map((items) => ({
          participants: [...cast.members, ...cast.serving, ...cast.substitutes, ...cast.others],
          adjusters: adjusters.map((a) => a.name),
          paragraphsCovered: [...paragraphs],
          items,
        }));
      }),
    );
}

function kallelseArb(cast: Cast, maxItems: number, start: string | null): fc.Arbitrary<Pick<DocumentRecord, "participants" | "adjusters" | "paragraphsCovered" | "items">> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxItems }), fc.boolean())
    .chain(([count, timed]) => {
      // Scheduled times follow the meeting's start, ten minutes apart.
      const time = (i: number) => {
        if (!timed || !start) return null;
        const minutes = Number(start.slice(0, 2)) * 60 + Number(start.slice(3)) + 10 * i;
        return minutes < 24 * 60 ? `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` : null;
      };
      return fc.tuple(...Array.from({ length: count }, (_, i) => kallelseItemArb(i + 1, cast, time(i))));
    })
    .map((items) => ({
      participants: [...cast.members, ...cast.substitutes, ...cast.others.map((o) => ({ ...o, paragraphs: null }))],
      adjusters: [],
      paragraphsCovered: [],
      items,
    }));
}

/** An utdrag names only the chair, the adjusters and the secretary, in its signature rows. */
function utdragArb(cast: Cast): fc.Arbitrary<Pick<DocumentRecord, "participants" | "adjusters" | "paragraphsCovered" | "items">> {
  const chair = { ...cast.members[0]!, affiliation: null, roles: ["chair"] as Role[] };
  const adjusters = cast.members.slice(1, 3).map((m) => ({ ...m, affiliation: null, roles: ["adjuster"] as Role[] }));
  const secretary = participant(cast.others[0]!.name, null, "other", { roles: ["secretary"] });
  const signed: Cast = { members: [chair, ...adjusters], serving: [], substitutes: [], others: [secretary], outsiders: cast.outsiders };
  return paragraphNumbersArb(1).chain(([paragraph]) =>
    protokollItemArb(paragraph!, signed, true).map((item) => ({
      participants: [chair, ...adjusters, secretary],
      adjusters: adjusters.map((a) => a.name),
      paragraphsCovered: [],
      items: [item],
    })),
  );
}

/** A whole, internally consistent DocumentRecord of one of the three kinds. */
export function documentArb(constraints: DocumentConstraints = {}): fc.Arbitrary<DocumentRecord> {
  const kinds = constraints.kinds ?? ["protokoll", "kallelse", "protokollsutdrag"];
  const maxItems = constraints.maxItems ?? 4;
  const documents = fc
    .record({
      kind: fc.constantFrom(...kinds),
      organisation: fc.constantFrom(...ORGANISATIONS),
      body: fc.constantFrom(...BODIES),
      meeting: meetingArb,
    })
    .chain((head) =>
      castArb(head.kind).chain((cast) => {
        const rest =
          head.kind === "protokoll"
            ? protokollArb(cast, maxItems)
            : head.kind === "kallelse"
              ? kallelseArb(cast, maxItems, head.meeting.startTime)
              : utdragArb(cast);
        return rest.map(
          (parts): DocumentRecord => ({
            schemaVersion: 1,
            ...head,
            ...parts,
            source: { pages: 1, textSource: "text", sha256: null },
            furniture: [],
            diagnostics: [],
          }),
        );
      }),
    );
  // Added after the fact, so that documents drawn without them (the committed fixtures) stay as they were.
  const referenced = constraints.references ? documents.chain(withReferences) : documents;
  if (!constraints.otherSections) return referenced;
  return referenced.chain((doc) =>
    fc.tuple(...doc.items.map(() => otherSectionsArb)).map((others) => ({
      ...doc,
      items: doc.items.map((item, i) => ({ ...item, otherSections: others[i]! })),
    })),
  );
}

function withReferences(doc: DocumentRecord): fc.Arbitrary<DocumentRecord> {
  return fc.tuple(...doc.items.map(() => referencesArb)).map((references) => ({
    ...doc,
    items: doc.items.map((item, i) => {
      const { sentence, list, field } = references[i]!;
      const added = [sentence, list].filter((t): t is string => t !== null);
      if (added.length === 0) return item;
      return { ...item, [field]: [item[field], ...added].filter(Boolean).join("\n\n") };
    }),
  }));
}
