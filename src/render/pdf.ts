import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { EXIT_USAGE, RemissError } from "../errors.js";
import type { PdfLevel } from "../model/husstil.js";
import { undoOnSignal } from "../output/atomic.js";

/**
 * DOCX → tagged PDF with LibreOffice, the way a kansli publishes meeting
 * papers and an arkivmyndighet takes them: PDF/A (2b unless the house style
 * says otherwise) and PDF/UA-1 together, the title shown in the window, the
 * document's language (sv-SE, from the DOCX) and bookmarks from the
 * headings. One LibreOffice process converts up to PDF_CHUNK files of a run
 * (of one PDF/A level), with a user profile of its own in a temporary
 * folder, so a LibreOffice the user has open is neither used nor disturbed.
 * Afterwards `finishPdf` adds the language to the XMP metadata, in the
 * packet's own padding, so that no byte offset of the file moves.
 */

/** The level when the house style names none. */
export const DEFAULT_PDF_LEVEL: PdfLevel = "pdfa-2b";

/** LibreOffice's SelectPdfVersion for each level (2u is 2b's file, claimed as 2u once its fonts are checked). */
const PDF_VERSION: Record<PdfLevel, number> = { "pdfa-1b": 1, "pdfa-2b": 2, "pdfa-2u": 2, "pdfa-3b": 3 };

/**
 * writer_pdf_Export's options, as LibreOffice (7.4 and later) takes them on
 * the command line. PDF/UA-1 builds on PDF 1.7 and PDF/A-1 on PDF 1.4, so a
 * PDF/A-1 file makes no PDF/UA claim (it is still tagged).
 */
export function pdfFilter(level: PdfLevel): string {
  return `pdf:writer_pdf_Export:${JSON.stringify({
    UseTaggedPDF: { type: "boolean", value: "true" },
    SelectPdfVersion: { type: "long", value: String(PDF_VERSION[level]) },
    ...(level === "pdfa-1b" ? {} : { PDFUACompliance: { type: "boolean", value: "true" } }),
    DisplayPDFDocumentTitle: { type: "boolean", value: "true" },
    ExportBookmarks: { type: "boolean", value: "true" },
  })}`;
}

/** How to get LibreOffice, in the message when it is missing. */
export const SOFFICE_MISSING =
  "PDF görs med LibreOffice, men programmet soffice hittades inte. Installera LibreOffice (Debian och Ubuntu: sudo apt-get install libreoffice-writer-nogui; macOS: brew install --cask libreoffice; Windows: libreoffice.org) och se till att soffice finns i PATH, eller välj --format md,docx.";

/** The soffice program on PATH, if any (looked for without starting it, which takes seconds). */
export function findSoffice(env: NodeJS.ProcessEnv): string | undefined {
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice"];
  for (const dir of (env.PATH ?? env.Path ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** soffice, or a RemissError (exit 2) that says how to install it. */
export function requireSoffice(env: NodeJS.ProcessEnv): string {
  const soffice = findSoffice(env);
  if (!soffice) throw new RemissError(SOFFICE_MISSING, EXIT_USAGE);
  return soffice;
}

export interface PdfInput {
  /** A name unique in the run, without extension. */
  readonly name: string;
  readonly docx: Uint8Array;
  /** The PDF/A level (DEFAULT_PDF_LEVEL when absent). */
  readonly level?: PdfLevel;
}

/**
 * Documents per LibreOffice call: LibreOffice 7.4 converts only the first
 * 245 files of one --convert-to and silently skips the rest. A call of 200
 * keeps well below that and costs one LibreOffice start per 200 cases.
 */
export const PDF_CHUNK = 200;

/** The chunk size: PDF_CHUNK, or REMISS_PDF_CHUNK, which is for tests only (a test of chunking need not draft 246 cases). */
export function pdfChunkSize(env: NodeJS.ProcessEnv): number {
  const forced = env.REMISS_PDF_CHUNK;
  return forced !== undefined && /^\s*[1-9]\d*\s*$/u.test(forced) ? Number(forced) : PDF_CHUNK;
}

/** What a run is told as LibreOffice goes: a chunk begins (its first and last index in the run), a document is converted. */
export interface PdfProgress {
  chunk?(first: number, last: number, total: number): void;
  converted?(index: number): void;
}

/**
 * Converts the documents, PDF_CHUNK (pdfChunkSize) at a time, each chunk in
 * one LibreOffice run; name → PDF bytes, or the Swedish reason why that
 * document got none (a clause after "eftersom": "LibreOffice avslutades
 * med ett fel"), so that one document LibreOffice fails on is
 * that case's error only. On SIGINT, SIGTERM or SIGHUP (through
 * removingTemporariesOnSignal) LibreOffice's process group is ended and the
 * temporary folder removed.
 */
export async function convertToPdf(
  soffice: string,
  inputs: readonly PdfInput[],
  options: { chunkSize?: number; progress?: PdfProgress } = {},
): Promise<Map<string, Uint8Array | string>> {
  const chunkSize = options.chunkSize ?? PDF_CHUNK;
  const results = new Map<string, Uint8Array | string>();
  const dir = await mkdtemp(join(tmpdir(), "remiss-pdf-"));
  let running: ChildProcess | undefined;
  const stopOnSignal = undoOnSignal(() => {
    if (running) endProcessGroup(running);
    rmSync(dir, { recursive: true, force: true });
  });
  try {
    // One LibreOffice call takes one filter: the inputs of each level go together, in the run's order.
    const levels = [...new Set(inputs.map((input) => input.level ?? DEFAULT_PDF_LEVEL))];
    const ordered = levels.flatMap((level) => inputs.filter((input) => (input.level ?? DEFAULT_PDF_LEVEL) === level));
    const indexOf = new Map(inputs.map((input, index) => [input, index]));
    for (let first = 0, end = 0; first < ordered.length; first = end) {
      const level = ordered[first]!.level ?? DEFAULT_PDF_LEVEL;
      while (end < ordered.length && end - first < chunkSize && (ordered[end]!.level ?? DEFAULT_PDF_LEVEL) === level) end++;
      const chunk = ordered.slice(first, end);
      const start = indexOf.get(chunk[0]!)!;
      options.progress?.chunk?.(start, indexOf.get(chunk.at(-1)!)!, inputs.length);
      const files = chunk.map((input) => join(dir, `${input.name}.docx`));
      await Promise.all(chunk.map((input, index) => writeFile(files[index]!, input.docx)));
      const timeoutMs = 60_000 + 10_000 * chunk.length;
      const args = [`-env:UserInstallation=${pathToFileURL(join(dir, "profil")).href}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", pdfFilter(level), "--outdir", dir, ...files];
      const failure = await new Promise<string | undefined>((resolve) => {
        const child = spawn(soffice, args, { stdio: ["ignore", "pipe", "ignore"], windowsHide: true, detached: process.platform !== "win32" });
        running = child;
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          endProcessGroup(child);
        }, timeoutMs);
        // LibreOffice says "convert …/N.docx -> …/N.pdf" for each document it converts.
        let pending = "";
        child.stdout.on("data", (data: Buffer) => {
          const lines = (pending + data.toString("utf8")).split("\n");
          pending = lines.pop()!;
          for (const text of lines) {
            const index = files.findIndex((file) => text.startsWith(`convert ${file} `));
            if (index !== -1) options.progress?.converted?.(indexOf.get(chunk[index]!)!);
          }
        });
        child.on("error", () => {
          clearTimeout(timer);
          resolve("LibreOffice inte gick att starta");
        });
        child.on("close", (code) => {
          clearTimeout(timer);
          running = undefined;
          if (timedOut) resolve(`LibreOffice inte blev klart med PDF-filerna på ${Math.round(timeoutMs / 1000)} sekunder och stoppades`);
          else resolve(code === 0 ? undefined : "LibreOffice avslutades med ett fel");
        });
      });
      for (const input of chunk) {
        const pdf = await readFile(join(dir, `${input.name}.pdf`)).catch(() => undefined);
        results.set(input.name, pdf ? finishPdf(new Uint8Array(pdf), level) : (failure ?? "LibreOffice inte gjorde någon PDF av det"));
      }
    }
    return results;
  } finally {
    stopOnSignal();
    if (running) endProcessGroup(running);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Ends LibreOffice and what it started (soffice is a script that starts soffice.bin): its process group, where there are groups. */
function endProcessGroup(child: ChildProcess): void {
  try {
    if (process.platform !== "win32" && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    else child.kill("SIGKILL");
  } catch {
    // Already gone.
  }
}

/**
 * The PDF as LibreOffice wrote it, finished: the document's language
 * (`/Lang` of the catalog) added to the XMP metadata as `dc:language`, and
 * for `pdfa-2u` the conformance level U claimed, once every font has a
 * ToUnicode map (what level U adds to B). Both are written in the XMP
 * packet's padding, which is there for edits in place: the file keeps its
 * length and every object its offset. A PDF that is not as expected is
 * returned as it is, or for 2u with the reason it cannot be 2u.
 */
export function finishPdf(pdf: Uint8Array, level: PdfLevel): Uint8Array | string {
  let text = Buffer.from(pdf).toString("latin1");
  const lang = /\/Lang\s*\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\)/u.exec(text)?.[1];
  if (level === "pdfa-2u") {
    if (!everyFontHasUnicode(text)) return "ett typsnitt i PDF-filen saknar Unicode-tabell, så den kan inte bli PDF/A-2u (välj pdfa-2b i husstil.pdf)";
    const claimed = text.replace("<pdfaid:conformance>B</pdfaid:conformance>", "<pdfaid:conformance>U</pdfaid:conformance>");
    if (claimed === text) return "LibreOffice skrev ingen PDF/A-2b att göra PDF/A-2u av";
    text = claimed;
  }
  if (lang && !text.includes("<dc:language>")) text = withLanguage(text, lang);
  return new Uint8Array(Buffer.from(text, "latin1"));
}

/** The XMP with `dc:language` in its Dublin Core description, the padding before `<?xpacket end` shortened as much. */
function withLanguage(text: string, lang: string): string {
  const dc = /<rdf:Description rdf:about="" xmlns:dc="http:\/\/purl\.org\/dc\/elements\/1\.1\/">\n/u.exec(text);
  const end = text.indexOf("<?xpacket end=", dc?.index ?? 0);
  if (!dc || end === -1) return text;
  const added = `   <dc:language>\n    <rdf:Bag>\n     <rdf:li>${lang}</rdf:li>\n    </rdf:Bag>\n   </dc:language>\n`;
  // The padding: the white space before `<?xpacket end`.
  let padStart = end;
  while (padStart > 0 && /\s/u.test(text.charAt(padStart - 1))) padStart--;
  if (end - padStart < added.length + 2) return text;
  const at = dc.index + dc[0].length;
  const padding = text.slice(padStart, end);
  // Keep the line ends that the padding has, taking spaces only.
  const shortened = removeSpaces(padding, added.length);
  if (shortened === undefined) return text;
  return text.slice(0, at) + added + text.slice(at, padStart) + shortened + text.slice(end);
}

/** The padding with `count` spaces taken out, or undefined when it has fewer. */
function removeSpaces(padding: string, count: number): string | undefined {
  let left = count;
  let out = "";
  for (let i = padding.length - 1; i >= 0; i--) {
    const char = padding[i]!;
    if (char === " " && left > 0) left--;
    else out = char + out;
  }
  return left === 0 ? out : undefined;
}

/** Whether every font dictionary of the PDF (read as Latin-1) has a ToUnicode map. */
export function everyFontHasUnicode(text: string): boolean {
  let fonts = 0;
  for (const match of text.matchAll(/\d+\s+\d+\s+obj\b([\s\S]*?)(?:\bstream\b|\bendobj\b)/gu)) {
    const body = match[1]!;
    if (!/\/Type\s*\/Font(?![A-Za-z])/u.test(body)) continue;
    fonts++;
    // A descendant CIDFont carries no map of its own: its Type0 parent does.
    if (/\/Subtype\s*\/CIDFontType[02]/u.test(body)) continue;
    if (!/\/ToUnicode\s/u.test(body)) return false;
  }
  return fonts > 0;
}
