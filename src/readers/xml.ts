import { XMLParser } from "fast-xml-parser";

/**
 * XML as fast-xml-parser's ordered form, with small accessors: the one way
 * the readers walk a part of a Word document. A node is
 * `{ "w:p": [...children], ":@": {attributes} }` or `{ "#text": "…" }`.
 */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

/** Parses after validating: a truncated or broken part throws rather than reading as empty. */
export function parseXml(xml: string | Uint8Array): XmlNode[] {
  const text = typeof xml === "string" ? xml : DECODER.decode(xml);
  return parser.parse(text, true) as XmlNode[];
}
const DECODER = new TextDecoder();

export function tagOf(node: XmlNode): string | undefined {
  for (const key of Object.keys(node)) if (key !== ":@") return key;
  return undefined;
}

export function childrenOf(node: XmlNode | undefined): XmlNode[] {
  const tag = node && tagOf(node);
  const value = tag ? node[tag] : undefined;
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const attributes = node?.[":@"] as Record<string, unknown> | undefined;
  const value = attributes?.[name];
  return typeof value === "string" ? value : undefined;
}

export function find(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}

/** The text directly inside an element (`<w:t>text</w:t>`). */
export function textOf(node: XmlNode | undefined): string {
  let text = "";
  for (const child of childrenOf(node)) if (typeof child["#text"] === "string") text += child["#text"];
  return text;
}

/** An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): on unless its value says off. */
export function isOn(node: XmlNode | undefined): boolean {
  if (!node) return false;
  const value = attribute(node, "w:val");
  return value === undefined || !/^(?:0|false|off|none)$/iu.test(value);
}
