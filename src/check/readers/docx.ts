import { strFromU8 } from "fflate";
import { formatCount, LIMITS } from "../../model/limits.js";
import { CLOSING_STYLES, SECTIONS, SECTION_BOOKMARK_PREFIX, sectionBookmark } from "../../model/sections.js";
import { quote } from "../rule.js";
import { emptyDocument, type CheckDocument, type Heading, type Position, type Section, type TextBlock } from "../document.js";
import { sectionAt, untitledSectionAt } from "../sections.js";
import { headingLevel } from "../../readers/docx/read.js";
import { attribute, childrenOf, find, isOn, parseXml as parse, tagOf, type XmlNode } from "../../readers/xml.js";
import { readZipEntries, ZipProblem } from "./zip.js";

/**
 * DOCX → CheckDocument. Reads `word/document.xml` (and `word/styles.xml` for
 * style names). A paragraph's "line" is its number among the body's
 * paragraphs, table cells included, counted from 1; its "column" is the
 * character in the paragraph, from 1. Headings come from paragraph styles:
 * Title or Heading 1 is the title, Heading 2 opens a section, Heading 3 and
 * deeper are the writer's own headings. Localized style ids (`Rubrik2`) and
 * outline levels work too.
 *
 * The rest of what a reader sees is read too, as `outside`: the headers and
 * footers the sections show, the footnotes and endnotes, text boxes, and the
 * document properties (title, subject, author, keywords, the custom
 * properties). Their positions name the part (`sidhuvudet på första sidan,
 * stycke 2`) and count its paragraphs from 1; a text box stands at the
 * paragraph that holds it. Hidden text (`w:vanish`, directly or through a run style or a
 * paragraph style) is not text of any block: it is in `hidden`.
 */
export function readDocx(bytes: Uint8Array): CheckDocument {
  let entries: Map<string, Uint8Array>;
  let parts: Partial<Record<string, Uint8Array>>;
  let references: PartReference[] = [];
  try {
    entries = readZipEntries(bytes, PARTS);
    parts = Object.fromEntries(entries) as Partial<Record<string, Uint8Array>>;
    const documentXml = parts[DOCUMENT];
    if (!documentXml) return notDocx("Filen är en zip-fil men inget Word-dokument (word/document.xml saknas).");
    references = headerFooterReferences(documentXml, parts[DOCUMENT_RELS]);
    const targets = new Set(references.map((r) => r.part));
    if (targets.size > 0) for (const [name, data] of readZipEntries(bytes, targets)) parts[name] = data;
  } catch (error) {
    if (error instanceof ZipProblem && error.limit) return notDocx(error.message, "");
    return notDocx(error instanceof ZipProblem ? error.message : "Filen går inte att öppna som Word-dokument: den är skadad eller inte en DOCX-fil.");
  }
  const documentXml = parts[DOCUMENT]!;
  // The body, and the headers, footers and notes together, each at most the limit.
  const paragraphCount = Math.max(
    countParagraphs(documentXml),
    [FOOTNOTES, ENDNOTES, ...new Set(references.map((r) => r.part))].reduce((sum, name) => sum + countParagraphs(parts[name]), 0),
  );
  if (paragraphCount > LIMITS.docxParagraphs) {
    return notDocx(`Word-dokumentet har ${formatCount(paragraphCount)} stycken; remiss granskar högst ${formatCount(LIMITS.docxParagraphs)}, långt mer än ett tjänsteutlåtande har.`, "");
  }

  let body: XmlNode[];
  let styles: Styles;
  try {
    body = childrenOf(find(childrenOf(find(parse(documentXml), "w:document")), "w:body"));
  } catch {
    return notDocx("Word-dokumentets innehåll (word/document.xml) går inte att läsa.");
  }
  try {
    styles = readStyles(parts[STYLES]);
  } catch {
    return notDocx("Word-dokumentets formatmallar (word/styles.xml) går inte att läsa.");
  }

  const paragraphs: { node: XmlNode; inTable: boolean }[] = [];
  collectParagraphs(body, false, paragraphs);

  const headings: Heading[] = [];
  const sections: Section[] = [];
  const blocks: TextBlock[] = [];
  const outside: TextBlock[] = [];
  const hidden: TextBlock[] = [];
  let current: { heading?: Heading; untitled?: { id: string; position: Position }; body: TextBlock[] } | undefined;
  const close = () => {
    const section = current && (current.heading ? sectionAt(current.heading, current.body) : untitledSectionAt(current.untitled!.id, current.untitled!.position, current.body));
    if (section) sections.push(section);
    current = undefined;
  };
  let signatures: Position | undefined;
  paragraphs.forEach(({ node, inTable }, index) => {
    const line = index + 1;
    if (!signatures && isClosing(childrenOf(node))) {
      // The closing sentence and the signatures end the sections.
      signatures = { line, column: 1 };
      close();
    }
    // A section without a heading begins at its bookmark (sectionBookmark).
    const untitled = signatures ? undefined : untitledSectionId(childrenOf(node));
    if (untitled !== undefined) {
      close();
      current = { untitled: { id: untitled, position: { line, column: 1 } }, body: [] };
    }
    const read = readParagraph(node, styles);
    const { text } = read;
    const at = (offset: number): Position => ({ line, column: Math.max(0, Math.min(offset, text.length)) + 1 });
    hidden.push(...hiddenBlocks(read, at));
    read.textBoxes.forEach((box) => textBoxBlocks(box, styles, at(box.offset), outside, hidden));
    // A paragraph whose text is all hidden is no heading: the reader sees none.
    const depth = inTable || (read.hidden.length > 0 && text.trim() === "") ? undefined : headingDepth(childrenOf(node), styles);
    const block: TextBlock = { kind: depth ? "heading" : inTable ? "table-cell" : "paragraph", text, at };
    blocks.push(block);
    if (depth) {
      const heading: Heading = { line, column: 1, text: text.replace(/\s+/gu, " ").trim(), depth };
      headings.push(heading);
      if (depth === 2) {
        close();
        current = { heading, body: [] };
        return;
      }
    }
    current?.body.push(block);
  });
  close();

  try {
    const read = new Set<string>();
    for (const { part, label } of references) {
      if (read.has(part) || !parts[part]) continue;
      read.add(part);
      partBlocks(childrenOf(parse(parts[part]!).find((n) => tagOf(n) === "w:hdr" || tagOf(n) === "w:ftr")), label, styles, outside, hidden);
    }
    notes(parts[FOOTNOTES], "w:footnotes", "w:footnote", "fotnot", styles, outside, hidden);
    notes(parts[ENDNOTES], "w:endnotes", "w:endnote", "slutnot", styles, outside, hidden);
  } catch {
    return notDocx("Word-dokumentets sidhuvuden, sidfötter eller fotnoter går inte att läsa.");
  }
  outside.push(...propertyBlocks(parts[CORE], parts[CUSTOM]));

  return {
    lineUnit: "stycke",
    outline: { headings, ...(signatures ? { signatures } : {}), end: { line: Math.max(1, paragraphs.length), column: 1 } },
    sections,
    blocks,
    ...(outside.length > 0 ? { outside } : {}),
    ...(hidden.length > 0 ? { hidden } : {}),
    dates: documentDates(parts[CUSTOM], blocks),
    findings: [],
  };
}

/**
 * The report's date and the last day to answer, from the custom properties
 * remiss writes (`Datum`, `SvarSenast`), each placed at the first paragraph
 * that shows it (the document info on page 1 for the date), else at the
 * first paragraph; and the organs' dates (`Behandlats`), each at the
 * paragraph that names the organ.
 */
function documentDates(customXml: Uint8Array | undefined, blocks: readonly TextBlock[]): CheckDocument["dates"] {
  const properties = new Map([...customProperties(customXml)].map(([name, value]) => [name, value.trim()]));
  const date = (name: string) => {
    const value = properties.get(name);
    if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/u.test(value)) return undefined;
    const index = blocks.findIndex((b) => b.text.includes(value));
    return { value, ...(index === -1 ? { line: 1, column: 1 } : blocks[index]!.at(blocks[index]!.text.indexOf(value))) };
  };
  const datum = date("Datum");
  const svarSenast = date("SvarSenast");
  // "2025-10-06 förvaltningsgruppen; 2025-10-08 pensionärsrådet", each placed at the paragraph that names the organ.
  const behandlats = (properties.get("Behandlats") ?? "")
    .split(";")
    .map((item) => /^\s*(\d{4}-\d{2}-\d{2})(?:\s+(.+?))?\s*$/u.exec(item))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => {
      const organ = match[2];
      const index = organ ? blocks.findIndex((b) => b.kind !== "heading" && b.text.includes(organ)) : -1;
      const at = index === -1 ? { line: 1, column: 1 } : blocks[index]!.at(blocks[index]!.text.indexOf(organ!));
      return { value: match[1]!, ...at, ...(organ ? { organ } : {}) };
    });
  return { behandlats, ...(datum ? { datum } : {}), ...(svarSenast ? { svarSenast } : {}) };
}

const DOCUMENT = "word/document.xml";
const DOCUMENT_RELS = "word/_rels/document.xml.rels";
const STYLES = "word/styles.xml";
const FOOTNOTES = "word/footnotes.xml";
const ENDNOTES = "word/endnotes.xml";
const CORE = "docProps/core.xml";
const CUSTOM = "docProps/custom.xml";
const PARTS: ReadonlySet<string> = new Set([DOCUMENT, DOCUMENT_RELS, STYLES, FOOTNOTES, ENDNOTES, CORE, CUSTOM]);

/** A header or footer that a section of the document shows, and how a message names it. */
interface PartReference {
  readonly part: string;
  readonly label: string;
}

const REFERENCE_LABELS: Record<string, Record<string, string>> = {
  header: { default: "sidhuvudet", first: "sidhuvudet på första sidan", even: "sidhuvudet på jämna sidor" },
  footer: { default: "sidfoten", first: "sidfoten på första sidan", even: "sidfoten på jämna sidor" },
};

/**
 * The headers and footers the document's sections refer to (`w:headerReference`
 * in a `w:sectPr`), resolved through the document's relationships; a part no
 * section shows is not read, as Word does not show it either.
 */
function headerFooterReferences(documentXml: Uint8Array, relsXml: Uint8Array | undefined): PartReference[] {
  if (!relsXml) return [];
  const targets = new Map<string, string>();
  for (const tag of strFromU8(relsXml).match(/<Relationship\b[^>]*>/gu) ?? []) {
    const id = /\bId="([^"]*)"/u.exec(tag)?.[1];
    const target = /\bTarget="([^"]*)"/u.exec(tag)?.[1];
    if (id && target && !/\bTargetMode="External"/u.test(tag)) targets.set(id, target.startsWith("/") ? target.slice(1) : `word/${target}`);
  }
  const references: PartReference[] = [];
  for (const match of strFromU8(documentXml).matchAll(/<w:(header|footer)Reference\b([^>]*)>/gu)) {
    const type = /\bw:type="([^"]*)"/u.exec(match[2]!)?.[1] ?? "default";
    const part = targets.get(/\br:id="([^"]*)"/u.exec(match[2]!)?.[1] ?? "");
    const labels = REFERENCE_LABELS[match[1]!]!;
    if (part) references.push({ part, label: labels[type] ?? labels.default! });
  }
  return references;
}

/** The id of the section without a heading whose bookmark starts in this paragraph, if any. */
function untitledSectionId(children: readonly XmlNode[]): string | undefined {
  for (const child of children) {
    if (tagOf(child) !== "w:bookmarkStart") continue;
    const name = attribute(child, "w:name");
    if (name?.startsWith(SECTION_BOOKMARK_PREFIX)) {
      const key = name.slice(SECTION_BOOKMARK_PREFIX.length);
      return SECTIONS.find((s) => sectionBookmark(s.id) === name)?.id ?? key;
    }
  }
  return undefined;
}

/** Paragraph start tags (`<w:p>`, `<w:p …>`, `<w:p/>`), counted on the bytes before any parsing. */
function countParagraphs(xml: Uint8Array | undefined): number {
  if (!xml) return 0;
  let count = 0;
  for (let i = xml.indexOf(0x3c); i !== -1 && i + 4 < xml.length; i = xml.indexOf(0x3c, i + 1)) {
    // "<w:p" followed by ">", "/" or white space
    if (xml[i + 1] === 0x77 && xml[i + 2] === 0x3a && xml[i + 3] === 0x70) {
      const next = xml[i + 4]!;
      if (next === 0x3e || next === 0x2f || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d) count++;
    }
  }
  return count;
}

function notDocx(problem: string, advice = " Öppna den i Word och spara den på nytt som Word-dokument (.docx)."): CheckDocument {
  return emptyDocument(
    [
      {
        line: 0,
        column: 0,
        severity: "error",
        rule: "fil/docx",
        message: `${problem}${advice}`,
      },
    ],
    "stycke",
  );
}

/** fast-xml-parser's ordered form: `{ "w:p": [...children], ":@": {attributes} }` or `{ "#text": "…" }`. */
/** Containers of paragraphs at block level: tables, content controls, custom XML, tracked moves and insertions. */
const BLOCK_CONTAINERS = new Set(["w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent", "w:customXml", "w:ins", "w:moveTo"]);

function collectParagraphs(nodes: readonly XmlNode[], inTable: boolean, out: { node: XmlNode; inTable: boolean }[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "w:p") out.push({ node, inTable });
    else if (tag && BLOCK_CONTAINERS.has(tag)) collectParagraphs(childrenOf(node), inTable || tag === "w:tbl", out);
  }
}

/** Run content that is not text of the paragraph: properties, deleted text, field codes, drawings and text boxes. */
const SKIPPED = new Set([
  "w:pPr",
  "w:rPr",
  "w:del",
  "w:moveFrom",
  "w:delText",
  "w:instrText",
  "w:fldChar",
  "w:object",
  "w:footnoteReference",
  "w:endnoteReference",
  "w:commentReference",
]);

/** A drawing or a VML picture, which may hold a text box. */
const PICTURES = new Set(["w:drawing", "w:pict", "mc:AlternateContent"]);

/** What a paragraph shows, and what it holds that it does not show. */
interface ReadParagraph {
  /** The text a reader sees: the runs' `w:t`, tabs and line breaks as spaces. */
  readonly text: string;
  /** Hidden runs, each run of them at the offset in `text` where it stands. */
  readonly hidden: { offset: number; text: string }[];
  /** The paragraphs of each text box anchored in the paragraph, at the offset where it is anchored. */
  readonly textBoxes: { offset: number; paragraphs: XmlNode[] }[];
}

function readParagraph(paragraph: XmlNode, styles: Styles): ReadParagraph {
  const children = childrenOf(paragraph);
  const styleId = attribute(find(childrenOf(find(children, "w:pPr")), "w:pStyle"), "w:val") ?? styles.defaultParagraph;
  const read: ReadParagraph & { text: string } = { text: "", hidden: [], textBoxes: [] };
  const add = (text: string, hidden: boolean) => {
    if (!hidden) read.text += text;
    else {
      const last = read.hidden.at(-1);
      if (last && last.offset === read.text.length) last.text += text;
      else read.hidden.push({ offset: read.text.length, text });
    }
  };
  const visit = (nodes: readonly XmlNode[], hidden: boolean) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (!tag || SKIPPED.has(tag)) continue;
      if (tag === "w:t") {
        for (const child of childrenOf(node)) if (typeof child["#text"] === "string") add(child["#text"], hidden);
      } else if (tag === "w:tab" || tag === "w:ptab" || tag === "w:br" || tag === "w:cr") {
        add(" ", hidden);
      } else if (tag === "w:noBreakHyphen") {
        add("-", hidden);
      } else if (PICTURES.has(tag)) {
        const paragraphs: XmlNode[] = [];
        textBoxParagraphs([node], paragraphs);
        if (paragraphs.length > 0) read.textBoxes.push({ offset: read.text.length, paragraphs });
      } else if (tag === "w:r") {
        visit(childrenOf(node), runHidden(node, styleId, styles));
      } else {
        visit(childrenOf(node), hidden);
      }
    }
  };
  visit(children, styles.byId.get(styleId ?? "")?.hidden ?? false);
  return read;
}

/** Whether a run is hidden: its own `w:vanish`, else its character style's, else its paragraph style's. */
function runHidden(run: XmlNode, paragraphStyle: string | undefined, styles: Styles): boolean {
  const properties = childrenOf(find(childrenOf(run), "w:rPr"));
  const vanish = find(properties, "w:vanish");
  if (vanish) return isOn(vanish);
  const runStyle = styles.byId.get(attribute(find(properties, "w:rStyle"), "w:val") ?? "")?.hidden;
  return runStyle ?? styles.byId.get(paragraphStyle ?? "")?.hidden ?? false;
}


/**
 * The paragraphs of the text boxes (`w:txbxContent`) in a drawing. Of
 * `mc:AlternateContent`, only the choice is read: its fallback is the same
 * text box again for older programs.
 */
function textBoxParagraphs(nodes: readonly XmlNode[], out: XmlNode[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "w:txbxContent") {
      const found: { node: XmlNode; inTable: boolean }[] = [];
      collectParagraphs(childrenOf(node), false, found);
      out.push(...found.map((f) => f.node));
    } else if (tag === "mc:AlternateContent") {
      const children = childrenOf(node);
      textBoxParagraphs([find(children, "mc:Choice") ?? find(children, "mc:Fallback") ?? {}], out);
    } else if (tag && tag !== "#text" && tag !== "w:t") textBoxParagraphs(childrenOf(node), out);
  }
}

/** The hidden runs of a paragraph, as blocks at the place in the paragraph where they stand. */
function hiddenBlocks(read: ReadParagraph, at: (offset: number) => Position): TextBlock[] {
  return read.hidden.map(({ offset, text }) => ({ kind: "paragraph", text, at: () => at(offset) }));
}

/** The paragraphs of a text box, placed at the paragraph that holds it (`part` says they are in a text box). */
function textBoxBlocks(box: ReadParagraph["textBoxes"][number], styles: Styles, host: Position, outside: TextBlock[], hidden: TextBlock[]): void {
  const part = `en textruta i ${host.part ?? `stycke ${host.line}`}`;
  for (const node of box.paragraphs) {
    const read = readParagraph(node, styles);
    const { text } = read;
    const at = (offset: number): Position => ({ line: host.line, column: Math.max(0, Math.min(offset, text.length)) + 1, part });
    outside.push({ kind: "paragraph", text, at });
    hidden.push(...hiddenBlocks(read, at));
  }
}

/** A header's, footer's or note's paragraphs, numbered from 1 within it. */
function partBlocks(nodes: readonly XmlNode[], part: string, styles: Styles, outside: TextBlock[], hidden: TextBlock[]): void {
  const paragraphs: { node: XmlNode; inTable: boolean }[] = [];
  collectParagraphs(nodes, false, paragraphs);
  paragraphs.forEach(({ node, inTable }, index) => {
    const read = readParagraph(node, styles);
    const { text } = read;
    const at = (offset: number): Position => ({ line: index + 1, column: Math.max(0, Math.min(offset, text.length)) + 1, part: `${part}, stycke ${index + 1}` });
    outside.push({ kind: inTable ? "table-cell" : "paragraph", text, at });
    hidden.push(...hiddenBlocks(read, at));
    read.textBoxes.forEach((box) => textBoxBlocks(box, styles, at(box.offset), outside, hidden));
  });
}

/** The footnotes or endnotes a reader sees, numbered as Word numbers them; the separators are none of them. */
function notes(xml: Uint8Array | undefined, rootTag: string, noteTag: string, word: string, styles: Styles, outside: TextBlock[], hidden: TextBlock[]): void {
  if (!xml) return;
  let number = 0;
  for (const note of childrenOf(find(parse(xml), rootTag))) {
    if (tagOf(note) !== noteTag) continue;
    const type = attribute(note, "w:type");
    if (type !== undefined && type !== "normal") continue;
    partBlocks(childrenOf(note), `${word} ${++number}`, styles, outside, hidden);
  }
}

/** What Word calls the document properties it shows (File › Info), by element of docProps/core.xml. */
const CORE_PROPERTIES: Record<string, string> = {
  "dc:title": "Rubrik",
  "dc:subject": "Ämne",
  "dc:creator": "Författare",
  "cp:keywords": "Nyckelord",
  "dc:description": "Kommentarer",
  "cp:category": "Kategori",
  "cp:contentStatus": "Status",
  "cp:lastModifiedBy": "Senast sparad av",
};

/** The document properties as text: core.xml's (title, subject, …) and each custom property's value. */
function propertyBlocks(coreXml: Uint8Array | undefined, customXml: Uint8Array | undefined): TextBlock[] {
  const found: { name: string; value: string }[] = [];
  try {
    for (const node of childrenOf(find(coreXml ? parse(coreXml) : [], "cp:coreProperties"))) {
      const name = CORE_PROPERTIES[tagOf(node) ?? ""];
      const value = childrenOf(node).map((t) => t["#text"]).filter((t) => typeof t === "string").join("");
      if (name && value.trim() !== "") found.push({ name, value });
    }
  } catch {
    // Properties a program other than remiss broke: the document itself is still checked.
  }
  for (const [name, value] of customProperties(customXml)) if (value.trim() !== "") found.push({ name, value });
  return found.map(({ name, value }) => ({ kind: "paragraph", text: value, at: () => ({ line: 0, column: 0, part: `dokumentegenskapen ${quote(name)}` }) }));
}

/** The custom properties (docProps/custom.xml): name → text value. */
function customProperties(customXml: Uint8Array | undefined): Map<string, string> {
  const properties = new Map<string, string>();
  try {
    for (const node of childrenOf(find(customXml ? parse(customXml) : [], "Properties"))) {
      const name = attribute(node, "name");
      const value = childrenOf(node).flatMap(childrenOf).map((t) => t["#text"]).find((t) => typeof t === "string");
      if (name && typeof value === "string") properties.set(name, value);
    }
  } catch {
    // Properties a program other than remiss broke: no dates, nothing else lost.
  }
  return properties;
}

interface StyleInfo {
  readonly name?: string;
  readonly outlineLevel?: number;
  /** Whether the style hides its text (`w:vanish` in its run properties, or in a style it is based on). */
  readonly hidden?: boolean;
}

interface Styles {
  readonly byId: ReadonlyMap<string, StyleInfo>;
  /** The paragraph style of a paragraph that names none. */
  readonly defaultParagraph?: string;
}

function readStyles(xml: Uint8Array | undefined): Styles {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return { byId: styles };
  const own = new Map<string, { vanish?: boolean; basedOn?: string }>();
  let defaultParagraph: string | undefined;
  for (const node of childrenOf(find(parse(xml), "w:styles"))) {
    const id = tagOf(node) === "w:style" ? attribute(node, "w:styleId") : undefined;
    if (!id) continue;
    const children = childrenOf(node);
    const name = attribute(find(children, "w:name"), "w:val");
    const level = attribute(find(childrenOf(find(children, "w:pPr")), "w:outlineLvl"), "w:val");
    const vanish = find(childrenOf(find(children, "w:rPr")), "w:vanish");
    const basedOn = attribute(find(children, "w:basedOn"), "w:val");
    if (attribute(node, "w:type") === "paragraph" && /^(?:1|true|on)$/iu.test(attribute(node, "w:default") ?? "")) defaultParagraph ??= id;
    own.set(id, { ...(vanish ? { vanish: isOn(vanish) } : {}), ...(basedOn ? { basedOn } : {}) });
    styles.set(id, { ...(name ? { name } : {}), ...(level !== undefined ? { outlineLevel: Number(level) } : {}) });
  }
  // A style hides what the nearest style in its chain that says so says (a chain is at most a few styles long; a loop ends it).
  for (const [id, info] of styles) {
    let at: string | undefined = id;
    for (let depth = 0; at !== undefined && depth < 20; depth++) {
      const step = own.get(at);
      if (step?.vanish !== undefined) {
        styles.set(id, { ...info, hidden: step.vanish });
        break;
      }
      at = step?.basedOn;
    }
  }
  return { byId: styles, ...(defaultParagraph ? { defaultParagraph } : {}) };
}


/** 1 for the title, 2–9 for headings; undefined for body text. */
/** A paragraph in the closing sentence's or the signatures' style, as the DOCX writer marks them. */
function isClosing(paragraph: readonly XmlNode[]): boolean {
  const styleId = attribute(find(childrenOf(find(paragraph, "w:pPr")), "w:pStyle"), "w:val");
  return styleId === CLOSING_STYLES.closing || styleId === CLOSING_STYLES.signature;
}

function headingDepth(paragraph: readonly XmlNode[], styles: Styles): number | undefined {
  const properties = childrenOf(find(paragraph, "w:pPr"));
  return headingLevel(attribute(find(properties, "w:pStyle"), "w:val"), properties, styles.byId);
}
