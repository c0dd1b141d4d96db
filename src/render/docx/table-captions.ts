import { DEFAULT_LABELS, type LabelName } from "../../model/husstil.js";
import { STYLE } from "./styles.js";

/**
 * Table captions for assistive technology (`w:tblCaption`,
 * `w:tblDescription`), which docx cannot write: the table that lays out the
 * signatures says what it is, so a screen reader does not announce a
 * table of names without a word. A table is the signatures' when its first
 * cell's first paragraph has the signature style. The two elements are
 * the last children of `w:tblPr` in ISO 29500's order.
 */

const TABLE_PROPERTIES = /<w:tbl><w:tblPr>(.*?)<\/w:tblPr>/gsu;
const SIGNATURE_STYLE = `<w:pStyle w:val="${STYLE.signature}"/>`;

export function captionSignatureTables(documentXml: string, labels: Readonly<Record<LabelName, string>> = DEFAULT_LABELS): string {
  return documentXml.replace(TABLE_PROPERTIES, (whole, properties: string, offset: number) => {
    const firstCell = documentXml.indexOf("</w:p>", offset);
    if (firstCell === -1 || !documentXml.slice(offset, firstCell).includes(SIGNATURE_STYLE) || properties.includes("<w:tblCaption")) return whole;
    const caption = xmlAttribute(labels.underskrifter);
    const description = xmlAttribute(labels.underskrifter_beskrivning);
    return `<w:tbl><w:tblPr>${properties}<w:tblCaption w:val="${caption}"/><w:tblDescription w:val="${description}"/></w:tblPr>`;
  });
}

/** Text as an XML attribute value. */
function xmlAttribute(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");
}
