import type { ILevelsOptions } from "docx";
import type { Paragraph } from "docx";
import type { Definition, FootnoteDefinition } from "mdast";
import { listLevels, type DocumentFonts } from "./styles.js";
import { FONTS } from "./typography.js";

/**
 * What the writer passes down the tree (pandoc's WriterEnv and WriterState):
 * an immutable environment that nested nodes extend, and one mutable state
 * shared by the whole document.
 */
export interface Context {
  /** Nesting depth of lists around the current node; 0 outside lists. */
  readonly listDepth: number;
  /** Paragraph style for plain paragraphs at this place, when not Normal. */
  readonly paragraphStyle?: string;
  /** Left indent (twips) of plain paragraphs here, such as a list item's second paragraph. */
  readonly indent?: number;
  /** The current list block is the last thing in its outermost list, so it takes the space after the list. */
  readonly closesList?: boolean;
  /** After the signatures (Bilagor): lists keep every item with the next, so the end of the document stays on one page. */
  readonly keepTogether?: boolean;
  readonly state: WriterState;
}

/** Character formatting inherited by inline nodes. */
export interface RunFormat {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly strike?: boolean;
  readonly code?: boolean;
  readonly link?: boolean;
}

export class WriterState {
  readonly numbering: ListNumbering;
  /** Link reference definitions, by normalised label. */
  readonly definitions = new Map<string, Definition>();
  /** Footnote definitions, by normalised label. */
  readonly footnoteDefinitions = new Map<string, FootnoteDefinition>();
  /** The document's footnotes, by id, in the order they are first referred to. */
  readonly footnotes = new Map<number, { children: Paragraph[] }>();
  /** Footnote label → its id in `footnotes`. */
  readonly footnoteIds = new Map<string, number>();
  /** Renders a footnote's blocks; set by the block writer, which the inline writer cannot import. */
  renderFootnote: (definition: FootnoteDefinition) => Paragraph[] = () => [];

  /**
   * @param label The house style's document label: the metadata block's
   *   paragraph that starts with it is the page-1 document info.
   * @param fonts The house style's fonts.
   */
  constructor(
    readonly label: string,
    readonly fonts: DocumentFonts = FONTS,
    /** Where the Markdown's images are named from (the case file's folder); without it, an image is its alt text. */
    readonly baseDir?: string,
  ) {
    this.numbering = new ListNumbering(fonts);
  }
}

export function createContext(label: string, fonts: DocumentFonts = FONTS, baseDir?: string): Context {
  return { listDepth: 0, state: new WriterState(label, fonts, baseDir) };
}

export function withEnv(context: Context, changes: Partial<Omit<Context, "state">>): Context {
  return { ...context, ...changes };
}

/**
 * Word numbers a list by a `w:num` instance of an abstract numbering; all
 * paragraphs sharing an instance count on. docx writes a separate `w:num`,
 * with a start override on every level, for each (reference, instance)
 * pair, so giving every Markdown list an instance of its own makes every
 * numbered list start again at its first number (1 unless the Markdown says
 * otherwise).
 */
export class ListNumbering {
  private readonly definitions = new Map<string, ILevelsOptions[]>();
  private nextInstance = 1;

  constructor(private readonly fonts: DocumentFonts = FONTS) {}

  /** A new, separately counted list. */
  newList(ordered: boolean, start = 1): ListInstance {
    const first = Number.isSafeInteger(start) && start >= 0 ? start : 1;
    const reference = ordered ? (first === 1 ? "numrerad" : `numrerad-fran-${first}`) : "punkt";
    if (!this.definitions.has(reference)) this.definitions.set(reference, listLevels(ordered, first, this.fonts));
    return { reference, instance: this.nextInstance++ };
  }

  /** The abstract numberings used, for the document's `numbering.config`, in first-use order. */
  config(): { reference: string; levels: ILevelsOptions[] }[] {
    return [...this.definitions].map(([reference, levels]) => ({ reference, levels }));
  }
}

export interface ListInstance {
  readonly reference: string;
  readonly instance: number;
}
