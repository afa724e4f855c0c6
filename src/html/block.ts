/**
 * The compact block model both renderers work from: a document is parsed once into blocks,
 * then rendered to text and to Markdown.
 * @module
 */

/** One table cell after normalization: plain text and Markdown inline content. */
export interface BlockCell {
  text: string;
  md: string;
}

/** A heading: from `<h1>`–`<h6>` or from a short bold or centred line. */
export interface HeadingBlock {
  kind: 'heading';
  level: number;
  text: string;
  md: string;
}

/** A paragraph; `\n` inside marks a line break of the source (`<br>`). */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  md: string;
}

/** One list item; `depth` 0 is the outermost list. */
export interface ListItemBlock {
  kind: 'list-item';
  ordered: boolean;
  /** 1-based position within an ordered list. */
  index: number;
  depth: number;
  text: string;
  md: string;
}

/** A data table: rectangular rows, the first row used as the header. */
export interface TableBlock {
  kind: 'table';
  rows: BlockCell[][];
}

/** Preformatted text kept verbatim (`<pre>`, legacy text tables, XML). */
export interface PreBlock {
  kind: 'pre';
  text: string;
  /** Fence info string for Markdown (`xml`), empty for none. */
  lang: string;
}

/** Any block. */
export type Block = HeadingBlock | ParagraphBlock | ListItemBlock | TableBlock | PreBlock;
