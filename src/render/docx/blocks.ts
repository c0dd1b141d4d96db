import { BookmarkEnd, BookmarkStart, Paragraph, Table, TextRun, type FileChild, type ParagraphChild } from "docx";
import type { Code, Heading, List, Nodes, Paragraph as MdastParagraph, PhrasingContent, Root, RootContent } from "mdast";
import { CLOSING_MARKER, SIGNATURES_MARKER, fieldBookmark, parseFieldMarker, parseSectionMarker, sectionBookmark } from "../../model/sections.js";
import { blockContext, paragraphMark, revisionOf, withEnv, type Context, type RevisionKind } from "./context.js";
import { normalizeLabel, plainText, renderInlines, run, softBreaksToSpaces } from "./inlines.js";
import { PAGE } from "./page.js";
import { RULE_BORDER, STYLE, listTextIndent } from "./styles.js";
import { dataTable, signatures, type Signatory } from "./tables.js";
import { cm, pointsToTwips, SIZES } from "./typography.js";

/** The body of the document, and what the header and the properties need to know about it. */
export interface RenderedBody {
  readonly children: FileChild[];
  /**
   * Whether the body starts with the metadata block's "Tjänsteutlåtande /
   * Dnr / datum" paragraph; when it does not, the first-page header shows
   * those lines from the front matter.
   */
  readonly hasDocumentInfo: boolean;
  /** Text of the first `# ` heading. */
  readonly title: string | undefined;
}

const QUOTE_INDENT = cm(1);
const LIST_ITEM_AFTER = pointsToTwips(6);
const BLOCK_AFTER = pointsToTwips(SIZES.body);

/**
 * The document's blocks → paragraphs and tables. The Markdown's shape
 * (docs/markdown-format.md): the metadata block before the first heading,
 * `# ` the title and its subtitle paragraph, `## ` sections, and after
 * the signatures marker one paragraph per signatory.
 */
export function renderBody(root: Root, context: Context): RenderedBody {
  collectDefinitions(root, context);
  const nodes = root.children.filter((node) => node.type !== "yaml");
  const firstHeading = nodes.findIndex((node) => node.type === "heading");
  const metadataEnd = firstHeading === -1 ? 0 : firstHeading;

  const metadata = renderMetadata(nodes.slice(0, metadataEnd), context);
  const children: FileChild[] = [...metadata.children];
  let title: string | undefined;
  /** Between the closing marker and the signatures: the closing sentence. */
  let closing = false;
  /** After the signatures: Bilagor, kept on the signatures' page. */
  let ending = context;
  /** The fields open at this point: where their blocks began among the children. */
  const fields: { path: string; from: number }[] = [];
  let bookmarks = 0;
  /** A section without a heading, begun at a section marker: its bookmark goes on the first paragraph after it. */
  let untitled: { id: string; from: number } | undefined;
  const markUntitled = () => {
    if (!untitled || children.length <= untitled.from) return;
    const first = children.slice(untitled.from).flatMap(paragraphsIn)[0];
    if (first) {
      const id = ++bookmarks;
      (first as unknown as { root: unknown[] }).root.splice(1, 0, new BookmarkStart(sectionBookmark(untitled.id), id), new BookmarkEnd(id));
    }
    untitled = undefined;
  };

  for (let index = metadataEnd; index < nodes.length; index++) {
    const node = nodes[index]!;
    const previous = nodes[index - 1];
    const next = nodes[index + 1];
    markUntitled();

    const section = node.type === "html" ? parseSectionMarker(node.value) : undefined;
    if (section !== undefined) {
      untitled = { id: section, from: children.length };
      continue;
    }

    if (isMarker(node, CLOSING_MARKER)) {
      closing = true;
      continue;
    }

    const field = node.type === "html" ? parseFieldMarker(node.value) : undefined;
    if (field?.open) {
      fields.push({ path: field.path, from: children.length });
      continue;
    }
    if (field) {
      const at = fields.map((f) => f.path).lastIndexOf(field.path);
      if (at !== -1) {
        const [open] = fields.splice(at, 1);
        bookmarkField(children.slice(open!.from), field.path, () => ++bookmarks);
      }
      continue;
    }

    if (isMarker(node, SIGNATURES_MARKER)) {
      closing = false;
      const signatories: Signatory[] = [];
      const revisions: (RevisionKind | undefined)[] = [];
      const marks: MdastParagraph[] = [];
      while (nodes[index + 1]?.type === "paragraph") {
        const signatory = nodes[++index] as MdastParagraph;
        signatories.push(splitLines(signatory.children));
        revisions.push(revisionOf(signatory));
        marks.push(signatory);
      }
      children.push(...signatures(signatories, context, { revisions, marks }));
      ending = withEnv(context, { keepTogether: true });
      continue;
    }

    if (node.type === "heading" && node.depth === 1 && title === undefined) {
      title = softBreaksToSpaces(plainText(node)).trim();
    }

    if (node.type === "paragraph") {
      const isSubtitle = previous?.type === "heading" && previous.depth === 1;
      children.push(
        paragraph(node.children, blockContext(node, context), {
          of: node,
          ...(isSubtitle ? { style: STYLE.subtitle } : {}),
          // The closing sentence stays on the page of the signatures.
          ...(closing ? { style: STYLE.closing } : next && isMarker(next, SIGNATURES_MARKER) ? { keepNext: true } : {}),
        }),
      );
      continue;
    }

    children.push(...renderBlock(node, ending));
  }

  markUntitled();
  // Word ends a document with a paragraph, also after the signature table; its mark is hidden, so nothing is read out.
  if (children.at(-1) instanceof Table) children.push(new Paragraph({ style: STYLE.signature, run: { vanish: true, specVanish: true }, children: [] }));
  return { children, hasDocumentInfo: metadata.hasDocumentInfo, title };
}

/**
 * A field's paragraphs marked, each with a bookmark of its own at its start
 * (ECMA-376 Part 1 §17.13.6), named for the field and the paragraph's
 * place in it, so that `import` knows which field a paragraph holds after
 * the document was edited. One bookmark over several paragraphs would be
 * simpler, but LibreOffice's DOCX export breaks it on a plain save
 * (docs/granskning.md). The ids are the document's own count, for
 * reproducible bytes.
 */
function bookmarkField(blocks: readonly FileChild[], path: string, next: () => number): void {
  blocks.flatMap(paragraphsIn).forEach((paragraph, index) => {
    const id = next();
    // After the paragraph's properties, which come first.
    (paragraph as unknown as { root: unknown[] }).root.splice(1, 0, new BookmarkStart(fieldBookmark(path, index + 1), id), new BookmarkEnd(id));
  });
}

/** The paragraphs of a block in document order: itself, or a table's, cell by cell. */
function paragraphsIn(block: unknown): Paragraph[] {
  if (block instanceof Paragraph) return [block];
  const children = (block as { root?: unknown[] } | undefined)?.root;
  return Array.isArray(children) ? children.flatMap(paragraphsIn) : [];
}

/**
 * The metadata block: "Tjänsteutlåtande / Dnr / datum" (the house style's
 * label first) at the right of page 1, in the letterhead's column for
 * document information, then "Handläggare …" and "Till …". All of it is
 * ordinary body text in reading order, so a screen reader reads the label,
 * the Dnr and the date before the handläggare, and a LibreOffice save keeps
 * it as text (a frame would become a floating text box).
 */
function renderMetadata(nodes: readonly RootContent[], context: Context): { children: FileChild[]; hasDocumentInfo: boolean } {
  const children: FileChild[] = [];
  let hasDocumentInfo = false;
  for (const node of nodes) {
    if (node.type !== "paragraph") {
      children.push(...renderBlock(node, context));
      continue;
    }
    const tracked = blockContext(node, context);
    const lines = splitLines(node.children);
    const firstLine = softBreaksToSpaces(lines[0]?.map(plainText).join("") ?? "").trim();
    if (!hasDocumentInfo && firstLine === context.state.label) {
      hasDocumentInfo = true;
      children.push(
        new Paragraph({
          style: STYLE.documentInfo,
          indent: { left: PAGE.letterheadWidth },
          ...paragraphMark(tracked, node),
          children: joinLines(lines.map((line, index) => renderInlines(line, tracked, index === 0 ? { bold: true } : {})), tracked),
        }),
      );
    } else {
      children.push(new Paragraph({ style: STYLE.metadata, ...paragraphMark(tracked, node), children: renderInlines(node.children, tracked) }));
    }
  }
  return { children, hasDocumentInfo };
}

/** Any block, wherever it stands: one clause per mdast block type, text content for the rest. */
function renderBlock(node: RootContent, outer: Context): FileChild[] {
  const context = blockContext(node, outer);
  switch (node.type) {
    case "paragraph":
      return [paragraph(node.children, context, { of: node })];
    case "heading":
      return [heading(node, context)];
    case "list":
      return renderList(node, context);
    case "blockquote": {
      const quoted = withEnv(context, { paragraphStyle: STYLE.quote, indent: (context.indent ?? 0) + QUOTE_INDENT });
      return node.children.flatMap((child) => renderBlock(child, quoted));
    }
    case "thematicBreak":
      return [new Paragraph({ border: RULE_BORDER, ...indentOf(context), ...paragraphMark(context, node), children: [] })];
    case "code":
      return [codeBlock(node, context)];
    case "table":
      return [dataTable(node, context)];
    case "html": {
      const text = plainText(node).trim();
      return text === "" ? [] : [paragraph([{ type: "text", value: text }], context)];
    }
    case "definition":
    case "yaml":
      return [];
    case "footnoteDefinition":
      // Its text is the footnote's, where it is referred to.
      return [];
    default: {
      const text = plainText(node as Nodes);
      return text.trim() === "" ? [] : [paragraph([{ type: "text", value: text }], context)];
    }
  }
}

function paragraph(
  children: readonly PhrasingContent[],
  context: Context,
  options: { style?: string; keepNext?: boolean; of?: MdastParagraph } = {},
): Paragraph {
  const style = options.style ?? context.paragraphStyle;
  return new Paragraph({
    ...(style ? { style } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
    ...indentOf(context),
    ...paragraphMark(context, options.of),
    children: renderInlines(children, context),
  });
}

function heading(node: Heading, context: Context): Paragraph {
  return new Paragraph({ style: STYLE.heading(node.depth), ...indentOf(context), ...paragraphMark(context, node), children: renderInlines(node.children, context) });
}

function codeBlock(node: Code, context: Context): Paragraph {
  const lines = node.value.split(/\r?\n/);
  const format = context.revision ? { revision: context.revision } : {};
  const runs: ParagraphChild[] = lines.map((line, index) => run({ text: line, ...(index > 0 ? { break: 1 } : {}) }, format, context));
  return new Paragraph({ style: STYLE.code, ...indentOf(context, cm(0.5)), ...paragraphMark(context, node), children: runs });
}

/**
 * A bulleted or numbered list. Every list gets a numbering instance of its
 * own, so each numbered list starts again at 1; a nested list is the next
 * level down, with an instance of its own too. An item's first paragraph
 * carries the number; its other blocks are indented to the item's text.
 */
function renderList(list: List, context: Context): FileChild[] {
  const numbering = context.state.numbering.newList(list.ordered === true, list.start ?? 1);
  const level = Math.min(context.listDepth, 8);
  const closesList = context.listDepth === 0 ? true : context.closesList === true;
  const itemAfter = list.spread ? BLOCK_AFTER : LIST_ITEM_AFTER;
  const out: FileChild[] = [];

  list.children.forEach((item, itemIndex) => {
    const itemContext = blockContext(item, context);
    const lastItem = itemIndex === list.children.length - 1;
    let numbered = false;
    // A task list item (GFM "- [x]") shows its box as GitHub does.
    const box = item.checked === true ? "☒ " : item.checked === false ? "☐ " : "";
    const numberedParagraph = (children: readonly PhrasingContent[], last: boolean, of?: MdastParagraph) => {
      const paragraphContext = of ? blockContext(of, itemContext) : itemContext;
      return new Paragraph({
        style: STYLE.listParagraph,
        numbering: { reference: numbering.reference, level, instance: numbering.instance },
        spacing: { after: closesList && lastItem && last ? BLOCK_AFTER : itemAfter },
        ...(context.keepTogether && !(closesList && lastItem && last) ? { keepNext: true } : {}),
        ...paragraphMark(paragraphContext, of),
        children: renderInlines(box ? [{ type: "text", value: box }, ...children] : children, paragraphContext),
      });
    };

    item.children.forEach((child, childIndex) => {
      const last = childIndex === item.children.length - 1;
      const inner = withEnv(itemContext, {
        listDepth: level + 1,
        closesList: closesList && lastItem && last,
        indent: listTextIndent(level),
        paragraphStyle: undefined,
      });
      if (!numbered && child.type === "paragraph") {
        out.push(numberedParagraph(child.children, last, child));
        numbered = true;
        return;
      }
      if (!numbered) {
        out.push(numberedParagraph([], false));
        numbered = true;
      }
      out.push(...renderBlock(child, inner));
    });
    if (!numbered) out.push(numberedParagraph([], true));
  });
  return out;
}

function indentOf(context: Context, extra = 0): { indent?: { left: number } } {
  const left = (context.indent ?? 0) + extra;
  return left > 0 ? { indent: { left } } : {};
}

/** A paragraph's inline nodes, split at hard breaks into lines. */
function splitLines(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type === "break") lines.push([]);
    else lines[lines.length - 1]!.push(child);
  }
  return lines;
}

function joinLines(lines: readonly ParagraphChild[][], context: Context): ParagraphChild[] {
  const format = context.revision ? { revision: context.revision } : {};
  return lines.flatMap((line, index) => (index === 0 ? line : [run({ break: 1 }, format, context), ...line]));
}

function isMarker(node: RootContent, marker: string): boolean {
  return node.type === "html" && node.value.trim() === marker;
}

function collectDefinitions(root: Root, context: Context): void {
  const footnoteContext = withEnv(context, { paragraphStyle: STYLE.footnoteText });
  context.state.renderFootnote = (definition) =>
    definition.children.flatMap((child) => renderBlock(child, footnoteContext)).filter((block): block is Paragraph => block instanceof Paragraph);
  const visit = (node: Nodes): void => {
    if (node.type === "definition") {
      const label = normalizeLabel(node.identifier);
      if (!context.state.definitions.has(label)) context.state.definitions.set(label, node);
    }
    if (node.type === "footnoteDefinition") {
      const label = normalizeLabel(node.identifier);
      if (!context.state.footnoteDefinitions.has(label)) context.state.footnoteDefinitions.set(label, node);
    }
    if ("children" in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(root);
}
