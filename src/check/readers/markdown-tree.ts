import type { Root } from "mdast";
import { parse, postprocess, preprocess } from "micromark";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { parseMarkdown } from "../../readers/markdown/parse.js";

/**
 * Markdown → the mdast tree `check` reads, faster than `parseMarkdown` for
 * the Markdown that `draft` writes.
 *
 * `parseMarkdown` is micromark (Markdown → events) and then
 * mdast-util-from-markdown (events → tree); the second step costs about half
 * as much as the first, and more in garbage and compiling. Here the events
 * of a document are turned into the tree directly, by the same rules as
 * mdast-util-from-markdown, for the constructs a drafted document has:
 * front matter, ATX headings, paragraphs, lists, HTML blocks (the comments
 * `draft` writes), thematic breaks, emphasis, strong, backslash escapes and
 * hard breaks. A document with anything else (code, links, images,
 * definitions, block quotes, setext headings, inline HTML, character
 * references, …) goes to `parseMarkdown`. The tree has what the reader
 * reads (types, values, heading depths, positions, children), except that
 * list items are left out (a list's paragraphs are its children) and web
 * and e-mail addresses written out are text, not links.
 * tests/check/readers/markdown-tree.test.ts holds the two to each other.
 */
export function parseMarkdownForCheck(source: string): Root {
  return eventTree(source) ?? parseMarkdown(source);
}

/**
 * The micromark extensions of `parseMarkdown`'s processor (front matter and
 * GitHub's), except one: web and e-mail addresses written out stay text
 * here, not links. `check` reads text, which is the same either way, and
 * that extension has micromark look at every letter of every document for
 * an address: without it `check` is a third faster.
 */
const FRONT_MATTER = frontmatter(["yaml"]);

/**
 * GitHub's constructs, each with the characters it cannot do without: a
 * document without a `|` has no table, without `~` nothing struck through,
 * without `[^` no footnote, without `[` no task box. A construct that cannot
 * occur is left out of the parser, so the tree is the same and micromark
 * does not try, say, every line as a table's head row.
 */
const GFM = [
  { needs: "[^", extension: gfmFootnote() },
  { needs: "~", extension: gfmStrikethrough() },
  { needs: "|", extension: gfmTable() },
  { needs: "[", extension: gfmTaskListItem() },
] as const;

/**
 * One micromark parser for each set of extensions, made once: making one
 * combines the syntax extensions anew each time. What a parser learns from
 * a document (the link definitions, which lines are lazy continuations) is
 * cleared before the next, so each document is parsed as by a parser of its
 * own. What follows a front matter cut off is parsed without front matter
 * syntax: no second front matter can start there.
 */
const PARSERS = new Map<string, ReturnType<typeof parse>>();

function parserFor(body: string, frontMatterSyntax: boolean): ReturnType<typeof parse> {
  const used = GFM.filter((construct) => body.includes(construct.needs));
  const key = `${frontMatterSyntax ? "fm" : ""}:${used.map((construct) => construct.needs).join(" ")}`;
  let parser = PARSERS.get(key);
  if (!parser) {
    parser = parse({ extensions: [...(frontMatterSyntax ? [FRONT_MATTER] : []), ...used.map((construct) => construct.extension)] });
    PARSERS.set(key, parser);
  }
  return freshParser(parser);
}

function freshParser(parser: ReturnType<typeof parse>): ReturnType<typeof parse> {
  parser.defined = [];
  parser.lazy = {};
  return parser;
}

/** What is taken from micromark's events: a token's type and where it starts and ends. */
interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}
interface Token {
  readonly type: string;
  readonly start: Point;
  readonly end: Point;
}
interface TokenizeContext {
  sliceSerialize(token: Token): string;
}
type Event = readonly ["enter" | "exit", Token, TokenizeContext];

/** A node of the tree under construction (mdast's shape, loosely typed). */
interface Node {
  type: string;
  value?: string;
  depth?: number;
  /** A link's address and title (GFM's addresses written out). */
  url?: string;
  title?: null;
  children?: Node[];
  position: { start: Point; end: Point | undefined };
}

/**
 * Token types whose events mdast-util-from-markdown (with the front matter
 * extension) ignores: no handler for them, so nothing to do here either.
 */
const IGNORED = new Set([
  "content",
  "whitespace",
  "linePrefix",
  "lineSuffix",
  "lineEndingBlank",
  "atxHeadingText",
  "escapeMarker",
  "emphasisSequence",
  "emphasisText",
  "strongSequence",
  "strongText",
  "thematicBreakSequence",
  "listItemPrefix",
  "listItemMarker",
  "listItemPrefixWhitespace",
  "listItemIndent",
  // Sets the list's `start`, which the reader does not read.
  "listItemValue",
  "yamlFence",
  "yamlFenceSequence",
]);

/** Nodes whose children take line endings as text (mdast-util-from-markdown's `canContainEols`). */
const CAN_CONTAIN_EOLS = new Set(["emphasis", "fragment", "heading", "paragraph", "strong"]);

/** Containers: their own node, opened at enter and closed at exit. */
const CONTAINERS: Record<string, string> = {
  paragraph: "paragraph",
  atxHeading: "heading",
  emphasis: "emphasis",
  strong: "strong",
  listOrdered: "list",
  listUnordered: "list",
  thematicBreak: "thematicBreak",
  hardBreakEscape: "break",
  hardBreakTrailing: "break",
};

/**
 * The tree from the events, or undefined when the document has a construct
 * not handled here. The front matter is cut off first and read here (it is
 * a tenth of a drafted document, and micromark reads it character by
 * character); micromark reads the rest, whose positions are moved down by
 * what was cut off.
 */
export function eventTree(source: string): Root | undefined {
  const matter = splitFrontMatter(source);
  const body = matter ? source.slice(matter.bodyOffset) : source;
  const lineShift = matter ? matter.bodyLine - 1 : 0;
  const offsetShift = matter ? matter.bodyOffset : 0;
  const point = (p: Point): Point => ({ line: p.line + lineShift, column: p.column, offset: p.offset + offsetShift });

  const parser = parserFor(body, !matter);
  const events = postprocess(parser.document().write(preprocess()(body, undefined, true))) as unknown as Event[];

  const root: Node = { type: "root", children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: undefined } };
  if (matter) root.children!.push(matter.node);
  const stack: Node[] = [root];
  let atHardBreak = false;

  const top = (): Node => stack[stack.length - 1]!;
  const open = (node: Node, token: Token) => {
    top().children!.push(node);
    stack.push(node);
    node.position = { start: point(token.start), end: undefined };
  };
  const close = (token: Token) => {
    stack.pop()!.position.end = point(token.end);
  };
  /** mdast-util-from-markdown's onenterdata: text goes on in the last text node, or starts a new one. */
  const enterData = (token: Token) => {
    const siblings = top().children!;
    let tail = siblings[siblings.length - 1];
    if (!tail || tail.type !== "text") {
      tail = { type: "text", value: "", position: { start: point(token.start), end: undefined } };
      siblings.push(tail);
    }
    stack.push(tail);
  };
  const exitData = (token: Token, context: TokenizeContext) => {
    const tail = stack.pop()!;
    tail.value += context.sliceSerialize(token);
    tail.position.end = point(token.end);
  };
  /** The text of a buffered fragment (mdast-util-to-string of text children). */
  const resume = (): string => {
    const fragment = stack.pop()!;
    let text = "";
    for (const child of fragment.children!) text += child.value ?? "";
    return text;
  };
  const buffer = () => {
    stack.push({ type: "fragment", children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: undefined } });
  };

  for (const [kind, token, context] of events) {
    const { type } = token;
    if (IGNORED.has(type)) continue;
    const container = CONTAINERS[type];
    if (container !== undefined) {
      if (kind === "enter") {
        open(newNode(container), token);
      } else {
        if (container === "break") atHardBreak = true;
        close(token);
      }
      continue;
    }
    switch (type) {
      case "data":
      case "htmlFlowData":
        if (kind === "enter") enterData(token);
        else exitData(token, context);
        break;
      case "characterEscape":
        if (kind === "enter") enterData(token);
        break;
      case "characterEscapeValue":
        if (kind === "exit") exitData(token, context);
        break;
      case "atxHeadingSequence":
        if (kind === "exit") {
          const heading = top();
          if (!heading.depth) heading.depth = context.sliceSerialize(token).length;
        }
        break;
      case "lineEnding":
        if (kind === "exit") {
          const parent = top();
          if (atHardBreak) {
            // A hard break takes in the line ending after it.
            parent.children![parent.children!.length - 1]!.position.end = point(token.end);
            atHardBreak = false;
          } else if (CAN_CONTAIN_EOLS.has(parent.type)) {
            enterData(token);
            exitData(token, context);
          }
        }
        break;
      case "htmlFlow":
        if (kind === "enter") {
          open({ type: "html", value: "", position: { start: token.start, end: undefined } }, token);
          buffer();
        } else {
          const value = resume();
          top().value = value;
          close(token);
        }
        break;
      case "yaml":
        if (kind === "enter") {
          open({ type: "yaml", value: "", position: { start: token.start, end: undefined } }, token);
          buffer();
        } else {
          const value = resume();
          const node = top();
          close(token);
          // Without the line endings after the opening fence and before the closing one.
          node.value = value.replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, "");
        }
        break;
      case "yamlValue":
        if (kind === "exit") {
          enterData(token);
          exitData(token, context);
        }
        break;
      default:
        return undefined;
    }
  }
  if (stack.length !== 1) return undefined;
  return root as unknown as Root;
}

function newNode(type: string): Node {
  const position = { start: { line: 1, column: 1, offset: 0 }, end: undefined };
  if (type === "break" || type === "thematicBreak") return { type, position };
  if (type === "heading") return { type, depth: 0, children: [], position };
  return { type, children: [], position };
}

/**
 * The front matter as micromark-extension-frontmatter and mdast-util-frontmatter
 * read it: on the first line `---` (spaces after it allowed), then lines up to
 * one that is `---` (spaces after it allowed); the value is the lines between.
 * Undefined when there is none, and when a line up to the closing one has a
 * tab, a CR or a NUL (which micromark reads its own way): then micromark reads
 * the whole document.
 */
function splitFrontMatter(source: string): { node: Node; bodyOffset: number; bodyLine: number } | undefined {
  if (!source.startsWith("---")) return undefined;
  let i = 3;
  while (source.charCodeAt(i) === 32) i++;
  if (source.charCodeAt(i) !== 10) return undefined;
  const contentStart = i + 1;
  for (let lineStart = contentStart, line = 2; ; line++) {
    const eol = source.indexOf("\n", lineStart);
    const lineEnd = eol === -1 ? source.length : eol;
    const text = source.slice(lineStart, lineEnd);
    if (/[\t\r\0]/u.test(text)) return undefined;
    if (/^--- *$/u.test(text)) {
      const node: Node = {
        type: "yaml",
        value: source.slice(contentStart, Math.max(contentStart, lineStart - 1)),
        position: { start: { line: 1, column: 1, offset: 0 }, end: { line, column: lineEnd - lineStart + 1, offset: lineEnd } },
      };
      const bodyOffset = eol === -1 ? source.length : eol + 1;
      // micromark skips a BOM at the start of what it reads: here it is text.
      if (source.charCodeAt(bodyOffset) === 0xfeff) return undefined;
      return { node, bodyOffset, bodyLine: line + 1 };
    }
    if (eol === -1) return undefined;
    lineStart = eol + 1;
  }
}
