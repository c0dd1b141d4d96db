import { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, Footer, Header, HeadingLevel, InsertedTextRun, Packer, Paragraph, Table, TableCell, TableRow, Tab, TextRun, type ICommentOptions, type ParagraphChild } from "docx";

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
 * `{dold:text}` inside a line is a run of hidden text (`w:vanish`);
 * `{ins:text}` and `{del:text}` are text inserted and deleted as tracked
 * changes by "Eva Granskare", and `{kommentar:text|comment}` anchors a
 * comment by her to the text.
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
  const document = new Document({ customProperties, ...(comments.length > 0 ? { comments: { children: comments.splice(0) } } : {}), sections: [section] });
  return new Uint8Array(await Packer.toBuffer(document));
}

const REVIEWER = { author: "Eva Granskare", date: "2025-10-08T09:00:00Z" };
const comments: ICommentOptions[] = [];
let revisionId = 0;

function paragraph(text: string, heading?: (typeof HEADINGS)[number]): Paragraph {
  // The split gives plain text, then a kind and its text, over and over.
  const pieces = text.split(/\{(dold|ins|del|kommentar):([^}]*)\}/u);
  const children: ParagraphChild[] = [];
  const runs = (piece: string) => piece.split("\t").flatMap((part, i) => (i === 0 ? [part] : [new Tab(), part]));
  for (let index = 0; index < pieces.length; index += 3) {
    const plain = pieces[index]!;
    if (plain !== "" || pieces.length === 1) children.push(new TextRun({ children: runs(plain) }));
    const kind = pieces[index + 1];
    const inner = pieces[index + 2] ?? "";
    if (kind === "dold") children.push(new TextRun({ children: runs(inner), vanish: true }));
    else if (kind === "ins") children.push(new InsertedTextRun({ text: inner, id: ++revisionId, ...REVIEWER }));
    else if (kind === "del") children.push(new DeletedTextRun({ text: inner, id: ++revisionId, ...REVIEWER }));
    else if (kind === "kommentar") {
      const [anchor, comment] = inner.split("|");
      const id = comments.length;
      comments.push({ id, author: REVIEWER.author, initials: "EG", date: new Date(REVIEWER.date), children: [new Paragraph(comment ?? "")] });
      children.push(new CommentRangeStart(id), new TextRun(anchor ?? ""), new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
    }
  }
  return new Paragraph({ ...(heading ? { heading } : {}), children });
}
