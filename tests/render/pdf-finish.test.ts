import { describe, expect, it } from "vitest";
import { everyFontHasUnicode, finishPdf, pdfFilter } from "../../src/render/pdf.js";

/** A PDF's shape as LibreOffice writes it, as much as finishPdf reads: a font, the catalog's /Lang, the XMP packet with its padding. */
function pdf(options: { toUnicode?: boolean; conformance?: string; padding?: number } = {}): string {
  const font = `5 0 obj\n<</Type/Font/Subtype/TrueType/BaseFont/BAAAAA+LiberationSans${options.toUnicode === false ? "" : "\n/ToUnicode 6 0 R"}>>\nendobj\n`;
  const xmp = [
    '<?xpacket begin="\u00ef\u00bb\u00bf" id="W5M0MpCehiHzreSzNTczkc9d"?>', // the BOM in UTF-8, read as Latin-1
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    "   <pdfaid:part>2</pdfaid:part>",
    `   <pdfaid:conformance>${options.conformance ?? "B"}</pdfaid:conformance>`,
    "  </rdf:Description>",
    '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Titel</rdf:li></rdf:Alt></dc:title>",
    "  </rdf:Description>",
    " </rdf:RDF>",
    "</x:xmpmeta>",
    `${" ".repeat(options.padding ?? 200)}\n${" ".repeat(options.padding ?? 200)}\n<?xpacket end="w"?>`,
  ].join("\n");
  return `%PDF-1.6\n1 0 obj\n<</Type/Catalog/Lang(sv-SE)>>\nendobj\n${font}7 0 obj\n<</Type/Metadata/Subtype/XML/Length ${xmp.length}>>\nstream\n${xmp}\nendstream\nendobj\n`;
}

const bytes = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));
const text = (result: Uint8Array | string) => (typeof result === "string" ? result : Buffer.from(result).toString("latin1"));

describe("finishPdf", () => {
  it("adds the catalog's language to the XMP in its padding: the file keeps its length", () => {
    const before = pdf();
    const after = text(finishPdf(bytes(before), "pdfa-2b"));
    expect(after).toContain("<dc:language>\n    <rdf:Bag>\n     <rdf:li>sv-SE</rdf:li>\n    </rdf:Bag>\n   </dc:language>");
    expect(after.length).toBe(before.length);
    expect(after.indexOf("7 0 obj")).toBe(before.indexOf("7 0 obj"));
    expect(after).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
  });

  it("leaves the file as it is when the padding has no room", () => {
    const before = pdf({ padding: 10 });
    expect(text(finishPdf(bytes(before), "pdfa-2b"))).toBe(before);
  });

  it("claims PDF/A-2u only when every font has a ToUnicode map", () => {
    expect(text(finishPdf(bytes(pdf()), "pdfa-2u"))).toContain("<pdfaid:conformance>U</pdfaid:conformance>");
    expect(finishPdf(bytes(pdf({ toUnicode: false })), "pdfa-2u")).toBe(
      "ett typsnitt i PDF-filen saknar Unicode-tabell, så den kan inte bli PDF/A-2u (välj pdfa-2b i husstil.pdf)",
    );
    expect(finishPdf(bytes(pdf({ conformance: "A" })), "pdfa-2u")).toBe("LibreOffice skrev ingen PDF/A-2b att göra PDF/A-2u av");
  });
});

describe("everyFontHasUnicode", () => {
  it("reads font dictionaries, not font descriptors, and needs at least one font", () => {
    expect(everyFontHasUnicode(pdf())).toBe(true);
    expect(everyFontHasUnicode(pdf({ toUnicode: false }))).toBe(false);
    expect(everyFontHasUnicode("4 0 obj\n<</Type/FontDescriptor/FontName/X>>\nendobj\n")).toBe(false);
  });
});

describe("pdfFilter", () => {
  it("asks LibreOffice for the PDF/A version, and for PDF/UA except with PDF/A-1", () => {
    const options = (level: Parameters<typeof pdfFilter>[0]) => JSON.parse(pdfFilter(level).replace(/^pdf:writer_pdf_Export:/u, "")) as Record<string, { value: string }>;
    expect(options("pdfa-2b").SelectPdfVersion?.value).toBe("2");
    expect(options("pdfa-2u").SelectPdfVersion?.value).toBe("2");
    expect(options("pdfa-3b").SelectPdfVersion?.value).toBe("3");
    expect(options("pdfa-1b").SelectPdfVersion?.value).toBe("1");
    expect(options("pdfa-2b").PDFUACompliance?.value).toBe("true");
    expect(options("pdfa-1b").PDFUACompliance).toBeUndefined();
    expect(options("pdfa-1b").UseTaggedPDF?.value).toBe("true");
  });
});
