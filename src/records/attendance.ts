/**
 * The Funktion / Roll column of an attendance table, as Meetings+ and Netpublicator
 * närvarolistor print it ("Namn | Funktion | Paragraf"): "Ordförande", "Ledamot",
 * "Tjänstgörande ersättare", "Ersättare", "Sekreterare", a job title. The cell says
 * the person's group, and may carry a role, a title or whom a substitute serves for.
 */
import { vocabulary } from "../../grammars/index.js";
import type { ParticipantGroup, Role } from "../schema/index.js";
import { extractRoles } from "./people.js";

const { ATTENDANCE_FUNCTIONS, JOB_TITLE, PERSON_NAME } = vocabulary;

export interface AttendanceFunction {
  group: ParticipantGroup;
  roles: Role[];
  title: string | null;
  replaces: string | null;
}

const TITLE_ONLY = new RegExp(String.raw`^${JOB_TITLE}$`, "iu");
/** "Tjänstgörande ersättare för Eva Sund (V)": the name after "för", without a party. */
const SERVES_FOR = new RegExp(String.raw`\bför\s+(?<name>${PERSON_NAME})(?:\s*\([^()]*\))?$`, "u");

/** What a function cell says; null when its words are none the vocabulary knows. */
export function readFunction(cell: string): AttendanceFunction | null {
  const text = cell.replace(/\s+/g, " ").trim().replace(/[,;]$/u, "");
  const group = ATTENDANCE_FUNCTIONS.find(([pattern]) => pattern.test(text))?.[1];
  if (!group) return null;
  const { roles } = extractRoles(text);
  // A job title in a column of its own, as printed ("Förvaltningschef"); "Sekreterare" is a role, no title.
  const title = group === "other" && roles.length === 0 && TITLE_ONLY.test(text) ? text : null;
  const replaces = group === "servingSubstitute" ? (SERVES_FOR.exec(text)?.groups?.name ?? null) : null;
  return { group, roles, title, replaces };
}
