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
  /** Inside a block inserted or deleted whole (`remiss diff`): every run and paragraph mark in it is tracked so. */
  readonly revision?: RevisionKind;
  readonly state: WriterState;
}

/** A tracked change (ECMA-376 Part 1 §17.13.5): text inserted (`w:ins`) or deleted (`w:del`). */
export type RevisionKind = "ins" | "del";

/**
 * What `remiss diff` (src/diff) marks on an mdast node, in its `data`:
 * `revision`, the node and everything in it inserted or deleted; `mark`, on
 * a paragraph, heading or code block, its paragraph mark alone, when that
 * differs from the node's (`none`: not tracked).
 */
export interface RevisionData {
  revision?: RevisionKind;
  mark?: RevisionKind | "none";
}

export function revisionOf(node: { data?: unknown }): RevisionKind | undefined {
  return (node.data as RevisionData | undefined)?.revision;
}

/** The author and date of the tracked changes, and their ids, unique in the document in the order they are written. */
export class Revisions {
  private nextId = 1;

  constructor(
    readonly author: string,
    /** W3C date-time; none, and the changes carry no date. */
    readonly date: string | undefined,
  ) {}

  /** The attributes of the next change (`w:id`, `w:author`, `w:date`). */
  next(): { id: number; author: string; date: string } {
    // docx leaves out an attribute whose value is undefined.
    return { id: this.nextId++, author: this.author, date: this.date as string };
  }
}

/** Character formatting inherited by inline nodes. */
export interface RunFormat {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly strike?: boolean;
  readonly code?: boolean;
  readonly link?: boolean;
  /** Tracked as inserted or deleted (`remiss diff`). */
  readonly revision?: RevisionKind;
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
  /** Set when the document shows changes as tracked (`remiss diff`); without it, no change is written. */
  revisions: Revisions | undefined;

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

export function createContext(label: string, fonts: DocumentFonts = FONTS, baseDir?: string, revisions?: Revisions): Context {
  const state = new WriterState(label, fonts, baseDir);
  state.revisions = revisions;
  return { listDepth: 0, state };
}

/** Within a block: the context of a block marked inserted or deleted whole. */
export function blockContext(node: { data?: unknown }, context: Context): Context {
  const revision = revisionOf(node);
  return revision && revision !== context.revision ? withEnv(context, { revision }) : context;
}

/**
 * A paragraph's options for its mark (`w:pPr/w:rPr/w:ins` or `w:del`), so
 * that accepting or rejecting a paragraph inserted or deleted whole removes
 * it rather than leaving it empty. `node` is the paragraph's own mdast
 * node, whose `data.mark` may say otherwise.
 */
export function paragraphMark(context: Context, node?: { data?: unknown }): { run?: { insertion: ReturnType<Revisions["next"]> } | { deletion: ReturnType<Revisions["next"]> } } {
  const { revisions } = context.state;
  if (!revisions) return {};
  const own = (node?.data as RevisionData | undefined)?.mark;
  const kind = own === "none" ? undefined : (own ?? revisionOf(node ?? {}) ?? context.revision);
  if (!kind) return {};
  return { run: kind === "ins" ? { insertion: revisions.next() } : { deletion: revisions.next() } };
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
