import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { EXIT_USAGE, RemissError } from "../errors.js";

/**
 * DOCX → tagged PDF with LibreOffice, the way a kansli publishes meeting
 * papers: PDF/UA flag, the title shown in the window, the document's
 * language (sv-SE, from the DOCX) and bookmarks from the headings. One
 * LibreOffice process converts all files of a run, with a user profile of
 * its own in a temporary folder, so a LibreOffice the user has open is
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

/** Converts the documents in one LibreOffice run; name → PDF bytes. Throws RemissError (exit 2) when LibreOffice fails. */
export async function convertToPdf(soffice: string, inputs: readonly PdfInput[], timeoutMs = 60_000 + 10_000 * inputs.length): Promise<Map<string, Uint8Array>> {
  const dir = await mkdtemp(join(tmpdir(), "remiss-pdf-"));
  try {
    const files = inputs.map((input) => join(dir, `${input.name}.docx`));
    await Promise.all(inputs.map((input, index) => writeFile(files[index]!, input.docx)));
    const args = [`-env:UserInstallation=${pathToFileURL(join(dir, "profil")).href}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", PDF_FILTER, "--outdir", dir, ...files];
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: timeoutMs, windowsHide: true }, (error) => (error ? reject(error) : resolve()));
    }).catch((error: unknown) => {
      const timedOut = (error as { killed?: boolean }).killed === true;
      throw new RemissError(
        timedOut
          ? `LibreOffice gjorde inte klart PDF-filerna på ${Math.round(timeoutMs / 1000)} sekunder och stoppades. Inget PDF skrevs.`
          : "LibreOffice kunde inte göra PDF-filerna. Inget PDF skrevs. Pröva att öppna Word-dokumentet i LibreOffice för att se vad som är fel.",
        EXIT_USAGE,
      );
    });
    const pdfs = new Map<string, Uint8Array>();
    for (const input of inputs) {
      const pdf = await readFile(join(dir, `${input.name}.pdf`)).catch(() => undefined);
      if (!pdf) throw new RemissError(`LibreOffice gjorde ingen PDF av ${input.name}. Inget PDF skrevs.`, EXIT_USAGE);
      pdfs.set(input.name, new Uint8Array(pdf));
    }
    return pdfs;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
