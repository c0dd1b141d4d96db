import { extname } from "node:path";
import { EXIT_USAGE, RemissError } from "../errors.js";
import { utf16Encoding } from "../load/decode.js";
import { joinLines } from "./text.js";

/** One line of a remitted document as text, and where it stands. */
export interface SourceLine {
  readonly text: string;
  /** 1-based page (PDF), paragraph (DOCX) or 1 for a text file. */
  readonly page: number;
  /** 1-based line on the page (PDF) or in the file (text); 1 in a DOCX paragraph. */
  readonly line: number;
  /** Where the line stands when it is not on a page's body: "sidhuvudet", "sidfoten". */
  readonly place?: string;
}

/** What a block of a document is, as its layout shows it. */
export type BlockKind = "title" | "heading" | "paragraph" | "list-item" | "table-cell";

/**
 * A block of a remitted document as its layout shows it: a paragraph, a
 * heading, a list item (its marker, a bullet or a number, taken off its
 * text), a table's cell; with the font size and weight where the file says
 * them. Page furniture (headers, footers, page numbers, a letterhead
 * repeated on every page) is kept apart in `SourceText.furniture`.
 */
export interface SourceBlock {
  readonly kind: BlockKind;
  /** The lines joined as a reader reads them. */
  readonly text: string;
  readonly lines: readonly SourceLine[];
  /** A list item's level, 0 for the outermost. */
  readonly level?: number;
  /** A list item's marker as the file writes it ("1.", "•", "\uF0B7"), "" for Word's numbering (whose marker is no text). */
  readonly marker?: string;
  /** Font size in points: a PDF's line's, a Word paragraph's where its runs set one (else its style's, not known here). */
  readonly size?: number;
  /** Its first line's distance from the top of its page, as a share of the page's height (PDF). */
  readonly fromTop?: number;
  /** All its text in bold (DOCX). */
  readonly bold?: boolean;
  /** A table cell's place. */
  readonly table?: { readonly table: number; readonly row: number; readonly cell: number };
}

/**
 * A remitted document read as lines of text, in reading order. An empty
 * line separates paragraphs. `where` says in Swedish where a line stands,
 * for the comment beside a field filled from it.
 */
export interface SourceText {
  /** The file as the user named it. */
  readonly file: string;
  readonly lines: readonly SourceLine[];
  /** The body's blocks in reading order, page furniture left out; `lines` are their lines, an empty line between blocks. */
  readonly blocks: readonly SourceBlock[];
  /** Headers, footers, page numbers and lines repeated at the same place on several pages. */
  readonly furniture: readonly SourceBlock[];
  where(line: SourceLine): string;
}

/** Reads a PDF, DOCX, plain text or Markdown file as lines; anything else, a scan, an encrypted PDF: RemissError, exit 2. */
export async function readSourceDocument(file: string, bytes: Uint8Array): Promise<SourceText> {
  switch (extname(file).toLowerCase()) {
    case ".pdf": {
      const { readPdf } = await import("./pdf.js");
      return readPdf(file, bytes);
    }
    case ".docx": {
      const { readDocxText } = await import("./docx.js");
      return readDocxText(file, bytes);
    }
    case ".txt":
    case ".md":
    case ".markdown":
      return readPlainText(file, bytes);
    default:
      throw new RemissError(`${file}: remiss läser dokument som PDF, Word (.docx), text (.txt) eller Markdown (.md). Spara dokumentet i något av de formaten och försök igen.`, EXIT_USAGE);
  }
}

/**
 * A text file's lines: UTF-8 (with or without a BOM), UTF-16 with its BOM
 * (Notepad's "Unicode"), else Windows-1252, which is what older Windows
 * programs save Swedish text as (every byte is a character there, so the
 * text is never refused for its encoding).
 */
function readPlainText(file: string, bytes: Uint8Array): SourceText {
  const utf16 = utf16Encoding(bytes);
  let text: string;
  try {
    text = new TextDecoder(utf16 ?? "utf-8", { fatal: true }).decode(bytes);
  } catch {
    if (utf16) throw new RemissError(`${file}: filen är sparad som UTF-16 men är inte giltig text i den kodningen. Spara den som UTF-8, eller som PDF eller Word-dokument.`, EXIT_USAGE);
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  if (text.includes("\u0000")) throw new RemissError(`${file}: filen ser ut att vara binär, inte text.`, EXIT_USAGE);
  const lines = text
    .replace(/^\uFEFF/u, "")
    .replace(/\r\n?/gu, "\n")
    .split("\n")
    .map((line, index) => ({ text: line.replace(/\s+$/u, ""), page: 1, line: index + 1 }));
  return sourceOf(file, textBlocks(lines), [], (line) => `rad ${line.line}`);
}

/** A source from its blocks: the lines of the body are the blocks' lines, an empty line between blocks. */
export function sourceOf(file: string, blocks: readonly SourceBlock[], furniture: readonly SourceBlock[], where: (line: SourceLine) => string): SourceText {
  const lines: SourceLine[] = [];
  for (const block of blocks) {
    if (lines.length > 0) lines.push({ text: "", page: block.lines[0]!.page, line: 0 });
    lines.push(...block.lines);
  }
  return { file, lines, blocks, furniture, where: (line) => line.place ?? where(line) };
}

/**
 * A list item's marker at a line's start, as text extraction gives it:
 * Word's bullets in its Symbol and Wingdings fonts come out as private-use
 * characters (U+F0B7, U+F0A7, U+F0D8, U+F076, U+F0FC), others as "•", "◦",
 * "▪", "–", "-", "*", "o"; numbers as "1.", "1)", "a)".
 */
const MARKER = /^([\uF0B7\uF0A7\uF0D8\uF076\uF0FC\uF0A8\u2022\u25E6\u25AA\u25CF\u2023\u2043\u2013\u2014*-]|o(?=\s)|\d{1,2}[.)](?!\d)|[a-h]\))\s*(?=\S)/u;

/** A line's list marker and its text after it, if it begins with one. */
export function listMarker(text: string): { marker: string; rest: string } | undefined {
  const match = MARKER.exec(text.trimStart());
  if (!match) return undefined;
  const rest = text.trimStart().slice(match[0].length);
  // "-" or "–" before a digit is a minus or a range, "o" before a capital alone is rare as a word: both stay text unless a word follows.
  if (/^\d/u.test(rest) && !/^\d/u.test(match[1]!)) return undefined;
  return { marker: match[1]!, rest };
}

/** Blocks of a text without layout: paragraphs between empty lines, a line that begins with a list marker a list item of its own. */
export function textBlocks(lines: readonly SourceLine[]): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let current: SourceLine[] = [];
  let marker: string | undefined;
  const close = () => {
    if (current.length > 0) {
      blocks.push({ kind: marker !== undefined ? "list-item" : "paragraph", text: joinText(current), lines: current, ...(marker !== undefined ? { marker, level: 0 } : {}) });
    }
    current = [];
    marker = undefined;
  };
  for (const line of lines) {
    if (line.text.trim() === "") {
      close();
      continue;
    }
    const item = listMarker(line.text);
    if (item) {
      close();
      marker = item.marker;
      current.push({ ...line, text: item.rest });
      continue;
    }
    current.push(line);
  }
  close();
  return blocks;
}

function joinText(lines: readonly SourceLine[]): string {
  return joinLines(lines.map((l) => l.text));
}
