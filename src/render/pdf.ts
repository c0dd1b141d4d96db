import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { EXIT_USAGE, RemissError } from "../errors.js";
import { undoOnSignal } from "../output/atomic.js";

/**
 * DOCX → tagged PDF with LibreOffice, the way a kansli publishes meeting
 * papers: PDF/UA flag, the title shown in the window, the document's
 * language (sv-SE, from the DOCX) and bookmarks from the headings. One
 * LibreOffice process converts up to PDF_CHUNK files of a run, with a user
 * profile of its own in a temporary folder, so a LibreOffice the user has open is
 * neither used nor disturbed.
 */

/** writer_pdf_Export's options, as LibreOffice (7.4 and later) takes them on the command line. */
const PDF_FILTER = `pdf:writer_pdf_Export:${JSON.stringify({
  UseTaggedPDF: { type: "boolean", value: "true" },
  PDFUACompliance: { type: "boolean", value: "true" },
  DisplayPDFDocumentTitle: { type: "boolean", value: "true" },
  ExportBookmarks: { type: "boolean", value: "true" },
})}`;

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
    for (let first = 0; first < inputs.length; first += chunkSize) {
      const chunk = inputs.slice(first, first + chunkSize);
      options.progress?.chunk?.(first, first + chunk.length - 1, inputs.length);
      const files = chunk.map((input) => join(dir, `${input.name}.docx`));
      await Promise.all(chunk.map((input, index) => writeFile(files[index]!, input.docx)));
      const timeoutMs = 60_000 + 10_000 * chunk.length;
      const args = [`-env:UserInstallation=${pathToFileURL(join(dir, "profil")).href}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", PDF_FILTER, "--outdir", dir, ...files];
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
            if (index !== -1) options.progress?.converted?.(first + index);
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
        results.set(input.name, pdf ? new Uint8Array(pdf) : (failure ?? "LibreOffice inte gjorde någon PDF av det"));
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
