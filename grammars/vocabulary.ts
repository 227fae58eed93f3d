/**
 * The vocabulary of Swedish meeting documents, in one place, grouped by meaning.
 *
 * Every line of a document becomes one token (see `classify.ts`): the grammar
 * reads lines, not characters, because the structure of a kallelse or protokoll
 * is a sequence of headed blocks. The token types below say what a whole line
 * is; the regular expressions say how each variant is spelled. A new template's
 * variant of a heading or label is one entry in a list here.
 */
import { createToken, type TokenType } from "chevrotain";

// ---------------------------------------------------------------------------
// Building blocks: names, parties, numbers, dates, times
// ---------------------------------------------------------------------------

/**
 * A capitalised word of a Swedish name: "Åsa", "Bo-Göran", "Hjemgaard-Svensson", "AnnaSara".
 * At most four hyphenated parts: unbounded, a search starts at every part of a long chain
 * ("Aa-Aa-Aa-…") and runs to its end each time, which is quadratic in the chain's length.
 */
export const NAME_WORD = String.raw`\p{Lu}\p{Ll}+(?:[-'’]\p{L}\p{Ll}+){0,4}(?:\p{Lu}\p{Ll}+)?`;
/** Name particles that may stand in lower case inside a name ("Ulf von Platen"). */
const NAME_PARTICLE = String.raw`(?:von|af|de|van|der|la|di|el|al|bin)`;
/** A person's name: two to five name words. Regular expressions using it need the `u` flag. */
export const PERSON_NAME = String.raw`${NAME_WORD}(?:\s+(?:${NAME_PARTICLE}\s+)?${NAME_WORD}){1,4}`;

/** Parties of the Riksdag and common local parties; any letter case is accepted where used. */
export const PARTIES = [
  "S", "M", "SD", "C", "V", "KD", "L", "MP", "FP", "D", "SPI", "SJVP", "NYP", "ÖP", "KP", "LPO", "VÄP", "AP",
  "SLP", "HBP", "BP", "NP", "SOL", "RP", "KVP", "LP", "MED", "PP", "FI", "OPP", "SKP", "SOC", "KDS",
] as const;
/** A party abbreviation in parentheses: 1 to 5 letters (local parties have their own). */
export const PARTY_IN_PARENS = String.raw`\(\s*([A-Za-zÅÄÖåäö]{1,5})\s*\)`;

/** "§ 9", "§9", "KS § 123", "§ 12 b", "§§ 11-12", "9 §", "Paragraf 12". */
export const PARAGRAPH_DESIGNATION = String.raw`(?:(?<prefix>[A-ZÅÄÖ]{1,8}(?:[ -][A-ZÅÄÖ]{1,8})?)\s+)?(?:§§?\s*(?<num>\d{1,4})(?:\s*(?<letter>[a-z])\b)?(?:\s*[-–—]\s*(?<numTo>\d{1,4}))?|(?<numAfter>\d{1,4})\s*§(?!§)|[Pp]aragraf\s+(?<numWord>\d{1,4}))`;

/**
 * Diarienummer (case numbers) as municipalities print them: "RS/62/2026",
 * "KS 2025/00123", "HSN/2088/2025", "DNR:BN/2019.41", "SLK-2024-00074",
 * "BUN 2024/188", "SLK-2024-00010:-1", "KS.2025.123".
 */
/** Finland-Swedish diarienummer: organisation / running number / archive code / year, "NKBY/130/12.03.00/2023". */
export const FINNISH_CASE_NUMBER = String.raw`[A-ZÅÄÖ]{2,6}/\d{1,5}/\d{2}(?:\.\d{2}){1,3}/\d{4}`;
/** A bare "2006-11-14" is a date, never a diarienummer ("2006/311", "2025-00123" are). */
const ISO_DATE_SHAPE = String.raw`\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)`;
export const CASE_NUMBER = String.raw`(?:${FINNISH_CASE_NUMBER}|[A-ZÅÄÖ]{1,6}(?:[ -][A-ZÅÄÖ]{1,6})?\s?[/ .:-]\s?\d{1,5}[/.-]\d{1,5}(?:[/.-]\d{1,5})?(?::-?\d+)?|[A-ZÅÄÖ]{1,6}-\d{4}-\d{2,6}(?::-?\d+)?|(?!${ISO_DATE_SHAPE})\d{4}[/.-]\d{1,5}(?:[/.-]\d{1,5})?)`;

/**
 * After a "Dnr" label, older templates print the number without organ or four-digit
 * year ("Dnr 98/112", "Dnr 112/98"); unlabelled, such a pair is too common to be one.
 */
export const LABELLED_CASE_NUMBER = String.raw`(?:${CASE_NUMBER}|(?<![\d/.])\d{1,5}/\d{1,5}(?![\d/.]))`;

/** Labels that introduce a diarienummer on a line. */
export const CASE_NUMBER_LABEL = String.raw`(?:Dnr|DNR|Diarienummer|Diarienr|Ärendenummer|Ärendenr|Dnr\.|Diarienr\.)`;

const MONTH_WORD = String.raw`(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?`;
const WEEKDAY = String.raw`(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?`;
/** ISO date "2025-03-07". */
export const ISO_DATE = String.raw`(?<iso>\d{4}-\d{2}-\d{2})`;
/** "7 mars 2025", "tisdagen den 14 maj 2019", "Tisdag 8 april 2025". */
export const SWEDISH_DATE = String.raw`(?:${WEEKDAY}\s+(?:den\s+)?)?(?<day>\d{1,2})(?::e|:a)?\s+(?<month>${MONTH_WORD})\s+(?<year>\d{4})`;
/** "24.5.2023", "7/3 2025". */
export const NUMERIC_DATE = String.raw`(?<d>\d{1,2})[./](?<m>\d{1,2})[./ ]\s?(?<y>\d{4})`;
/** Any date form the builder understands. */
export const ANY_DATE = new RegExp(String.raw`${ISO_DATE}|${SWEDISH_DATE.replace(/\?<(\w+)>/g, "?<s_$1>")}|${NUMERIC_DATE}`, "i");

/** "13:00", "13.15", "9.00" (a clock time; minutes always two digits). */
export const CLOCK_TIME = String.raw`(?:[01]?\d|2[0-3])[:.][0-5]\d`;
/** "kl. 13:00-16:00", "kl 09.15–11.40", "13.00 – 16.00", "klockan 18.30". */
export const TIME_SPAN = new RegExp(
  String.raw`(?:\b(?:kl(?:ockan)?\.?)\s*)?(?<start>${CLOCK_TIME})(?:\s*(?:[-–—]|till)\s*(?:kl\.?\s*)?(?<end>${CLOCK_TIME}))?`,
  "i",
);

// ---------------------------------------------------------------------------
// Roles (inside attendee entries and signature lines)
// ---------------------------------------------------------------------------

/** Role words, most specific first, with the role each means in the record. */
export const ROLE_WORDS: ReadonlyArray<readonly [RegExp, "chair" | "viceChair" | "firstViceChair" | "secondViceChair" | "secretary" | "adjuster" | "presenter"]> = [
  [/\b(?:1:e|1:a|första|förste)\s+vice\s+ordförande\b/i, "firstViceChair"],
  // Finland-Swedish templates number the vice chairs in Roman numerals: "I vice ordförande", "II vice ordförande".
  [/(?<![\p{L}\d])I\s+vice\s*ordförande\b/iu, "firstViceChair"],
  [/(?<![\p{L}\d])II\s+vice\s*ordförande\b/iu, "secondViceChair"],
  [/\b(?:2:e|2:a|andra|andre)\s+vice\s+ordförande\b/i, "secondViceChair"],
  [/\bvice\s*ordförande\b|\bv\.\s?ordf\.?/i, "viceChair"],
  [/\bordförande\b|\bordf\.?(?=\s|$|\))/i, "chair"],
  [/\bsekreterare\b|\bsekr\.?(?=\s|$|\))/i, "secretary"],
  [/\bprot(?:okoll)?\.?\s?förare\b/i, "secretary"],
  [/\bjusterare\b|\bjusterande\b|\bjusteras\b/i, "adjuster"],
  [/\bföredragande\b/i, "presenter"],
];

/** Words of an official's job title ("Ekonomichef Lisa Berg", "Helén Sjöqvist, förvaltningschef"). */
export const JOB_TITLE = String.raw`(?:[a-zåäö-]*(?:chef|direktör|sekreterare|controller|handläggare|strateg|ekonom|jurist|rektor|samordnare|utredare|ansvarig|ingenjör|arkitekt|planerare|administratör|assistent|revisor|läkare|specialist|konsult|inspektör|registrator|kommunikatör|tjänsteperson|tjänsteman|föredragande|projektledare|enhetschef|verksamhetschef|förvaltningschef|kanslichef|ekonomichef|kommundirektör|nämndsekreterare|sakkunnig|rådgivare|praktikant|medarbetare|ledare|kanslist|koordinator|representant|biträdande [a-zåäö]+)|[a-zåäö]+ ?(?:chef|direktör))`;

// ---------------------------------------------------------------------------
// Line token types
// ---------------------------------------------------------------------------

/** Categories: the parser consumes categories, the builder reads the exact type. */
export const SectionHeading = createToken({ name: "SectionHeading", pattern: /NA/ });
export const FrontLabel = createToken({ name: "FrontLabel", pattern: /NA/ });
export const ItemHeading = createToken({ name: "ItemHeading", pattern: /NA/ });

/** What a section's text becomes in the record. */
export type SectionField =
  | "description"
  | "proposal"
  | "motions"
  | "order"
  | "vote"
  | "ballots"
  | "decision"
  | "reservations"
  | "notes"
  | "conflicts"
  | "basis"
  | "distribution"
  | "history"
  | "handling"
  | "preparation"
  | "presenters"
  | "caseNumbers"
  | "other";

interface SectionDefinition {
  field: SectionField;
  /** Whole-line spellings (case-insensitive; an optional trailing ":" is always allowed). */
  spellings: RegExp;
  /** Also "<Organ>s <word>": "Kommunstyrelsens beslut", "Arbetsutskottets förslag". */
  genitive?: "beslut" | "förslag";
  /**
   * Also "<Organ> <verb>" on a line of its own, the Word-era form over "att"-clauses:
   * "Kommunstyrelsen beslutar", "Arbetsutskottet föreslår kommunstyrelsen besluta att".
   */
  organVerb?: string;
}

/** "Föredragande", "Föredragande tjänstepersoner": who presents an item. */
export const PRESENTERS_LABEL = String.raw`föredragande(?: tjänsteperson(?:er)?)?`;

/** Roots of words that name an organ or its office ("Kommunstyrelsen", "Arbetsutskottet", "Förvaltningen"). */
export const ORGAN_ROOTS = [
  "nämnd", "styrelse", "fullmäktige", "utskott", "förvaltning", "råd", "kontor", "beredning", "direktion",
  "delegation", "grupp", "presidium", "kommitté", "förbund", "ordförande", "stämma", "direktör", "kansli", "sektion",
] as const;
const anyCase = (root: string): string => `[${root[0]!.toUpperCase()}${root[0]}]${root.slice(1)}`;
/** An organ word in the genitive: "kommunstyrelsens", "Nämndens", "arbetsutskottets", "stadsledningskontorets". */
// The word's parts are bounded ("Samhällsbyggnads|nämnd|en|s"): unbounded, `[…]*` runs to the word's
// end again after every root it meets, which is quadratic in a long word ("Nämndnämndnämnd…").
const ORGAN_GENITIVE = String.raw`[\wåäöéÅÄÖ-]{0,40}(?:${ORGAN_ROOTS.map(anyCase).join("|")})[a-zåäö]{0,30}s`;

/** An organ as the subject of a heading: "Kommunstyrelsen", "Nämnden" (bounded, as ORGAN_GENITIVE). */
const ORGAN_NOMINATIVE = String.raw`[\wåäöéÅÄÖ-]{0,40}(?:${ORGAN_ROOTS.map(anyCase).join("|")})[a-zåäö]{0,30}`;

/**
 * The words of an organ's name as the subject of a heading: before its organ word a capitalised word,
 * "och" or a word ending in "-" ("Bygg- och miljönämnden", "Kommunstyrelsens arbetsutskott"); after
 * it, "för" and a few words that are no verb ("Nämnden för teknik och samhällsbyggnad"). So
 * "Kommunstyrelsen tillstyrker kontorets förslag och föreslår att" is a sentence, not a heading.
 */
const ORGAN_NAME_START = String.raw`(?:\p{Lu}[\p{L}-]{0,40}|och|\p{Ll}{1,40}-)`;
const ORGAN_NAME_WORD = String.raw`(?!(?:att|som|föreslår|föreslog|beslutar|beslutade|beslöt|besluta)(?![\p{L}-]))[\p{L}-]{1,40}`;
/** An organ named as the subject at the start of a line, capitalised: "Bygg- och miljönämnden", "Nämnden för teknik". */
const ORGAN_SUBJECT = String.raw`^(?=\p{Lu})(?:${ORGAN_NAME_START} ){0,3}?${ORGAN_NOMINATIVE}(?<!s)(?: för(?: ${ORGAN_NAME_WORD}){1,3}?)?`;

/** An organ named in full, any case: "kommunstyrelsen", "Kommunfullmäktige", "nämnden". */
const ORGAN_WORD = String.raw`[\wåäöéÅÄÖ-]*(?:${ORGAN_ROOTS.map(anyCase).join("|")})[a-zåäö]*`;
/** A person by title and name, in the genitive: "Kommundirektör Anna Bergs", "Ordförande Per Holms". */
const TITLED_GENITIVE = String.raw`\p{Lu}\p{Ll}+(?:\s\p{Ll}+)?\s(?:${NAME_WORD}\s){1,3}${NAME_WORD}(?<=s)`;

/**
 * Section headings and the field each fills. "<Organ>s beslut" and "<Organ>s
 * förslag" are matched by shape (a capitalised genitive of up to five words).
 */
const SECTION_DEFINITIONS: Record<string, SectionDefinition> = {
  Description: {
    field: "description",
    spellings:
      /^(?:ärendebeskrivning|sammanfattning(?: av ärendet)?|bakgrund|ärendet|beskrivning av ärendet|ärendets beredning|redogörelse|beredning)$/i,
  },
  Proposal: {
    field: "proposal",
    spellings:
      /^(?:förslag till beslut(?: på sammanträdet| på mötet)?|beslutsförslag|förslag till beslut och yrkanden|förslag)$/i,
    genitive: "förslag",
    organVerb: String.raw`föreslår(?: ${ORGAN_WORD})?(?: besluta)?(?: att)?`,
  },
  Motions: { field: "motions", spellings: /^(?:yrkanden?|yrkande och propositionsordning|behandling(?: på sammanträdet| under sammanträdet)?|sammanträdets behandling)$/i },
  Order: { field: "order", spellings: /^(?:propositionsordning|beslutsgång|proposition(?:er)?|beslutsordning)$/i },
  Vote: { field: "vote", spellings: /^(?:omröstning|omröstningsresultat|votering|voteringsresultat|omröstning och votering)$/i },
  Ballots: { field: "ballots", spellings: /^(?:omröstningslista|voteringslista|voteringsprotokoll|omröstningsprotokoll)$/i },
  Decision: {
    field: "decision",
    spellings:
      /^(?:beslut|beslutet|beslut på sammanträdet|sammanträdets beslut)$/i,
    genitive: "beslut",
    organVerb: String.raw`(?:beslutar|beslutade|beslöt)(?: att)?`,
  },
  Reservation: { field: "reservations", spellings: /^(?:reservation(?:er)?|reservationer och särskilda yttranden)$/i },
  Note: { field: "notes", spellings: /^(?:protokollsanteckning(?:ar)?|särskilt yttrande|särskilda yttranden|anteckning(?:ar)?|särskilt uttalande|särskilda uttalanden)$/i },
  Conflict: { field: "conflicts", spellings: /^(?:jäv|anmälan om jäv|jävsanmälan)$/i },
  Basis: {
    field: "basis",
    spellings: /^(?:beslutsunderlag|handlingar|handling|underlag|underlag för beslut|bilagor|bilaga|handlingar i ärendet)$/i,
  },
  Distribution: {
    field: "distribution",
    spellings:
      /^(?:expedieras(?: till)?|expediering|exp\.?(?: till)?|expedierat(?: till)?|utdrag(?: till)?|kopia till|beslutet (?:ska )?skickas till|beslutet expedieras till|protokollsutdrag (?:skickas )?till|protokollsutdrag skickas till|sändlista|delges|för kännedom|för verkställighet|skickas till)$/i,
  },
  History: { field: "history", spellings: /^(?:tidigare behandling|tidigare beslut|ärendets tidigare behandling)$/i },
  Presenters: { field: "presenters", spellings: new RegExp(String.raw`^(?:${PRESENTERS_LABEL})$`, "i") },
  CaseNumberLine: { field: "caseNumbers", spellings: /^(?:diarienummer|dnr|ärendenummer)$/i },
  // No spelling: a heading the vocabulary does not know, recognised by how it is set (see classify.ts).
  Other: { field: "other", spellings: /(?!)/ },
};

// ---------------------------------------------------------------------------
// Finland-Swedish templates (issue #11 item 6): a head block (Organ /
// Sammanträdestid / Sammanträdesplats / "Ärenden 16 – 22 §"), checkbox
// attendance, a § that quotes its earlier handlings block by block, and
// appeal instructions (besvärsanvisning) after the last §.
// ---------------------------------------------------------------------------

/** A date as Finland-Swedish documents print it: "9.5.2023", "09.05.2023". */
const FINNISH_DATE = String.raw`\d{1,2}\.\d{1,2}\.\d{4}`;

/**
 * The line that opens one handling of a § ("Ungdomsfullmäktige 20.2.2023, 13 §",
 * "Stadsstyrelsen 5.9.2022, 186 §"): the organ, the date, the § of that meeting.
 * A stray glyph after the § (a broken text layer) is tolerated. An attachment's
 * header ("Bilaga Välfärdsnämnden, 15.09.2022 § 49") is no handling.
 */
export const HANDLING_LINE = new RegExp(
  String.raw`^(?!Bil(?:aga)?\b)(?<body>\p{Lu}[\p{L}\p{M} -]{1,60}?),?\s+(?<date>${FINNISH_DATE}|\d{4}-\d{2}-\d{2}),?\s+(?:(?<num>\d{1,4})\s*§|§\s*(?<numBefore>\d{1,4}))(?:\s*[^\p{Script=Latin}\p{N}\s])?$`,
  "u",
);

/**
 * Section headings of this family. Case-sensitive where a capital letter is the
 * evidence: "<Title> <Förnamn Efternamn>s förslag" names who proposes
 * ("Ordförande Emilia Haverinens förslag", "Stadsdirektör Martin Norrgårds förslag").
 */
const FINLAND_SWEDISH_SECTIONS: Record<string, SectionDefinition> = {
  PlainProposal: { field: "proposal", spellings: /^förslag$/i },
  ProposerProposal: {
    field: "proposal",
    spellings: new RegExp(String.raw`^\p{Lu}[\p{L}/.-]*(?:\s+[\p{L}/.:-]+){0,8}\s+${NAME_WORD}\s+${NAME_WORD}s\s+förslag$`, "u"),
  },
  /** "Beredning: Ungdomsledare Katarina Östman": who prepared the §; the text under it describes the matter. */
  Preparation: { field: "preparation", spellings: /^(?:beredning|beredare|berett av)$/i },
  /** "Ungdomsfullmäktige 9.5.2023, 19 §" over one handling's own text, proposal and decision. */
  Handling: { field: "handling", spellings: HANDLING_LINE },
};

/** Front-page labels of this family; the value follows on the same line. */
const FINLAND_SWEDISH_FRONT_LABELS: ReadonlyArray<readonly [string, FrontField, string]> = [
  ["MeetingDateAndTime", "dateAndTime", String.raw`sammanträdestid|mötestid`],
  ["MeetingVenue", "place", String.raw`sammanträdesplats`],
  // "Ärenden 16 – 22 §", "Ärenden 13-24": only a range of §§, never an agenda's heading.
  // "Närvarande" over the list of those present (the absent under "Frånvarande", read as absent).
  ["Present", "members", String.raw`närvarande`],
  ["ItemRange", "paragraphs", String.raw`ärenden(?=\s+\d{1,4}\s*[-–]\s*\d{1,4}\s*§?\s*$)`],
  ["ElectronicSignatures", "signatures", String.raw`elektroniska underskrifter|elektronisk underskrift`],
  ["ElectronicAdjusting", "adjuster", String.raw`elektronisk protokolljustering|protokolljustering|protokolljusterare`],
  // "Intygar: Camilla Högdahl-Pasanen, avdelningssekreterare": who certifies the publication, listed as present staff.
  ["Certifier", "others", String.raw`intygar`],
  // Matched whole-line after the last § only (see APPEAL_INSTRUCTIONS), never as a prefix.
  ["AppealInstructions", "appealInstructions", String.raw`besvärsanvisning`],
  ["PublicationNotice", "notice", String.raw`det justerade protokollet|protokollet (?:har varit )?framlagt till påseende|framlagt till påseende`],
];

/**
 * Appeal instructions after the last § ("Besvärsanvisning", "Anvisning för
 * rättelseyrkande", "ANVISNING FÖR BEGÄRAN OM OMPRÖVNING OCH BESVÄR"): an
 * appendix, never part of a § and never an item.
 */
export const APPEAL_INSTRUCTIONS =
  /^(?:besvärsanvisning(?:ar)?|besvärsförbud|anvisning(?:ar)?\s+(?:för|om)\s+(?:rättelseyrkande|begäran om omprövning|omprövning|besvär|hur man begär omprövning|sökande av ändring|ändringssökande)\b[\p{L} ,()-]{0,60})$/iu;

/** Checkbox marks of an attendance list: "[X]" present, "[ ]" absent. */
export const CHECKBOX = /\[\s*(?<mark>[xX✓✔]?)\s*\]/gu;
/** Column headings over a checkbox list ("ordinarie", "ersättare") and the group each means. */
export const CHECKBOX_COLUMNS: ReadonlyArray<readonly [RegExp, "member" | "servingSubstitute"]> = [
  [/^(?:ordinarie|ledamöter|medlemmar)$/iu, "member"],
  [/^ersättare$/iu, "servingSubstitute"],
];
/**
 * What a cell under "Funktion" / "Roll" of an attendance table says of the person's
 * group, one line per wording (a role word in it, "Ordförande", "2:e vice ordförande",
 * "Sekreterare", is read by ROLE_WORDS). Whole cell; "för X" after a serving
 * substitute's function names whom they serve for.
 */
export const ATTENDANCE_FUNCTIONS: ReadonlyArray<readonly [RegExp, "member" | "servingSubstitute" | "substitute" | "other"]> = [
  [/^(?:tjänstgörande|tjg\.?)\s+(?:ersättare|ers\.?)(?:\s+för\s+.+)?$/iu, "servingSubstitute"],
  [/^(?:ersättare|ers\.?)\s+(?:som\s+)?tjänstgör(?:ande)?(?:\s+för\s+.+)?$/iu, "servingSubstitute"],
  [/^(?:ersättare|ers\.?)\s+för\s+.+$/iu, "servingSubstitute"],
  [/^(?:ej|icke)\s+tjänstgörande\s+ersättare$/iu, "substitute"],
  [/^(?:ersättare|ers\.?|närvarande ersättare)$/iu, "substitute"],
  [/^(?:ledamot|ordinarie ledamot|beslutande ledamot|ledamot,? beslutande)$/iu, "member"],
  [/^(?:ordförande|ordf\.?)$/iu, "member"],
  [/^(?:(?:1:e|1:a|2:e|2:a|3:e|första|förste|andra|andre|I|II)\s+)?vice\s*ordförande$/iu, "member"],
  [/^(?:sekreterare|protokollförare|nämndsekreterare|sekr\.?)$/iu, "other"],
  [/^(?:adjungerad|insynsplats|tjänsteperson|tjänsteman|övrig närvarande|övrig|åhörare|gäst)$/iu, "other"],
  [new RegExp(String.raw`^${JOB_TITLE}$`, "iu"), "other"],
];

/** A title over an attendance table ("Närvarolista", "Närvaroförteckning"), as Meetings+ prints it after the last §; no field of its own. */
export const ATTENDANCE_TITLE = /^(?:närvarolista|närvaroförteckning|närvaro|närvaro- och omröstningslista|deltagarlista|deltagare)\s*:?$/iu;

/** An attendance label's value that points to the list elsewhere ("Se närvarolista", "Enligt bifogad närvarolista"): no person. */
export const ATTENDANCE_REFERENCE = /^(?:se|enligt)(?:\s+(?:bifogad|bilagd|separat))?\s+(?:närvarolista|närvaroförteckning)(?:\s*,?\s*(?:sid(?:an|a|\.)?|s\.|§)\s*\d+)?\.?$/iu;

/** Remote attendance ("distans", "på distans"): not a role, affiliation or title. */
export const REMOTE_ATTENDANCE = /^(?:på\s+)?distans$/iu;
/** An attendee's aside saying they serve as a substitute, with no name of whom for: "Lars Ek (fp) tjänstgörande ersättare". */
export const SERVING_ASIDE = /^(?:tjänstgörande|tjg\.?)\s+(?:ersättare|ers\.?)$|^tjänstgör(?:ande)?$/iu;
/** An electronic signing record under the signatures: "Tua Backman, 21.09.2022". */
export const SIGNING_RECORD = new RegExp(String.raw`^${PERSON_NAME}\s*,[^,]*?\s*${FINNISH_DATE}$`, "u");

// ---------------------------------------------------------------------------
export interface SectionTokenType extends TokenType {
  /** The record field this heading's text fills. */
  field: SectionField;
  /** Matches the whole heading text (without a trailing colon). */
  spellings: RegExp;
  /** Matches "<Organ>s beslut" / "<Organ>s förslag" headings, where the section has that form. */
  genitive: RegExp | null;
  /** Matches "<Organ> beslutar" / "<Organ> föreslår <organ> besluta", where the section has that form. */
  organVerb: RegExp | null;
}

function sectionToken(name: string, def: SectionDefinition): SectionTokenType {
  const token = createToken({ name: `${name}Heading`, pattern: /NA/, categories: [SectionHeading] }) as SectionTokenType;
  token.field = def.field;
  token.spellings = def.spellings;
  // Case-sensitive on purpose: a capital first letter is what sets the heading
  // "Kommunstyrelsens beslut" apart from a wrapped line "enligt kommunstyrelsens beslut".
  token.genitive = def.genitive
    ? new RegExp(
        String.raw`^(?=[A-ZÅÄÖ])(?:(?:[\wåäöéÅÄÖ ,-]{0,80} )?${ORGAN_GENITIVE}|${TITLED_GENITIVE}) ${def.genitive}(?: till (?:beslut|${ORGAN_WORD}))?$`,
        "u",
      )
    : null;
  token.organVerb = def.organVerb ? new RegExp(String.raw`${ORGAN_SUBJECT} ${def.organVerb}$`, "u") : null;
  return token;
}

/**
 * A decision stated as a sentence in running text, with no "Beslut" heading (Word-era templates):
 * "Nämnden beslöt att utse …", "Kommunstyrelsen beslutar enligt förslaget". A dated reference
 * ("Fullmäktige beslutade 2019-05-12 att …") does not match: the verb must be followed by "att" or "enligt".
 */
export const DECISION_SENTENCE = new RegExp(
  String.raw`${ORGAN_SUBJECT} (?:beslutar|beslutade|beslöt)(?: (?:därefter|enhälligt|således|för egen del|för sin del))? (?:att|enligt)(?![\p{L}])`,
  "u",
);

export const SECTION_TOKENS: SectionTokenType[] = [...Object.entries(FINLAND_SWEDISH_SECTIONS), ...Object.entries(SECTION_DEFINITIONS)].map(([name, def]) =>
  sectionToken(name, def),
);

/** A section heading known only by its layout; its text goes to the item's `otherSections`. */
export const OTHER_SECTION = SECTION_TOKENS.find((t) => t.field === "other")!;

/** "Paragrafen är justerad" / "Paragrafen förklaras omedelbart justerad". */
export const AdjustedSeparately = createToken({ name: "AdjustedSeparately", pattern: /NA/ });
export const AdjustedImmediately = createToken({ name: "AdjustedImmediately", pattern: /NA/ });
export const ADJUSTED_SEPARATELY = /^(?:paragrafen|beslutet|§-?en)\s+(?:är|har)\s+justera(?:d|ts)\.?$|^justerad paragraf\.?$/i;
/**
 * A dissent written into the decision's text: "X (S) reserverar sig", and the Finland-Swedish
 * reservation "X anmälde avvikande mening" (kommunallagen 410/2015 96 §). Sources for words().
 */
export const DISSENT_SENTENCE = String.raw`\breserverar sig\b|\banmäl(?:er|de|t|a)\s+(?:sin\s+|en\s+)?avvikande\s+mening\b`;
/** The verb the dissenters are named before. */
export const DISSENT_VERB = String.raw`\breserverar\b|\banmäl(?:er|de|t|a)\b`;
/** Finland-Swedish, in the past tense: "Paragrafen justerades omedelbart", "Protokollet justerades omedelbart för denna paragraf". */
export const ADJUSTED_IMMEDIATELY_PAST = /^(?:paragrafen|beslutet|protokollet|§-?en)\s+justerades\s+(?:omedelbart|genast)(?:\s+(?:för|i)\s+(?:denna|detta)\s+(?:paragraf|§|ärende))?\.?$/i;
export const ADJUSTED_IMMEDIATELY =
  /^(?:\d+\.\s*)?(?:paragrafen|beslutet|§-?en)\s+(?:förklaras\s+)?(?:omedelbart\s+justerad|justeras\s+omedelbart)\.?$|^omedelbar justering\.?$|^(?:paragrafen|beslutet) förklaras omedelbart justerad\.?$/i;

// ---------------------------------------------------------------------------
// Document kind (the heading that names the document)
// ---------------------------------------------------------------------------

export const KindHeading = createToken({ name: "KindHeading", pattern: /NA/ });
/** Whole-line spellings of the document's own name, and the kind each means. */
export const KIND_SPELLINGS: ReadonlyArray<readonly [RegExp, "protokoll" | "kallelse" | "protokollsutdrag"]> = [
  [/^(?:protokollsutdrag|utdrag ur (?:sammanträdes)?protokoll(?:et)?)(?:\s+(?:från|för|vid|ur)\b.*|\s+\d.*)?$/iu, "protokollsutdrag"],
  [
    /^(?:kallelse|föredragningslista|dagordning|kungörelse)(?:\s*(?:\/|och|&|med|samt)\s*(?:föredragningslista|dagordning))?(?:\s+(?:till|för|inför)\b.*)?$/iu,
    "kallelse",
  ],
  // Lex/Evolution: "Kallelse/underrättelse" (the ledamot is called, the ersättare told).
  [/^(?:kallelse\s*\/\s*underrättelse|underrättelse\s*\/\s*kallelse)(?:\s+(?:till|för|inför)\b.*)?$/iu, "kallelse"],
  [/^(?:sammanträdes|justerat\s+|mötes)?protokoll(?:\s+(?:nr|från|för|vid|över)\b.*|\s+\d.*)?$/iu, "protokoll"],
];

// ---------------------------------------------------------------------------
// Front-page labels (attendance and meeting data)
// ---------------------------------------------------------------------------

/** What a front-page label introduces. */
export type FrontField =
  | "placeAndTime"
  | "date"
  | "time"
  | "place"
  | "members"
  | "servingSubstitutes"
  | "substitutes"
  | "others"
  | "adjustersAppointed"
  | "adjustingPlaceAndTime"
  | "signatures"
  | "secretary"
  | "chair"
  | "adjuster"
  | "paragraphs"
  | "presenter"
  | "absent"
  | "certification"
  | "notice"
  | "body"
  | "dateAndTime"
  | "appealInstructions"
  | "ignore";

/** Labels that state when and where a meeting is held. */
export const WHEN_WHERE_FIELDS: ReadonlySet<FrontField> = new Set(["placeAndTime", "date", "time", "place", "dateAndTime"]);

export interface FrontLabelTokenType extends TokenType {
  field: FrontField;
  /** Matches the label at the start of a line; the rest of the line is its value. */
  prefix: RegExp;
}

/**
 * Front-page labels, longest first where one is a prefix of another. The value
 * may follow on the same line ("Plats och tid Digitalt kl. 13:00") or on the
 * next lines ("Ledamöter" then one name per line).
 */
const FRONT_LABELS: ReadonlyArray<readonly [string, FrontField, string]> = [
  ["PlaceAndTime", "placeAndTime", String.raw`plats och tid|tid och plats|sammanträdets plats och tid|plats, datum och tid|plats och datum`],
  ["AdjustingPlaceAndTime", "adjustingPlaceAndTime", String.raw`justeringens plats och tid|justeringens tid och plats|tid och plats för justering|justering(?:ens)? tid|plats och tid för justering`],
  ["AdjustersAppointed", "adjustersAppointed", String.raw`utses att justera|utsedd(?:a)? att justera|justerare|justerande|val av justerare|att justera|justeras av`],
  ["MeetingDate", "date", String.raw`sammanträdesdatum|mötesdatum|datum för sammanträdet|datum`],
  ["MeetingTime", "time", String.raw`tid|tidpunkt|klockslag`],
  ["MeetingPlace", "place", String.raw`plats|lokal|mötesplats|sammanträdeslokal`],
  ["Members", "members", String.raw`beslutande ledamöter|beslutande|ledamöter|närvarande ledamöter|tjänstgörande ledamöter|ordinarie ledamöter|ledamot`],
  ["ServingSubstitutes", "servingSubstitutes", String.raw`tjänstgörande ersättare|tjänstgörande ersättare för frånvarande ledamöter|ersättare som tjänstgör`],
  ["Substitutes", "substitutes", String.raw`ej tjänstgörande ersättare|icke tjänstgörande ersättare|närvarande ersättare|ersättare|ej beslutande ledamöter|ej beslutande ersättare|ej beslutande`],
  ["Others", "others", String.raw`övriga närvarande|övriga deltagare|övriga deltagande|övriga|närvarande tjänstepersoner|tjänstepersoner|tjänstemän|närvarande tjänstemän|adjungerade|adjungerad|inbjudna|insynsplatser|övriga närvarande tjänstepersoner`],
  ["Presenters", "presenter", String.raw`föredragande tjänstepersoner|föredragande tjänstemän|föredragande`],
  ["Absent", "absent", String.raw`frånvarande ledamöter|frånvarande ersättare|frånvarande|anmält förhinder|förhinder`],
  ["Signatures", "signatures", String.raw`underskrifter|underskrift|signaturer`],
  ["Secretary", "secretary", String.raw`sekreterare|vid protokollet|protokollförare`],
  ["Chair", "chair", String.raw`ordförande|ordf\.`],
  ["Adjuster", "adjuster", String.raw`justeras|justerat|justerat av`],
  ["Paragraphs", "paragraphs", String.raw`protokollet omfattar|paragrafer|omfattar paragraferna|§§`],
  ["Organ", "body", String.raw`organ|nämnd|beslutande organ|instans`],
  ["Certification", "certification", String.raw`utdraget överensstämmer med (?:original)?protokollet|rätt utdraget intygar|rätt utdraget betygar|utdraget bestyrks|utdragsbestyrkande`],
  ["Notice", "notice", String.raw`anslag\s*/\s*bevis|anslag|bevis|justeringen har tillkännagivits|justering har tillkännagivits|datum för anslags uppsättande|datum för anslags nedtagande|datum då anslaget sätts upp|datum då anslaget tas ned|förvaringsplats för protokollet|underskrift|överklagandetid|sista dag för överklagande|sista dag(?:en)? för överklagande|sista datum för överklagande|datum för anslags(?: uppsättande| nedtagande)?|datum då anslaget (?:sätts upp|tas ned)|förvaringsplats för(?: protokollet)?`],
];

export const FRONT_LABEL_TOKENS: FrontLabelTokenType[] = [...FRONT_LABELS, ...FINLAND_SWEDISH_FRONT_LABELS].map(([name, field, spellings]) => {
  const token = createToken({ name: `${name}Label`, pattern: /NA/, categories: [FrontLabel] }) as FrontLabelTokenType;
  token.field = field;
  // The label ends at the line end, a colon, a space before the value, or a dotted signing line.
  token.prefix = new RegExp(String.raw`^(?:${ocrTolerant(spellings)})(?=$|\s|:|[….])\s*:?\s*`, "iu");
  return token;
});

/** The signature block's own label ("Underskrifter"), also given to a row of signers' names. */
export const SIGNATURES_LABEL = FRONT_LABEL_TOKENS.find((t) => t.field === "signatures")!;

// ---------------------------------------------------------------------------
// Item headings (a § in a protokoll, a numbered point on a kallelse agenda)
// ---------------------------------------------------------------------------

export const ParagraphHeading = createToken({ name: "ParagraphHeading", pattern: /NA/, categories: [ItemHeading] });
export const AgendaHeading = createToken({ name: "AgendaHeading", pattern: /NA/, categories: [ItemHeading] });

/** A § designation at the start of a line, then the rest (title, Dnr or nothing). */
export const PARAGRAPH_HEADING = new RegExp(String.raw`^${PARAGRAPH_DESIGNATION}(?<rest>.*)$`);
/** "3. Title", "3) Title". */
export const AGENDA_HEADING = /^(?<num>\d{1,3})\s*[.)]\s+(?<rest>\S.*)$/;

// ---------------------------------------------------------------------------
// Tables: header words and what each column holds (layout finds tables by these)
// ---------------------------------------------------------------------------

/** What a table column holds, as its header word says. */
export type ColumnMeaning =
  | "number"
  | "title"
  | "caseNumber"
  | "presenter"
  | "time"
  | "decidingBody"
  | "handling"
  | "member"
  | "substitute"
  | "servingSubstitute"
  | "name"
  | "party"
  | "present"
  | "absent"
  | "paragraphs"
  | "replaces"
  | "yes"
  | "no"
  | "abstain"
  | "vote"
  | "page"
  | "role";

/**
 * Header cells of the tables meeting documents print (agenda, attendance,
 * omröstningslista, contents), each whole cell (case-insensitive, an optional
 * trailing ":" allowed) and the meaning of its column. A row whose cells are all
 * header words is a table's header row.
 */
export const TABLE_HEADER_WORDS: ReadonlyArray<readonly [RegExp, ColumnMeaning]> = [
  // Agenda (föredragningslista) and contents
  [/^(?:nr|nr\.|punkt|§|ärende ?nr|p)$/iu, "number"],
  [/^(?:ärende|ärenden|ärendemening|rubrik|ärendelista|innehåll)$/iu, "title"],
  [/^(?:dnr|diarienummer|diarienr|ärendenummer)$/iu, "caseNumber"],
  [/^(?:föredragande|föredragare|ansvarig|föredras av)$/iu, "presenter"],
  [/^(?:tid|klockslag|beräknad tid|kl\.?)$/iu, "time"],
  [/^(?:beslutsinstans|beslutande organ|instans)$/iu, "decidingBody"],
  [/^(?:handling|handlingar|bilaga|bilagor|beslutsunderlag)$/iu, "handling"],
  [/^(?:sida|sid\.?|s\.)$/iu, "page"],
  // Attendance (närvarolista)
  [/^(?:ledamöter|ledamot|ordinarie ledamöter|beslutande ledamöter)$/iu, "member"],
  [/^(?:ersättare|ersättare som tjänstgör)$/iu, "substitute"],
  [/^(?:namn|ledamot\/ersättare)$/iu, "name"],
  [/^(?:parti)$/iu, "party"],
  [/^(?:närvarande|närv\.?|närvaro|deltar)$/iu, "present"],
  [/^(?:frånvarande|frånv\.?|ej närvarande)$/iu, "absent"],
  [/^(?:§§|paragrafer|närvarande §|närvarande §§)$/iu, "paragraphs"],
  [/^(?:tjänstgör för|tjänstgörande för|ersätter|tjg för|ersättare för)$/iu, "replaces"],
  // Meetings+ / Netpublicator närvarolista: the serving substitute beside the member it stands in for.
  [/^(?:tjänstgörande ersättare|tjg ersättare)$/iu, "servingSubstitute"],
  // Meetings+ / Netpublicator närvarolistor: "Namn | Funktion | Paragraf", "Namn | Parti | Roll | §"
  [/^(?:funktion|roll|uppdrag|befattning)$/iu, "role"],
  [/^(?:paragraf|närvarande paragraf|närvarande paragrafer|deltar i §§|deltagit i §§)$/iu, "paragraphs"],
  // Omröstningslista (roll-call vote)
  [/^(?:ja)$/iu, "yes"],
  [/^(?:nej)$/iu, "no"],
  [/^(?:avstår|avst\.?|avstod)$/iu, "abstain"],
  [/^(?:röst|röstar|votering)$/iu, "vote"],
];

/** The meaning of a header cell, or null when the cell is no header word. */
export function columnMeaning(cell: string): ColumnMeaning | null {
  const text = cell.trim().replace(/\s*:$/, "");
  for (const [pattern, meaning] of TABLE_HEADER_WORDS) if (pattern.test(text)) return meaning;
  return null;
}

/** Columns that name the people of an attendance list, one group each. */
export const PEOPLE_COLUMNS: ReadonlySet<ColumnMeaning> = new Set(["member", "substitute", "servingSubstitute", "name"]);

/** The header of a kallelse's right-hand column of page numbers ("Sid", "Sida") over its numbered points; no field of its own. */
export const PAGE_COLUMN_HEADER = /^(?:sid|sid\.|sida|sidan|sidnr)$/iu;

/** A title over a kallelse's numbered list of ärenden ("Ärenden", "Ärenden:"), as a kungörelse prints it; no field of its own. */
export const AGENDA_TITLE = /^(?:ärenden|ärenden att behandla|ärenden till behandling)\s*:?$/iu;

/**
 * A group heading between a kallelse's numbered points ("Informationsärenden" over points 1-2,
 * "Beslutsärenden" over 3-5): it sorts the items and is none, nor any item's text.
 */
export const AGENDA_GROUP = new RegExp(
  String.raw`^(?:${[
    String.raw`informationsärenden`,
    String.raw`beslutsärenden`,
    String.raw`ärenden för (?:beslut|information|kännedom|diskussion)`,
    String.raw`(?:informations|besluts|diskussions)punkter`,
    String.raw`information`,
    String.raw`för (?:beslut|information|kännedom)`,
  ].join("|")})\s*:?$`,
  "iu",
);
export const AgendaGroupHeading = createToken({ name: "AgendaGroupHeading", pattern: /NA/ });

/**
 * Tables without a header row (issue 11): what a column holds, read from its
 * cells when no header word says it. Each pattern is a whole cell; a column is
 * given the meaning whose pattern every one of its cells matches.
 */
export const CELL_CONTENT = {
  /** An agenda number: "7", "7.", "7)" (never a §: "§ 7" heads an item or a contents entry). */
  number: /^\d{1,3}[.)]?$/u,
  /** One or more diarienummer: "KS 2024/12", "KS 2024/12, KS 2024/13". */
  caseNumber: new RegExp(String.raw`^${CASE_NUMBER}(?:\s*,\s*${CASE_NUMBER})*$`, "u"),
  /** A clock time or span: "13.30", "kl. 9.00–9.30". */
  time: new RegExp(String.raw`^(?:kl\.?\s*)?${CLOCK_TIME}(?:\s*[-–]\s*${CLOCK_TIME})?$`, "u"),
  /** People: "Anna Berg", "Anna Berg (ordförande) (Region JH)", "Anna Berg, Per Holm". */
  people: new RegExp(String.raw`^${PERSON_NAME}(?:\s*\([^()]*\))*(?:\s*,\s*${PERSON_NAME}(?:\s*\([^()]*\))*)*$`, "u"),
  /** A party's letters, in any case, in parentheses or not: "S", "(mp)", "SPI". */
  party: /^\(?[A-ZÅÄÖa-zåäö]{1,5}\)?$/u,
  /** A known party's letters, in any case, in parentheses or not: "mp", "(S)"; never a name's word ("Berg"). */
  knownParty: new RegExp(String.raw`^\(?(?:${PARTIES.join("|")})\)?$`, "iu"),
  /** A presence or answer mark: "X", a tick, "[X]"; an empty box "[ ]" marks nothing. */
  mark: /^(?:\[\s*[xX✓✔×]?\s*\]|[xX✓✔×])$/u,
  /** An answer of a roll-call vote as a word. */
  answer: /^(?:ja|nej|avstår|avst\.?|frånvarande|frånv\.?)$/iu,
  /** Absence said in a word, in a list of people: "frånvarande", "frånv.", "förhinder", "anmält förhinder", "ej närvarande". */
  absence: /^(?:frånvarande|frånv\.?|frånvaro|(?:anmält\s+)?förhinder|ej\s+närvarande|ej\s+närv\.?)$/iu,
  /** Presence said in a word: "närvarande", "närv.", "deltar". */
  presence: /^(?:närvarande|närv\.?|närvaro|deltar|deltog)$/iu,
  /** § limits: "§ 12", "§§ 8–9, § 11". */
  paragraphs: /^§/u,
} as const;

/**
 * A legend that says what an attendance list's marks mean, under or over a list
 * without a header row: "X = frånvarande", "(X = närvarande)", "[X] närvarande",
 * "Frånvarande markeras med X", "X betyder anmält förhinder".
 */
const LEGEND_MARK = String.raw`(?:\[\s*[xX✓✔×]\s*\]|[xX✓✔×])`;
const LEGEND_WORD = String.raw`(?:frånvarande|frånvaro|(?:anmält\s+)?förhinder|ej\s+närvarande|närvarande|närvaro|deltar|deltog)`;
const MARK_LEGENDS = [
  new RegExp(String.raw`^\(?\s*${LEGEND_MARK}\s*(?:=|:|–|—|-|betyder|innebär|anger|markerar)?\s*(${LEGEND_WORD})(?:\s+(?:ledamot|ledamöter|ersättare))?\s*\.?\s*\)?$`, "iu"),
  new RegExp(String.raw`^\(?\s*(${LEGEND_WORD})(?:\s+(?:ledamot|ledamöter|ersättare))?\s+(?:är\s+|har\s+)?(?:markerade?|markeras|markerats|anges|angivna|betecknas|betecknade)\s+med\s+${LEGEND_MARK}\s*\.?\s*\)?$`, "iu"),
];

/** What a legend says the marks of a list mean, or null when the text is no legend. */
export function markLegend(text: string): "present" | "absent" | null {
  for (const legend of MARK_LEGENDS) {
    const word = legend.exec(text.trim())?.[1];
    if (word) return CELL_CONTENT.absence.test(word.replace(/\s+/g, " ")) ? "absent" : "present";
  }
  return null;
}

/** Headings of a table of contents ("Innehållsförteckning", "Ärendelista"). */
export const CONTENTS_HEADING = /^(?:innehållsförteckning|innehåll|ärendelista|ärendeförteckning|förteckning över ärenden|paragrafförteckning)\s*:?$/iu;
/**
 * A dot leader: a row of three or more dots (or "…", "·", "_"), or one that OCR
 * read mark by mark (issue 12): single spaces between the marks and a stray
 * comma, colon or quote among them (". . , . .", "_ _ _"). It starts with a dot.
 */
const LEADER = String.raw`[.…·_](?: ?[.…·_,:;'’]){2,}`;
/** Where a leader may start: not inside a run of marks (so each run is tried once, and the match is linear). */
const LEADER_START = String.raw`(?<![.…·_] ?)`;
/** An entry of a table of contents: a § or number, a title, dot leaders or a gap, a page number. */
export const CONTENTS_ENTRY = new RegExp(
  String.raw`^(?:(?:${PARAGRAPH_DESIGNATION})|(?<agenda>\d{1,3})[.)]?)\s*(?<title>.*?)(?:\s*${LEADER_START}${LEADER}\s*|\s+)(?<page>\d{1,4})$`,
  "u",
);
/** Dot leaders: a title runs into its page number along a row of dots. */
export const DOT_LEADER = new RegExp(String.raw`${LEADER_START}${LEADER}\s*\d{1,4}$`, "u");
/**
 * A § heading candidate that ends in a leader ("16 § Sammanträdets laglighet ........ 3") is
 * a contents entry: four marks or more ("..." ends many a title), the page number optional.
 */
export const HEADING_DOT_LEADER = new RegExp(String.raw`${LEADER_START}(?:…{2,}|[.…·_](?: ?[.…·_,:;'’]){3,})\s*\d*\s*$`, "u");
/** Contents entries are short: longer lines are never tried as one (CONTENTS_ENTRY's lazy title is quadratic on a long line). */
export const CONTENTS_ENTRY_MAX = 300;

// ---------------------------------------------------------------------------
// Other lines
// ---------------------------------------------------------------------------

export const CaseNumberLine = createToken({ name: "CaseNumberLine", pattern: /NA/ });
/** A line that is a diarienummer: "Dnr KS 2025/00123", "Diarienummer: TN 2025/0012", "(RS/62/2026)", "NKBY/130/12.03.00/2023". */
export const CASE_NUMBER_LINE = new RegExp(
  String.raw`^(?:${CASE_NUMBER_LABEL}\s*[:.]?\s*(?<labelled>.+)|\((?<parenthesised>${CASE_NUMBER})\)|(?<bare>${FINNISH_CASE_NUMBER}))$`,
);

export const TextLine = createToken({ name: "TextLine", pattern: /NA/ });
/** A table's header row ("Nr Ärende Dnr Föredragande"): structure, not content. */
export const TableHeader = createToken({ name: "TableHeader", pattern: /NA/ });
/** A table of contents: its heading and its entries ("§ 12 Budget ........ 3"); they list items, they are none. */
export const ContentsLine = createToken({ name: "ContentsLine", pattern: /NA/ });

/** Every line token type, for the parser. */
export const ALL_TOKENS: TokenType[] = [
  SectionHeading,
  FrontLabel,
  ItemHeading,
  ...SECTION_TOKENS,
  ...FRONT_LABEL_TOKENS,
  ParagraphHeading,
  AgendaHeading,
  KindHeading,
  AdjustedSeparately,
  AdjustedImmediately,
  CaseNumberLine,
  TextLine,
  TableHeader,
  ContentsLine,
  AgendaGroupHeading,
];

// ---------------------------------------------------------------------------
// Outcomes, party groups and vote meanings (read from decision, motion and vote texts)
// ---------------------------------------------------------------------------

/** How an item ended, as the record names it (see OutcomeSchema). */
export type OutcomeWord =
  | "approved"
  | "approvedWithChanges"
  | "rejected"
  | "answered"
  | "referredBack"
  | "tabled"
  | "noted"
  | "elected"
  | "withdrawn";

/**
 * The words of a decision that say how it ended, grouped by outcome and tried in
 * this order: what ends the item without deciding it (utgår, återremiss,
 * bordläggning) outranks what a decision also says ("bordläggs ... godkänns
 * senare"), and a motion's answer outranks the avslag it is phrased with.
 * Patterns are compiled with `words()`-style Swedish word boundaries by the builder.
 */
export const OUTCOME_WORDS: ReadonlyArray<readonly [OutcomeWord, string]> = [
  ["withdrawn", String.raw`\b(?:ärendet|punkten|frågan)\s+(?:utgår|avförs|stryks|dras tillbaka)\b|\butgår\s+(?:från|ur)\s+(?:dagordningen|föredragningslistan)\b|\bavförs\s+från\s+dagordningen\b`],
  ["referredBack", String.raw`\båterremitt\w*|\båterremiss\w*|\båterförvisa\w*`],
  ["tabled", String.raw`\bbordl(?:ägg|agd|agt|ades|ade)\w*|\bbordlägga\b|\bskjuts upp\b|\bajourneras\b`],
  ["answered", String.raw`\b(?:motionen|motionerna|medborgarförslaget|medborgarförslagen|e-förslaget|förslaget från medborgare|interpellationen|frågan)\s+(?:\w+\s+){0,3}?(?:anses\s+(?:vara\s+)?besvara(?:d|t|de)|besvara(?:s|d|t)|avslås|avslogs|avstyrks|är\s+besvarad)\b|\b(?:avstyrker|besvarar|avslår|avslog)\s+(?:\w+\s+){0,3}?(?:motionen|motionerna|medborgarförslaget|medborgarförslagen)\b|\batt\s+(?:avslå|besvara|avstyrka)\s+(?:\w+\s+){0,2}?(?:motionen|medborgarförslaget)\b`],
  ["elected", String.raw`\b(?:väljs|valdes|väljer(?!\s+att)|utses|utsågs|utser|entledigas|entledigar|entledigades|befrias\s+från|förrättas\s+val|till\s+(?:ny\s+)?(?:ledamot|ersättare|ordförande|vice ordförande|revisor|nämndeman|nämndemän|justerare)\s+(?:i|för|efter)\b)`],
  ["noted", String.raw`\b(?:läggs|lägga|lägger|lades)(?:\s+[\wåäöÅÄÖé-]{1,40}){0,3}?\s+till\s+handlingarna\b|\bnoteras\b|\bantecknas\b|\btar\s+(?:del\s+av|emot)\s+(?:informationen|redovisningen|rapporten|uppföljningen|anmälan|anmälningarna|delegationsbesluten|meddelandena)\b|\binformationen\s+(?:noteras|tas emot)\b|\btas\s+till\s+(?:dagens\s+)?protokoll(?:et)?\b|\bhar\s+informerats\b|\bförklarar\s+sig\s+informera(?:d|de)\b`],
  ["rejected", String.raw`\batt\s+avslå\b|\bavslås\b|\bavslogs\b|\bavslår\b|\bavslag\s+på\b|\bbifalls\s+inte\b|\bbifaller\s+inte\b|\bavvisas\b|\blämnas\s+utan\s+(?:bifall|åtgärd)\b|\bavstyrker\b|\bavstyrks\b|\bgodkänns\s+inte\b|\bgodkänner\s+inte\b`],
  ["approved", String.raw`\b(?:(?:bifalls|bifaller|godkänns|godkänner)(?!\s+inte)|rekommenderar|rekommenderas|att\s+(?:godkänna|anta|fastställa|bevilja|bifalla|förlänga|tillstyrka|uppdra|överlämna|anvisa|avsätta|tilldela|revidera|teckna|utöka|upphäva)|bifölls|godkändes|antas|antar|antogs|fastställs|fastställer|fastställdes|beviljas|beviljar|tillstyrks|tillstyrker|ger\s+\S+(?:\s+\S+){0,4}\s+i\s+uppdrag|(?:får|ges)\s+i\s+uppdrag|uppdrar|uppdras|anvisar|anvisas|överlämnar|överlämnas|översänds|översänder|avsätter|avsätts|tilldelas|tilldelar|förlänger|förlängs|upphäver|upphävs|ställer\s+sig\s+bakom|i\s+enlighet\s+med\s+(?:\S+\s+){0,3}förslag\w*|enligt\s+(?:\S+\s+){0,3}förslag\w*|delegerar|delegeras|instämmer|yttrar\s+sig|lämnar\s+(?:följande\s+)?yttrande|ansöker|ingår|tecknar|utökar|utökas|revideras|reviderar)\b`],
];

/** A decision made with a tillägg or ändring: "med tillägg av ...", "bifaller tilläggsyrkandet". */
export const WITH_CHANGES = String.raw`\bmed\s+(?:följande\s+|den\s+|de\s+)?(?:tillägg|tilläggen|ändring|ändringen|ändringar|ändringarna)\b|\b(?:bifaller|bifalles|bifalls|bifalla|bifölls)\s+(?:även\s+|också\s+)?(?:\S+\s+){0,3}?(?:tilläggsyrkande|ändringsyrkande|tilläggsförslag|ändringsförslag)\w*|\b(?:tilläggsyrkande|ändringsyrkande|tilläggsförslag|ändringsförslag)\w*(?:\s+\S+){0,3}?\s+(?:bifalls|bifölls|antas)\b|\bfinner\s+att\s+(?:det|tilläggsyrkandet|ändringsyrkandet|tilläggsyrkandena|ändringsyrkandena)\s+(?:har\s+)?(?:bifallits|bifalls|antagits)\b`;

/**
 * The chair putting the motions to the meeting ("Ordföranden ställer proposition på yrkandena och
 * finner att ..."): how the decision was reached, never a motion although it names the yrkanden.
 */
export const PROPOSITION = String.raw`\b(?:ställer|ställde)\s+(?:proposition|propositioner|förslagen|yrkandena|förslag\s+mot\s+förslag)\b|\bpropositionsordning\b|\bfinner\s+att\s+\S+(?:\s+\S+){0,3}?\s+(?:beslutar|beslutat|bifaller|bifallit|antar|antagit|avslår|avslagit)\b`;

/** Decision verbs that say a decision was made but not which way: approved only when nothing more specific is said. */
export const DECISION_MADE = String.raw`\b(?:beslutar|beslutade|beslutas|föreslår|föreslog)\b`;

/**
 * What a motion or a side of a vote moves, for decisions made "enligt X:s yrkande" / "På förslag av X":
 * the aim it names first ("bifall till förslaget och avslag på motionen" moves bifall).
 */
export const MOTION_AIMS: ReadonlyArray<readonly [OutcomeWord, string]> = [
  ["referredBack", String.raw`\båterremi\w*`],
  ["tabled", String.raw`\bbordlägg\w*`],
  ["rejected", String.raw`\bavslag\w*|\bavslå\b|\bavstyr\w*`],
  ["approvedWithChanges", String.raw`\btillägg\w*|\bändring\w*`],
  ["approved", String.raw`\bbifall\b|\bbifalla\b|\batt\b`],
];

/** Parties by their written names, for sentences that name a party rather than a person. */
export const PARTY_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["socialdemokraterna", "S"], ["socialdemokratiska", "S"], ["moderaterna", "M"], ["moderata", "M"],
  ["sverigedemokraterna", "SD"], ["centerpartiet", "C"], ["vänsterpartiet", "V"], ["kristdemokraterna", "KD"],
  ["liberalerna", "L"], ["folkpartiet", "FP"], ["miljöpartiet", "MP"], ["demokraterna", "D"],
];

/**
 * A party acting as a group: "S-gruppen", "M-, L- och KD-ledamöterna",
 * "Ledamöterna i M, D, L och KD", "Vänsterpartiets ledamöter", "yrkande från S, V och MP".
 * Named groups: `parties` (abbreviations joined by "," / "och" / "samt") or `partyName` (a written name).
 */
export const PARTY_GROUP = String.raw`(?:(?<partyName>${PARTY_NAMES.map(([n]) => `${n[0]!.toUpperCase()}${n.slice(1)}s?|${n}s?`).join("|")})(?:\s+(?:ledamöter|ledamot|ledamöterna|grupp|gruppen|representanter|företrädare))?|(?:[Ll]edamöterna|[Rr]epresentanterna|[Ff]öreträdarna|[Yy]rkande(?:t)?|[Ff]örslag(?:et)?)\s+(?:i|för|från)\s+(?<parties>\(?[A-ZÅÄÖ]{1,4}\)?(?:\s*(?:,|och|samt)\s*\(?[A-ZÅÄÖ]{1,4}\)?){0,8})(?:(?<=\))|\b)|(?<dashParties>[A-ZÅÄÖ]{1,4}(?:-,?\s*(?:[A-ZÅÄÖ]{1,4}-,?\s*)*(?:och|samt)\s+[A-ZÅÄÖ]{1,4})?)-(?:gruppen|ledamöterna|ledamoten|ledamöter|ledamot|representanterna|företrädarna))`;

/**
 * A voteringsproposition: "Ja för ärendets återremiss och Nej för ärendets avgörande idag",
 * "den som vill bifalla X röstar ja, den som vill Y röstar nej".
 */
export const VOTE_MEANINGS: readonly string[] = [
  String.raw`\bja(?:-röst)?\s+(?:för|till|innebär|betyder)\s+(?<yes>.+?)\s*(?:,\s*|\s+och\s+|\s*;\s*)nej(?:-röst)?\s+(?:för|till|innebär|betyder)\s+(?<no>.+?)(?:[.”"»]|$)`,
  String.raw`\bden\s+som\s+(?:vill|önskar)\s+(?<yes>.+?)\s+röstar\s+ja\b.*?\bden\s+(?:som\s+)?(?:det\s+ej\s+vill|det\s+inte\s+vill|som\s+vill|vill)\s*(?<no>.*?)\s*röstar\s+nej\b`,
];
// OCR readings (issue 12): what OCR prints for the signs of a protokoll. The
// OCR stage (src/ocr/words.ts) reads its words back through these before the
// layout sees them; a text layer is never rewritten.
// ---------------------------------------------------------------------------

/** A "§" or "§§" standing alone before a number, as OCR prints it: "$ 18", "$$ 18-22", "& 4". */
export const OCR_SECTION_SIGN_WORD = /^(?:\$\$?|&&?)$/;
/** ... or glued to its number: "$18", "$$18-22". */
export const OCR_SECTION_SIGN_GLUED = /^\$\$?(?=\d)/;
/** A designation's number after an OCR'd sign: "18", "18-22", "23–24". */
export const OCR_DESIGNATION_NUMBER = /^\d{1,4}(?:[-–]\d{1,4})?[,.:]?$/;
/** A list bullet ("•") as OCR prints it, standing alone at the start of a line. */
export const OCR_BULLET = /^[«»+*°·]$/;
/** A party letter read as a sign, inside its parentheses: "($)" for "(S)", "($D)" for "(SD)". */
export const OCR_PARTY_MISREADS: readonly (readonly [RegExp, string])[] = [[/^\((\$)(D?)\)([,.:;]?)$/, "(S$2)$3"]];
/**
 * A diarienummer whose first "/" OCR read as "I", "l" or "|" ("HSNI2470/2021" for
 * "HSN/2470/2021"): capitals, the misread slash, a number, then "/" and a year.
 */
export const OCR_CASE_NUMBER_SLASH: readonly [RegExp, string] = [/^([A-ZÅÄÖ]{2,6})[Il|](\d{1,5}\/\d{4})([,.;]?)$/, "$1/$2$3"];

/**
 * A label's spellings as OCR may print them: a dropped diacritic ("Narvarande",
 * "Ersattare"), "l" read as "I" or "1", "m" read as "rn". Only letters that
 * stand for themselves in the spellings are widened; none of the widened
 * forms is a Swedish word, so clean text reads as before.
 */
function ocrTolerant(spellings: string): string {
  return spellings.replace(/[äöål]|m(?!\?)/g, (c) => ({ ä: "[äa]", ö: "[öo]", å: "[åa]", l: "[lI1]", m: "(?:m|rn)" })[c] ?? c);
}

/**
 * Words of the document's own furniture: its labels, section headings, kind
 * headings and contents headings, five letters or more, in lower case without
 * diacritics (foldOcrWord). OCR splits such a word where a speck or a wide
 * letter gap falls ("Besl ut", "Närva rande", "Justeran de") or reads a speck
 * inside it as a mark ("Just'erande"); the OCR stage joins the pieces again when
 * together, and only together, they make one of these words.
 */
export const OCR_FURNITURE_WORDS: ReadonlySet<string> = new Set(
  [
    ...[...FRONT_LABELS, ...FINLAND_SWEDISH_FRONT_LABELS].map(([, , spellings]) => spellings),
    ...Object.values({ ...SECTION_DEFINITIONS, ...FINLAND_SWEDISH_SECTIONS }).map((def) => def.spellings.source),
    ...KIND_SPELLINGS.map(([pattern]) => pattern.source),
    CONTENTS_HEADING.source,
  ]
    .flatMap((source) => source.toLowerCase().match(/[a-zåäöé]{5,}/gu) ?? [])
    .map(foldOcrWord),
);

/**
 * An attendance checkbox as OCR prints it at the start of a line: "IX]", "[X", "|X]",
 * "(X)" for "[X]", and "[]", "[|", "|]" for "[ ]". A bracket must be there, so a
 * Roman "IX" stays.
 */
export const OCR_CHECKBOX_MISREADS: readonly (readonly [RegExp, string])[] = [
  [/^(?:[[(][|Il1]?[xX×][\]|)Il1J]?|[[(|Il1]?[xX×][\])J])$/, "[X]"],
  [/^(?:[[(][|Il1J\])]|[|Il1][\])])$/, "[ ]"],
];

/** A word as OCR_FURNITURE_WORDS holds it: lower case, "å", "ä", "ö", "é" as the letters OCR drops them to. */
export function foldOcrWord(word: string): string {
  return word.toLowerCase().replace(/[åä]/g, "a").replace(/ö/g, "o").replace(/é/g, "e");
}

/** A mark OCR puts inside a word for a speck: "Just'erande", "Besl.ut", "Närva,rande". */
export const OCR_STRAY_MARK = /[.,'’‘`´:;|]/gu;
