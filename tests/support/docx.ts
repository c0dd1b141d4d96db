import { strFromU8, unzipSync } from "fflate";

/** The parts of a DOCX (a zip), as text. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) parts[name] = strFromU8(data);
  return parts;
}

export interface DocxParagraph {
  style?: string;
  text: string;
}

/** The body paragraphs of word/document.xml with their style and text (tabs and breaks as spaces). */
export function docxParagraphs(bytes: Uint8Array): DocxParagraph[] {
  const xml = docxParts(bytes)["word/document.xml"] ?? "";
  const body = xml.slice(xml.indexOf("<w:body>"));
  const paragraphs: DocxParagraph[] = [];
  for (const match of body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const p = match[0];
    const style = /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1];
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br)\/>/g)]
      .map((m) => (m[1] === undefined ? " " : decodeXml(m[1])))
      .join("");
    paragraphs.push(style ? { style, text } : { text });
  }
  return paragraphs;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
