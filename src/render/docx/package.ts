import { zipSync, type Zippable } from "fflate";
import type { PackageParts } from "./document.js";
import type { AppProperties, CoreProperties } from "./properties.js";
import { cleanStyles, swedishTabStop, usedStyleIds } from "./style-cleanup.js";
import { signCustomXml } from "../../output/fingerprint.js";
import type { LabelName } from "../../model/husstil.js";
import { captionSignatureTables } from "./table-captions.js";

/**
 * The packaging step, after docx has packed the document: makes the file
 * byte-reproducible and writes the document properties.
 *
 * - docx names some relationships (hyperlinks, among others) with random
 *   ids; every id that is not already `rIdN` is renamed `rIdN`, numbered on
 *   from the part's highest, consistently in every part.
 * - docx numbers drawings (`wp:docPr`) by a counter that runs on over
 *   every document the process makes, so a document's numbers would depend
 *   on the cases drafted before it; they are numbered 1, 2, … again, in
 *   the order of the parts.
 * - The separator and continuation-separator notes are written as Word
 *   writes them, a paragraph with one run holding only the separator: docx
 *   puts a note-reference run before it, which Word repairs ("Word found
 *   unreadable content") on every document.
 * - docProps/core.xml is written anew: fixed timestamps and dc:language,
 *   which docx does not write; docProps/app.xml gets the application and
 *   the company, which docx leaves empty.
 * - The styles are cleaned (style-cleanup.ts) and the default tab stop is
 *   Swedish Word's; the signature table gets its caption (table-captions.ts).
 * - custom.xml records the fingerprint of what the document says, so that
 *   a later `draft` sees an edit made in Word (src/output/fingerprint.ts).
 * - The zip is written again with the entries in a fixed order and the
 *   same time on every entry, whatever the clock and the time zone.
 */
export function packageDocx(parts: PackageParts, core: CoreProperties, app: AppProperties, labels?: Readonly<Record<LabelName, string>>): Uint8Array {
  const names = [...parts.keys()].sort(comparePartNames);

  const texts = new Map<string, string>();
  const binaries = new Map<string, Uint8Array>();
  for (const name of names) {
    const data = parts.get(name)!;
    if (typeof data === "string") texts.set(name, data);
    else if (isXmlPart(name)) texts.set(name, DECODER.decode(data));
    else binaries.set(name, data);
  }

  const renames = randomRelationshipIds(names.filter((name) => name.endsWith(".rels")).map((name) => texts.get(name) ?? ""));
  for (const [name, text] of texts) texts.set(name, renameIds(text, renames));
  numberDrawings(texts);
  for (const part of NOTES_PARTS) {
    const notes = texts.get(part);
    if (notes !== undefined) texts.set(part, wordSeparators(notes));
  }
  texts.set(CORE_PART, coreXml(core));
  texts.set(APP_PART, appXml(app));
  const styles = texts.get(STYLES_PART);
  if (styles !== undefined) {
    const used = usedStyleIds([...texts].filter(([name]) => name.startsWith("word/") && name !== STYLES_PART).map(([, xml]) => xml));
    texts.set(STYLES_PART, cleanedStyles(styles, used));
  }
  const body = texts.get(DOCUMENT_PART);
  if (body !== undefined) texts.set(DOCUMENT_PART, captionSignatureTables(body, labels));
  const settings = texts.get(SETTINGS_PART);
  if (settings !== undefined) texts.set(SETTINGS_PART, swedishTabStop(settings));
  const custom = texts.get(CUSTOM_PART);
  if (custom !== undefined && texts.has(DOCUMENT_PART)) texts.set(CUSTOM_PART, signCustomXml(custom, texts));
  if (!names.includes(APP_PART)) names.splice(names.indexOf(CORE_PART), 0, APP_PART);
  for (const [name, text] of texts) refuseNonXmlCharacters(text, name);
  if (!names.includes(CORE_PART)) names.splice(names.indexOf("_rels/.rels") + 1, 0, CORE_PART);

  const mtime = zipTimestamp();
  const entries: Zippable = {};
  for (const name of names) {
    const text = texts.get(name);
    entries[name] = [text === undefined ? binaries.get(name)! : ENCODER.encode(text), { level: 1, mtime, os: 0, attrs: 0 }];
  }
  return zipSync(entries);
}

/** The styles part cleaned for the styles a document uses: the same few combinations come back in a run over many cases. */
function cleanedStyles(styles: string, used: ReadonlySet<string>): string {
  const key = `${[...used].sort().join(" ")}\u0000${styles}`;
  let cleaned = CLEANED.get(key);
  if (cleaned === undefined) {
    cleaned = cleanStyles(styles, used);
    if (CLEANED.size >= 32) CLEANED.delete(CLEANED.keys().next().value!);
    CLEANED.set(key, cleaned);
  }
  return cleaned;
}
const CLEANED = new Map<string, string>();

// Node's own UTF-8 coders: the same bytes as fflate's, without running its JavaScript ones cold.
const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

const CORE_PART = "docProps/core.xml";
const APP_PART = "docProps/app.xml";
const STYLES_PART = "word/styles.xml";
const DOCUMENT_PART = "word/document.xml";
const CUSTOM_PART = "docProps/custom.xml";
const SETTINGS_PART = "word/settings.xml";

/** [Content_Types].xml first and the package relationships second, as Word writes them; then by name. */
function comparePartNames(a: string, b: string): number {
  const rank = (name: string) => (name === "[Content_Types].xml" ? 0 : name === "_rels/.rels" ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

const NOTES_PARTS = ["word/footnotes.xml", "word/endnotes.xml"];

/** The separator notes without the reference run docx writes before `w:separator` / `w:continuationSeparator`. */
function wordSeparators(xml: string): string {
  return xml.replace(/<w:(footnote|endnote) w:type="(?:separator|continuationSeparator)"[^>]*>.*?<\/w:\1>/gsu, (note) =>
    note.replace(/<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:(?:footnote|endnote)Ref\/><\/w:r>/gsu, ""),
  );
}

function isXmlPart(name: string): boolean {
  return name.endsWith(".xml") || name.endsWith(".rels");
}

/**
 * Old id → new id for every relationship id that is not of the form rIdN,
 * numbered on from the highest rIdN of its relationships part, in the order
 * the parts and the relationships come.
 */
function randomRelationshipIds(relationshipParts: readonly string[]): Map<string, string> {
  const renames = new Map<string, string>();
  for (const xml of relationshipParts) {
    const ids = [...xml.matchAll(/<Relationship\b[^>]*?\sId="([^"]*)"/g)].map((match) => match[1]!);
    let next = Math.max(0, ...ids.map((id) => /^rId(\d+)$/.exec(id)).map((match) => (match ? Number(match[1]) : 0))) + 1;
    for (const id of ids) {
      if (!/^rId\d+$/.test(id) && !renames.has(id)) renames.set(id, `rId${next++}`);
    }
  }
  return renames;
}

/** Every drawing's id, `<wp:docPr id="N"`, numbered from 1 in the order of the parts and within each. */
function numberDrawings(texts: Map<string, string>): void {
  let next = 1;
  for (const [name, text] of texts) {
    if (text.includes("<wp:docPr ")) texts.set(name, text.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${next++}"`));
  }
}

/** Replaces each old id where it stands as a whole attribute value. */
function renameIds(xml: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return xml;
  return xml.replace(/="([^"]*)"/g, (whole, value: string) => {
    const renamed = renames.get(value);
    return renamed === undefined ? whole : `="${renamed}"`;
  });
}

/**
 * The same DOS date and time on every entry: 1980-01-01 00:00, the zip
 * format's epoch. fflate reads the local fields of the Date it is given, so
 * the Date is made from local fields too, which keeps it the same in every
 * time zone.
 */
function zipTimestamp(): Date {
  return new Date(1980, 0, 1, 0, 0, 0);
}

export function coreXml(core: CoreProperties): string {
  const element = (name: string, value: string | undefined) => (value === undefined || value === "" ? "" : `<${name}>${escapeXml(value)}</${name}>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
    ` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
    ` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    element("dc:title", core.title) +
    element("dc:subject", core.subject) +
    element("dc:creator", core.creator) +
    element("cp:keywords", core.keywords) +
    element("cp:lastModifiedBy", core.lastModifiedBy) +
    element("dc:language", core.language) +
    `<cp:revision>1</cp:revision>` +
    (core.created === undefined ? "" : `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(core.created)}</dcterms:created>`) +
    (core.modified === undefined ? "" : `<dcterms:modified xsi:type="dcterms:W3CDTF">${escapeXml(core.modified)}</dcterms:modified>`) +
    `</cp:coreProperties>`
  );
}

export function appXml(app: AppProperties): string {
  const element = (name: string, value: string | undefined) => (value === undefined || value === "" ? "" : `<${name}>${escapeXml(value)}</${name}>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"` +
    ` xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    element("Application", app.application) +
    element("Company", app.company) +
    `</Properties>`
  );
}

/** Text for an XML part the writer builds itself: escaped, and never a character XML 1.0 forbids. */
export function escapeXml(text: string): string {
  refuseNonXmlCharacters(text, "docProps");
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** C0 controls but tab, LF and CR; U+FFFE and U+FFFF; a surrogate that is not half of a pair. */
const NON_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/**
 * The last guard before a part is packed: the loader cleans every text a
 * user gives, so a character XML forbids here is a bug in remiss, never a
 * user's mistake, and a file Word cannot open must never be written.
 */
export function refuseNonXmlCharacters(text: string, part: string): void {
  const match = NON_XML.exec(text);
  if (match) throw new Error(`${part}: character U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} is not allowed in XML 1.0`);
}
