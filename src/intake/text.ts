import type { SourceLine } from "./source.js";

/** A paragraph of a source: its lines (never empty ones) and its text with the line breaks joined. */
export interface Block {
  readonly lines: readonly SourceLine[];
  readonly text: string;
}

/** A value found in a source, and the line it begins on. */
export interface Found<T> {
  readonly value: T;
  readonly from: SourceLine;
  /** A candidate the document suggests but does not say for certain: never filled in, only named in the field's comment. */
  readonly uncertain?: true;
}

/** The paragraphs of a source: runs of lines between empty ones. */
export function blocksOf(lines: readonly SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  const close = () => {
    if (current.length > 0) blocks.push({ lines: current, text: joinLines(current.map((l) => l.text)) });
    current = [];
  };
  for (const line of lines) {
    if (line.text.trim() === "") close();
    else current.push(line);
  }
  close();
  return blocks;
}

/** Words after a hyphen at a line's end that show it is a real hyphen ("barn- och ungdomsnämnden"), not a word broken in two. */
const KEEPS_HYPHEN = /^(och|eller|samt|respektive|som|till|alternativt)\b/u;

/**
 * Lines joined as a reader reads them: with one space, and a word broken
 * at a line's end ("kommun-" + "fullmäktige") joined without its hyphen,
 * unless the next line begins with a capital or a word that shows the
 * hyphen is meant ("barn- och ungdomsnämnden").
 */
export function joinLines(lines: readonly string[]): string {
  let out = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    if (out === "") out = line;
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(line) && !KEEPS_HYPHEN.test(line)) out = out.slice(0, -1) + line;
    else out += ` ${line}`;
  }
  return out.replace(/\s+/gu, " ");
}
