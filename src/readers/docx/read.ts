import { readZipEntries, ZipProblem } from "../zip.js";
import { attribute, childrenOf, find, isOn, parseXml, tagOf, textOf, type XmlNode } from "../xml.js";

/**
 * A Word document as a small model of its own, before anything is decided
 * about it (pandoc's Docx/Parse.hs): the body's paragraphs in order, table
 * cells included, each with its runs of text, their emphasis, links and
 * footnote references, the tracked changes on them (ECMA-376 Part 1
 * §17.13.5: w:ins, w:del, w:moveFrom, w:moveTo, the paragraph mark's own
 * revision, w:rPrChange, w:pPrChange), the bookmarks and comment ranges
 * that start and end in them; the comments (§17.13.4), the footnotes and
 * the custom properties. Which text a reader takes, with the changes
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
  /** Not shown (w:vanish). */
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
  /** docProps/custom.xml: name → value. */
  readonly properties: ReadonlyMap<string, string>;
}

/** Why a file could not be read as a Word document, in Swedish. */
export class DocxProblem extends Error {}

export const DOCX_PARTS = {
  document: "word/document.xml",
  styles: "word/styles.xml",
  numbering: "word/numbering.xml",
  rels: "word/_rels/document.xml.rels",
  comments: "word/comments.xml",
  footnotes: "word/footnotes.xml",
  custom: "docProps/custom.xml",
} as const;
const WANTED: ReadonlySet<string> = new Set(Object.values(DOCX_PARTS));

const ENCRYPTED = "Filen är lösenordsskyddad eller krypterad. Spara den utan lösenord som .docx och försök igen.";
const NOT_ZIP = "Filen går inte att öppna som Word-dokument: den är skadad eller inte en DOCX-fil.";

/** The parts of a DOCX, read under the zip reader's limits. Throws DocxProblem with a Swedish sentence. */
export function readDocxParts(bytes: Uint8Array): Map<string, Uint8Array> {
  // An encrypted Office document is an OLE compound file, as is a .doc.
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    const text = new TextDecoder("utf-16le").decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    throw new DocxProblem(text.includes("EncryptedPackage") ? ENCRYPTED : "Filen är ett äldre Word-dokument (.doc). Öppna den i Word och spara den som .docx.");
  }
  try {
    const parts = readZipEntries(bytes, WANTED);
    if (!parts.has(DOCX_PARTS.document)) throw new DocxProblem("Filen är en zip-fil men inget Word-dokument (word/document.xml saknas).");
    return parts;
  } catch (error) {
    if (error instanceof DocxProblem) throw error;
    throw new DocxProblem(error instanceof ZipProblem ? error.message : NOT_ZIP);
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
      throw new DocxProblem(`Word-dokumentets del ${name} går inte att läsa; filen är skadad.`);
    }
  };
  const styles = readStyles(xml(DOCX_PARTS.styles));
  const numbering = readNumbering(xml(DOCX_PARTS.numbering));
  const links = readRelationships(xml(DOCX_PARTS.rels));
  const body = childrenOf(find(childrenOf(find(xml(DOCX_PARTS.document), "w:document")), "w:body"));
  const context: ReadContext = { styles, numbering, links, paragraphs: [], bookmarkNames: new Map(), tables: 0, pending: [] };
  readBlocks(body, context, undefined);
  flushPending(context);
  return {
    paragraphs: context.paragraphs,
    comments: readComments(xml(DOCX_PARTS.comments)),
    footnotes: readFootnotes(xml(DOCX_PARTS.footnotes), { ...context, paragraphs: [], pending: [] }),
    properties: readCustomProperties(xml(DOCX_PARTS.custom)),
  };
}

interface StyleInfo {
  readonly name?: string;
  readonly basedOn?: string;
  readonly outlineLevel?: number;
  readonly numId?: string;
  readonly level?: number;
}

interface ReadContext {
  readonly styles: ReadonlyMap<string, StyleInfo>;
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
  const state = { offset: 0 };
  readInline(children, context, { ...(revision ? { revision } : {}) }, segments, markers, state);
  const heading = headingLevel(styleId, properties, context.styles);
  const list = listOf(properties, styleId, context);
  return {
    index: context.paragraphs.length + 1,
    ...(styleId !== undefined ? { styleId } : {}),
    ...(heading !== undefined ? { heading } : {}),
    ...(list ? { list } : {}),
    ...(cell ? { table: cell } : {}),
    segments: mergeSegments(segments),
    markers,
    ...(mark ? { mark } : {}),
    ...(pPrChange ? { formatChange: revisionOf(pPrChange, "ins") } : {}),
  };
}

function readInline(nodes: readonly XmlNode[], context: ReadContext, format: RunFormat, segments: Segment[], markers: Marker[], state: { offset: number }): void {
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
        break;
    }
  }
}

function readRun(node: XmlNode, context: ReadContext, outer: RunFormat, segments: Segment[], state: { offset: number }): void {
  const children = childrenOf(node);
  const properties = childrenOf(find(children, "w:rPr"));
  const runStyle = attribute(find(properties, "w:rStyle"), "w:val");
  const styleName = runStyle ? (context.styles.get(runStyle)?.name ?? runStyle) : "";
  const format: Segment = {
    ...(isOn(find(properties, "w:b")) ? { bold: true } : {}),
    ...(isOn(find(properties, "w:i")) ? { italic: true } : {}),
    ...(isOn(find(properties, "w:strike")) || isOn(find(properties, "w:dstrike")) ? { strike: true } : {}),
    ...(outer.code || /code|kod/iu.test(styleName) ? { code: true } : {}),
    ...(outer.link ? { link: outer.link } : {}),
    ...(outer.revision ? { revision: outer.revision } : {}),
    ...(find(properties, "w:rPrChange") ? { formatChange: revisionOf(find(properties, "w:rPrChange")!, "ins") } : {}),
    ...(isOn(find(properties, "w:vanish")) ? { hidden: true } : {}),
    text: "",
  };
  if (outer.bold) (format as { bold?: boolean }).bold = true;
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
  const style = styleId ? context.styles.get(styleId) : undefined;
  const numId = attribute(find(numPr, "w:numId"), "w:val") ?? style?.numId;
  if (numId === undefined || numId === "0") return undefined;
  const level = Number(attribute(find(numPr, "w:ilvl"), "w:val") ?? style?.level ?? 0);
  const levels = context.numbering.get(numId);
  return { numId, level, ordered: levels?.[level] ?? false };
}

function readStyles(nodes: readonly XmlNode[]): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  for (const node of childrenOf(find(nodes, "w:styles"))) {
    const id = tagOf(node) === "w:style" ? attribute(node, "w:styleId") : undefined;
    if (!id) continue;
    const children = childrenOf(node);
    const name = attribute(find(children, "w:name"), "w:val");
    const pPr = childrenOf(find(children, "w:pPr"));
    const level = attribute(find(pPr, "w:outlineLvl"), "w:val");
    const numPr = childrenOf(find(pPr, "w:numPr"));
    const numId = attribute(find(numPr, "w:numId"), "w:val");
    const ilvl = attribute(find(numPr, "w:ilvl"), "w:val");
    styles.set(id, {
      ...(name ? { name } : {}),
      ...(level !== undefined ? { outlineLevel: Number(level) } : {}),
      ...(numId !== undefined ? { numId } : {}),
      ...(ilvl !== undefined ? { level: Number(ilvl) } : {}),
    });
  }
  return styles;
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

function readRelationships(nodes: readonly XmlNode[]): Map<string, string> {
  const links = new Map<string, string>();
  for (const node of childrenOf(find(nodes, "Relationships"))) {
    const id = attribute(node, "Id");
    const target = attribute(node, "Target");
    if (id && target !== undefined && /\/hyperlink$/u.test(attribute(node, "Type") ?? "")) links.set(id, target);
  }
  return links;
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

function readFootnotes(nodes: readonly XmlNode[], context: ReadContext): Map<string, string> {
  const notes = new Map<string, string>();
  for (const node of childrenOf(find(nodes, "w:footnotes"))) {
    if (tagOf(node) !== "w:footnote") continue;
    const type = attribute(node, "w:type");
    const id = attribute(node, "w:id");
    if (id === undefined || (type !== undefined && type !== "normal")) continue;
    const paragraphs: DocxParagraph[] = [];
    readBlocks(childrenOf(node), { ...context, paragraphs }, undefined);
    notes.set(id, paragraphs.map((p) => p.segments.filter((s) => s.revision?.kind !== "del").map((s) => s.text).join("")).join("\n").trim());
  }
  return notes;
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
