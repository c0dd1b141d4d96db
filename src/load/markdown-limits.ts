import { formatCount, LIMITS } from "../model/limits.js";

/** A shape of Markdown that remiss will not parse, and where it begins. */
export interface MarkdownShapeProblem {
  /** Offset in the text of the line (or bracket) that crosses the limit. */
  offset: number;
  rule: "markdown/djup" | "markdown/hakparenteser" | "markdown/listpunkter";
  message: string;
}

/**
 * Looks, before parsing, for the shapes the Markdown parser handles in more
 * than linear time or with deep recursion: block quotes and lists nested
 * deeper than LIMITS.markdownDepth, more than LIMITS.markdownBrackets `[` in
 * one paragraph, and more than LIMITS.markdownBracketsTotal in the text. One pass over the text, linear in its length. No real
 * text comes near either limit; a hostile one is refused at its line instead
 * of stalling or crashing the run.
 *
 * A line's depth is the number of container markers it begins with (`>`,
 * `-`, `*`, `+`, `1.`) plus, when it has one, the indentation before the
 * first marker counted as one level per two columns (a nested list item is
 * indented by at least two). A paragraph
 * ends at a blank line and at a line that opens a block quote, a list item
 * or a heading.
 */
export function markdownShapeProblem(text: string): MarkdownShapeProblem | undefined {
  let brackets = 0;
  let total = 0;
  let listItems = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const { depth, contentStart, opensBlock, listItem } = lineShape(text, lineStart, lineEnd);
    // Reported at the line's first character that is not a space, where the writer sees the line begin.
    const visibleStart = firstNonSpace(text, lineStart, lineEnd);
    if (listItem && ++listItems > LIMITS.markdownListItems) {
      return {
        offset: visibleStart,
        rule: "markdown/listpunkter",
        message: `Texten har fler än ${formatCount(LIMITS.markdownListItems)} listpunkter, vilket ingen text i ett tjänsteutlåtande behöver. Lägg långa förteckningar i en bilaga.`,
      };
    }
    if (depth > LIMITS.markdownDepth) {
      return {
        offset: visibleStart,
        rule: "markdown/djup",
        message: `Raden har citat och listor i mer än ${formatCount(LIMITS.markdownDepth)} nivåer inuti varandra, vilket ingen text behöver. Minska indraget eller antalet > och - i början av raden.`,
      };
    }
    if (contentStart === lineEnd || opensBlock) brackets = 0;
    for (let i = contentStart; i < lineEnd; i++) {
      if (text.charCodeAt(i) !== 0x5b /* [ */) continue;
      if (++total > LIMITS.markdownBracketsTotal) {
        return {
          offset: i,
          rule: "markdown/hakparenteser",
          message: `Texten har fler än ${formatCount(LIMITS.markdownBracketsTotal)} hakparenteser [, vilket ingen text behöver. Ta bort hakparenteserna eller dela upp texten.`,
        };
      }
      if (++brackets > LIMITS.markdownBrackets) {
        return {
          offset: i,
          rule: "markdown/hakparenteser",
          message: `Stycket har fler än ${formatCount(LIMITS.markdownBrackets)} hakparenteser [, vilket ingen text behöver. Dela upp stycket eller ta bort hakparenteserna.`,
        };
      }
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

function firstNonSpace(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return i;
}

/** A line's container depth, where its content begins, and whether it opens a new block (quote, list item, heading). */
function lineShape(text: string, start: number, end: number): { depth: number; contentStart: number; opensBlock: boolean; listItem: boolean } {
  let markers = 0;
  let listItem = false;
  let columns = 0;
  let i = start;
  for (;;) {
    const code = text.charCodeAt(i);
    if (i >= end) break;
    if (code === 0x20 || code === 0x09) {
      // Only the indentation before the first marker nests; spaces after a marker are its content's offset.
      if (markers === 0) columns += code === 0x09 ? 4 : 1;
      i++;
    } else if (code === 0x3e /* > */) {
      markers++;
      i++;
    } else if ((code === 0x2d || code === 0x2a || code === 0x2b) && (i + 1 >= end || text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x09)) {
      markers++;
      listItem = true;
      i++;
    } else if (code >= 0x30 && code <= 0x39) {
      let j = i;
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
      const after = text.charCodeAt(j);
      if ((after === 0x2e || after === 0x29) && (j + 1 >= end || text.charCodeAt(j + 1) === 0x20)) {
        markers++;
        listItem = true;
        i = j + 1;
      } else break;
    } else break;
  }
  const opensBlock = markers > 0 || text.charCodeAt(i) === 0x23 /* # */;
  return { depth: markers + (markers > 0 ? Math.floor(columns / 2) : 0), contentStart: i, opensBlock, listItem };
}

/**
 * The opening fence (```` ``` ````, `~~~`) of a fenced code block that is
 * not closed, given the block's text (from its fence to its end as the
 * parser ends it); undefined for a closed block or an indented one. A field
 * is parsed alone but drafted between the others, so a fence it leaves open
 * would take the following sections and the signatures into the code block.
 */
export function unclosedFence(block: string): string | undefined {
  const lines = block.split("\n");
  const open = /^ {0,3}(`{3,}|~{3,})/u.exec(lines[0]!)?.[1];
  if (!open) return undefined;
  // The closing fence: the same character, at least as many, nothing after but spaces (inside a quote or list, after its markers).
  const close = lines.length > 1 ? /^[\s>]*(`{3,}|~{3,})[ \t]*$/u.exec(lines.at(-1)!)?.[1] : undefined;
  return close && close[0] === open[0] && close.length >= open.length ? undefined : open;
}
