import { Document, Header, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, AlignmentType } from "docx";

/** A line of text drawn on a PDF page: where (points from the lower left corner), in which size, in Helvetica (or Helvetica-Bold). */
export interface PdfText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size?: number;
  readonly bold?: boolean;
}

/**
 * A PDF of A4 pages with the given lines, in the standard Helvetica fonts
 * with WinAnsi encoding (which has å, ä, ö, é and "•"), written by hand so
 * that a test says exactly where each line stands.
 */
export function buildPdf(pages: readonly (readonly PdfText[])[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) ;
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add(""); // pages, filled below
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  const kids: number[] = [];
  for (const page of pages) {
    const stream = page
      .map((t) => `BT /${t.bold ? "F2" : "F1"} ${t.size ?? 11} Tf ${t.x} ${t.y} Td (${escape(t.text)}) Tj ET`)
      .join("\n");
    add(`<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`);
    const contents = objects.length;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contents} 0 R >>`);
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

function escape(text: string): string {
  // WinAnsi: "•" is 0x95, "–" 0x96; the rest of Latin-1 as it is.
  return text.replace(/[\\()]/gu, (c) => `\\${c}`).replace(/•/gu, "\x95").replace(/–/gu, "\x96");
}

/** Body lines of a page set as a word processor sets them: from the top margin down, 14 points a line, a blank line 28. */
export function flow(lines: readonly (string | { text: string; size?: number; bold?: boolean; x?: number } | null)[], top = 760): PdfText[] {
  const out: PdfText[] = [];
  let y = top;
  for (const line of lines) {
    if (line === null) {
      y -= 14;
      continue;
    }
    const item = typeof line === "string" ? { text: line } : line;
    const size = item.size ?? 11;
    out.push({ text: item.text, x: item.x ?? 72, y, size, ...(item.bold ? { bold: true } : {}) });
    y -= Math.max(14, size * 1.25);
  }
  return out;
}

export { AlignmentType, Document, Header, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType };

/** A DOCX's bytes from a docx.js Document. */
export async function docxBytes(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(document));
}
