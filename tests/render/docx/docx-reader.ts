import { XMLParser } from "fast-xml-parser";
import { docxParts } from "../../support/docx.js";

export { docxParts };

/**
 * Reads a DOCX back for the tests: its parts, the body as paragraphs and
 * tables, the numbering. Independent of the writer's code, so the tests
 * check the file, not the writer's idea of it.
 */

/** A parsed XML element, as fast-xml-parser gives it with preserveOrder. */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

export function part(bytes: Uint8Array, name: string): string {
  const text = docxParts(bytes)[name];
  if (text === undefined) throw new Error(`no part ${name} in the DOCX`);
  return text;
}

export function parseXml(xml: string): XmlNode[] {
  return parser.parse(xml) as XmlNode[];
}

export function tagOf(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ":@") ?? "";
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attrOf(node: XmlNode, name: string): string | undefined {
  return (node[":@"] as Record<string, string> | undefined)?.[name];
}

export function child(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** All descendants (and the nodes themselves) with the tag, in document order. */
export function findAll(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  const found: XmlNode[] = [];
  const visit = (node: XmlNode) => {
    if (tagOf(node) === tag) found.push(node);
    for (const c of childrenOf(node)) visit(c);
  };
  nodes.forEach(visit);
  return found;
}

export interface DocxParagraph {
  readonly kind: "p";
  readonly style: string | undefined;
  /** Text of the runs; `w:br` is "\n", `w:tab` "\t"; field instructions left out. */
  readonly text: string;
  readonly numId: string | undefined;
  readonly ilvl: string | undefined;
  readonly framed: boolean;
  readonly node: XmlNode;
}

export interface DocxTable {
  readonly kind: "tbl";
  /** rows → cells → paragraphs */
  readonly rows: DocxParagraph[][][];
  readonly node: XmlNode;
}

export type DocxBlock = DocxParagraph | DocxTable;

export function readParagraph(node: XmlNode): DocxParagraph {
  const pPr = child(node, "w:pPr");
  const numPr = pPr && child(pPr, "w:numPr");
  const styleNode = pPr && child(pPr, "w:pStyle");
  return {
    kind: "p",
    style: styleNode && attrOf(styleNode, "w:val"),
    text: runText(node),
    numId: numPr && attrOf(child(numPr, "w:numId") ?? {}, "w:val"),
    ilvl: numPr && attrOf(child(numPr, "w:ilvl") ?? {}, "w:val"),
    framed: pPr !== undefined && child(pPr, "w:framePr") !== undefined,
    node,
  };
}

function runText(node: XmlNode): string {
  let text = "";
  const visit = (n: XmlNode) => {
    const tag = tagOf(n);
    if (tag === "w:pPr" || tag === "w:rPr" || tag === "w:instrText") return;
    if (tag === "w:t") text += childrenOf(n).map((t) => String(t["#text"] ?? "")).join("");
    else if (tag === "w:br") text += "\n";
    else if (tag === "w:tab") text += "\t";
    else childrenOf(n).forEach(visit);
  };
  childrenOf(node).forEach(visit);
  return text;
}

export function readTable(node: XmlNode): DocxTable {
  const rows = childrenOf(node)
    .filter((r) => tagOf(r) === "w:tr")
    .map((row) =>
      childrenOf(row)
        .filter((c) => tagOf(c) === "w:tc")
        .map((cell) => childrenOf(cell).filter((p) => tagOf(p) === "w:p").map(readParagraph)),
    );
  return { kind: "tbl", rows, node };
}

/** The blocks directly in a part's root element (w:body, w:hdr, w:ftr). */
export function blocksOf(xml: string): DocxBlock[] {
  const root = parseXml(xml).find((n) => ["w:document", "w:hdr", "w:ftr"].includes(tagOf(n)));
  if (!root) throw new Error("not a document, header or footer part");
  const container = tagOf(root) === "w:document" ? child(root, "w:body") : root;
  return childrenOf(container ?? {}).flatMap((n): DocxBlock[] => {
    if (tagOf(n) === "w:p") return [readParagraph(n)];
    if (tagOf(n) === "w:tbl") return [readTable(n)];
    return [];
  });
}

export function bodyBlocks(bytes: Uint8Array): DocxBlock[] {
  return blocksOf(part(bytes, "word/document.xml"));
}

/** Every paragraph of the blocks, table cells included, in reading order. */
export function allParagraphs(blocks: readonly DocxBlock[]): DocxParagraph[] {
  return blocks.flatMap((b) => (b.kind === "p" ? [b] : b.rows.flat(2)));
}

/** All the text of a part (header, footer, document), paragraphs separated by "\n". */
export function partText(xml: string): string {
  return allParagraphs(blocksOf(xml))
    .map((p) => p.text)
    .join("\n");
}

export interface NumberingInstance {
  readonly abstractNumId: string;
  /** Start overrides by level. */
  readonly startOverrides: Record<string, string>;
}

export interface AbstractLevel {
  readonly numFmt: string | undefined;
  readonly start: string | undefined;
  readonly lvlText: string | undefined;
}

export function readNumbering(bytes: Uint8Array): {
  nums: Map<string, NumberingInstance>;
  abstracts: Map<string, Record<string, AbstractLevel>>;
} {
  const root = parseXml(part(bytes, "word/numbering.xml"));
  const nums = new Map<string, NumberingInstance>();
  for (const num of findAll(root, "w:num")) {
    const startOverrides: Record<string, string> = {};
    for (const override of childrenOf(num).filter((c) => tagOf(c) === "w:lvlOverride")) {
      const start = child(override, "w:startOverride");
      if (start) startOverrides[attrOf(override, "w:ilvl") ?? ""] = attrOf(start, "w:val") ?? "";
    }
    nums.set(attrOf(num, "w:numId") ?? "", {
      abstractNumId: attrOf(child(num, "w:abstractNumId") ?? {}, "w:val") ?? "",
      startOverrides,
    });
  }
  const abstracts = new Map<string, Record<string, AbstractLevel>>();
  for (const abstract of findAll(root, "w:abstractNum")) {
    const levels: Record<string, AbstractLevel> = {};
    for (const lvl of childrenOf(abstract).filter((c) => tagOf(c) === "w:lvl")) {
      levels[attrOf(lvl, "w:ilvl") ?? ""] = {
        numFmt: attrOf(child(lvl, "w:numFmt") ?? {}, "w:val"),
        start: attrOf(child(lvl, "w:start") ?? {}, "w:val"),
        lvlText: attrOf(child(lvl, "w:lvlText") ?? {}, "w:val"),
      };
    }
    abstracts.set(attrOf(abstract, "w:abstractNumId") ?? "", levels);
  }
  return { nums, abstracts };
}

/** The text of one element of docProps/core.xml, or undefined. */
export function coreProperty(bytes: Uint8Array, tag: string): string | undefined {
  const root = parseXml(part(bytes, "docProps/core.xml"));
  const [node] = findAll(root, tag);
  return node ? childrenOf(node).map((t) => String(t["#text"] ?? "")).join("") : undefined;
}

export interface ZipEntry {
  readonly name: string;
  readonly dosTime: number;
  readonly dosDate: number;
}

/** The local file headers of a zip, in the order they stand in the file. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: ZipEntry[] = [];
  let offset = 0;
  while (offset + 30 <= bytes.length && view.getUint32(offset, true) === 0x04034b50) {
    const compressedSize = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(offset + 30, offset + 30 + nameLength)),
      dosTime: view.getUint16(offset + 10, true),
      dosDate: view.getUint16(offset + 12, true),
    });
    offset += 30 + nameLength + extraLength + compressedSize;
  }
  return entries;
}
