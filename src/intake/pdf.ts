import { Unzlib } from "fflate";
import { EXIT_USAGE, RemissError } from "../errors.js";
import { LIMITS, formatBytes } from "../model/limits.js";
import type { SourceLine, SourceText } from "./source.js";

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
  const lines: SourceLine[] = [];
  try {
    // The first pages, and no more text than a case can hold: what init fills in stands at the beginning.
    let chars = 0;
    for (let number = 1; number <= Math.min(document.numPages, LIMITS.sourcePages) && chars < LIMITS.sourceChars; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      if (lines.length > 0) lines.push({ text: "", page: number, line: 0 });
      let text = "";
      let y: number | undefined;
      let height = 0;
      let previous: { y: number; height: number } | undefined;
      let lineOnPage = 0;
      const endLine = () => {
        if (text.trim() !== "" && y !== undefined) {
          // A gap of more than a line and a half down to this line: a new paragraph. (Up is a new column, where a paragraph may go on.)
          if (previous && previous.y - y > 1.5 * Math.max(previous.height, height, 1)) lines.push({ text: "", page: number, line: lineOnPage });
          lineOnPage++;
          const clean = text.replace(/\s+/gu, " ").trim();
          chars += clean.length + 1;
          lines.push({ text: clean, page: number, line: lineOnPage });
          previous = { y, height };
        }
        text = "";
        y = undefined;
        height = 0;
      };
      for (const item of content.items) {
        if (!("str" in item)) continue;
        if (item.str !== "") {
          y ??= item.transform[5];
          height = Math.max(height, item.height);
          text += item.str;
        }
        if (item.hasEOL) endLine();
      }
      endLine();
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  if (!lines.some((line) => line.text !== "")) {
    throw new RemissError(`${file}: PDF-filen har ingen text att läsa; den är troligen inskannad som bild. Be om dokumentet som Word-fil eller sökbar PDF, eller skriv av det.`, EXIT_USAGE);
  }
  return { file, lines, where: (line) => `sida ${line.page}, rad ${line.line}` };
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
