import type { Position } from "./document.js";
import { readDocx } from "./readers/docx.js";

/**
 * Whether a draft on disk is what its case gives today, by content, not by
 * fingerprint (which may change with how remiss signs its outputs): the
 * place of the first difference, or undefined when they say the same.
 */

/** A Markdown line that is no content: the front matter's fingerprint, and a line holding only an HTML comment. */
const NOT_CONTENT = /^(?:fingeravtryck:.*|\s*<!--.*-->\s*)$/u;

/**
 * The Markdown on disk compared with the draft of its case, line by line,
 * without the front matter's `fingeravtryck:` line, lines that are only an
 * HTML comment (`<!-- … -->`), and line endings: the first line of the file
 * that differs (its last line + 1 when the file stops short).
 */
export function markdownDifference(onDisk: string, expected: string): Position | undefined {
  const file = contentLines(onDisk);
  const wanted = contentLines(expected);
  for (let i = 0; i < Math.max(file.length, wanted.length); i++) {
    if (file[i]?.text !== wanted[i]?.text) return { line: file[i]?.line ?? (file.at(-1)?.line ?? 0) + 1, column: 1 };
  }
  return undefined;
}

function contentLines(text: string): { line: number; text: string }[] {
  return text
    .replace(/^\uFEFF/u, "")
    .split(/\r?\n/u)
    .map((line, index) => ({ line: index + 1, text: line.trimEnd() }))
    .filter(({ text }) => !NOT_CONTENT.test(text));
}

/**
 * The Word document on disk compared with the draft of its case, paragraph
 * by paragraph as `check` reads them (the body, then the headers, footers,
 * notes and text boxes; not the document properties, which remiss fills in
 * from the same case): the first paragraph that differs. A document that
 * cannot be read is not compared (its reading reports it).
 */
export function docxDifference(onDisk: Uint8Array, expected: Uint8Array): Position | undefined {
  const file = readDocx(onDisk);
  if (file.findings.length > 0) return undefined;
  const paragraphs = (document: ReturnType<typeof readDocx>) =>
    [...document.blocks, ...(document.outside ?? [])].filter((block) => block.at(0).line > 0);
  const have = paragraphs(file);
  const want = paragraphs(readDocx(expected));
  for (let i = 0; i < Math.max(have.length, want.length); i++) {
    if (have[i]?.text !== want[i]?.text) return have[i]?.at(0) ?? { line: Math.max(1, file.blocks.length), column: 1 };
  }
  return undefined;
}
