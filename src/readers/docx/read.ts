import { formatCount, LIMITS } from "../../model/limits.js";
import { readZipEntries, ZipProblem } from "../zip.js";
import { attribute, childrenOf, find, isOn, parseXml, tagOf, textOf, type XmlNode } from "../xml.js";

/**
 * A Word document as a small model of its own, before anything is decided
 * about it (pandoc's Docx/Parse.hs): the body's paragraphs in order, table
 * cells included, each with its runs of text, their emphasis, links and
 * footnote references, the tracked changes on them (ECMA-376 Part 1
 * §17.13.5: w:ins, w:del, w:moveFrom, w:moveTo, the paragraph mark's own
 * revision, w:rPrChange, w:pPrChange), the bookmarks and comment ranges
 * that start and end in them, the text boxes anchored in them; the
 * comments (§17.13.4), the headers and footers the sections show, the
 * footnotes and endnotes, and the document properties. Which text a reader takes, with the changes
 * accepted or rejected, is decided afterwards (`resolve.ts`), so that no
 * change is lost by accident.
 */
export interface Revision {
  readonly kind: "ins" | "del";
  readonly author?: string;
  readonly date?: string;
}

export interface Segment {
  /** The text; a line break is "\n", a tab "\t". */
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly strike?: boolean;
  readonly code?: boolean;
  /** A hyperlink's target. */
  readonly link?: string;
  /** The footnote this run refers to (its text is ""). */
  readonly footnote?: string;
  /** Inserted or deleted as a tracked change. */
  readonly revision?: Revision;
  /** Only its formatting changed (w:rPrChange). */
  readonly formatChange?: Revision;
  /** Not shown (w:vanish on the run, its character style or its paragraph's style). */
  readonly hidden?: boolean;
}

export interface Marker {
  readonly kind: "bookmark-start" | "bookmark-end" | "comment-start" | "comment-end";
  readonly id: string;
  /** A bookmark's name (ends are named from their starts). */
  readonly name?: string;
  /** Characters of the paragraph's text before it. */
  readonly offset: number;
}

export interface DocxParagraph {
  /** Counted from 1 over the body's paragraphs, table cells included: the "line" in messages. */
  readonly index: number;
  readonly styleId?: string;
  /** The paragraph style's name (styles.xml's w:name: "heading 2", "Title", "List Bullet"). */
  readonly styleName?: string;
  /** 1 for a title, 2–9 for headings. */
  readonly heading?: number;
  readonly list?: { readonly numId: string; readonly level: number; readonly ordered: boolean };
  readonly table?: { readonly table: number; readonly row: number; readonly cell: number };
  readonly segments: readonly Segment[];
  readonly markers: readonly Marker[];
  /** The paragraph mark inserted or deleted as a tracked change. */
  readonly mark?: Revision;
  /** Only the paragraph's formatting changed (w:pPrChange). */
  readonly formatChange?: Revision;
  /** The largest font size its visible runs set themselves (w:sz), in points; absent where they keep their style's. */
  readonly fontSize?: number;
  /** Text boxes anchored in the paragraph, each at the offset in its text where it is anchored; their paragraphs are counted from 1 within the box. */
  readonly boxes?: readonly { readonly offset: number; readonly paragraphs: readonly DocxParagraph[] }[];
}

/** A header or footer that a section of the document shows (w:headerReference, w:footerReference). */
export interface DocxFurniture {
  readonly kind: "header" | "footer";
  /** Which pages show it: every page, the first, the even ones. */
  readonly type: "default" | "first" | "even";
  readonly part: string;
  /** Counted from 1 within the part. */
  readonly paragraphs: readonly DocxParagraph[];
}

/** A footnote or endnote a reader sees (the separators are none), numbered as Word numbers them. */
export interface DocxNote {
  readonly kind: "footnote" | "endnote";
  readonly id: string;
  readonly number: number;
  readonly paragraphs: readonly DocxParagraph[];
}

export interface DocxComment {
  readonly id: string;
  readonly author?: string;
  readonly initials?: string;
  readonly date?: string;
  readonly text: string;
}

export interface DocxModel {
  readonly paragraphs: readonly DocxParagraph[];
  readonly comments: ReadonlyMap<string, DocxComment>;
  /** Each footnote's text, by id (separators left out). */
  readonly footnotes: ReadonlyMap<string, string>;
  /** The footnotes and endnotes as paragraphs, footnotes first. */
  readonly notes: readonly DocxNote[];
  /** The headers and footers the sections refer to, each part once, in the order the sections name them. */
  readonly furniture: readonly DocxFurniture[];
  /** docProps/custom.xml: name → value. */
  readonly properties: ReadonlyMap<string, string>;
  /** docProps/core.xml: element (dc:title, dc:creator, cp:keywords, …) → value. */
  readonly coreProperties: ReadonlyMap<string, string>;
}

/**
 * Why a file could not be read as a Word document, in Swedish. `kind` says
 * whether the file is damaged (saving it again in Word may help), crosses a
 * limit, or is another kind of file (the message says what to do).
 */
export class DocxProblem extends Error {
  constructor(
    message: string,
    readonly kind: "damaged" | "limit" | "other" = "damaged",
  ) {
    super(message);
  }
}

export const DOCX_PARTS = {
  document: "word/document.xml",
  styles: "word/styles.xml",
  numbering: "word/numbering.xml",
  rels: "word/_rels/document.xml.rels",
  comments: "word/comments.xml",
  footnotes: "word/footnotes.xml",
  endnotes: "word/endnotes.xml",
  core: "docProps/core.xml",
  custom: "docProps/custom.xml",
} as const;
const WANTED: ReadonlySet<string> = new Set(Object.values(DOCX_PARTS));
/** The parts read: the ones named above, and the headers and footers (word/header1.xml, …), which the relationships name. */
const wanted = (name: string) => WANTED.has(name) || /^word\/[^/]+\.xml$/u.test(name);

/** How a message names a part that cannot be read. */
const PART_NAMES: Record<string, string> = {
  [DOCX_PARTS.document]: "Word-dokumentets innehåll (word/document.xml)",
  [DOCX_PARTS.styles]: "Word-dokumentets formatmallar (word/styles.xml)",
  [DOCX_PARTS.numbering]: "Word-dokumentets listor (word/numbering.xml)",
  [DOCX_PARTS.comments]: "Word-dokumentets kommentarer (word/comments.xml)",
};
const partName = (name: string) => PART_NAMES[name] ?? (/^word\/(?:header|footer|footnotes|endnotes)/u.test(name) ? "Word-dokumentets sidhuvuden, sidfötter eller fotnoter" : `Word-dokumentets del ${name}`);

const ENCRYPTED = "Filen är lösenordsskyddad eller krypterad. Spara den utan lösenord som .docx och försök igen.";
const NOT_ZIP = "Filen går inte att öppna som Word-dokument: den är skadad eller inte en DOCX-fil.";

/** The parts of a DOCX, read under the zip reader's limits. Throws DocxProblem with a Swedish sentence. */
export function readDocxParts(bytes: Uint8Array): Map<string, Uint8Array> {
  // An encrypted Office document is an OLE compound file, as is a .doc.
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    const text = new TextDecoder("utf-16le").decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    throw new DocxProblem(text.includes("EncryptedPackage") ? ENCRYPTED : "Filen är ett äldre Word-dokument (.doc). Öppna den i Word och spara den som .docx.", "other");
  }
  try {
    const parts = readZipEntries(bytes, wanted);
    if (!parts.has(DOCX_PARTS.document)) throw new DocxProblem("Filen är en zip-fil men inget Word-dokument (word/document.xml saknas).");
    return parts;
  } catch (error) {
    if (error instanceof DocxProblem) throw error;
    if (error instanceof ZipProblem) throw new DocxProblem(error.message, error.limit ? "limit" : "damaged");
    throw new DocxProblem(NOT_ZIP);
  }
}

/** DOCX bytes → the model. Throws DocxProblem. */
export function readDocxModel(bytes: Uint8Array): DocxModel {
  return readDocxModelFromParts(readDocxParts(bytes));
}

export function readDocxModelFromParts(parts: ReadonlyMap<string, Uint8Array | string>): DocxModel {
  const xml = (name: string): XmlNode[] => {
    const data = parts.get(name);
    if (data === undefined) return [];
    try {
      return parseXml(data);
    } catch {
      throw new DocxProblem(`${partName(name)} går inte att läsa.`);
    }
  };
  // Properties another program broke lose nothing else: the document is still read.
  const tolerant = (name: string): XmlNode[] => {
    try {
      return xml(name);
    } catch {
      return [];
    }
  };
  const documentXml = parts.get(DOCX_PARTS.document);
  const relationships = readRelationships(xml(DOCX_PARTS.rels));
  const references = furnitureReferences(documentXml, relationships.parts);
  // The body, and the headers, footers and notes together, each at most the limit, counted before any parsing.
  const paragraphCount = Math.max(
    countParagraphs(documentXml),
    [DOCX_PARTS.footnotes, DOCX_PARTS.endnotes, ...new Set(references.map((r) => r.part))].reduce((sum, name) => sum + countParagraphs(parts.get(name)), 0),
  );
  if (paragraphCount > LIMITS.docxParagraphs) {
    throw new DocxProblem(`Word-dokumentet har ${formatCount(paragraphCount)} stycken; remiss granskar högst ${formatCount(LIMITS.docxParagraphs)}, långt mer än ett tjänsteutlåtande har.`, "limit");
  }
  const documentNodes = xml(DOCX_PARTS.document);
  const styles = readStyles(xml(DOCX_PARTS.styles));
  const numbering = readNumbering(xml(DOCX_PARTS.numbering));
  const body = childrenOf(find(childrenOf(find(documentNodes, "w:document")), "w:body"));
  const context: ReadContext = { styles, numbering, links: relationships.links, paragraphs: [], bookmarkNames: new Map(), tables: 0, pending: [] };
  readBlocks(body, context, undefined);
  flushPending(context);
  const own = (): ReadContext => ({ ...context, paragraphs: [], bookmarkNames: new Map(), tables: 0, pending: [] });
  const furniture: DocxFurniture[] = [];
  for (const reference of references) {
    if (furniture.some((f) => f.part === reference.part) || !parts.has(reference.part)) continue;
    const part = own();
    readBlocks(childrenOf(xml(reference.part).find((n) => tagOf(n) === "w:hdr" || tagOf(n) === "w:ftr")), part, undefined);
    flushPending(part);
    furniture.push({ ...reference, paragraphs: part.paragraphs });
  }
  const notes = [...readNotes(xml(DOCX_PARTS.footnotes), "footnote", own), ...readNotes(xml(DOCX_PARTS.endnotes), "endnote", own)];
  return {
    paragraphs: context.paragraphs,
    comments: readComments(xml(DOCX_PARTS.comments)),
    footnotes: new Map(notes.filter((n) => n.kind === "footnote").map((n) => [n.id, n.paragraphs.map((p) => p.segments.filter((s) => s.revision?.kind !== "del" && !s.hidden).map((s) => s.text).join("")).join("\n").trim()])),
    notes,
    furniture,
    properties: readCustomProperties(tolerant(DOCX_PARTS.custom)),
    coreProperties: readCoreProperties(tolerant(DOCX_PARTS.core)),
  };
}

/** Paragraph start tags (`<w:p>`, `<w:p …>`, `<w:p/>`), counted on the bytes before any parsing. */
function countParagraphs(xml: Uint8Array | string | undefined): number {
  if (xml === undefined) return 0;
  const bytes = typeof xml === "string" ? new TextEncoder().encode(xml) : xml;
  let count = 0;
  for (let i = bytes.indexOf(0x3c); i !== -1 && i + 4 < bytes.length; i = bytes.indexOf(0x3c, i + 1)) {
    // "<w:p" followed by ">", "/" or white space
    if (bytes[i + 1] === 0x77 && bytes[i + 2] === 0x3a && bytes[i + 3] === 0x70) {
      const next = bytes[i + 4]!;
      if (next === 0x3e || next === 0x2f || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d) count++;
    }
  }
  return count;
}

/**
 * The headers and footers the document's sections refer to (`w:headerReference`
 * in a `w:sectPr`), resolved through the document's relationships; a part no
 * section shows is not read, as Word does not show it either. Read from the
 * bytes, before the body is parsed, so that the paragraph limit counts them.
 */
function furnitureReferences(documentXml: Uint8Array | string | undefined, targets: ReadonlyMap<string, string>): Omit<DocxFurniture, "paragraphs">[] {
  if (documentXml === undefined || targets.size === 0) return [];
  const text = typeof documentXml === "string" ? documentXml : new TextDecoder().decode(documentXml);
  const references: Omit<DocxFurniture, "paragraphs">[] = [];
  for (const match of text.matchAll(/<w:(header|footer)Reference\b([^>]*)>/gu)) {
    const type = /\bw:type="([^"]*)"/u.exec(match[2]!)?.[1];
    const part = targets.get(/\br:id="([^"]*)"/u.exec(match[2]!)?.[1] ?? "");
    if (part) references.push({ kind: match[1] as "header" | "footer", type: type === "first" || type === "even" ? type : "default", part });
  }
  return references;
}

interface StyleInfo {
  readonly name?: string;
  readonly basedOn?: string;
  readonly outlineLevel?: number;
  readonly numId?: string;
  readonly level?: number;
  /** Whether the style hides its text (w:vanish in its run properties, or in a style it is based on). */
  readonly hidden?: boolean;
}

interface Styles {
  readonly byId: ReadonlyMap<string, StyleInfo>;
  /** The paragraph style of a paragraph that names none. */
  readonly defaultParagraph?: string;
}

interface ReadContext {
  readonly styles: Styles;
  readonly numbering: ReadonlyMap<string, readonly boolean[]>;
  readonly links: ReadonlyMap<string, string>;
  readonly paragraphs: DocxParagraph[];
  readonly bookmarkNames: Map<string, string>;
  tables: number;
  /** Markers at block level (between paragraphs), given to the next paragraph, or to the last one at the end. */
  pending: Marker[];
}

type TableCell = { table: number; row: number; cell: number };

function readBlocks(nodes: readonly XmlNode[], context: ReadContext, cell: TableCell | undefined, revision?: Revision): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    switch (tag) {
      case "w:p":
        context.paragraphs.push(readParagraph(node, context, cell, revision));
        break;
      case "w:tbl": {
        const table = ++context.tables;
        let row = 0;
        for (const tr of childrenOf(node)) {
          if (tagOf(tr) !== "w:tr") continue;
          row++;
          let column = 0;
          for (const tc of childrenOf(tr)) {
            if (tagOf(tc) === "w:tc") readBlocks(childrenOf(tc), context, { table, row, cell: ++column }, revision);
            else if (tagOf(tc) === "w:sdt") readBlocks(childrenOf(find(childrenOf(tc), "w:sdtContent")), context, { table, row, cell: ++column }, revision);
          }
        }
        break;
      }
      case "w:sdt":
        readBlocks(childrenOf(find(childrenOf(node), "w:sdtContent")), context, cell, revision);
        break;
      case "w:customXml":
      case "w:smartTag":
        readBlocks(childrenOf(node), context, cell, revision);
        break;
      case "w:ins":
      case "w:moveTo":
        readBlocks(childrenOf(node), context, cell, revisionOf(node, "ins"));
        break;
      case "w:del":
      case "w:moveFrom":
        readBlocks(childrenOf(node), context, cell, revisionOf(node, "del"));
        break;
      case "w:bookmarkStart":
      case "w:bookmarkEnd":
      case "w:commentRangeStart":
      case "w:commentRangeEnd": {
        const marker = markerOf(node, tag, context, 0);
        if (!marker) break;
        // An end between paragraphs closes on the paragraph before it; a start opens on the next.
        const last = context.paragraphs.at(-1);
        if (marker.kind.endsWith("-end") && last) (last.markers as Marker[]).push({ ...marker, offset: textLength(last) });
        else context.pending.push(marker);
        break;
      }
      default:
        break;
    }
  }
}

function flushPending(context: ReadContext): void {
  const last = context.paragraphs.at(-1);
  if (last && context.pending.length > 0) (last.markers as Marker[]).push(...context.pending.map((m) => ({ ...m, offset: textLength(last) })));
  context.pending = [];
}

function textLength(paragraph: DocxParagraph): number {
  return paragraph.segments.reduce((sum, s) => sum + s.text.length, 0);
}

function revisionOf(node: XmlNode, kind: "ins" | "del"): Revision {
  const author = attribute(node, "w:author");
  const date = attribute(node, "w:date");
  return { kind, ...(author !== undefined ? { author } : {}), ...(date !== undefined ? { date } : {}) };
}

function markerOf(node: XmlNode, tag: string, context: ReadContext, offset: number): Marker | undefined {
  const id = attribute(node, "w:id");
  if (id === undefined) return undefined;
  if (tag === "w:bookmarkStart") {
    const name = attribute(node, "w:name") ?? "";
    context.bookmarkNames.set(id, name);
    return { kind: "bookmark-start", id, name, offset };
  }
  if (tag === "w:bookmarkEnd") {
    const name = context.bookmarkNames.get(id);
    return { kind: "bookmark-end", id, ...(name !== undefined ? { name } : {}), offset };
  }
  return { kind: tag === "w:commentRangeStart" ? "comment-start" : "comment-end", id, offset };
}

interface RunFormat {
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
  revision?: Revision;
}

function readParagraph(node: XmlNode, context: ReadContext, cell: TableCell | undefined, revision: Revision | undefined): DocxParagraph {
  const children = childrenOf(node);
  const properties = childrenOf(find(children, "w:pPr"));
  const styleId = attribute(find(properties, "w:pStyle"), "w:val");
  const markProperties = childrenOf(find(properties, "w:rPr"));
  const markIns = find(markProperties, "w:ins") ?? find(markProperties, "w:moveTo");
  const markDel = find(markProperties, "w:del") ?? find(markProperties, "w:moveFrom");
  const mark = markDel ? revisionOf(markDel, "del") : markIns ? revisionOf(markIns, "ins") : revision;
  const pPrChange = find(properties, "w:pPrChange");
  const segments: Segment[] = [];
  const markers: Marker[] = context.pending.map((m) => ({ ...m, offset: 0 }));
  context.pending = [];
  const state: InlineState = { offset: 0, paragraphStyle: styleId ?? context.styles.defaultParagraph, boxes: [] };
  readInline(children, context, { ...(revision ? { revision } : {}) }, segments, markers, state);
  const heading = headingLevel(styleId, properties, context.styles.byId);
  const list = listOf(properties, styleId, context);
  const styleName = styleId !== undefined ? context.styles.byId.get(styleId)?.name : undefined;
  return {
    index: context.paragraphs.length + 1,
    ...(styleId !== undefined ? { styleId } : {}),
    ...(styleName !== undefined ? { styleName } : {}),
    ...(heading !== undefined ? { heading } : {}),
    ...(list ? { list } : {}),
    ...(cell ? { table: cell } : {}),
    segments: mergeSegments(segments),
    markers,
    ...(mark ? { mark } : {}),
    ...(pPrChange ? { formatChange: revisionOf(pPrChange, "ins") } : {}),
    ...(state.size !== undefined ? { fontSize: state.size / 2 } : {}),
    ...(state.boxes.length > 0 ? { boxes: state.boxes } : {}),
  };
}

interface InlineState {
  /** Characters of the paragraph's text so far. */
  offset: number;
  /** The paragraph's style (or the default paragraph style), for hidden text. */
  readonly paragraphStyle: string | undefined;
  readonly boxes: { offset: number; paragraphs: DocxParagraph[] }[];
  /** The largest w:sz of a visible run with text, in half-points. */
  size?: number;
}

/** A drawing or a VML picture, which may hold a text box. */
const PICTURES = new Set(["w:drawing", "w:pict", "mc:AlternateContent"]);

/** The text boxes (w:txbxContent) in a drawing, each read as paragraphs of its own, counted from 1. */
function readBoxes(node: XmlNode, context: ReadContext, state: InlineState): void {
  const contents: XmlNode[] = [];
  const visit = (nodes: readonly XmlNode[]) => {
    for (const child of nodes) {
      const tag = tagOf(child);
      if (tag === "w:txbxContent") contents.push(child);
      // Of mc:AlternateContent only the choice is read: its fallback is the same text box again for older programs.
      else if (tag === "mc:AlternateContent") visit([find(childrenOf(child), "mc:Choice") ?? find(childrenOf(child), "mc:Fallback") ?? {}]);
      else if (tag && tag !== "#text" && tag !== "w:t") visit(childrenOf(child));
    }
  };
  visit([node]);
  for (const content of contents) {
    const box: ReadContext = { ...context, paragraphs: [], bookmarkNames: new Map(), pending: [] };
    readBlocks(childrenOf(content), box, undefined);
    if (box.paragraphs.length > 0) state.boxes.push({ offset: state.offset, paragraphs: box.paragraphs });
  }
}

function readInline(nodes: readonly XmlNode[], context: ReadContext, format: RunFormat, segments: Segment[], markers: Marker[], state: InlineState): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    switch (tag) {
      case "w:r":
        readRun(node, context, format, segments, state);
        break;
      case "w:hyperlink": {
        const id = attribute(node, "r:id");
        const target = id ? context.links.get(id) : undefined;
        const anchor = attribute(node, "w:anchor");
        readInline(childrenOf(node), context, { ...format, ...(target ? { link: target } : anchor ? { link: `#${anchor}` } : {}) }, segments, markers, state);
        break;
      }
      case "w:ins":
      case "w:moveTo":
        readInline(childrenOf(node), context, { ...format, revision: revisionOf(node, "ins") }, segments, markers, state);
        break;
      case "w:del":
      case "w:moveFrom":
        readInline(childrenOf(node), context, { ...format, revision: revisionOf(node, "del") }, segments, markers, state);
        break;
      case "w:fldSimple":
      case "w:smartTag":
      case "w:customXml":
      case "w:sdtContent":
        readInline(childrenOf(node), context, format, segments, markers, state);
        break;
      case "w:sdt":
        readInline(childrenOf(find(childrenOf(node), "w:sdtContent")), context, format, segments, markers, state);
        break;
      case "w:bookmarkStart":
      case "w:bookmarkEnd":
      case "w:commentRangeStart":
      case "w:commentRangeEnd": {
        const marker = markerOf(node, tag, context, state.offset);
        if (marker) markers.push(marker);
        break;
      }
      default:
        if (tag && PICTURES.has(tag)) readBoxes(node, context, state);
        break;
    }
  }
}

function readRun(node: XmlNode, context: ReadContext, outer: RunFormat, segments: Segment[], state: InlineState): void {
  const children = childrenOf(node);
  const properties = childrenOf(find(children, "w:rPr"));
  const runStyle = attribute(find(properties, "w:rStyle"), "w:val");
  const styleName = runStyle ? (context.styles.byId.get(runStyle)?.name ?? runStyle) : "";
  // Hidden: the run's own w:vanish, else its character style's, else its paragraph style's.
  const vanish = find(properties, "w:vanish");
  const hidden = vanish ? isOn(vanish) : (context.styles.byId.get(runStyle ?? "")?.hidden ?? context.styles.byId.get(state.paragraphStyle ?? "")?.hidden ?? false);
  const format: Segment = {
    ...(isOn(find(properties, "w:b")) ? { bold: true } : {}),
    ...(isOn(find(properties, "w:i")) ? { italic: true } : {}),
    ...(isOn(find(properties, "w:strike")) || isOn(find(properties, "w:dstrike")) ? { strike: true } : {}),
    ...(outer.code || /code|kod/iu.test(styleName) ? { code: true } : {}),
    ...(outer.link ? { link: outer.link } : {}),
    ...(outer.revision ? { revision: outer.revision } : {}),
    ...(find(properties, "w:rPrChange") ? { formatChange: revisionOf(find(properties, "w:rPrChange")!, "ins") } : {}),
    ...(hidden ? { hidden: true } : {}),
    text: "",
  };
  if (outer.bold) (format as { bold?: boolean }).bold = true;
  const size = Number(attribute(find(properties, "w:sz"), "w:val"));
  if (!hidden && size > 0 && children.some((child) => tagOf(child) === "w:t" && textOf(child).trim() !== "")) state.size = Math.max(state.size ?? 0, size);
  if (outer.italic) (format as { italic?: boolean }).italic = true;
  let inField = false;
  for (const child of children) {
    const tag = tagOf(child);
    let text: string | undefined;
    switch (tag) {
      case "w:t":
      case "w:delText":
        text = inField ? undefined : textOf(child);
        break;
      case "w:tab":
      case "w:ptab":
        text = "\t";
        break;
      case "w:br":
      case "w:cr":
        // A page or column break is no line of text.
        text = attribute(child, "w:type") === "page" || attribute(child, "w:type") === "column" ? undefined : "\n";
        break;
      case "w:noBreakHyphen":
        text = "\u2011";
        break;
      case "w:softHyphen":
        text = "\u00ad";
        break;
      case "w:sym":
        text = undefined;
        break;
      case "w:fldChar": {
        // Only a field's result is text: its instructions, from begin to separate, are not.
        const type = attribute(child, "w:fldCharType");
        if (type === "begin") inField = true;
        else if (type === "separate" || type === "end") inField = false;
        break;
      }
      case "w:footnoteReference": {
        const id = attribute(child, "w:id");
        if (id !== undefined) segments.push({ ...format, text: "", footnote: id });
        break;
      }
      default:
        if (tag && PICTURES.has(tag)) readBoxes(child, context, state);
        break;
    }
    if (text !== undefined && text !== "") {
      segments.push({ ...format, text });
      state.offset += text.length;
    }
  }
}

/** Neighbouring segments with the same formatting and revision as one. */
function mergeSegments(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const last = out.at(-1);
    if (last && segment.footnote === undefined && last.footnote === undefined && sameFormat(last, segment)) out[out.length - 1] = { ...last, text: last.text + segment.text };
    else out.push(segment);
  }
  return out;
}

function sameFormat(a: Segment, b: Segment): boolean {
  return (
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    !!a.strike === !!b.strike &&
    !!a.code === !!b.code &&
    a.link === b.link &&
    !!a.hidden === !!b.hidden &&
    a.revision?.kind === b.revision?.kind &&
    a.revision?.author === b.revision?.author &&
    a.revision?.date === b.revision?.date &&
    !!a.formatChange === !!b.formatChange
  );
}

const TITLE_STYLE = /^(?:title|rubrik)$/iu;
const HEADING_STYLE = /^(?:heading|rubrik)\s*([1-9])$/iu;

/** 1 for a title, 2–9 for a heading, by the paragraph's style (its id or name, English or Swedish) or outline level; undefined for body text. */
export function headingLevel(styleId: string | undefined, properties: readonly XmlNode[], styles: ReadonlyMap<string, { readonly name?: string; readonly outlineLevel?: number }>): number | undefined {
  const style = styleId ? styles.get(styleId) : undefined;
  for (const name of [styleId, style?.name]) {
    if (!name) continue;
    if (TITLE_STYLE.test(name)) return 1;
    const match = HEADING_STYLE.exec(name);
    if (match) return Number(match[1]);
  }
  const direct = attribute(find(properties, "w:outlineLvl"), "w:val");
  const level = direct !== undefined ? Number(direct) : style?.outlineLevel;
  return level !== undefined && level >= 0 && level <= 8 ? level + 1 : undefined;
}

function listOf(properties: readonly XmlNode[], styleId: string | undefined, context: ReadContext): DocxParagraph["list"] {
  const numPr = childrenOf(find(properties, "w:numPr"));
  const style = styleId ? context.styles.byId.get(styleId) : undefined;
  const numId = attribute(find(numPr, "w:numId"), "w:val") ?? style?.numId;
  if (numId === undefined || numId === "0") return undefined;
  const level = Number(attribute(find(numPr, "w:ilvl"), "w:val") ?? style?.level ?? 0);
  const levels = context.numbering.get(numId);
  return { numId, level, ordered: levels?.[level] ?? false };
}

function readStyles(nodes: readonly XmlNode[]): Styles {
  const styles = new Map<string, StyleInfo>();
  const vanishes = new Map<string, boolean>();
  let defaultParagraph: string | undefined;
  for (const node of childrenOf(find(nodes, "w:styles"))) {
    const id = tagOf(node) === "w:style" ? attribute(node, "w:styleId") : undefined;
    if (!id) continue;
    const children = childrenOf(node);
    const name = attribute(find(children, "w:name"), "w:val");
    const basedOn = attribute(find(children, "w:basedOn"), "w:val");
    const vanish = find(childrenOf(find(children, "w:rPr")), "w:vanish");
    if (vanish) vanishes.set(id, isOn(vanish));
    if (attribute(node, "w:type") === "paragraph" && /^(?:1|true|on)$/iu.test(attribute(node, "w:default") ?? "")) defaultParagraph ??= id;
    const pPr = childrenOf(find(children, "w:pPr"));
    const level = attribute(find(pPr, "w:outlineLvl"), "w:val");
    const numPr = childrenOf(find(pPr, "w:numPr"));
    const numId = attribute(find(numPr, "w:numId"), "w:val");
    const ilvl = attribute(find(numPr, "w:ilvl"), "w:val");
    styles.set(id, {
      ...(name ? { name } : {}),
      ...(basedOn ? { basedOn } : {}),
      ...(level !== undefined ? { outlineLevel: Number(level) } : {}),
      ...(numId !== undefined ? { numId } : {}),
      ...(ilvl !== undefined ? { level: Number(ilvl) } : {}),
    });
  }
  // A style hides what the nearest style in its chain that says so says (a chain is a few styles long; a loop ends it).
  for (const [id, info] of styles) {
    let at: string | undefined = id;
    for (let depth = 0; at !== undefined && depth < 20; depth++) {
      const own = vanishes.get(at);
      if (own !== undefined) {
        styles.set(id, { ...info, hidden: own });
        break;
      }
      at = styles.get(at)?.basedOn;
    }
  }
  return { byId: styles, ...(defaultParagraph ? { defaultParagraph } : {}) };
}

/** numId → for each level, whether it is numbered (not bullets). */
function readNumbering(nodes: readonly XmlNode[]): Map<string, boolean[]> {
  const abstract = new Map<string, boolean[]>();
  const out = new Map<string, boolean[]>();
  const root = childrenOf(find(nodes, "w:numbering"));
  for (const node of root) {
    if (tagOf(node) !== "w:abstractNum") continue;
    const levels: boolean[] = [];
    for (const lvl of childrenOf(node)) {
      if (tagOf(lvl) !== "w:lvl") continue;
      const format = attribute(find(childrenOf(lvl), "w:numFmt"), "w:val") ?? "bullet";
      levels[Number(attribute(lvl, "w:ilvl") ?? 0)] = format !== "bullet" && format !== "none";
    }
    abstract.set(attribute(node, "w:abstractNumId") ?? "", levels);
  }
  for (const node of root) {
    if (tagOf(node) !== "w:num") continue;
    const id = attribute(node, "w:numId");
    const abstractId = attribute(find(childrenOf(node), "w:abstractNumId"), "w:val");
    if (id !== undefined && abstractId !== undefined) out.set(id, abstract.get(abstractId) ?? []);
  }
  return out;
}

/** The document's relationships: hyperlinks' targets, and the package parts (headers, footers, …) others name, by id. */
function readRelationships(nodes: readonly XmlNode[]): { links: Map<string, string>; parts: Map<string, string> } {
  const links = new Map<string, string>();
  const parts = new Map<string, string>();
  for (const node of childrenOf(find(nodes, "Relationships"))) {
    const id = attribute(node, "Id");
    const target = attribute(node, "Target");
    if (!id || target === undefined) continue;
    if (/\/hyperlink$/u.test(attribute(node, "Type") ?? "")) links.set(id, target);
    else if (attribute(node, "TargetMode") !== "External") parts.set(id, target.startsWith("/") ? target.slice(1) : `word/${target}`);
  }
  return { links, parts };
}

function readComments(nodes: readonly XmlNode[]): Map<string, DocxComment> {
  const comments = new Map<string, DocxComment>();
  for (const node of childrenOf(find(nodes, "w:comments"))) {
    if (tagOf(node) !== "w:comment") continue;
    const id = attribute(node, "w:id");
    if (id === undefined) continue;
    const text = childrenOf(node)
      .filter((p) => tagOf(p) === "w:p")
      .map((p) => plainText(childrenOf(p)))
      .join("\n")
      .trim();
    const author = attribute(node, "w:author");
    const initials = attribute(node, "w:initials");
    const date = attribute(node, "w:date");
    comments.set(id, { id, text, ...(author !== undefined ? { author } : {}), ...(initials !== undefined ? { initials } : {}), ...(date !== undefined ? { date } : {}) });
  }
  return comments;
}

function readNotes(nodes: readonly XmlNode[], kind: "footnote" | "endnote", context: () => ReadContext): DocxNote[] {
  const notes: DocxNote[] = [];
  for (const node of childrenOf(find(nodes, `w:${kind}s`))) {
    if (tagOf(node) !== `w:${kind}`) continue;
    const type = attribute(node, "w:type");
    const id = attribute(node, "w:id");
    if (id === undefined || (type !== undefined && type !== "normal")) continue;
    const note = context();
    readBlocks(childrenOf(node), note, undefined);
    flushPending(note);
    notes.push({ kind, id, number: notes.length + 1, paragraphs: note.paragraphs });
  }
  return notes;
}

function readCoreProperties(nodes: readonly XmlNode[]): Map<string, string> {
  const properties = new Map<string, string>();
  for (const node of childrenOf(find(nodes, "cp:coreProperties"))) {
    const tag = tagOf(node);
    if (tag) properties.set(tag, textOf(node));
  }
  return properties;
}

function readCustomProperties(nodes: readonly XmlNode[]): Map<string, string> {
  const properties = new Map<string, string>();
  for (const node of childrenOf(find(nodes, "Properties"))) {
    const name = attribute(node, "name");
    const value = childrenOf(node).map(textOf).join("");
    if (name) properties.set(name, value);
  }
  return properties;
}

/** The visible text of paragraph content (comments' paragraphs): w:t only, deleted text left out. */
function plainText(nodes: readonly XmlNode[]): string {
  let text = "";
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "w:t") text += textOf(node);
    else if (tag === "w:tab") text += "\t";
    else if (tag === "w:br") text += "\n";
    else if (tag && tag !== "w:del" && tag !== "w:rPr" && tag !== "w:pPr" && tag !== "w:instrText") text += plainText(childrenOf(node));
  }
  return text;
}
