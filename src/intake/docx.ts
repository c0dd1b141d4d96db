import mammoth from "mammoth";
import { zipDirectory, ZipProblem } from "../check/readers/zip.js";
import { EXIT_USAGE, RemissError } from "../errors.js";
import type { SourceLine, SourceText } from "./source.js";

/**
 * A Word document's text with mammoth: one line per paragraph (a line break
 * inside a paragraph starts a new line of the same paragraph), an empty
 * line between paragraphs. Positions are paragraph numbers.
 */
export async function readDocxText(file: string, bytes: Uint8Array): Promise<SourceText> {
  let raw: string;
  try {
    // mammoth's zip reader takes one of two entries with one name, LibreOffice the other: such a file is refused first.
    zipDirectory(bytes);
  } catch (error) {
    const problem = error instanceof ZipProblem ? error.message : "Filen går inte att öppna som Word-dokument.";
    throw new RemissError(`${file}: ${problem[0]!.toLowerCase()}${problem.slice(1)} Öppna den i Word och spara den på nytt som .docx, eller spara den som PDF.`, EXIT_USAGE);
  }
  try {
    // HTML rather than mammoth's raw text, which drops the line breaks inside a paragraph (a signature's lines).
    raw = htmlToText((await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value);
  } catch {
    throw new RemissError(`${file}: filen går inte att öppna som Word-dokument. Öppna den i Word och spara den på nytt som .docx, eller spara den som PDF.`, EXIT_USAGE);
  }
  const lines: SourceLine[] = [];
  raw
    .replace(/\r\n?/gu, "\n")
    .split(/\n{2,}/u)
    .forEach((paragraph, index) => {
      if (lines.length > 0) lines.push({ text: "", page: index + 1, line: 1 });
      paragraph.split("\n").forEach((text, line) => lines.push({ text: text.replace(/\s+$/u, ""), page: index + 1, line: line + 1 }));
    });
  if (!lines.some((line) => line.text.trim() !== "")) {
    throw new RemissError(`${file}: Word-dokumentet innehåller ingen text.`, EXIT_USAGE);
  }
  return { file, lines, where: (line) => `stycke ${line.page}` };
}

/** mammoth's HTML as text: a paragraph (or heading, list item, table cell) per block, `<br />` a line break. */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gu, "\n")
    .replace(/<\/(p|h[1-6]|li|td|th)>/gu, "\n\n")
    .replace(/<[^>]*>/gu, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/gu, (_, entity: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: "\u00a0" })[entity] ?? "")
    .replace(/\n{3,}/gu, "\n\n")
    .trim();
}
