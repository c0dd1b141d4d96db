import type { Break, Heading, Html, Link, List, ListItem, Paragraph, Root, RootContent, Text, Yaml } from "mdast";

/**
 * The tree of a whole document, with the Markdown parser run only where it
 * is needed.
 *
 * A drafted document, and most of what a writer types in a case, is mostly
 * blocks whose tree is known from their shape: ATX headings, paragraphs of
 * plain prose (with `\` line breaks and e-mail addresses, as the metadata
 * and signatures have), tight lists of one-line plain items, the one-line
 * HTML comments `draft` writes, and the front matter. Those are built here;
 * every other run of blocks (emphasis, links, web addresses, tables, nested
 * lists, …) goes to `parseRegion`, which must parse as the
 * document's processor does without front matter, and its tree is moved to
 * where the run stands. Blocks are independent when a blank line separates
 * them and the later one starts at the margin with no list marker after a
 * list: a block that indents, or continues a list, is parsed with the one
 * before it. Whatever could tie blocks together across blank lines or read
 * differently at a run's start (link and footnote definitions, fenced code,
 * multi-line HTML, tabs, carriage returns, NUL characters, byte order marks,
 * lines of only spaces, front matter with other fences than `---`) sends
 * the whole document to the parser: `documentTree` returns undefined.
 *
 * The tree is the parser's, positions included:
 * tests/readers/markdown/blocks.test.ts holds the two equal on every
 * fixture's text fields, every golden draft and random documents.
 */
export function documentTree(markdown: string, parseRegion: (text: string) => Root): Root | undefined {
  if (/[\t\r\u0000\uFEFF]|\]:|```|~~~/u.test(markdown)) return undefined;
  const lines = markdown.split("\n");
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    if (line !== "" && line.trim() === "") return undefined;
    if (MULTILINE_HTML.test(line)) return undefined;
    starts.push(offset);
    offset += line.length + 1;
  }
  const point = (line: number, column: number) => ({ line: line + 1, column, offset: starts[line]! + column - 1 });

  const children: RootContent[] = [];
  let first = 0;
  // Front matter only as draft writes it: exact fences (the parser also takes, say, trailing spaces).
  if (/^\s*---/u.test(lines[0]!)) {
    const close = lines.findIndex((line, i) => i > 0 && /^---\s*$/u.test(line));
    if (lines[0] !== "---" || close < 0 || lines[close] !== "---") return undefined;
    const yaml: Yaml = { type: "yaml", value: lines.slice(1, close).join("\n"), position: { start: point(0, 1), end: point(close, 4) } };
    children.push(yaml);
    first = close + 1;
  }

  // Blocks: runs of non-empty lines, [first line, last line]; then groups of blocks that must be parsed together.
  const groups: [number, number][][] = [];
  for (let i = first; i < lines.length; ) {
    if (lines[i] === "") {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < lines.length && lines[end + 1] !== "") end++;
    const previous = groups.at(-1);
    const continues = previous !== undefined && (/^ /u.test(lines[i]!) || (LIST_MARKER.test(lines[i]!) && previous.some(([a, b]) => lines.slice(a, b + 1).some((l) => /^ /u.test(l) || LIST_MARKER.test(l)))));
    if (continues) previous.push([i, end]);
    else groups.push([[i, end]]);
    i = end + 1;
  }

  for (const group of groups) {
    const [from] = group[0]!;
    const to = group.at(-1)![1];
    const known = group.length === 1 ? simpleBlock(lines, from, to, point, markdown) : undefined;
    if (known) {
      children.push(known);
      continue;
    }
    // With its line ending, as in the document: micromark reads some lines differently at the end of its input.
    const region = parseRegion(markdown.slice(starts[from], starts[to]! + lines[to]!.length + 1));
    for (const node of region.children) children.push(moved(node, from, starts[from]!));
  }

  const last = lines.length - 1;
  return { type: "root", children, position: { start: point(0, 1), end: point(last, lines[last]!.length + 1) } };
}

/** HTML blocks that may run on past a blank line: a comment not closed on its line, <script>, <pre>, <style>, <textarea>, <?, <!X, <![CDATA[. */
const MULTILINE_HTML = /^ {0,3}<(?:!--(?!.*-->)|script|pre|style|textarea|\?|![A-Za-z]|!\[CDATA\[)/iu;

/** A line that starts a list item (bullet or ordered), or an empty one. */
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?: |$)/u;

type PointAt = (line: number, column: number) => { line: number; column: number; offset: number };

/** The node of a block whose tree is known from its shape, or undefined. */
function simpleBlock(lines: readonly string[], from: number, to: number, point: PointAt, markdown: string): RootContent | undefined {
  const text = lines[from]!;
  if (from === to) {
    const heading = /^(#{1,6}) (.+)$/u.exec(text);
    if (heading) {
      const depth = heading[1]!.length as Heading["depth"];
      const content = heading[2]!;
      if (!isPlainText(content)) return undefined;
      const value: Text = { type: "text", value: content, position: { start: point(from, depth + 2), end: point(from, text.length + 1) } };
      return { type: "heading", depth, children: [value], position: { start: point(from, 1), end: point(from, text.length + 1) } };
    }
    if (/^<!-- \/?[\p{L}\p{N} ]+(?:: [\p{L}\p{N}_.]+)? -->$/u.test(text)) {
      const html: Html = { type: "html", value: text, position: { start: point(from, 1), end: point(from, text.length + 1) } };
      return html;
    }
  }
  if (LIST_MARKER.test(text)) return simpleList(lines, from, to, point);
  return simpleParagraph(lines, from, to, point, markdown);
}

/**
 * Plain text on one line: no character Markdown (with GitHub's extensions)
 * treats specially, nothing a link could be made of (www., ://, an
 * e-mail's @), no controls, no whitespace at its ends, and not a shape that
 * opens a block (a list item, a thematic break, a setext underline).
 */
function isPlainText(line: string): boolean {
  return line !== "" && !PLAIN_CHARACTERS.test(line) && !/^\s|\s$/u.test(line) && !/^[-+]|^\d{1,9}[.)]|^=+$/u.test(line);
}
const PLAIN_CHARACTERS = /[\\`*_[\]#>|<&~@\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u2028\u2029]|www\.|:\/\//iu;

/**
 * Lines of plain prose; a line but the last may end in `\`, a hard line
 * break, and an e-mail address written out is a link, as GitHub makes it
 * (the metadata block's "E-post: …").
 */
function simpleParagraph(lines: readonly string[], from: number, to: number, point: PointAt, markdown: string): Paragraph | undefined {
  const inline: { start: Point; end: Point; address?: string }[] = [];
  for (let i = from; i <= to; i++) {
    const line = lines[i]!;
    const breaks = i < to && line.endsWith("\\");
    const content = breaks ? line.slice(0, -1) : line;
    const addresses = emailAddresses(content);
    if (!addresses) return undefined;
    let masked = content;
    for (const { index, address } of [...addresses].reverse()) masked = `${masked.slice(0, index)}x${masked.slice(index + address.length)}`;
    if (!isPlainText(masked)) return undefined;
    for (const { index, address } of addresses) inline.push({ start: point(i, index + 1), end: point(i, index + address.length + 1), address });
    if (breaks) inline.push({ start: point(i, content.length + 1), end: point(i + 1, 1) });
  }
  const children: (Text | Break | Link)[] = [];
  const text = (start: Point, end: Point): Text => ({ type: "text", value: markdown.slice(start.offset, end.offset), position: { start: { ...start }, end: { ...end } } });
  let cursor = point(from, 1);
  for (const { start, end, address } of inline) {
    if (start.offset > cursor.offset) children.push(text(cursor, start));
    if (address === undefined) children.push({ type: "break", position: { start: { ...start }, end: { ...end } } });
    else children.push({ type: "link", title: null, url: `mailto:${address}`, children: [text(start, end)], position: { start: { ...start }, end: { ...end } } });
    cursor = end;
  }
  const end = point(to, lines[to]!.length + 1);
  if (end.offset > cursor.offset) children.push(text(cursor, end));
  return { type: "paragraph", children, position: { start: point(from, 1), end: point(to, lines[to]!.length + 1) } };
}

type Point = ReturnType<PointAt>;

/**
 * The e-mail addresses of a line that GitHub's autolinks make links of, by
 * their rule (micromark-extension-gfm-autolink-literal): letters, digits and
 * `+-._` not after another such character or a slash, `@`, a domain of
 * letters, digits, `-` and `_` with at least one dot, ending in a letter.
 * Undefined when an address is near anything that rule treats specially
 * (what follows it, a `www.` in it): the parser reads that line.
 */
function emailAddresses(line: string): { index: number; address: string }[] | undefined {
  const found: { index: number; address: string }[] = [];
  if (!line.includes("@")) return found;
  for (const match of line.matchAll(/(?<![+\-.\w/])[+\-.\w]+@[-\w]+(?:\.[-\w]+)+/gu)) {
    const address = match[0];
    const after = line[match.index + address.length];
    if (!/[A-Za-z]$/u.test(address) || /www\./iu.test(address) || (after !== undefined && !/[\s.,;:!?)”"']/u.test(after))) return undefined;
    found.push({ index: match.index, address });
  }
  return found;
}

/** A tight list of one-line items of plain prose, all `- ` or all `N. `. */
function simpleList(lines: readonly string[], from: number, to: number, point: PointAt): List | undefined {
  const ordered = /^\d/u.test(lines[from]!);
  const marker = ordered ? /^(\d{1,9})\. (.+)$/u : /^(-) (.+)$/u;
  const items: ListItem[] = [];
  let start: number | null = null;
  for (let i = from; i <= to; i++) {
    const line = lines[i]!;
    const match = marker.exec(line);
    if (!match || !isPlainText(match[2]!)) return undefined;
    if (ordered && i === from) start = Number(match[1]);
    const column = match[1]!.length + (ordered ? 3 : 2);
    const end = point(i, line.length + 1);
    const text: Text = { type: "text", value: match[2]!, position: { start: point(i, column), end } };
    const paragraph: Paragraph = { type: "paragraph", children: [text], position: { start: point(i, column), end: point(i, line.length + 1) } };
    items.push({ type: "listItem", spread: false, checked: null, children: [paragraph], position: { start: point(i, 1), end: point(i, line.length + 1) } });
  }
  return { type: "list", ordered, start, spread: false, children: items, position: { start: point(from, 1), end: point(to, lines[to]!.length + 1) } };
}

type Positioned = { position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } }; children?: unknown[] };

/** A node of a region's tree, moved down `line` lines and on `offset` characters: where the region stands in the document. */
function moved<T>(node: T, line: number, offset: number): T {
  const visit = (n: Positioned) => {
    if (n.position) {
      const { start, end } = n.position;
      n.position = {
        start: { line: start.line + line, column: start.column, ...(start.offset === undefined ? {} : { offset: start.offset + offset }) },
        end: { line: end.line + line, column: end.column, ...(end.offset === undefined ? {} : { offset: end.offset + offset }) },
      };
    }
    if (Array.isArray(n.children)) for (const child of n.children) visit(child as Positioned);
  };
  visit(node as Positioned);
  return node;
}
