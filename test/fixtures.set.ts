/**
 * Which fixtures are committed under fixtures/: the hand-written sample that
 * the README's `npm start` parses, and one generated document per template.
 */
import type { Document } from "../src/schema/index.js";
import type { TemplateName } from "./support/render/index.js";
import { SAMPLE_DOCUMENT } from "./fixtures.sample.js";

export interface Fixture {
  name: string;
  template: TemplateName;
  document: () => Document;
}

export const FIXTURES: Fixture[] = [{ name: "sample", template: "tabell", document: () => SAMPLE_DOCUMENT }];
