import type { Finding } from "../diagnostics.js";
import type { SectionSpec } from "../model/sections.js";

/**
 * The one format-neutral document that `check` reads. Readers (Markdown,
 * DOCX, YAML) build it; rules read only it, never a format. A "line" is a
 * line of the file for Markdown and YAML and a paragraph number (counting
 * every `w:p` in the body from 1) for DOCX.
 */
export interface Position {
  readonly line: number;
  readonly column: number;
  /**
   * Where outside the body the text stands, as a message names it
   * (`sidhuvudet på första sidan, stycke 2`, `fotnot 1, stycke 1`,
   * `en textruta i stycke 12`, `dokumentegenskapen ”Rubrik”`); `line`
   * then counts that part's paragraphs (a text box's is the paragraph that
   * holds it, a document property's 0). Absent in the body.
   */
  readonly part?: string;
}

export type BlockKind = "heading" | "paragraph" | "list-item" | "code" | "table-cell";

/** A block of text: a paragraph, a list item's paragraph, a heading, a table cell's paragraph. */
export interface TextBlock {
  readonly kind: BlockKind;
  /** Plain text without markup; a line break inside the block is "\n". */
  readonly text: string;
  /** Where the character at `offset` of `text` stands in the file. */
  at(offset: number): Position;
  /** The block stands in a block quote (Markdown `>`): someone else's words, which `text/klarsprak` leaves alone. */
  readonly quoted?: boolean;
}

export interface Heading extends Position {
  /** The heading's text, trimmed. */
  readonly text: string;
  /** 1 for the title, 2 for sections, 3 and deeper for the writer's own headings. */
  readonly depth: number;
}

export interface Section {
  /** The level-2 heading; absent for a YAML text field. */
  readonly heading?: Heading;
  /** The section of `SECTIONS` this is, if any; other level-2 sections are allowed. */
  readonly spec?: SectionSpec;
  /** The YAML field the text comes from (`motion.beskrivning`), for YAML only. */
  readonly field?: string;
  /** Where the section begins: its heading, or the first line of the YAML field. */
  readonly position: Position;
  /** The section's text: blocks up to the next level-2 heading or the signatures. */
  readonly body: readonly TextBlock[];
  /** Rules switched off in this section (`<!-- remiss-disable … -->` in Markdown). */
  readonly disabled?: readonly string[];
}

/** The document's headings, for the section rules. Absent for YAML, whose sections the schema checks. */
export interface Outline {
  /** Every heading, in order, at any level. */
  readonly headings: readonly Heading[];
  /** Level-1 and level-2 headings inside a block quote or a list (Markdown), which open no section. */
  readonly nestedHeadings?: readonly Heading[];
  /** Where the signatures begin (the marker), if the document marks them. */
  readonly signatures?: Position;
  /** The end of the document: where a section missing at the end should stand. */
  readonly end: Position;
}

export interface DateField extends Position {
  /** YYYY-MM-DD as written. */
  readonly value: string;
}

export interface DocumentDates {
  /** The report's date. */
  readonly datum?: DateField;
  /** `remiss.svar_senast`: the last day to answer. */
  readonly svarSenast?: DateField;
  /** `beredning.behandlats[]`: when each organ treated the case. */
  readonly behandlats: readonly (DateField & { readonly organ?: string })[];
}

/** An unaccepted tracked change, as a message names it. */
export interface ReviewChange {
  readonly position: Position;
  readonly kind: "insättning" | "borttagning" | "formatering" | "nytt stycke" | "borttaget stycke";
  /** The inserted or deleted text ("" for a paragraph mark or a formatting change of a paragraph). */
  text: string;
  readonly author?: string;
  /** Where in the paragraph's text the change ends, and the paragraph (for joining neighbouring runs of one change). */
  end: number;
  readonly paragraph?: unknown;
}

/** A comment, at the text it is anchored to. */
export interface ReviewComment {
  readonly position: Position;
  readonly text: string;
  /** The text the comment's range covers in its first paragraph. */
  readonly anchor: string;
  readonly author?: string;
}

export interface CheckDocument {
  /** "rad" or "stycke": what the file's line numbers count, for messages. */
  readonly lineUnit: "rad" | "stycke";
  readonly outline?: Outline;
  /** Level-2 sections in document order (for YAML: one per text field). */
  readonly sections: readonly Section[];
  /** Every block of text in the document, in order, headings and signatures included. */
  readonly blocks: readonly TextBlock[];
  /**
   * Text a reader sees outside the body (DOCX): headers and footers,
   * footnotes and endnotes, text boxes and the document properties, each
   * block's position naming its part.
   */
  readonly outside?: readonly TextBlock[];
  /** Hidden text (DOCX `w:vanish`), which no block holds: each run of it, at the place where it stands. */
  readonly hidden?: readonly TextBlock[];
  /** A Word document's unaccepted tracked changes and its comments (DOCX only). */
  readonly review?: { readonly changes: readonly ReviewChange[]; readonly comments: readonly ReviewComment[] };
  /**
   * Text in the file that the document does not show (a draft's front
   * matter and HTML comments): read only by the rules that look for what
   * must not be in the file at all, such as `text/personnummer`.
   */
  readonly unseen?: readonly TextBlock[];
  readonly dates: DocumentDates;
  /**
   * The remitted document's title, where no level-1 heading gives it (a
   * case: `remissobjekt.titel`): its authors' wording, which sentences repeat.
   */
  readonly title?: string;
  /** What the reader itself found (a file that cannot be read, schema errors). */
  readonly findings: readonly Finding[];
}

/** A document with nothing in it but the reader's findings. */
export function emptyDocument(findings: readonly Finding[], lineUnit: "rad" | "stycke" = "rad"): CheckDocument {
  return { lineUnit, sections: [], blocks: [], dates: { behandlats: [] }, findings };
}

/** Headings already normalized: the same few headings come back in every document. */
const normalized = new Map<string, string>();

/** Heading text compared with the section list: trimmed, spaces collapsed, any case. */
export function normalizeHeading(text: string): string {
  let result = normalized.get(text);
  if (result === undefined) {
    result = text.trim().replace(/\s+/gu, " ").toLocaleLowerCase("sv");
    if (normalized.size >= 1000) normalized.clear();
    normalized.set(text, result);
  }
  return result;
}
