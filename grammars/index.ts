/**
 * The grammar stage: layout lines -> line tokens -> concrete syntax tree.
 * One parser instance is built once and reused for every document.
 */
import type { CstNode, IRecognitionException } from "chevrotain";
import { UNLIMITED, type Budget } from "../src/budget.js";
import type { Line } from "../src/layout/types.js";
import { tokenizeLines, type LineToken } from "./classify.js";
import { DocumentParser } from "./parser.js";

export type { LinePayload, LineToken } from "./classify.js";
export type * from "./cst.js";
export { DocumentParser } from "./parser.js";
export { meetingStarts } from "./meetings.js";
export * as vocabulary from "./vocabulary.js";

/** The parse of one document: its tokens, its tree, and what the parser had to skip. */
export interface ParsedLines {
  tokens: LineToken[];
  cst: CstNode;
  parseErrors: IRecognitionException[];
}

let sharedParser: DocumentParser | null = null;

/** The parser is expensive to build (grammar analysis) and cheap to reuse. */
export function documentParser(): DocumentParser {
  sharedParser ??= new DocumentParser();
  return sharedParser;
}

export function parseLines(lines: readonly Line[], budget: Budget = UNLIMITED): ParsedLines {
  budget.check("classifying lines");
  const tokens = tokenizeLines(lines);
  budget.check("parsing the line tokens");
  const parser = documentParser();
  parser.input = tokens;
  const cst = parser.document();
  return { tokens, cst, parseErrors: [...parser.errors] };
}
