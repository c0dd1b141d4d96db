import { DeletedTextRun, Document, ExternalHyperlink, HeadingLevel, InsertedTextRun, Packer, Paragraph, Tab, Table, TableCell, TableRow, TextRun } from "docx";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../../src/check/readers/docx.js";
import { SECTIONS } from "../../../src/model/sections.js";

async function docx(children: (Paragraph | Table)[], paragraphStyles: { id: string; name: string; outlineLevel?: number }[] = []) {
  const document = new Document({
    styles: {
      paragraphStyles: paragraphStyles.map(({ id, name, outlineLevel }) => ({
        id,
        name,
        ...(outlineLevel !== undefined ? { paragraph: { outlineLevel } } : {}),
      })),
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const [first, second, third] = SECTIONS;

describe("readDocx", () => {
  it("numbers paragraphs from 1, table cells included, and reads runs, tabs and breaks as text", async () => {
    const doc = readDocx(
      await docx([
        new Paragraph({ children: [new TextRun("Ett "), new TextRun({ text: "fetstilt", bold: true }), new TextRun(" ord.")] }),
        new Paragraph({ children: [new TextRun({ children: ["Före", new Tab(), "efter"] }), new TextRun({ text: "ny rad", break: 1 })] }),
        new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph("Cell ett")] }), new TableCell({ children: [new Paragraph("Cell två")] })] })] }),
        new Paragraph({
          children: [
            new TextRun("Kvar "),
            new DeletedTextRun({ id: 1, author: "A", date: "2025-01-01T00:00:00Z", text: "struken TODO " }),
            new InsertedTextRun({ id: 2, author: "A", date: "2025-01-01T00:00:00Z", text: "tillagd " }),
            new ExternalHyperlink({ link: "https://example.se", children: [new TextRun("länk")] }),
          ],
        }),
      ]),
    );
    expect(doc.lineUnit).toBe("stycke");
    expect(doc.blocks.map((b) => [b.kind, b.text, b.at(0).line])).toEqual([
      ["paragraph", "Ett fetstilt ord.", 1],
      ["paragraph", "Före efter ny rad", 2],
      ["table-cell", "Cell ett", 3],
      ["table-cell", "Cell två", 4],
      ["paragraph", "Kvar tillagd länk", 5],
    ]);
    expect(doc.blocks[0]!.at(4)).toEqual({ line: 1, column: 5 });
  });

  it("takes headings from Title, Heading 1–3, localized style ids, style names and outline levels", async () => {
    const doc = readDocx(
      await docx(
        [
          new Paragraph({ heading: HeadingLevel.TITLE, text: "Titel" }),
          new Paragraph({ style: "Rubrik2", text: first.heading }),
          new Paragraph("Text ett."),
          new Paragraph({ style: "MinRubrik", text: "Egen rubrik" }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: `  ${second.heading}  ` }),
          new Paragraph({ style: "Avsnitt", text: third.heading }),
          new Paragraph({ heading: HeadingLevel.HEADING_3, text: "Underrubrik" }),
          new Paragraph("Text tre."),
        ],
        [
          { id: "Rubrik2", name: "Rubrik 2" },
          { id: "MinRubrik", name: "heading 3" },
          { id: "Avsnitt", name: "Avsnittsrubrik", outlineLevel: 1 },
        ],
      ),
    );
    expect(doc.outline?.headings.map((h) => [h.depth, h.line, h.text])).toEqual([
      [1, 1, "Titel"],
      [2, 2, first.heading],
      [3, 4, "Egen rubrik"],
      [2, 5, second.heading],
      [2, 6, third.heading],
      [3, 7, "Underrubrik"],
    ]);
    expect(doc.sections.map((s) => [s.spec?.id, s.body.map((b) => b.text)])).toEqual([
      [first.id, ["Text ett.", "Egen rubrik"]],
      [second.id, []],
      [third.id, ["Underrubrik", "Text tre."]],
    ]);
    expect(doc.outline?.end).toEqual({ line: 8, column: 1 });
  });

  it("reads hidden text (directly, by character style or by paragraph style, through basedOn) as no text of the paragraph", async () => {
    const bytes = new Uint8Array(
      await Packer.toBuffer(
        new Document({
          styles: {
            characterStyles: [{ id: "Gomd", name: "Gömd", run: { vanish: true } }],
            paragraphStyles: [
              { id: "DoldBas", name: "Dold bas", run: { vanish: true } },
              { id: "DoldStycke", name: "Dolt stycke", basedOn: "DoldBas" },
            ],
          },
          sections: [
            {
              children: [
                new Paragraph({ children: [new TextRun("Synlig "), new TextRun({ text: "dold", vanish: true }), new TextRun(" text.")] }),
                new Paragraph({ children: [new TextRun("Med "), new TextRun({ text: "formatmall", style: "Gomd" })] }),
                new Paragraph({ style: "DoldStycke", children: [new TextRun("Helt dolt stycke")] }),
                new Paragraph({ style: "DoldStycke", children: [new TextRun({ text: "visad ändå", vanish: false })] }),
              ],
            },
          ],
        }),
      ),
    );
    const doc = readDocx(bytes);
    expect(doc.blocks.map((b) => b.text)).toEqual(["Synlig  text.", "Med ", "", "visad ändå"]);
    expect(doc.hidden?.map((b) => [b.text, b.at(0)])).toEqual([
      ["dold", { line: 1, column: 8 }],
      ["formatmall", { line: 2, column: 5 }],
      ["Helt dolt stycke", { line: 3, column: 1 }],
    ]);
  });

  it("says so when the file is not a Word document", () => {
    const notZip = readDocx(strToU8("inte en zip"));
    const noDocument = readDocx(zipSync({ "annat.txt": strToU8("hej") }));
    const brokenXml = readDocx(zipSync({ "word/document.xml": strToU8("<w:document><w:body>") }));
    for (const doc of [notZip, noDocument, brokenXml]) {
      expect(doc.findings).toHaveLength(1);
      expect(doc.findings[0]).toMatchObject({ line: 0, column: 0, severity: "error", rule: "fil/docx" });
      expect(doc.findings[0]!.message).toContain("spara den på nytt som Word-dokument (.docx)");
    }
  });
});
