/**
 * Linking across documents: the records of one document say what happened at
 * one meeting; a researcher asks how an agenda item ended and how one case
 * (diarienummer) moved from nämnd to kommunstyrelse to fullmäktige.
 *
 * - `links`: each kallelse item paired with the § of the protokoll (or
 *   protokollsutdrag) of the same body and meeting date, scored from shared
 *   case numbers, title similarity and position in the document.
 * - `cases`: the items of every document grouped by diarienummer, in date order.
 *
 * Works on parsed records only (no text, no I/O), so it runs in a browser too.
 */
import type { DocumentRecord as Document, Item, Outcome } from "../schema/index.js";

/** An item of one of the documents given, by position. */
export interface ItemRef {
  /** Index of the document in the array given to {@link linkDocuments}. */
  document: number;
  /** The document's id: `source.sha256`, else `source.file`, else `#<index>`. */
  documentId: string;
  /** 1-based position of the item in `items`. */
  item: number;
  paragraph: number | null;
  number: number | null;
  title: string;
}

/** A kallelse item and the § that handled it at the same meeting. */
export interface ItemLink {
  body: string | null;
  date: string | null;
  kallelse: ItemRef;
  protokoll: ItemRef;
  /** 0–1: how sure the pairing is. */
  score: number;
  /** What the pairing rests on. */
  evidence: Array<"caseNumber" | "title" | "order">;
}

/** One appearance of a case in a document. */
export interface CaseEntry extends ItemRef {
  kind: Document["kind"];
  body: string | null;
  date: string | null;
  outcome: Outcome | null;
}

/** Every item, in every document, that carries one diarienummer; entries in date order. */
export interface Case {
  caseNumber: string;
  entries: CaseEntry[];
}

export interface DocumentLinks {
  links: ItemLink[];
  cases: Case[];
}

/** Below this score a kallelse item is left unpaired rather than paired with the wrong §. */
export const LINK_THRESHOLD = 0.45;

/** Pair kallelse items with protokoll §§ of the same meeting, and group items by diarienummer into cases. */
export function linkDocuments(documents: readonly Document[]): DocumentLinks {
  return { links: meetingLinks(documents), cases: caseGroups(documents) };
}

function documentId(doc: Document, index: number): string {
  const file = (doc.source as { file?: unknown }).file;
  return doc.source.sha256 ?? (typeof file === "string" ? file : `#${index}`);
}

function ref(doc: Document, index: number, item: Item, position: number): ItemRef {
  return { document: index, documentId: documentId(doc, index), item: position + 1, paragraph: item.paragraph, number: item.number, title: item.title };
}

// ---------------------------------------------------------------------------
// Kallelse item <-> protokoll §
// ---------------------------------------------------------------------------

function meetingLinks(documents: readonly Document[]): ItemLink[] {
  const links: ItemLink[] = [];
  documents.forEach((kallelse, k) => {
    if (kallelse.kind !== "kallelse" || kallelse.meeting.date === null) return;
    documents.forEach((minutes, p) => {
      if (minutes.kind === "kallelse" || !sameMeeting(kallelse, minutes)) return;
      links.push(...pairItems(kallelse, k, minutes, p));
    });
  });
  return links;
}

/** Same date, and the same body where both name one. */
function sameMeeting(a: Document, b: Document): boolean {
  if (a.meeting.date !== b.meeting.date) return false;
  return a.body === null || b.body === null || fold(a.body) === fold(b.body);
}

interface Candidate {
  k: number;
  p: number;
  score: number;
  evidence: ItemLink["evidence"];
}

/** Score every pair, then take the best pairs greedily, each item at most once. */
function pairItems(kallelse: Document, k: number, minutes: Document, p: number): ItemLink[] {
  const candidates: Candidate[] = [];
  kallelse.items.forEach((ki, i) => {
    minutes.items.forEach((pi, j) => {
      const scored = pairScore(ki, i / Math.max(1, kallelse.items.length - 1), pi, j / Math.max(1, minutes.items.length - 1));
      // An utdrag holds one § of the meeting: its position says nothing.
      if (minutes.kind === "protokollsutdrag") scored.evidence = scored.evidence.filter((e) => e !== "order");
      if (scored.score >= LINK_THRESHOLD) candidates.push({ k: i, p: j, ...scored });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.k - b.k || a.p - b.p);
  const usedK = new Set<number>();
  const usedP = new Set<number>();
  const links: ItemLink[] = [];
  for (const c of candidates) {
    if (usedK.has(c.k) || usedP.has(c.p)) continue;
    usedK.add(c.k);
    usedP.add(c.p);
    links.push({
      body: minutes.body ?? kallelse.body,
      date: kallelse.meeting.date,
      kallelse: ref(kallelse, k, kallelse.items[c.k]!, c.k),
      protokoll: ref(minutes, p, minutes.items[c.p]!, c.p),
      score: Math.round(c.score * 1000) / 1000,
      evidence: c.evidence,
    });
  }
  return links.sort((a, b) => a.kallelse.item - b.kallelse.item);
}

/**
 * A shared diarienummer says most; a title that matches word for word nearly as
 * much (titles are reworded between agenda and minutes, numbers rarely are);
 * the same relative position breaks ties between look-alike items ("Information").
 * Different diarienummer on both sides halve the score.
 */
function pairScore(k: Item, kPos: number, p: Item, pPos: number): { score: number; evidence: ItemLink["evidence"] } {
  const kCases = new Set(k.caseNumbers.map(normaliseCaseNumber));
  const pCases = p.caseNumbers.map(normaliseCaseNumber);
  const shared = pCases.some((c) => kCases.has(c));
  const conflicting = kCases.size > 0 && pCases.length > 0 && !shared;
  const title = titleSimilarity(k.title, p.title);
  const order = 1 - Math.abs(kPos - pPos);
  let score = 0.55 * title + 0.15 * order + (shared ? 0.5 : 0);
  if (conflicting) score *= 0.5;
  const evidence: ItemLink["evidence"] = [];
  if (shared) evidence.push("caseNumber");
  if (title >= 0.5) evidence.push("title");
  if (order >= 0.8) evidence.push("order");
  return { score: Math.min(1, score), evidence };
}

/** Sørensen–Dice over the titles' words (letters and digits, lower case). */
export function titleSimilarity(a: string, b: string): number {
  const wa = titleWords(a);
  const wb = titleWords(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size);
}

function titleWords(title: string): Set<string> {
  return new Set(fold(title).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));
}

// ---------------------------------------------------------------------------
// Cases across documents
// ---------------------------------------------------------------------------

function caseGroups(documents: readonly Document[]): Case[] {
  const groups = new Map<string, Case>();
  documents.forEach((doc, index) => {
    doc.items.forEach((item, position) => {
      for (const printed of item.caseNumbers) {
        const key = normaliseCaseNumber(printed);
        const group = groups.get(key) ?? { caseNumber: printed, entries: [] };
        // One entry per item, even where it prints the number twice.
        if (group.entries.some((e) => e.document === index && e.item === position + 1)) continue;
        group.entries.push({
          ...ref(doc, index, item, position),
          kind: doc.kind,
          body: doc.body,
          date: doc.meeting.date,
          outcome: item.outcome ?? null,
        });
        groups.set(key, group);
      }
    });
  });
  const cases = [...groups.values()];
  for (const c of cases) c.entries.sort(byDateThenDocument);
  return cases.sort((a, b) => byDateThenDocument(a.entries[0]!, b.entries[0]!) || a.caseNumber.localeCompare(b.caseNumber));
}

/** Undated entries last; a kallelse before the protokoll of the same day. */
function byDateThenDocument(a: CaseEntry, b: CaseEntry): number {
  const da = a.date ?? "9999-99-99";
  const db = b.date ?? "9999-99-99";
  if (da !== db) return da < db ? -1 : 1;
  const ka = a.kind === "kallelse" ? 0 : 1;
  const kb = b.kind === "kallelse" ? 0 : 1;
  return ka - kb || a.document - b.document || a.item - b.item;
}

/** "KS 2025/00123", "ks 2025/123" and "KS-2025-123" name one case: prefix, year and number without leading zeros. */
export function normaliseCaseNumber(printed: string): string {
  return fold(printed)
    .replace(/^dnr[:.\s]*/u, "")
    .replace(/[\s./:-]+/gu, "/")
    .replace(/(^|\/)0+(?=\d)/gu, "$1")
    .toUpperCase();
}

function fold(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase();
}
