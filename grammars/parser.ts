/**
 * The grammar of a meeting document, over line tokens:
 *
 *   document  := preamble (item | closing)*
 *   preamble  := (bodyLine | FrontLabel)*          front page: kind, organ, attendance
 *   item      := CaseNumberLine* ItemHeading (section | bodyLine)*
 *   section   := SectionHeading bodyLine*          "Beslut", "Yrkanden", "Expedieras till" ...
 *   closing   := FrontLabel bodyLine*              signatures after the last item
 *   bodyLine  := TextLine | CaseNumberLine | KindHeading | AdjustedSeparately | AdjustedImmediately
 *              | TableHeader | ContentsLine        a table's header row, a table of contents
 *              | AgendaGroupHeading                "Beslutsärenden" between a kallelse's points
 *
 * A diarienummer line directly above a heading ("Dnr BUN 2025/004" over
 * "§ 19 ...") belongs to the item below it: the lexer marks such lines, and
 * the gates send them to the next item.
 * The grammar only says where lines belong; what they mean is the builder's job.
 */
import { CstParser, tokenMatcher } from "chevrotain";
import type { LineToken } from "./classify.js";
import {
  ALL_TOKENS,
  AdjustedImmediately,
  AdjustedSeparately,
  CaseNumberLine,
  ContentsLine,
  AgendaGroupHeading,
  FrontLabel,
  ItemHeading,
  KindHeading,
  SectionHeading,
  TableHeader,
  TextLine,
} from "./vocabulary.js";

export class DocumentParser extends CstParser {
  constructor() {
    super(ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  /** At a diarienummer line that heads the next item (the lexer decided from the layout). */
  private readonly atLeadingCaseNumber = (): boolean =>
    tokenMatcher(this.LA(1), CaseNumberLine) && (this.LA(1) as LineToken).payload?.headsNextItem === true;

  private readonly notItemStart = (): boolean => !this.atLeadingCaseNumber();

  public document = this.RULE("document", () => {
    this.SUBRULE(this.preamble);
    this.MANY(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.item) }, { ALT: () => this.SUBRULE(this.closing) }]);
    });
  });

  public preamble = this.RULE("preamble", () => {
    this.MANY({
      GATE: this.notItemStart,
      DEF: () => {
        this.OR([{ ALT: () => this.SUBRULE(this.bodyLine) }, { ALT: () => this.CONSUME(FrontLabel) }]);
      },
    });
  });

  public item = this.RULE("item", () => {
    this.MANY({ GATE: this.atLeadingCaseNumber, DEF: () => this.CONSUME(CaseNumberLine) });
    this.CONSUME(ItemHeading);
    this.MANY2({
      GATE: this.notItemStart,
      DEF: () => {
        this.OR([{ ALT: () => this.SUBRULE(this.section) }, { ALT: () => this.SUBRULE2(this.bodyLine) }]);
      },
    });
  });

  public section = this.RULE("section", () => {
    this.CONSUME(SectionHeading);
    this.MANY({ GATE: this.notItemStart, DEF: () => this.SUBRULE(this.bodyLine) });
  });

  public closing = this.RULE("closing", () => {
    this.CONSUME(FrontLabel);
    this.MANY({ GATE: this.notItemStart, DEF: () => this.SUBRULE(this.bodyLine) });
  });

  public bodyLine = this.RULE("bodyLine", () => {
    this.OR([
      { ALT: () => this.CONSUME(TextLine) },
      { ALT: () => this.CONSUME(CaseNumberLine) },
      { ALT: () => this.CONSUME(KindHeading) },
      { ALT: () => this.CONSUME(AdjustedSeparately) },
      { ALT: () => this.CONSUME(AdjustedImmediately) },
      { ALT: () => this.CONSUME(TableHeader) },
      { ALT: () => this.CONSUME(ContentsLine) },
      { ALT: () => this.CONSUME(AgendaGroupHeading) },
    ]);
  });
}

