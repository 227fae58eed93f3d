import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface DocumentCstNode extends CstNode {
  name: "document";
  children: DocumentCstChildren;
}

export type DocumentCstChildren = {
  preamble: PreambleCstNode[];
  item?: ItemCstNode[];
  closing?: ClosingCstNode[];
};

export interface PreambleCstNode extends CstNode {
  name: "preamble";
  children: PreambleCstChildren;
}

export type PreambleCstChildren = {
  bodyLine?: BodyLineCstNode[];
  FrontLabel?: IToken[];
};

export interface ItemCstNode extends CstNode {
  name: "item";
  children: ItemCstChildren;
}

export type ItemCstChildren = {
  CaseNumberLine?: IToken[];
  ItemHeading: IToken[];
  section?: SectionCstNode[];
  bodyLine?: BodyLineCstNode[];
};

export interface SectionCstNode extends CstNode {
  name: "section";
  children: SectionCstChildren;
}

export type SectionCstChildren = {
  SectionHeading: IToken[];
  bodyLine?: BodyLineCstNode[];
};

export interface ClosingCstNode extends CstNode {
  name: "closing";
  children: ClosingCstChildren;
}

export type ClosingCstChildren = {
  FrontLabel: IToken[];
  bodyLine?: BodyLineCstNode[];
};

export interface BodyLineCstNode extends CstNode {
  name: "bodyLine";
  children: BodyLineCstChildren;
}

export type BodyLineCstChildren = {
  TextLine?: IToken[];
  CaseNumberLine?: IToken[];
  KindHeading?: IToken[];
  AdjustedSeparately?: IToken[];
  AdjustedImmediately?: IToken[];
  TableHeader?: IToken[];
  ContentsLine?: IToken[];
  AgendaGroupHeading?: IToken[];
};

export interface ICstNodeVisitor<IN, OUT> extends ICstVisitor<IN, OUT> {
  document(children: DocumentCstChildren, param?: IN): OUT;
  preamble(children: PreambleCstChildren, param?: IN): OUT;
  item(children: ItemCstChildren, param?: IN): OUT;
  section(children: SectionCstChildren, param?: IN): OUT;
  closing(children: ClosingCstChildren, param?: IN): OUT;
  bodyLine(children: BodyLineCstChildren, param?: IN): OUT;
}
