import { EXIT_USAGE, RemissError } from "../errors.js";
import { DocxProblem, readDocxModel, type DocxModel, type DocxParagraph } from "../readers/docx/read.js";
import { resolveChanges } from "../readers/docx/resolve.js";
import { listMarker, sourceOf, type SourceBlock, type SourceLine, type SourceText } from "./source.js";
import { joinLines } from "./text.js";

/**
 * A Word document read by the one DOCX reader (src/readers/docx), as
 * blocks: each paragraph of the body (table cells and text boxes included)
 * with what its style and numbering make it, a title, a heading, a list
 * item (Word's bullets and numbers are numbering, not text), a table
 * cell; with tracked changes as if accepted and hidden text left out. The
 * headers and footers are furniture, kept apart (a letter's Dnr may stand
 * there). Positions are paragraph numbers.
 */
export async function readDocxText(file: string, bytes: Uint8Array): Promise<SourceText> {
  let model: DocxModel;
  try {
    model = readDocxModel(bytes);
  } catch (error) {
    if (!(error instanceof DocxProblem)) throw error;
    const problem = error.message;
    throw new RemissError(`${file}: ${problem[0]!.toLowerCase()}${problem.slice(1)} Öppna den i Word och spara den på nytt som .docx, eller spara den som PDF.`, EXIT_USAGE);
  }
  const blocks: SourceBlock[] = [];
  let number = 0;
  const add = (paragraph: DocxParagraph, into: SourceBlock[], place?: string) => {
    // (A tab stays a tab in the lines, as a wide gap does in a PDF's: "Mikael Jern\tBirgitta Kahn" are two names side by side; the block's text has a space.)
    const text = paragraph.segments.map((s) => s.text).join("").replace(/\t+/gu, "\t").replace(/^\t+|\t+$/gmu, "");
    if (text.trim() !== "") {
      number++;
      const lines: SourceLine[] = text.split("\n").map((part, line) => ({ text: part.replace(/\s+$/u, ""), page: number, line: line + 1, ...(place ? { place } : {}) }));
      into.push(blockOf(paragraph, lines));
    }
    for (const box of paragraph.boxes ?? []) for (const inner of box.paragraphs) add(inner, into, place);
  };
  for (const paragraph of resolveChanges(model.paragraphs, "accept")) add(paragraph, blocks);
  const furniture: SourceBlock[] = [];
  for (const part of model.furniture) {
    for (const paragraph of resolveChanges(part.paragraphs, "accept")) add(paragraph, furniture, part.kind === "header" ? "sidhuvudet" : "sidfoten");
  }
  if (blocks.length === 0) {
    throw new RemissError(`${file}: Word-dokumentet innehåller ingen text.`, EXIT_USAGE);
  }
  return sourceOf(file, blocks, furniture, (line) => `stycke ${line.page}`);
}

/** What a paragraph is: Word's numbering makes a list item, a title style a title, a heading style a heading; a marker typed as text ("1.", "–") a list item too. */
function blockOf(paragraph: DocxParagraph, lines: SourceLine[]): SourceBlock {
  const visible = paragraph.segments.filter((s) => !s.hidden && s.text.trim() !== "");
  const bold = visible.length > 0 && visible.every((s) => s.bold);
  const common = { ...(bold ? { bold } : {}), ...(paragraph.fontSize !== undefined ? { size: paragraph.fontSize } : {}), ...(paragraph.table ? { table: paragraph.table } : {}) };
  if (paragraph.list) return { kind: "list-item", text: joinLines(lines.map((l) => l.text)), lines, level: paragraph.list.level, marker: "", ...common };
  const typed = listMarker(lines[0]!.text);
  if (typed && !paragraph.heading) {
    const rest = [{ ...lines[0]!, text: typed.rest }, ...lines.slice(1)];
    return { kind: "list-item", text: joinLines(rest.map((l) => l.text)), lines: rest, level: 0, marker: typed.marker, ...common };
  }
  const kind = paragraph.heading === 1 && /title|rubrik$/iu.test(paragraph.styleName ?? paragraph.styleId ?? "") ? "title" : paragraph.heading ? "heading" : paragraph.table ? "table-cell" : "paragraph";
  return { kind, text: joinLines(lines.map((l) => l.text)), lines, ...common };
}
