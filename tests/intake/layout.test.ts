import { describe, expect, it } from "vitest";
import { extractRemissbrev } from "../../src/intake/remissbrev.js";
import { extractRemissobjekt } from "../../src/intake/remissobjekt.js";
import { readSourceDocument } from "../../src/intake/source.js";
import { AlignmentType, buildPdf, Document, docxBytes, flow, Header, HeadingLevel, LevelFormat, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "./support/build.js";

/**
 * The shapes of tests/intake/rules.test.ts as real files lay them out,
 * built in the test: PDFs with a letterhead and page numbers repeated on
 * every page, a title in a larger font over two lines, bullets and names
 * side by side; Word documents with a header holding a page field and a
 * table, Word's own bullets, a signature table of two columns.
 */
const filled = <T>(found: { value: T; uncertain?: true } | undefined): T | undefined => (found && !found.uncertain ? found.value : undefined);

// Sentences: Ulricehamn, Motion om bättre tillgång till hjärtstartare (fixtures/kallor/motion-ulricehamn-hjartstartare.source.md).
const BODY = [
  "Denna motion lämnas in som en del i att öka tryggheten inom hela Ulricehamns kommun. Vid en",
  "genomgång av Hjärtstartarregistret framkommer att det är relativt glest med hjärtstartare.",
];

describe("a PDF", () => {
  const letterhead = (page: number, pages: number) => [
    { text: "Nya Ulricehamn", x: 72, y: 800, size: 9 },
    { text: `${page} (${pages})`, x: 500, y: 800, size: 9 },
  ];
  const footer = (page: number, pages: number) => [{ text: `Sida ${page} av ${pages}`, x: 270, y: 40, size: 9 }];

  it("drops the letterhead and page numbers repeated on every page, and takes the large title over two lines", async () => {
    const pdf = buildPdf([
      [
        ...letterhead(1, 2),
        ...footer(1, 2),
        ...flow([{ text: "Motion om bättre tillgång till hjärtstartare i", size: 18 }, { text: "Ulricehamns kommun", size: 18 }, null, ...BODY, null, "Nya Ulricehamn föreslår därför:", "• Att samtliga skolor i Ulricehamns kommun utrustas med hjärtstartare.", "• Att samtliga hjärtstartare registreras i Hjärtstartarregistret."]),
      ],
      [...letterhead(2, 2), ...footer(2, 2), ...flow(["Ulricehamn 2024-03-19", null, "Markus Håkansson", "Mikael Levander", "Nya Ulricehamn"])],
    ]);
    const source = await readSourceDocument("motion.pdf", pdf);
    expect(source.furniture.map((b) => b.text)).toEqual(["Nya Ulricehamn 1 (2)", "Sida 1 av 2", "Nya Ulricehamn 2 (2)", "Sida 2 av 2"]);
    const found = extractRemissobjekt(source);
    expect(filled(found.typ)).toBe("motion");
    expect(filled(found.titel)).toBe("Motion om bättre tillgång till hjärtstartare i Ulricehamns kommun");
    expect(filled(found.yrkanden)).toEqual(["Att samtliga skolor i Ulricehamns kommun utrustas med hjärtstartare.", "Att samtliga hjärtstartare registreras i Hjärtstartarregistret."]);
    // The party that proposes ("Nya Ulricehamn föreslår därför:") signs under the names: a party, not a name.
    expect(filled(found.forfattare)).toEqual([
      { namn: "Markus Håkansson", parti: "Nya Ulricehamn" },
      { namn: "Mikael Levander", parti: "Nya Ulricehamn" },
    ]);
  });

  it("reads names set side by side, each with its party below it", async () => {
    const pdf = buildPdf([
      [
        ...flow([{ text: "Motion om hjärtstartare", size: 16 }, null, ...BODY, null, "Vi föreslår", null, "att kommunen köper in hjärtstartare", null, "Ulricehamn 2024-03-19", null]),
        { text: "Markus Håkansson", x: 72, y: 500 },
        { text: "Mikael Levander", x: 300, y: 500 },
        { text: "(S)", x: 72, y: 486 },
        { text: "(V)", x: 300, y: 486 },
      ],
    ]);
    const found = extractRemissobjekt(await readSourceDocument("motion.pdf", pdf));
    expect(filled(found.forfattare)).toEqual([
      { namn: "Markus Håkansson", parti: "S" },
      { namn: "Mikael Levander", parti: "V" },
    ]);
  });

  it("leaves the title as a candidate when no line stands out from the text", async () => {
    const pdf = buildPdf([[...flow(["Nya Ulricehamn", null, "Hjärtstartare i kommunen", null, ...BODY])]]);
    const found = extractRemissobjekt(await readSourceDocument("motion.pdf", pdf));
    expect(found.titel?.uncertain).toBe(true);
  });

  it("reads a letter's Dnr from a header line, and not the date beside it", async () => {
    const header = (page: number) => [
      { text: "Kommunstyrelsen", x: 72, y: 800, size: 10 },
      { text: "Datum 2025-09-01", x: 300, y: 800, size: 10 },
      { text: `Diarienr: KS 2025/804`, x: 300, y: 788, size: 10 },
      { text: `${page} (2)`, x: 500, y: 800, size: 10 },
    ];
    const pdf = buildPdf([
      [...header(1), ...flow(["Socialnämnden", null, "Remiss av motion om stärkta insatser mot gängkriminalitet", null, "Svar senast: 28 oktober 2025"], 700)],
      [...header(2), ...flow(["Remissinstanser:", "• Stadsledningskontoret", "• Socialnämnden"], 700)],
    ]);
    const found = extractRemissbrev(await readSourceDocument("remiss.pdf", pdf), "Socialnämnden");
    expect({ fran: filled(found.fran), dnr: filled(found.dnr), svar: filled(found.svarSenast), aven: filled(found.avenTill) }).toEqual({ fran: "Kommunstyrelsen", dnr: "KS 2025/804", svar: "2025-10-28", aven: ["Stadsledningskontoret"] });
  });
});

describe("a Word document", () => {
  const bullets = {
    config: [{ reference: "punkter", levels: [{ level: 0, format: LevelFormat.BULLET, text: "\uF0B7", alignment: AlignmentType.LEFT }] }],
  };

  it("keeps its header (the party, a page field) out of the title, and reads Word's bullets as att-satser", async () => {
    const document = new Document({
      numbering: bullets,
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun("Vänsterpartiet i Umeå"), new TextRun("\tSida "), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(" av "), new TextRun({ children: [PageNumber.TOTAL_PAGES] })] })] }) },
          children: [
            new Paragraph({ text: "Motion till kommunfullmäktige" }),
            new Paragraph({ text: "Motion om hjärtstartare i alla skolor", heading: HeadingLevel.TITLE }),
            new Paragraph({ text: BODY.join(" ") }),
            new Paragraph({ text: "Jag yrkar att kommunen:" }),
            new Paragraph({ text: "bygger om skolornas entréer så att en hjärtstartare får plats", numbering: { reference: "punkter", level: 0 } }),
            new Paragraph({ text: "Kommunstyrelsen får i uppdrag att registrera hjärtstartarna", numbering: { reference: "punkter", level: 0 } }),
            new Paragraph({ text: "Umeå 2024-03-19" }),
            new Paragraph({ text: "Anna Berg (V)" }),
          ],
        },
      ],
    });
    const source = await readSourceDocument("motion.docx", await docxBytes(document));
    expect(source.furniture.map((b) => b.lines[0]!.place)).toEqual(["sidhuvudet"]);
    const found = extractRemissobjekt(source);
    expect({ typ: filled(found.typ), till: filled(found.till), titel: filled(found.titel), yrkanden: filled(found.yrkanden), forfattare: filled(found.forfattare) }).toEqual({
      typ: "motion",
      till: "kommunfullmäktige",
      titel: "Motion om hjärtstartare i alla skolor",
      yrkanden: ["bygger om skolornas entréer så att en hjärtstartare får plats", "Kommunstyrelsen får i uppdrag att registrera hjärtstartarna"],
      forfattare: [{ namn: "Anna Berg", parti: "V" }],
    });
  });

  it("takes the title set larger in Normal style, not the party's bold name above it", async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: "Socialdemokraterna i Vallentuna", bold: true })] }),
            new Paragraph({ children: [new TextRun({ text: "Kommunal lekpark", size: 32 })] }),
            new Paragraph({ text: BODY.join(" ") }),
          ],
        },
      ],
    });
    const found = extractRemissobjekt(await readSourceDocument("motion.docx", await docxBytes(document)));
    expect(filled(found.titel)).toBe("Kommunal lekpark");
  });

  it("reads a signature table of two columns, a name and its party in each cell", async () => {
    const cell = (...lines: string[]) => new TableCell({ children: lines.map((text) => new Paragraph({ text })), width: { size: 50, type: WidthType.PERCENTAGE } });
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "Motion om hjärtstartare", heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: BODY.join(" ") }),
            new Paragraph({ text: "Vi föreslår" }),
            new Paragraph({ text: "att kommunen köper in hjärtstartare" }),
            new Table({ rows: [new TableRow({ children: [cell("Markus Håkansson", "Socialdemokraterna"), cell("Mikael Levander", "Vänsterpartiet")] })] }),
          ],
        },
      ],
    });
    const found = extractRemissobjekt(await readSourceDocument("motion.docx", await docxBytes(document)));
    expect(filled(found.forfattare)).toEqual([
      { namn: "Markus Håkansson", parti: "Socialdemokraterna" },
      { namn: "Mikael Levander", parti: "Vänsterpartiet" },
    ]);
  });

  it("reads a letter's sender and Dnr from a header table, label and number in cells of their own", async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph({ text })] });
    const document = new Document({
      sections: [
        {
          headers: {
            default: new Header({
              children: [
                new Table({ rows: [new TableRow({ children: [cell("Kommunstyrelsen"), cell("Datum"), cell("Diarienummer")] }), new TableRow({ children: [cell(""), cell("2025-09-01"), cell("KS 2025/804")] })] }),
                new Paragraph({ children: [new TextRun("Sida "), new TextRun({ children: [PageNumber.CURRENT] })] }),
              ],
            }),
          },
          children: [new Paragraph({ text: "Socialnämnden" }), new Paragraph({ text: "Remiss av motion om hjärtstartare" }), new Paragraph({ text: "Remissen ska besvaras senast den 7 oktober 2025." })],
        },
      ],
    });
    const found = extractRemissbrev(await readSourceDocument("remiss.docx", await docxBytes(document)));
    expect({ fran: filled(found.fran), dnr: filled(found.dnr), svar: filled(found.svarSenast) }).toEqual({ fran: "Kommunstyrelsen", dnr: "KS 2025/804", svar: "2025-10-07" });
    expect(found.dnr!.from.place).toBe("sidhuvudet");
  });
});
