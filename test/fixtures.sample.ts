/**
 * The record behind `fixtures/sample.pdf`: a realistic socialnämnd protokoll of
 * three pages, written by hand (municipality and people invented). Pages are
 * placeholders here; the renderer fills in where things were printed.
 */
import { emptyItem } from "../src/records/items.js";
import { participant } from "./support/records.js";
import type { DocumentRecord, Item } from "../src/schema/index.js";

function item(paragraph: number, title: string, extra: Partial<Item>): Item {
  return { ...emptyItem(title), paragraph, ...extra };
}

export const SAMPLE_DOCUMENT: DocumentRecord = {
  schemaVersion: 1,
  kind: "protokoll",
  organisation: "Älvbacka kommun",
  body: "Socialnämnden",
  meeting: { date: "2025-03-12", startTime: "13:30", endTime: "16:05", place: "Kommunhuset, sammanträdesrum Ljusnan" },
  participants: [
    participant("Birgitta Åström", "S", "member", { roles: ["chair"] }),
    participant("Mats-Olof Lindqvist", "M", "member", { roles: ["viceChair"] }),
    participant("Sofia Ekström Berg", "S", "member", { roles: ["adjuster"] }),
    participant("Jörgen Nyström", "SD", "member"),
    participant("Amira Haddad", "V", "member"),
    participant("Per Ölund", "C", "member", { paragraphs: [23, 24, 25] }),
    participant("Ann-Charlotte Hjelm", "L", "member"),
    participant("Kenneth Rask", "KD", "servingSubstitute", { replaces: "Lena Holmgren" }),
    participant("Eva Sjödin", "C", "servingSubstitute", { paragraphs: [26, 27], replaces: "Per Ölund" }),
    participant("Tobias Fält", "S", "substitute"),
    participant("Malin Bergqvist-Nord", "M", "substitute"),
    participant("Helén Sandberg", null, "other", { title: "socialchef" }),
    participant("Oskar Lindén", null, "other", { title: "controller", paragraphs: [24] }),
    participant("Therese Wikström", null, "other", { roles: ["secretary"], title: "nämndsekreterare" }),
  ],
  adjusters: ["Sofia Ekström Berg"],
  paragraphsCovered: [23, 24, 25, 26, 27],
  items: [
    item(23, "Godkännande av dagordning", { decision: "Dagordningen godkänns." }),
    item(24, "Månadsuppföljning februari 2025", {
      caseNumbers: ["SN 2025/0012"],
      description:
        "Controller Oskar Lindén redovisar utfallet till och med februari. Nämnden redovisar ett underskott om 2,4 miljoner kronor för perioden, främst inom placeringar av barn och unga samt köpt vård inom missbruksområdet. Helårsprognosen visar ett underskott om 6,8 miljoner kronor.\n\nFörvaltningen arbetar med en åtgärdsplan som redovisas för nämnden i april.",
      proposal: "Socialnämnden godkänner månadsuppföljningen för februari 2025.",
      decision: "Socialnämnden godkänner månadsuppföljningen för februari 2025.",
      distribution: ["Kommunstyrelsen", "Ekonomienheten"],
      adjusted: "separately",
    }),
    item(25, "Riktlinjer för ekonomiskt bistånd 2025", {
      caseNumbers: ["SN 2024/0311"],
      description:
        "Riktlinjerna för ekonomiskt bistånd har setts över mot bakgrund av ändrad praxis och den nya socialtjänstlagen. Förslaget innebär i huvudsak följande förändringar:\n• tydligare krav på aktivt arbetssökande för den som står till arbetsmarknadens förfogande\n• en ny norm för kostnader för hemutrustning\n• förtydliganden om bistånd till tandvård och glasögon\n\nFörslaget har beretts i samverkan med arbetsmarknadsenheten och har stämts av med de fackliga organisationerna.",
      proposal:
        "1. Socialnämnden antar riktlinjer för ekonomiskt bistånd 2025.\n2. Riktlinjerna gäller från och med den 1 april 2025.\n3. Förvaltningen får i uppdrag att utvärdera riktlinjerna och återrapportera till nämnden i december 2025.",
      motions: [
        { by: ["Amira Haddad"], text: "Amira Haddad (V) yrkar avslag på punkt 1 i förvaltningens förslag." },
        {
          by: ["Birgitta Åström", "Mats-Olof Lindqvist"],
          text: "Birgitta Åström (S) och Mats-Olof Lindqvist (M) yrkar bifall till förvaltningens förslag.",
        },
      ],
      vote: {
        yes: 6,
        no: 1,
        abstain: 1,
        absent: null,
        text: "Omröstning begärs. Nämnden godkänner följande beslutsgång: Ja för bifall till förvaltningens förslag, nej för bifall till Amira Haddads avslagsyrkande.\n\nMed 6 ja-röster mot 1 nej-röst och 1 som avstår beslutar nämnden att bifalla förvaltningens förslag.",
        ballots: [
          { name: "Birgitta Åström", party: "S", vote: "yes" },
          { name: "Mats-Olof Lindqvist", party: "M", vote: "yes" },
          { name: "Sofia Ekström Berg", party: "S", vote: "yes" },
          { name: "Jörgen Nyström", party: "SD", vote: "abstain" },
          { name: "Amira Haddad", party: "V", vote: "no" },
          { name: "Per Ölund", party: "C", vote: "yes" },
          { name: "Ann-Charlotte Hjelm", party: "L", vote: "yes" },
          { name: "Kenneth Rask", party: "KD", vote: "yes" },
        ],
      },
      decision:
        "1. Socialnämnden antar riktlinjer för ekonomiskt bistånd 2025.\n2. Riktlinjerna gäller från och med den 1 april 2025.\n3. Förvaltningen får i uppdrag att utvärdera riktlinjerna och återrapportera till nämnden i december 2025.",
      reservations: [{ by: ["Amira Haddad"], text: "Amira Haddad (V) reserverar sig mot beslutet till förmån för eget yrkande." }],
      notes: [
        "Jörgen Nyström (SD) antecknar att Sverigedemokraterna vill se en samlad analys av kostnaderna för ekonomiskt bistånd innan riktlinjerna utvärderas.",
      ],
      conflicts: ["Ann-Charlotte Hjelm"],
      basis: ["Tjänsteskrivelse 2025-02-20", "Förslag till riktlinjer för ekonomiskt bistånd 2025", "Arbetsutskottets protokoll 2025-02-26 § 14"],
      distribution: ["Individ- och familjeomsorgen", "Arbetsmarknadsenheten"],
    }),
    item(26, "Yttrande över medborgarförslag om fler trygghetsboenden", {
      caseNumbers: ["SN 2025/0007", "KS 2024/0412"],
      description:
        "Ett medborgarförslag har lämnats till kommunfullmäktige om att kommunen ska inrätta fler trygghetsboenden för äldre i kommunens ytterområden. Kommunstyrelsen har gett socialnämnden tillfälle att yttra sig. Förvaltningen konstaterar att bostadsbolaget planerar för ett nytt trygghetsboende i Norrbyn under 2026.",
      proposal: "Socialnämnden antar förvaltningens yttrande som sitt eget och överlämnar det till kommunstyrelsen.",
      decision: "Socialnämnden antar förvaltningens yttrande som sitt eget och överlämnar det till kommunstyrelsen.",
      basis: ["Tjänsteskrivelse 2025-02-18", "Medborgarförslag om fler trygghetsboenden"],
      distribution: ["Kommunstyrelsen"],
      adjusted: "immediately",
    }),
    item(27, "Delegationsbeslut och meddelanden", {
      decision: "Redovisningen läggs till handlingarna.",
    }),
  ],
  source: { pages: 1, textSource: "pdf", sha256: null },
  furniture: [],
  diagnostics: [],
};
