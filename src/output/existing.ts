import { EXIT_USAGE, RemissError } from "../errors.js";
import { readProblem, readRegularFile } from "../load/read.js";
import { LIMITS } from "../model/limits.js";

/**
 * An earlier draft's bytes, before remiss writes over it or compares it;
 * undefined when there is none. A file that is there but cannot be read
 * (a colleague's edit saved 0600 in a shared folder, a pipe) is a
 * RemissError, never "no file": it may be an edit that must not be lost.
 */
export function readEarlierOutput(path: string, shown: string): Buffer | undefined {
  try {
    return readRegularFile(path, LIMITS.docxBytes);
  } catch (error) {
    // Nothing there, or a folder or a file in the way, which writing the draft then reports.
    if (["ENOENT", "ENOTDIR", "EISDIR"].includes((error as NodeJS.ErrnoException).code ?? "")) return undefined;
    throw new RemissError(
      `${shown}: filen finns men går inte att läsa (${readProblem(error)}), så remiss kan inte se om den har ändrats för hand. Den skrivs inte över; se till att du kan läsa den, eller flytta den, och kör igen.`,
      EXIT_USAGE,
    );
  }
}

/**
 * A Markdown draft's text as its fingerprint is computed and checked: with
 * the line ends remiss writes (LF) and no BOM, whatever an editor or git's
 * core.autocrlf made of them, so that line ends never decide whether an
 * edit is protected or a draft is stale.
 */
export function markdownText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8").replace(/^\uFEFF/u, "").replace(/\r\n?/gu, "\n");
}
