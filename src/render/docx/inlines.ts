import { resolve } from "node:path";
import { isSafeLink, uriOf } from "../../model/links.js";
import { DeletedTextRun, ExternalHyperlink, FootnoteReferenceRun, ImageRun, InsertedTextRun, TextRun, type IRunOptions, type ParagraphChild } from "docx";
import { fitWidth, readImage } from "../../images.js";
import { PAGE } from "./page.js";
import type { Nodes, PhrasingContent } from "mdast";
import { revisionOf, type Context, type RunFormat } from "./context.js";
import { STYLE } from "./styles.js";

/**
 * Inline (phrasing) mdast → runs, one clause per node type. Soft line
 * breaks (newlines inside text) become spaces, hard breaks `w:br`. A node
 * type without a clause of its own gives its text content.
 */
export function renderInlines(nodes: readonly PhrasingContent[], context: Context, format: RunFormat = {}): ParagraphChild[] {
  const inherited = context.revision && !format.revision ? { ...format, revision: context.revision } : format;
  return nodes.flatMap((node) => renderInline(node, context, inherited));
}

function renderInline(node: PhrasingContent, context: Context, inherited: RunFormat): ParagraphChild[] {
  const revision = revisionOf(node);
  const format = revision ? { ...inherited, revision } : inherited;
  switch (node.type) {
    case "text":
      return textRuns(softBreaksToSpaces(node.value), format, context);
    case "break":
      return [run({ ...runProperties(format), break: 1 }, format, context)];
    case "strong":
      return renderInlines(node.children, context, { ...format, bold: true });
    case "emphasis":
      return renderInlines(node.children, context, { ...format, italics: true });
    case "delete":
      return renderInlines(node.children, context, { ...format, strike: true });
    case "inlineCode":
      return textRuns(softBreaksToSpaces(node.value), { ...format, code: true }, context);
    case "link":
      return hyperlink(node.url, node.children, context, format);
    case "linkReference": {
      const definition = context.state.definitions.get(normalizeLabel(node.identifier));
      return definition ? hyperlink(definition.url, node.children, context, format) : renderInlines(node.children, context, format);
    }
    case "image":
      return image(node.url, node.alt ?? "", context, format);
    case "imageReference":
      return textRuns(node.alt ?? "", format, context);
    case "html":
      return /^<br\s*\/?>$/i.test(node.value.trim())
        ? [run({ ...runProperties(format), break: 1 }, format, context)]
        : textRuns(htmlText(node.value), format, context);
    case "footnoteReference":
      return footnoteReference(node.identifier, context, format);
    default:
      return textRuns(softBreaksToSpaces(plainText(node as Nodes)), format, context);
  }
}

/**
 * A Word footnote: the first reference to a definition gives it the next
 * id and renders its text into the document's footnotes; a later reference
 * to the same definition refers to the same footnote. A reference without
 * a definition stays text, as GitHub shows it.
 */
function footnoteReference(identifier: string, context: Context, format: RunFormat): ParagraphChild[] {
  const label = normalizeLabel(identifier);
  const { state } = context;
  let id = state.footnoteIds.get(label);
  if (id === undefined) {
    const definition = state.footnoteDefinitions.get(label);
    if (!definition) return textRuns(`[^${identifier}]`, format, context);
    id = state.footnoteIds.size + 1;
    state.footnoteIds.set(label, id);
    state.footnotes.set(id, { children: state.renderFootnote(definition) });
  }
  return [new FootnoteReferenceRun(id)];
}

/**
 * A local PNG or JPEG, inline at its natural size (96 dpi) but never wider
 * than the text, with its alt text for screen readers. `draft` has made sure
 * the file is there; a Markdown file rendered without its folder keeps the
 * alt text.
 */
function image(url: string, alt: string, context: Context, format: RunFormat): ParagraphChild[] {
  const { baseDir, revisions } = context.state;
  const file = baseDir === undefined || /^[a-z][a-z0-9+.-]*:/iu.test(url) ? undefined : readImage(resolve(baseDir, decodeURI(url)));
  if (file === undefined || typeof file === "string") return textRuns(alt, format, context);
  const maxWidth = Math.floor((PAGE.textWidth / 1440) * 96) - Math.ceil(((context.indent ?? 0) / 1440) * 96);
  const size = fitWidth(file.width, file.height, Math.max(32, maxWidth));
  const tracked = revisions && format.revision ? { [format.revision === "ins" ? "insertion" : "deletion"]: revisions.next() } : {};
  return [new ImageRun({ type: file.type, data: file.data, transformation: size, altText: { name: alt, description: alt }, ...tracked })];
}

/**
 * Links to the web and e-mail addresses (http:, https:, mailto:) become
 * hyperlinks; every other link keeps only its text, so that nothing a
 * manager clicks in Word starts a program or opens a local file. (The
 * loader refuses other schemes in a case's text; this holds for any
 * Markdown.)
 */
function hyperlink(url: string, children: readonly PhrasingContent[], context: Context, format: RunFormat): ParagraphChild[] {
  if (!isSafeLink(url)) return renderInlines(children, context, format);
  const runs = renderInlines(children, context, { ...format, link: true });
  // Links do not nest in Markdown, so the children are text runs (tracked ones in `remiss diff`) and images (`[![Karta](karta.png)](https://…)`, a picture that is a link).
  const linked = runs.filter((run) => run instanceof TextRun || run instanceof InsertedTextRun || run instanceof DeletedTextRun || run instanceof ImageRun);
  return linked.length > 0 ? [new ExternalHyperlink({ link: uriOf(url), children: linked })] : [];
}

function textRuns(text: string, format: RunFormat, context: Context): ParagraphChild[] {
  if (text === "") return [];
  return [run({ ...runProperties(format), text }, format, context)];
}

/** A run, tracked as inserted or deleted when the format says so and the document shows changes. */
export function run(options: IRunOptions, format: RunFormat, context: Context): ParagraphChild {
  const { revisions } = context.state;
  if (!revisions || !format.revision) return new TextRun(options);
  return format.revision === "ins" ? new InsertedTextRun({ ...options, ...revisions.next() }) : new DeletedTextRun({ ...options, ...revisions.next() });
}

function runProperties(format: RunFormat) {
  const style = format.link ? STYLE.hyperlink : format.code ? STYLE.inlineCode : undefined;
  return {
    ...(style ? { style } : {}),
    ...(format.bold ? { bold: true } : {}),
    ...(format.italics ? { italics: true } : {}),
    ...(format.strike ? { strike: true } : {}),
  };
}

/** A soft line break (and the indentation around it) is a space in the paragraph. */
export function softBreaksToSpaces(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*/g, " ");
}

/** Inline HTML: comments vanish, tags are dropped, text stays. */
export function htmlText(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]*>/g, "");
}

/** The text content of any node: literal values and the text of children, images by their alt text. */
export function plainText(node: Nodes): string {
  if (node.type === "html") return htmlText(node.value);
  if (node.type === "break") return "\n";
  if (node.type === "image" || node.type === "imageReference") return node.alt ?? "";
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(plainText).join("");
  return "";
}

/** Link reference labels match case-insensitively, with whitespace collapsed (CommonMark). */
export function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, " ").trim().toLowerCase();
}
