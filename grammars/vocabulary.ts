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
export const CASE_NUMBER = String.raw`(?:[A-ZÅÄÖ]{1,6}(?:[ -][A-ZÅÄÖ]{1,6})?\s?[/ .:-]\s?\d{1,5}[/.-]\d{1,5}(?:[/.-]\d{1,5})?(?::-?\d+)?|[A-ZÅÄÖ]{1,6}-\d{4}-\d{2,6}(?::-?\d+)?|\d{4}[/.-]\d{1,5}(?:[/.-]\d{1,5})?)`;

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
  [/\b(?:2:e|2:a|andra|andre)\s+vice\s+ordförande\b/i, "secondViceChair"],
  [/\bvice\s+ordförande\b|\bv\.\s?ordf\.?/i, "viceChair"],
  [/\bordförande\b|\bordf\.?(?=\s|$|\))/i, "chair"],
  [/\bsekreterare\b|\bsekr\.?(?=\s|$|\))/i, "secretary"],
  [/\bjusterare\b|\bjusterande\b|\bjusteras\b/i, "adjuster"],
  [/\bföredragande\b/i, "presenter"],
];

/** Words of an official's job title ("Ekonomichef Lisa Berg", "Helén Sjöqvist, förvaltningschef"). */
export const JOB_TITLE = String.raw`(?:[a-zåäö-]*(?:chef|direktör|sekreterare|controller|handläggare|strateg|ekonom|jurist|rektor|samordnare|utredare|ansvarig|ingenjör|arkitekt|planerare|administratör|assistent|revisor|läkare|specialist|konsult|inspektör|registrator|kommunikatör|tjänsteperson|tjänsteman|föredragande|projektledare|enhetschef|verksamhetschef|förvaltningschef|kanslichef|ekonomichef|kommundirektör|nämndsekreterare|sakkunnig|rådgivare|praktikant|medarbetare|biträdande [a-zåäö]+)|[a-zåäö]+ ?(?:chef|direktör))`;

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
  | "presenters"
  | "caseNumbers";

interface SectionDefinition {
  field: SectionField;
  /** Whole-line spellings (case-insensitive; an optional trailing ":" is always allowed). */
  spellings: RegExp;
  /** Also "<Organ>s <word>": "Kommunstyrelsens beslut", "Arbetsutskottets förslag". */
  genitive?: "beslut" | "förslag";
}

/** Roots of words that name an organ or its office ("Kommunstyrelsen", "Arbetsutskottet", "Förvaltningen"). */
export const ORGAN_ROOTS = [
  "nämnd", "styrelse", "fullmäktige", "utskott", "förvaltning", "råd", "kontor", "beredning", "direktion",
  "delegation", "grupp", "presidium", "kommitté", "förbund", "ordförande", "stämma", "direktör", "kansli",
] as const;
const anyCase = (root: string): string => `[${root[0]!.toUpperCase()}${root[0]}]${root.slice(1)}`;
/** An organ word in the genitive: "kommunstyrelsens", "Nämndens", "arbetsutskottets", "stadsledningskontorets". */
// The word's parts are bounded ("Samhällsbyggnads|nämnd|en|s"): unbounded, `[…]*` runs to the word's
// end again after every root it meets, which is quadratic in a long word ("Nämndnämndnämnd…").
const ORGAN_GENITIVE = String.raw`[\wåäöéÅÄÖ-]{0,40}(?:${ORGAN_ROOTS.map(anyCase).join("|")})[a-zåäö]{0,30}s`;

/**
 * Section headings and the field each fills. "<Organ>s beslut" and "<Organ>s
 * förslag" are matched by shape (a capitalised genitive of up to five words).
 */
const SECTION_DEFINITIONS: Record<string, SectionDefinition> = {
  Description: {
    field: "description",
    spellings:
      /^(?:ärendebeskrivning|sammanfattning(?: av ärendet)?|bakgrund|ärendet|beskrivning av ärendet|ärendets beredning|redogörelse)$/i,
  },
  Proposal: {
    field: "proposal",
    spellings:
      /^(?:förslag till beslut(?: på sammanträdet| på mötet)?|beslutsförslag|förslag till beslut och yrkanden)$/i,
    genitive: "förslag",
  },
  Motions: { field: "motions", spellings: /^(?:yrkanden?|yrkande och propositionsordning)$/i },
  Order: { field: "order", spellings: /^(?:propositionsordning|beslutsgång|proposition(?:er)?|beslutsordning)$/i },
  Vote: { field: "vote", spellings: /^(?:omröstning|omröstningsresultat|votering|voteringsresultat|omröstning och votering)$/i },
  Ballots: { field: "ballots", spellings: /^(?:omröstningslista|voteringslista|voteringsprotokoll|omröstningsprotokoll)$/i },
  Decision: {
    field: "decision",
    spellings:
      /^(?:beslut|beslutet|beslut på sammanträdet|sammanträdets beslut)$/i,
    genitive: "beslut",
  },
  Reservation: { field: "reservations", spellings: /^(?:reservation(?:er)?|reservationer och särskilda yttranden)$/i },
  Note: { field: "notes", spellings: /^(?:protokollsanteckning(?:ar)?|särskilt yttrande|särskilda yttranden|anteckning(?:ar)?)$/i },
  Conflict: { field: "conflicts", spellings: /^(?:jäv|anmälan om jäv|jävsanmälan)$/i },
  Basis: {
    field: "basis",
    spellings: /^(?:beslutsunderlag|handlingar|handling|underlag|underlag för beslut|bilagor|bilaga|handlingar i ärendet)$/i,
  },
  Distribution: {
    field: "distribution",
    spellings:
      /^(?:expedieras(?: till)?|expediering|beslutet (?:ska )?skickas till|beslutet expedieras till|protokollsutdrag (?:skickas )?till|protokollsutdrag skickas till|sändlista|delges|för kännedom|för verkställighet|skickas till)$/i,
  },
  History: { field: "history", spellings: /^(?:tidigare behandling|tidigare beslut|ärendets tidigare behandling)$/i },
  Presenters: { field: "presenters", spellings: /^(?:föredragande|föredragande tjänsteperson(?:er)?)$/i },
  CaseNumberLine: { field: "caseNumbers", spellings: /^(?:diarienummer|dnr|ärendenummer)$/i },
};

export interface SectionTokenType extends TokenType {
  /** The record field this heading's text fills. */
  field: SectionField;
  /** Matches the whole heading text (without a trailing colon). */
  spellings: RegExp;
  /** Matches "<Organ>s beslut" / "<Organ>s förslag" headings, where the section has that form. */
  genitive: RegExp | null;
}

function sectionToken(name: string, def: SectionDefinition): SectionTokenType {
  const token = createToken({ name: `${name}Heading`, pattern: /NA/, categories: [SectionHeading] }) as SectionTokenType;
  token.field = def.field;
  token.spellings = def.spellings;
  // Case-sensitive on purpose: a capital first letter is what sets the heading
  // "Kommunstyrelsens beslut" apart from a wrapped line "enligt kommunstyrelsens beslut".
  token.genitive = def.genitive
    ? new RegExp(String.raw`^(?=[A-ZÅÄÖ])(?:[\wåäöéÅÄÖ ,-]{0,80} )?${ORGAN_GENITIVE} ${def.genitive}(?: till beslut)?$`)
    : null;
  return token;
}

export const SECTION_TOKENS: SectionTokenType[] = Object.entries(SECTION_DEFINITIONS).map(([name, def]) =>
  sectionToken(name, def),
);

/** "Paragrafen är justerad" / "Paragrafen förklaras omedelbart justerad". */
export const AdjustedSeparately = createToken({ name: "AdjustedSeparately", pattern: /NA/ });
export const AdjustedImmediately = createToken({ name: "AdjustedImmediately", pattern: /NA/ });
export const ADJUSTED_SEPARATELY = /^(?:paragrafen|beslutet|§-?en)\s+(?:är|har)\s+justera(?:d|ts)\.?$|^justerad paragraf\.?$/i;
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
  | "ignore";

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
  ["AdjustersAppointed", "adjustersAppointed", String.raw`utses att justera|utsedd(?:a)? att justera|justerare|justerande|val av justerare|att justera`],
  ["MeetingDate", "date", String.raw`sammanträdesdatum|mötesdatum|datum för sammanträdet|datum`],
  ["MeetingTime", "time", String.raw`tid|tidpunkt|klockslag`],
  ["MeetingPlace", "place", String.raw`plats|lokal|mötesplats|sammanträdeslokal`],
  ["Members", "members", String.raw`beslutande ledamöter|beslutande|ledamöter|närvarande ledamöter|tjänstgörande ledamöter|ordinarie ledamöter|ledamot`],
  ["ServingSubstitutes", "servingSubstitutes", String.raw`tjänstgörande ersättare|tjänstgörande ersättare för frånvarande ledamöter|ersättare som tjänstgör`],
  ["Substitutes", "substitutes", String.raw`ej tjänstgörande ersättare|icke tjänstgörande ersättare|närvarande ersättare|ersättare|ej beslutande ledamöter|ej beslutande`],
  ["Others", "others", String.raw`övriga närvarande|övriga deltagare|övriga deltagande|övriga|närvarande tjänstepersoner|tjänstepersoner|tjänstemän|närvarande tjänstemän|adjungerade|adjungerad|inbjudna|insynsplatser|övriga närvarande tjänstepersoner`],
  ["Presenters", "presenter", String.raw`föredragande tjänstepersoner|föredragande tjänstemän|föredragande`],
  ["Absent", "absent", String.raw`frånvarande ledamöter|frånvarande ersättare|frånvarande|anmält förhinder|förhinder`],
  ["Signatures", "signatures", String.raw`underskrifter|underskrift|signaturer`],
  ["Secretary", "secretary", String.raw`sekreterare|vid protokollet|protokollförare`],
  ["Chair", "chair", String.raw`ordförande|ordf\.`],
  ["Adjuster", "adjuster", String.raw`justeras|justerat|justerat av`],
  ["Paragraphs", "paragraphs", String.raw`protokollet omfattar|paragrafer|omfattar paragraferna|§§`],
  ["Organ", "body", String.raw`organ|nämnd|beslutande organ|instans`],
  ["Certification", "certification", String.raw`utdraget överensstämmer med (?:original)?protokollet|rätt utdraget intygar|utdraget bestyrks|utdragsbestyrkande`],
  ["Notice", "notice", String.raw`anslag\s*/\s*bevis|anslag|bevis|justeringen har tillkännagivits|justering har tillkännagivits|datum för anslags uppsättande|datum för anslags nedtagande|datum då anslaget sätts upp|datum då anslaget tas ned|förvaringsplats för protokollet|underskrift|överklagandetid|sista dag för överklagande`],
];

export const FRONT_LABEL_TOKENS: FrontLabelTokenType[] = FRONT_LABELS.map(([name, field, spellings]) => {
  const token = createToken({ name: `${name}Label`, pattern: /NA/, categories: [FrontLabel] }) as FrontLabelTokenType;
  token.field = field;
  // The label ends at the line end, a colon, a space before the value, or a dotted signing line.
  token.prefix = new RegExp(String.raw`^(?:${spellings})(?=$|\s|:|[….])\s*:?\s*`, "iu");
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
// Other lines
// ---------------------------------------------------------------------------

export const CaseNumberLine = createToken({ name: "CaseNumberLine", pattern: /NA/ });
/** A line that is a diarienummer: "Dnr KS 2025/00123", "Diarienummer: TN 2025/0012", "(RS/62/2026)". */
export const CASE_NUMBER_LINE = new RegExp(
  String.raw`^(?:${CASE_NUMBER_LABEL}\s*[:.]?\s*(?<labelled>.+)|\((?<parenthesised>${CASE_NUMBER})\))$`,
);

export const TextLine = createToken({ name: "TextLine", pattern: /NA/ });

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
];
