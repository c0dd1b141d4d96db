import { STYLE } from "./styles.js";

/**
 * Table captions for assistive technology (`w:tblCaption`,
 * `w:tblDescription`), which docx cannot write: the table that lays out the
 * signatures says what it is, so a screen reader does not announce a
 * table of names without a word. A table is the signatures' when its first
 * cell's first paragraph has the signature style. The two elements are
 * the last children of `w:tblPr` in ISO 29500's order.
 */
export const SIGNATURE_TABLE_CAPTION = { caption: "Underskrifter", description: "De som skriver under utlåtandet, två i bredd." } as const;

const TABLE_PROPERTIES = /<w:tbl><w:tblPr>(.*?)<\/w:tblPr>/gsu;
const SIGNATURE_STYLE = `<w:pStyle w:val="${STYLE.signature}"/>`;

export function captionSignatureTables(documentXml: string): string {
  return documentXml.replace(TABLE_PROPERTIES, (whole, properties: string, offset: number) => {
    const firstCell = documentXml.indexOf("</w:p>", offset);
    if (firstCell === -1 || !documentXml.slice(offset, firstCell).includes(SIGNATURE_STYLE) || properties.includes("<w:tblCaption")) return whole;
    const { caption, description } = SIGNATURE_TABLE_CAPTION;
    return `<w:tbl><w:tblPr>${properties}<w:tblCaption w:val="${caption}"/><w:tblDescription w:val="${description}"/></w:tblPr>`;
  });
}
