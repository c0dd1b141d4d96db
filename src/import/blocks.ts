import type { List, ListItem, Nodes, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { CLOSING_MARKER, CLOSING_STYLES, FIELD_BOOKMARK_PREFIX, SIGNATURES_MARKER, fieldBookmarkBase, parseFieldMarker } from "../model/sections.js";
import type { DocxModel } from "../readers/docx/read.js";
import { resolveChanges, type ChangeMode, type ResolvedParagraph } from "../readers/docx/resolve.js";
import { escapeMarkdownInline } from "../view/escape.js";

/**
 * A draft (DOCX or Markdown) as the blocks `import` maps back to the case:
 * headings, paragraphs, list items and tables in document order, each with
 * the field its markers say it holds, its text as the field's Markdown, and
 * a key to compare it by. The generated draft and the edited one are read
 * the same way, so two blocks with one key say the same.
 */
export interface DraftBlock {
  readonly kind: "heading" | "paragraph" | "list-item" | "table";
  /** A heading's level. */
  readonly depth?: number;
  /** The block as Markdown, as it stands in the field (a list item with its marker). */
  readonly markdown: string;
  /** A list item's or paragraph's plain text, for fields that are lists of plain text. */
  readonly plain: string;
  /** What the block says: its Markdown with white space folded. */
  readonly key: string;
  /** The field whose markers it stands between, if the draft still has them. */
  readonly field?: string;
  /** The closing sentence and the signatures: after the sections. */
  readonly region: "head" | "body" | "closing" | "signatures";
  /** Where it stands: a line (Markdown) or paragraph number (DOCX), and a column. */
  readonly line: number;
  readonly column: number;
  /** Comment ids anchored in the block (DOCX). */
  readonly comments?: readonly string[];
}

export function blockKey(markdown: string): string {
  return markdown.replace(/\\\n/gu, "\n").replace(/\s+/gu, " ").trim();
}

// ---------------------------------------------------------------- DOCX

/** The document's body as blocks, with every tracked change accepted or rejected. */
export function docxBlocks(model: DocxModel, mode: ChangeMode, fieldOf: (bookmark: string) => string | undefined): DraftBlock[] {
  const paragraphs = resolveChanges(model.paragraphs, mode);
  const fields = bookmarkFields(paragraphs, fieldOf);
  const blocks: DraftBlock[] = [];
  let region: DraftBlock["region"] = "head";
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    const field = fields.get(paragraph.index);
    const comments = paragraph.markers.filter((m) => m.kind === "comment-start" || m.kind === "comment-end").map((m) => m.id);
    const extra = { ...(field ? { field } : {}), ...(comments.length > 0 ? { comments: [...new Set(comments)] } : {}) };
    if (paragraph.heading === 2 && region === "head") region = "body";
    if (paragraph.styleId === CLOSING_STYLES.closing) region = "closing";
    else if (paragraph.styleId === CLOSING_STYLES.signature) region = "signatures";
    else if (paragraph.heading === 2 && region !== "body") region = "body";
    if (paragraph.table && paragraph.styleId !== CLOSING_STYLES.signature) {
      // A table: its paragraphs, row by row and cell by cell, as one block.
      const rows: string[][] = [];
      let j = i;
      const table = paragraph.table.table;
      const tableComments: string[] = [...comments];
      for (; j < paragraphs.length && paragraphs[j]!.table?.table === table; j++) {
        const cell = paragraphs[j]!;
        const row = (rows[cell.table!.row - 1] ??= []);
        const text = inlineMarkdown(cell, model).replace(/\|/gu, "\\|");
        row[cell.table!.cell - 1] = row[cell.table!.cell - 1] === undefined ? text : `${row[cell.table!.cell - 1]} ${text}`;
        tableComments.push(...cell.markers.filter((m) => m.kind.startsWith("comment")).map((m) => m.id));
      }
      i = j - 1;
      const width = Math.max(...rows.map((r) => r.length));
      const line = (cells: readonly string[]) => `| ${Array.from({ length: width }, (_, k) => cells[k] ?? "").join(" | ")} |`;
      const markdown = [line(rows[0] ?? []), `| ${Array.from({ length: width }, () => "---").join(" | ")} |`, ...rows.slice(1).map(line)].join("\n");
      blocks.push({ kind: "table", markdown, plain: markdown, key: blockKey(markdown), region, line: paragraph.index, column: 1, ...(field ? { field } : {}), ...(tableComments.length ? { comments: [...new Set(tableComments)] } : {}) });
      continue;
    }
    const inline = inlineMarkdown(paragraph, model);
    const plain = paragraph.segments.map((s) => s.text).join("").trim();
    if (plain === "" && !paragraph.segments.some((s) => s.footnote !== undefined)) continue;
    if (paragraph.heading !== undefined) {
      const markdown = `${"#".repeat(Math.min(paragraph.heading, 6))} ${inline}`;
      blocks.push({ kind: "heading", depth: paragraph.heading, markdown, plain, key: blockKey(markdown), region, line: paragraph.index, column: 1, ...extra });
    } else if (paragraph.list) {
      const indent = "  ".repeat(paragraph.list.level);
      const marker = paragraph.list.ordered ? `${orderedNumber(paragraphs, i)}.` : "-";
      const markdown = `${indent}${marker} ${inline}`;
      blocks.push({ kind: "list-item", markdown, plain, key: blockKey(markdown), region, line: paragraph.index, column: 1, ...extra });
    } else {
      blocks.push({ kind: "paragraph", markdown: inline, plain, key: blockKey(inline), region, line: paragraph.index, column: 1, ...extra });
    }
  }
  return blocks;
}

/** The number an ordered list item shows: its place among the items of its list at its level. */
function orderedNumber(paragraphs: readonly ResolvedParagraph[], at: number): number {
  const { numId, level } = paragraphs[at]!.list!;
  let n = 1;
  for (let k = at - 1; k >= 0; k--) {
    const list = paragraphs[k]!.list;
    if (!list || list.numId !== numId) break;
    if (list.level === level) n++;
  }
  return n;
}

/** Which field each paragraph holds: the field of a field bookmark that starts anywhere in it (an edit at its start may move the bookmark). */
function bookmarkFields(paragraphs: readonly ResolvedParagraph[], fieldOf: (bookmark: string) => string | undefined): Map<number, string> {
  const out = new Map<number, string>();
  for (const paragraph of paragraphs) {
    const marker = paragraph.markers.find((m) => m.kind === "bookmark-start" && m.name?.startsWith(FIELD_BOOKMARK_PREFIX) && fieldOf(fieldBookmarkBase(m.name)) !== undefined);
    if (marker) out.set(paragraph.index, fieldOf(fieldBookmarkBase(marker.name!))!);
  }
  return out;
}

/** A paragraph's runs as Markdown: emphasis, links, code and footnotes as `draft` writes them. */
function inlineMarkdown(paragraph: ResolvedParagraph, model: DocxModel): string {
  let out = "";
  const notes: string[] = [];
  const segments = paragraph.segments;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.footnote !== undefined) {
      out += `[^${segment.footnote}]`;
      notes.push(segment.footnote);
      continue;
    }
    // A link's runs together, whatever their emphasis.
    if (segment.link) {
      let text = "";
      let j = i;
      for (; j < segments.length && segments[j]!.link === segment.link; j++) text += styled(segments[j]!.text, segments[j]!);
      i = j - 1;
      out += /^https?:|^mailto:/u.test(segment.link) ? `[${text}](${segment.link.replace(/[ ()]/gu, encodeURIComponent)})` : text;
      continue;
    }
    out += styled(segment.text, segment);
  }
  const text = out.replace(/\t/gu, " ").replace(/\n/gu, "\\\n").replace(/[ \u00a0]+$/u, "").replace(/^[ ]+/u, "");
  if (notes.length === 0) return text;
  return `${text}\n\n${notes.map((id) => `[^${id}]: ${escapeMarkdownInline(model.footnotes.get(id) ?? "")}`).join("\n")}`;
}

function styled(text: string, format: { bold?: boolean; italic?: boolean; strike?: boolean; code?: boolean }): string {
  if (text === "") return "";
  if (format.code) return `\`${text}\``;
  // Emphasis around the words only: white space at its ends stays outside, as Markdown needs.
  const match = /^(\s*)([\s\S]*?)(\s*)$/u.exec(text)!;
  let core = escapeMarkdownInline(match[2]!);
  if (core === "") return text;
  if (format.strike) core = `~~${core}~~`;
  if (format.italic) core = `*${core}*`;
  if (format.bold) core = `**${core}**`;
  return `${match[1]}${core}${match[3]}`;
}

// ---------------------------------------------------------------- Markdown

/** A Markdown draft's blocks: the tree's top-level blocks, a list's items one by one, the text as the file has it. */
export function markdownBlocks(tree: Root, source: string): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  const open: string[] = [];
  let region: DraftBlock["region"] = "head";
  const slice = (node: Nodes) => source.slice(node.position!.start.offset!, node.position!.end.offset!);
  const push = (node: RootContent, block: Omit<DraftBlock, "region" | "line" | "column" | "field">) => {
    const field = open.at(-1);
    blocks.push({ ...block, region, line: node.position!.start.line, column: node.position!.start.column, ...(field ? { field } : {}) });
  };
  for (const node of tree.children) {
    if (node.type === "yaml" || node.type === "definition") continue;
    if (node.type === "html") {
      const value = node.value.trim();
      const marker = parseFieldMarker(value);
      if (marker?.open) open.push(marker.path);
      else if (marker) open.splice(open.lastIndexOf(marker.path), 1);
      else if (value === CLOSING_MARKER) region = "closing";
      else if (value === SIGNATURES_MARKER) region = "signatures";
      continue;
    }
    if (node.type === "heading") {
      if (node.depth <= 2) region = "body";
      const markdown = slice(node);
      push(node, { kind: "heading", depth: node.depth, markdown, plain: toString(node), key: blockKey(markdown) });
    } else if (node.type === "list") {
      for (const item of (node as List).children) {
        const markdown = dedentItem(slice(item as ListItem));
        push(item as unknown as RootContent, { kind: "list-item", markdown, plain: toString(item).replace(/\s+/gu, " ").trim(), key: blockKey(markdown) });
      }
    } else {
      const markdown = slice(node);
      push(node, { kind: node.type === "table" ? "table" : "paragraph", markdown, plain: toString(node).replace(/\s+/gu, " ").trim(), key: blockKey(markdown) });
    }
  }
  return blocks;
}

/** A list item's text without the indentation of its continuation lines (the marker stays). */
function dedentItem(text: string): string {
  const marker = /^(\S+\s+)/u.exec(text)?.[1]?.length ?? 0;
  return text
    .split("\n")
    .map((line, index) => (index === 0 ? line : line.slice(Math.min(marker, /^ */u.exec(line)![0].length))))
    .join("\n");
}
