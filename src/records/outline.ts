/**
 * The CST visitor: turns the parse tree into an outline of the document
 * (preamble lines, items with their sections, closing blocks), in document
 * order. What the lines mean is decided later, by `front.ts` and `items.ts`.
 */
import type { CstNode, IToken } from "chevrotain";
import {
  documentParser,
  type BodyLineCstChildren,
  type ClosingCstChildren,
  type DocumentCstChildren,
  type ItemCstChildren,
  type LineToken,
  type PreambleCstChildren,
  type SectionCstChildren,
} from "../../grammars/index.js";

/** A section of an item: its heading token and the lines under it. */
export interface SectionOutline {
  heading: LineToken;
  lines: LineToken[];
}

/** An item in document order: loose lines and sections interleaved as printed. */
export interface ItemOutline {
  /** Diarienummer lines printed above the heading. */
  leading: LineToken[];
  heading: LineToken;
  parts: Array<{ line: LineToken } | { section: SectionOutline }>;
}

/** A label after the last item (a signature block) and the lines under it. */
export interface ClosingOutline {
  label: LineToken;
  lines: LineToken[];
}

export interface DocumentOutline {
  preamble: LineToken[];
  items: ItemOutline[];
  closings: ClosingOutline[];
}

const BaseVisitor = documentParser().getBaseCstVisitorConstructor();

const byOffset = (a: IToken, b: IToken): number => a.startOffset - b.startOffset;

class OutlineVisitor extends BaseVisitor {
  constructor() {
    super();
    this.validateVisitor();
  }

  document(children: DocumentCstChildren): DocumentOutline {
    return {
      preamble: this.visit(children.preamble[0]!) as LineToken[],
      items: (children.item ?? []).map((node) => this.visit(node) as ItemOutline),
      closings: (children.closing ?? []).map((node) => this.visit(node) as ClosingOutline),
    };
  }

  preamble(children: PreambleCstChildren): LineToken[] {
    const lines = (children.bodyLine ?? []).map((node) => this.visit(node) as LineToken);
    return [...lines, ...((children.FrontLabel ?? []) as LineToken[])].sort(byOffset);
  }

  item(children: ItemCstChildren): ItemOutline {
    const lines = (children.bodyLine ?? []).map((node) => ({ line: this.visit(node) as LineToken }));
    const sections = (children.section ?? []).map((node) => ({ section: this.visit(node) as SectionOutline }));
    const start = (part: { line: LineToken } | { section: SectionOutline }): number =>
      "line" in part ? part.line.startOffset : part.section.heading.startOffset;
    return {
      leading: (children.CaseNumberLine ?? []) as LineToken[],
      heading: children.ItemHeading[0] as LineToken,
      parts: [...lines, ...sections].sort((a, b) => start(a) - start(b)),
    };
  }

  section(children: SectionCstChildren): SectionOutline {
    return {
      heading: children.SectionHeading[0] as LineToken,
      lines: (children.bodyLine ?? []).map((node) => this.visit(node) as LineToken),
    };
  }

  closing(children: ClosingCstChildren): ClosingOutline {
    return {
      label: children.FrontLabel[0] as LineToken,
      lines: (children.bodyLine ?? []).map((node) => this.visit(node) as LineToken),
    };
  }

  bodyLine(children: BodyLineCstChildren): LineToken {
    const [token] = Object.values(children).flat() as LineToken[];
    return token!;
  }
}

let visitor: OutlineVisitor | null = null;

export function outline(cst: CstNode): DocumentOutline {
  visitor ??= new OutlineVisitor();
  return visitor.visit(cst) as DocumentOutline;
}
