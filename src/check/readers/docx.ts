import { XMLParser } from "fast-xml-parser";
import { strFromU8 } from "fflate";
import { formatCount, LIMITS } from "../../model/limits.js";
import { CLOSING_STYLES } from "../../model/sections.js";
import { emptyDocument, type CheckDocument, type Heading, type Position, type Section, type TextBlock } from "../document.js";
import { sectionAt } from "../sections.js";
import { readZipEntries, ZipProblem } from "./zip.js";

/**
 * DOCX → CheckDocument. Reads `word/document.xml` (and `word/styles.xml` for
 * style names). A paragraph's "line" is its number among the body's
 * paragraphs, table cells included, counted from 1; its "column" is the
 * character in the paragraph, from 1. Headings come from paragraph styles:
 * Title or Heading 1 is the title, Heading 2 opens a section, Heading 3 and
 * deeper are the writer's own headings. Localized style ids (`Rubrik2`) and
 * outline levels work too.
 */
export function readDocx(bytes: Uint8Array): CheckDocument {
  let entries: Map<string, Uint8Array>;
  try {
    entries = readZipEntries(bytes, PARTS);
  } catch (error) {
    if (error instanceof ZipProblem && error.limit) return notDocx(error.message, "");
    return notDocx(error instanceof ZipProblem ? error.message : "Filen går inte att öppna som Word-dokument: den är skadad eller inte en DOCX-fil.");
  }
  const parts = Object.fromEntries(entries) as Partial<Record<string, Uint8Array>>;
  const documentXml = parts[DOCUMENT];
  if (!documentXml) return notDocx("Filen är en zip-fil men inget Word-dokument (word/document.xml saknas).");
  const paragraphCount = countParagraphs(documentXml);
  if (paragraphCount > LIMITS.docxParagraphs) {
    return notDocx(`Word-dokumentet har ${formatCount(paragraphCount)} stycken; remiss granskar högst ${formatCount(LIMITS.docxParagraphs)}, långt mer än ett tjänsteutlåtande har.`, "");
  }

  let body: XmlNode[];
  let styles: Map<string, StyleInfo>;
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
  let current: { heading: Heading; body: TextBlock[] } | undefined;
  let signatures: Position | undefined;
  paragraphs.forEach(({ node, inTable }, index) => {
    const line = index + 1;
    if (!signatures && isClosing(childrenOf(node))) {
      // The closing sentence and the signatures end the sections.
      signatures = { line, column: 1 };
      if (current) sections.push(sectionAt(current.heading, current.body));
      current = undefined;
    }
    const text = paragraphText(childrenOf(node));
    const depth = inTable ? undefined : headingDepth(childrenOf(node), styles);
    const block: TextBlock = {
      kind: depth ? "heading" : inTable ? "table-cell" : "paragraph",
      text,
      at: (offset) => ({ line, column: Math.max(0, Math.min(offset, text.length)) + 1 }),
    };
    blocks.push(block);
    if (depth) {
      const heading: Heading = { line, column: 1, text: text.replace(/\s+/gu, " ").trim(), depth };
      headings.push(heading);
      if (depth === 2) {
        if (current) sections.push(sectionAt(current.heading, current.body));
        current = { heading, body: [] };
        return;
      }
    }
    current?.body.push(block);
  });
  if (current) sections.push(sectionAt(current.heading, current.body));

  return {
    lineUnit: "stycke",
    outline: { headings, ...(signatures ? { signatures } : {}), end: { line: Math.max(1, paragraphs.length), column: 1 } },
    sections,
    blocks,
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
  const properties = new Map<string, string>();
  try {
    for (const node of childrenOf(find(customXml ? parse(customXml) : [], "Properties"))) {
      const name = attribute(node, "name");
      const value = childrenOf(node).flatMap(childrenOf).map((t) => t["#text"]).find((t) => typeof t === "string");
      if (name && typeof value === "string") properties.set(name, value.trim());
    }
  } catch {
    // Properties a program other than remiss broke: no dates, nothing else lost.
  }
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
const STYLES = "word/styles.xml";
const CUSTOM = "docProps/custom.xml";
const PARTS: ReadonlySet<string> = new Set([DOCUMENT, STYLES, CUSTOM]);

/** Paragraph start tags (`<w:p>`, `<w:p …>`, `<w:p/>`), counted on the bytes before any parsing. */
function countParagraphs(xml: Uint8Array): number {
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
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

/** Parses after validating: a truncated or broken part throws rather than reading as an empty document. */
function parse(xml: Uint8Array): XmlNode[] {
  return parser.parse(strFromU8(xml), true) as XmlNode[];
}

function tagOf(node: XmlNode): string | undefined {
  for (const key of Object.keys(node)) if (key !== ":@") return key;
  return undefined;
}

function childrenOf(node: XmlNode | undefined): XmlNode[] {
  const tag = node && tagOf(node);
  const value = tag ? node[tag] : undefined;
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const attributes = node?.[":@"] as Record<string, unknown> | undefined;
  const value = attributes?.[name];
  return typeof value === "string" ? value : undefined;
}

function find(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}

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
  "w:drawing",
  "w:pict",
  "w:object",
  "mc:AlternateContent",
  "w:footnoteReference",
  "w:endnoteReference",
  "w:commentReference",
]);

/** A paragraph's text: the runs' `w:t`, tabs and line breaks as spaces. */
function paragraphText(nodes: readonly XmlNode[]): string {
  let text = "";
  for (const node of nodes) {
    const tag = tagOf(node);
    if (!tag || SKIPPED.has(tag)) continue;
    if (tag === "w:t") {
      for (const child of childrenOf(node)) if (typeof child["#text"] === "string") text += child["#text"];
    } else if (tag === "w:tab" || tag === "w:ptab" || tag === "w:br" || tag === "w:cr") {
      text += " ";
    } else if (tag === "w:noBreakHyphen") {
      text += "-";
    } else {
      text += paragraphText(childrenOf(node));
    }
  }
  return text;
}

interface StyleInfo {
  readonly name?: string;
  readonly outlineLevel?: number;
}

function readStyles(xml: Uint8Array | undefined): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  for (const node of childrenOf(find(parse(xml), "w:styles"))) {
    const id = tagOf(node) === "w:style" ? attribute(node, "w:styleId") : undefined;
    if (!id) continue;
    const children = childrenOf(node);
    const name = attribute(find(children, "w:name"), "w:val");
    const level = attribute(find(childrenOf(find(children, "w:pPr")), "w:outlineLvl"), "w:val");
    styles.set(id, { ...(name ? { name } : {}), ...(level !== undefined ? { outlineLevel: Number(level) } : {}) });
  }
  return styles;
}

const TITLE_STYLE = /^(?:title|rubrik)$/iu;
const HEADING_STYLE = /^(?:heading|rubrik)\s*([1-9])$/iu;

/** 1 for the title, 2–9 for headings; undefined for body text. */
/** A paragraph in the closing sentence's or the signatures' style, as the DOCX writer marks them. */
function isClosing(paragraph: readonly XmlNode[]): boolean {
  const styleId = attribute(find(childrenOf(find(paragraph, "w:pPr")), "w:pStyle"), "w:val");
  return styleId === CLOSING_STYLES.closing || styleId === CLOSING_STYLES.signature;
}

function headingDepth(paragraph: readonly XmlNode[], styles: Map<string, StyleInfo>): number | undefined {
  const properties = childrenOf(find(paragraph, "w:pPr"));
  const styleId = attribute(find(properties, "w:pStyle"), "w:val");
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
