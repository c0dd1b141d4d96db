import { EXIT_USAGE, RemissError } from "../errors.js";
import { DocxProblem, readDocxModel, type DocxModel } from "../readers/docx/read.js";
import { resolveChanges } from "../readers/docx/resolve.js";
import type { SourceLine, SourceText } from "./source.js";

/**
 * A Word document's text, read by the one DOCX reader (src/readers/docx):
 * one line per paragraph of the body, table cells included (a line break
 * inside a paragraph starts a new line of the same paragraph), an empty
 * line between paragraphs, with tracked changes as if accepted and hidden
 * text left out. Positions are paragraph numbers.
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
  const lines: SourceLine[] = [];
  let number = 0;
  for (const paragraph of resolveChanges(model.paragraphs, "accept")) {
    const text = paragraph.segments.map((s) => s.text).join("").replace(/\t/gu, " ");
    if (text.trim() === "") continue;
    number++;
    if (lines.length > 0) lines.push({ text: "", page: number, line: 1 });
    text.split("\n").forEach((part, line) => lines.push({ text: part.replace(/\s+$/u, ""), page: number, line: line + 1 }));
  }
  if (!lines.some((line) => line.text.trim() !== "")) {
    throw new RemissError(`${file}: Word-dokumentet innehåller ingen text.`, EXIT_USAGE);
  }
  return { file, lines, where: (line) => `stycke ${line.page}` };
}
