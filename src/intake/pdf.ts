import { Unzlib } from "fflate";
import { EXIT_USAGE, RemissError } from "../errors.js";
import { LIMITS, formatBytes } from "../model/limits.js";
import { listMarker, sourceOf, type SourceBlock, type SourceLine, type SourceText } from "./source.js";
import { joinLines } from "./text.js";

/**
 * A PDF's text with Mozilla's pdf.js, in the order the document draws it
 * (which is reading order for what word processors write, columns
 * included): one line per line of the page, an empty line where the gap to
 * the next line is larger than a line's height (a new paragraph) and
 * between pages. Positions are page and line.
 */
export async function readPdf(file: string, bytes: Uint8Array): Promise<SourceText> {
  if (inflatesBeyond(bytes, LIMITS.sourceInflatedBytes)) {
    throw new RemissError(
      `${file}: PDF-filen packas upp till mer än ${formatBytes(LIMITS.sourceInflatedBytes)} och läses inte; den är troligen skadad eller gjord för att fylla minnet. Spara den på nytt som PDF, eller använd Word-dokumentet.`,
      EXIT_USAGE,
    );
  }
  const pdfjs = await loadPdfjs();
  let document: Awaited<ReturnType<typeof pdfjs.getDocument>["promise"]>;
  try {
    document = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    if ((error as { name?: string } | null)?.name === "PasswordException") {
      throw new RemissError(`${file}: PDF-filen är skyddad med lösenord och går inte att läsa. Spara en kopia utan lösenord, eller använd Word-dokumentet.`, EXIT_USAGE);
    }
    throw new RemissError(`${file}: filen går inte att läsa som PDF; den är skadad eller ingen PDF-fil.`, EXIT_USAGE);
  }
  const raw: RawLine[] = [];
  try {
    // The first pages, and no more text than a case can hold: what init fills in stands at the beginning.
    let chars = 0;
    for (let number = 1; number <= Math.min(document.numPages, LIMITS.sourcePages) && chars < LIMITS.sourceChars; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const [, bottom = 0, , top = 842] = page.view;
      let lineOnPage = 0;
      let current: { text: string; x: number; y: number; size: number; end: number } | undefined;
      const endLine = () => {
        if (current && current.text.trim() !== "") {
          const clean = current.text.replace(/[^\S\t]+/gu, " ").replace(/ *\t[\s]*/gu, "\t").trim();
          chars += clean.length + 1;
          raw.push({ text: clean, page: number, line: ++lineOnPage, x: current.x, end: current.end, y: current.y, size: current.size, top: top - current.y, fromBottom: current.y - bottom, pageHeight: top - bottom });
        }
        current = undefined;
      };
      for (const item of content.items) {
        if (!("str" in item)) continue;
        if (item.str !== "") {
          const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
          const size = Math.round(Math.hypot(c, d) * 10) / 10 || item.height;
          // The same line goes on to the right; a step down (or a new column) begins another.
          if (current && Math.abs(y - current.y) > 0.5 * Math.max(size, current.size)) endLine();
          if (!current) current = { text: "", x, y, size, end: x };
          else if (item.str.trim() !== "" && x - current.end > 2.5 * Math.max(size, 1)) current.text += "\t";
          current.text += item.str;
          // (pdf.js puts a space where it sees a gap: it neither ends the gap nor sets the size.)
          if (item.str.trim() !== "") {
            current.size = Math.max(current.size, size);
            current.end = Math.max(current.end, x + item.width);
          }
        }
        if (item.hasEOL) endLine();
      }
      endLine();
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  if (raw.length === 0) {
    throw new RemissError(`${file}: PDF-filen har ingen text att läsa; den är troligen inskannad som bild. Be om dokumentet som Word-fil eller sökbar PDF, eller skriv av det.`, EXIT_USAGE);
  }
  const { body, furniture } = splitFurniture(raw);
  return sourceOf(file, pdfBlocks(body), pdfBlocks(furniture), (line) => `sida ${line.page}, rad ${line.line}`);
}

/** A line of a PDF page with where it stands: x and y from the page's lower left corner, its distance from the top and bottom, its font size. */
interface RawLine extends SourceLine {
  readonly x: number;
  /** Where its text ends on the right. */
  readonly end: number;
  readonly y: number;
  readonly size: number;
  readonly top: number;
  readonly fromBottom: number;
  readonly pageHeight: number;
}

/** A page number as headers and footers write it: "3", "1 (2)", "1(2)", "Sida 1 av 2", "sid 2/5", "- 3 -", and "Sida ()" or "Sida av", where the numbers were fields not saved as text. */
export const PAGE_NUMBER = /^(?:(?:sida|sid\.?|s\.|page)\s*)?(?:[-–]\s*)?\d{0,4}\s*(?:\(\s*\d{0,4}\s*\)|(?:av|of|\/)\s*\d{0,4})?(?:\s*[-–])?$/iu;

/** A line (or a part of it between wide gaps) that is a page number, and not an empty one. */
export function isPageNumber(text: string): boolean {
  const t = text.trim();
  if (t === "" || !PAGE_NUMBER.test(t)) return false;
  // A lone number, or one with its page count; "Sida" with or without its numbers.
  return /\d|sida|sid\b|page/iu.test(t);
}

/**
 * Page furniture: a line repeated at the same place on two pages or more
 * (a letterhead, a running header, a footer), numbers aside; a page
 * number in the top or bottom margin band, or one that says "Sida"; the
 * rest is the body. A part of a line between wide gaps that is a page
 * number ("Motion\t1 (2)") is taken off the line.
 */
function splitFurniture(lines: readonly RawLine[]): { body: RawLine[]; furniture: RawLine[] } {
  const key = (line: RawLine) => line.text.replace(/\d+/gu, "#").toLowerCase();
  const pagesAt = new Map<string, Set<number>>();
  for (const line of lines) {
    const at = `${key(line)}@${Math.round(line.y / 4)}`;
    if (!pagesAt.has(at)) pagesAt.set(at, new Set());
    pagesAt.get(at)!.add(line.page);
  }
  const repeated = (line: RawLine) => [-1, 0, 1].some((d) => (pagesAt.get(`${key(line)}@${Math.round(line.y / 4) + d}`)?.size ?? 0) >= 2);
  const body: RawLine[] = [];
  const furniture: RawLine[] = [];
  for (const line of lines) {
    const band = line.top < 0.12 * line.pageHeight || line.fromBottom < 0.1 * line.pageHeight;
    if ((band && repeated(line)) || (band && isPageNumber(line.text)) || (/^(?:sida|sid)\b/iu.test(line.text) && isPageNumber(line.text)) || /^\d+\s*\(\d+\)$/u.test(line.text)) {
      furniture.push(line);
      continue;
    }
    const parts = line.text.split("\t");
    const kept = parts.filter((part) => !isPageNumber(part) || parts.length === 1);
    if (kept.length < parts.length) {
      furniture.push({ ...line, text: parts.filter((part) => !kept.includes(part)).join("\t") });
      body.push({ ...line, text: kept.join("\t") });
    } else body.push(line);
  }
  return { body, furniture };
}

/**
 * Lines into blocks, as a reader sees them: a new block on a new page,
 * after a gap down of more than a line and a half (up is a new column,
 * where a paragraph may go on), where the font size changes (a title over
 * its text) and at a list marker, which is taken off the text.
 */
function pdfBlocks(lines: readonly RawLine[]): SourceBlock[] {
  // Where the lines of a column end at the most: a line that ends well before it ends its paragraph.
  const edge = new Map<string, number>();
  const column = (line: RawLine) => `${line.page}:${Math.round(line.x / 12)}`;
  for (const line of lines) edge.set(column(line), Math.max(edge.get(column(line)) ?? 0, line.end));
  // Where the document sets space between its paragraphs, that space tells them apart; else a line that ends a sentence well before the column's edge ends its paragraph.
  const spaced = lines.filter((line, i) => i > 0 && lines[i - 1]!.page === line.page && lines[i - 1]!.size === line.size && lines[i - 1]!.y - line.y > 1.5 * Math.max(line.size, 1)).length >= 2;
  const endsParagraph = (line: RawLine) => !spaced && /[.:!?]$/u.test(line.text) && line.end < (edge.get(column(line)) ?? line.end) - 0.15 * Math.max(1, (edge.get(column(line)) ?? line.end) - line.x);
  const blocks: SourceBlock[] = [];
  let current: RawLine[] = [];
  let marker: string | undefined;
  let markerX: number | undefined;
  let size = 0;
  const close = () => {
    if (current.length > 0) {
      const text = joinLines(current.map((l) => l.text.replace(/\t/gu, " ")));
      const lines: SourceLine[] = current.map(({ text: t, page, line }) => ({ text: t, page, line }));
      const fromTop = Math.round((current[0]!.top / current[0]!.pageHeight) * 1000) / 1000;
      blocks.push({ kind: marker !== undefined ? "list-item" : "paragraph", text, lines, size, fromTop, ...(marker !== undefined ? { marker, level: 0 } : {}) });
    }
    current = [];
    marker = undefined;
    size = 0;
  };
  for (const line of lines) {
    const previous = current.at(-1);
    const item = listMarker(line.text);
    const gap = previous && previous.page === line.page ? previous.y - line.y : undefined;
    const newParagraph =
      !previous ||
      previous.page !== line.page ||
      (gap !== undefined && gap > 1.5 * Math.max(previous.size, line.size, 1)) ||
      Math.abs(line.size - size) > 1 ||
      item !== undefined ||
      // A list item's next lines stand indented under its text; a line out at its marker begins something else.
      (marker !== undefined && markerX !== undefined && line.x <= markerX + 1) ||
      (gap !== undefined && gap > 0 && endsParagraph(previous));
    if (newParagraph) close();
    if (item && current.length === 0) {
      marker = item.marker;
      // Word's bullet, set apart from its text by a tab: its item's lines hang indented (a typed "*" or "-" has none).
      markerX = /^\S+\t/u.test(line.text) || /[\uF000-\uF0FF]/u.test(item.marker) ? line.x : undefined;
      current.push({ ...line, text: item.rest });
    } else current.push(line);
    size = Math.max(size, line.size);
  }
  close();
  return blocks;
}

/**
 * Whether the PDF's Flate streams (between `stream` and `endstream`)
 * inflate to more than `limit` bytes together. Inflated in pieces and
 * counted, never kept, so a bomb costs a fraction of a second and no
 * memory; pdf.js itself would inflate it whole.
 */
function inflatesBeyond(bytes: Uint8Array, limit: number): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  let total = 0;
  const stream = /stream\r?\n/gu;
  for (let match = stream.exec(text); match; match = stream.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf("endstream", start);
    if (end === -1) break;
    stream.lastIndex = end + 9;
    // Only zlib data (0x78 …) inflates; other streams are counted as they are.
    if (bytes[start] !== 0x78) {
      total += end - start;
    } else {
      try {
        const inflater = new Unzlib((chunk) => {
          total += chunk.length;
          if (total > limit) throw new Error("limit");
        });
        for (let at = start; at < end && total <= limit; at += 65_536) inflater.push(bytes.subarray(at, Math.min(end, at + 65_536)), false);
      } catch {
        // Over the limit, or damaged data, which pdf.js says for itself.
      }
    }
    if (total > limit) return true;
  }
  return false;
}

/**
 * pdf.js for Node. It looks for an optional canvas package to draw pages,
 * which reading text never needs: its warnings about that are kept from the
 * user's terminal, and a stand-in DOMMatrix (which pdf.js constructs once
 * when loaded) lets it load without one. Its worker runs in this thread.
 */
async function loadPdfjs(): Promise<typeof import("pdfjs-dist/legacy/build/pdf.mjs")> {
  const globals = globalThis as { DOMMatrix?: unknown; pdfjsWorker?: unknown };
  globals.DOMMatrix ??= class DOMMatrix {
    a = 1;
    b = 0;
    c = 0;
    d = 1;
    e = 0;
    f = 0;
  };
  const { log, warn } = console;
  console.log = () => {};
  console.warn = () => {};
  try {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    globals.pdfjsWorker ??= await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    return pdfjs;
  } finally {
    console.log = log;
    console.warn = warn;
  }
}
