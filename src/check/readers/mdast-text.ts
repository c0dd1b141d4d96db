import type { Nodes, PhrasingContent, RootContent } from "mdast";
import type { BlockKind, Position, TextBlock } from "../document.js";

/** Source offset → position in the file. */
export type Locate = (offset: number) => Position;

/**
 * Turns mdast blocks into `TextBlock`s whose every character knows its
 * offset in the Markdown source, so that a finding can point at the exact
 * column even after escapes, entities, list indentation and markup.
 */
export function blocksOf(nodes: readonly RootContent[], source: string, locate: Locate): TextBlock[] {
  const out: TextBlock[] = [];
  for (const node of nodes) collectBlocks(node, false, source, locate, out);
  return out;
}

/** One heading as a block (its text without markup). */
function headingBlock(node: Extract<Nodes, { type: "heading" }>, source: string, locate: Locate): TextBlock {
  return inlineBlock("heading", node.children, source, locate, node.position?.start.offset ?? 0);
}

function collectBlocks(node: RootContent, inList: boolean, source: string, locate: Locate, out: TextBlock[], inQuote = false): void {
  const push = (block: TextBlock) => out.push(inQuote ? { ...block, quoted: true } : block);
  const start = node.position?.start.offset ?? 0;
  switch (node.type) {
    case "paragraph":
      push(inlineBlock(inList ? "list-item" : "paragraph", node.children, source, locate, start));
      return;
    case "heading":
      push(headingBlock(node, source, locate));
      return;
    case "code": {
      const text = new AlignedText(source, locate, start);
      text.align(node.value, start, node.position?.end.offset ?? source.length);
      push(text.block("code"));
      return;
    }
    case "table":
      // Each cell one block, as a Word document's table cells are.
      for (const row of node.children) {
        for (const cell of row.children) push(inlineBlock("table-cell", cell.children, source, locate, cell.position?.start.offset ?? start));
      }
      return;
    case "list":
    case "listItem":
    case "blockquote":
      for (const child of node.children) {
        collectBlocks(child as RootContent, inList || node.type !== "blockquote", source, locate, out, inQuote || node.type === "blockquote");
      }
      return;
    default:
      // html (comments, the signatures marker), yaml, thematic breaks, definitions: no prose.
      return;
  }
}

function inlineBlock(kind: BlockKind, children: readonly PhrasingContent[], source: string, locate: Locate, start: number): TextBlock {
  const text = new AlignedText(source, locate, start);
  for (const child of children) collectInline(child, text);
  return text.block(kind);
}

function collectInline(node: PhrasingContent, text: AlignedText): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  switch (node.type) {
    case "text":
    case "inlineCode":
      if (start !== undefined && end !== undefined) text.align(node.value, start, end, node.type === "text");
      return;
    case "break":
      if (start !== undefined) text.push("\n", start);
      return;
    case "html":
    case "image":
    case "imageReference":
    case "footnoteReference":
      return;
    default:
      if ("children" in node) for (const child of node.children) collectInline(child, text);
  }
}

const ENTITY = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/y;
const AMPERSAND = new Set(["&amp;", "&#38;", "&#x26;", "&#X26;"]);

/**
 * Text built up piece by piece, each piece with its offset in the source.
 * Stored as runs (`textStart, sourceStart` pairs) where text and source go
 * on together, so a plain paragraph costs one run per text node.
 */
class AlignedText {
  private text = "";
  private readonly runs: number[] = [];

  constructor(
    private readonly source: string,
    private readonly locate: Locate,
    private readonly start: number,
  ) {}

  push(piece: string, offset: number): void {
    if (piece.length === 0) return;
    const { runs } = this;
    const textStart = this.text.length;
    const last = runs.length - 2;
    if (last < 0 || offset - runs[last + 1]! !== textStart - runs[last]!) runs.push(textStart, offset);
    this.text += piece;
  }

  /**
   * Adds `value` (a node's text) by finding each of its characters in
   * `source[from, to)`: indentation, block-quote markers and the backslash
   * of an escape are skipped. In decoded text (not code) an entity such as
   * `&auml;` stands for one character.
   */
  align(value: string, from: number, to: number, decoded = false): void {
    const { source } = this;
    if (to - from === value.length && source.startsWith(value, from)) {
      // The common case: the text stands in the source as it is.
      this.push(value, from);
      return;
    }
    let s = from;
    for (const char of value) {
      if (decoded) {
        let e = s;
        while (e < to && source[e] !== char && (source[e] === " " || source[e] === "\t" || source[e] === ">")) e++;
        ENTITY.lastIndex = e;
        const entity = source[e] === "&" ? ENTITY.exec(source) : null;
        if (entity && (char !== "&" || AMPERSAND.has(entity[0]))) {
          this.push(char, e);
          s = e + entity[0].length;
          continue;
        }
      }
      const found = source.indexOf(char, s);
      if (found === -1 || found >= to) {
        this.push(char, Math.max(from, Math.min(s, to - 1)));
        continue;
      }
      this.push(char, found);
      s = found + char.length;
    }
  }

  block(kind: BlockKind): TextBlock {
    const { text, runs, locate, start } = this;
    return {
      kind,
      text,
      at(offset: number): Position {
        if (runs.length === 0) return locate(start);
        const clamped = Math.max(0, Math.min(offset, text.length));
        // The last run that starts at or before the offset.
        let lo = 0;
        let hi = runs.length / 2 - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (runs[mid * 2]! <= clamped) lo = mid;
          else hi = mid - 1;
        }
        return locate(runs[lo * 2 + 1]! + clamped - runs[lo * 2]!);
      },
    };
  }
}

/** Offset → 1-based line and column (columns count UTF-16 code units, as mdast does). */
export function lineLocator(source: string): Locate {
  const starts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
