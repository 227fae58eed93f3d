/** See structure-lines.mjs. */
export declare const STRUCTURE_LINES: readonly string[];
