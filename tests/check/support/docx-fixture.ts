import { Document, Footer, Header, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, Tab, TextRun } from "docx";

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

/**
 * A Word document from a plain description, so that DOCX fixtures are text
 * files with their expectations beside them rather than binaries. One line
 * is one paragraph, so a finding's paragraph number is the line number:
 * `# ` to `#### ` give the styles Heading 1 to Heading 4, a tab is a tab,
 * an empty line an empty paragraph, and consecutive `| a | b |` lines one
 * table (each cell one paragraph; put tables last to keep the numbering).
 * A line `@Name: value` is no paragraph but a custom document property, as
 * remiss writes `@Datum: 2025-10-07` and `@SvarSenast: 2025-10-28`.
 * `{dold:text}` inside a line is a run of hidden text (`w:vanish`).
 * A line `@@sidhuvud: text` or `@@sidfot: text` is no paragraph of the body
 * but one of the page header or footer.
 */
export async function docxFromDescription(description: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: TableRow[] = [];
  const customProperties: { name: string; value: string }[] = [];
  const margins: Record<"sidhuvud" | "sidfot", Paragraph[]> = { sidhuvud: [], sidfot: [] };
  const flushTable = () => {
    if (rows.length > 0) children.push(new Table({ rows }));
    rows = [];
  };
  for (const line of description.replace(/\n$/u, "").split("\n")) {
    const margin = /^@@(sidhuvud|sidfot): (.*)$/u.exec(line);
    if (margin) {
      margins[margin[1] as "sidhuvud" | "sidfot"].push(paragraph(margin[2]!));
      continue;
    }
    const property = /^@(\w+): (.*)$/u.exec(line);
    if (property) {
      customProperties.push({ name: property[1]!, value: property[2]! });
      continue;
    }
    const cells = /^\|(.*)\|$/u.exec(line);
    if (cells) {
      const texts = cells[1]!.split("|").map((c) => c.trim());
      rows.push(new TableRow({ children: texts.map((t) => new TableCell({ children: [paragraph(t)] })) }));
      continue;
    }
    flushTable();
    const heading = /^(#{1,4}) (.*)$/u.exec(line);
    children.push(heading ? paragraph(heading[2]!, HEADINGS[heading[1]!.length - 1]) : paragraph(line));
  }
  flushTable();
  const section = {
    children,
    ...(margins.sidhuvud.length > 0 ? { headers: { default: new Header({ children: margins.sidhuvud }) } } : {}),
    ...(margins.sidfot.length > 0 ? { footers: { default: new Footer({ children: margins.sidfot }) } } : {}),
  };
  const document = new Document({ customProperties, sections: [section] });
  return new Uint8Array(await Packer.toBuffer(document));
}

function paragraph(text: string, heading?: (typeof HEADINGS)[number]): Paragraph {
  // Odd pieces of the split are hidden text.
  const pieces = text.split(/\{dold:([^}]*)\}/u);
  const children = pieces.flatMap((piece, index) => {
    if (piece === "" && pieces.length > 1) return [];
    const runs = piece.split("\t").flatMap((part, i) => (i === 0 ? [part] : [new Tab(), part]));
    return [new TextRun({ children: runs, ...(index % 2 === 1 ? { vanish: true } : {}) })];
  });
  return new Paragraph({ ...(heading ? { heading } : {}), children });
}
