/** Small builders for hand-written and generated records in tests. */
import type { Participant } from "../../src/schema/index.js";

/** A participant with the given name, party and group, and nothing else stated unless `extra` says so. */
export function participant(name: string, party: string | null, group: Participant["group"], extra: Partial<Participant> = {}): Participant {
  return { name, party, group, roles: [], affiliation: null, title: null, paragraphs: null, replaces: null, page: 1, ...extra };
}
