import type { Paragraph, Root } from "mdast";

/**
 * Most of what a writer types in a case is plain prose: paragraphs of
 * sentences, no Markdown at all. For such a text the tree is known without
 * running the Markdown parser (whose first run in a process costs tens of
 * milliseconds): one paragraph per run of lines, one text node each, with
 * the positions remark gives. `plainTree` returns it, or undefined for any
 * text that has a character or a line shape Markdown could read as more
 * than text; then the parser reads it. tests/render/markdown/plain.test.ts
 * holds the two trees equal.
 */
export function plainTree(text: string): Root | undefined {
  if (!isPlain(text)) return undefined;
  const children: Paragraph[] = [];
  const lines = text.split("\n");
  let offset = 0;
  let start: { line: number; offset: number } | undefined;
  let end = { line: 0, column: 0, offset: 0 };
  const close = () => {
    if (!start) return;
    const position = { start: { line: start.line, column: 1, offset: start.offset }, end: { ...end } };
    children.push({ type: "paragraph", children: [{ type: "text", value: text.slice(start.offset, end.offset), position }], position: { start: { ...position.start }, end: { ...position.end } } });
    start = undefined;
  };
  lines.forEach((line, index) => {
    if (line === "") close();
    else {
      start ??= { line: index + 1, offset };
      end = { line: index + 1, column: line.length + 1, offset: offset + line.length };
    }
    offset += line.length + 1;
  });
  close();
  const last = lines.length;
  return {
    type: "root",
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: last, column: lines[last - 1]!.length + 1, offset: text.length } },
  };
}

/**
 * No character Markdown (with GitHub's extensions) treats specially, no
 * line that could open a block, no whitespace at a line's ends, nothing a
 * link could be made of (www., ://, an e-mail's @), no carriage returns,
 * tabs or other controls: then every line is text and every blank line a
 * paragraph break.
 */
function isPlain(text: string): boolean {
  if (!/\S/u.test(text)) return false;
  if (PLAIN_CHARACTERS.test(text)) return false;
  return text.split("\n").every((line) => line === "" || isPlainLine(line));
}

/** A character Markdown (with GitHub's extensions) treats specially, a link's makings, or a control. */
export const PLAIN_CHARACTERS = /[\\`*_[\]#>|<&~@\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u2028\u2029]|www\.|:\/\//iu;

/** A non-empty line that cannot open a block: no whitespace at its ends, no list item, thematic break or setext underline. */
export function isPlainLine(line: string): boolean {
  return line !== "" && !/^\s|\s$/u.test(line) && !/^[-+]|^\d{1,9}[.)]|^=+$/u.test(line);
}
