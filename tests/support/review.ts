import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * LibreOffice as the reviewer of the tests: a typed wrapper over
 * libreoffice-review.py, one python3 (with uno) and one headless soffice per
 * call. See that script for what each operation does and for the one thing
 * LibreOffice 7.4 cannot do (open a DOCX with comments over UNO: add comments
 * with docx-comment.ts after the edits; a plain `resave` of such a file works).
 */

/** Debian's python3-uno is installed for the system Python only, not for a pyenv or venv python3 on PATH. */
const PYTHON = "/usr/bin/python3";
const SCRIPT = fileURLToPath(new URL("./libreoffice-review.py", import.meta.url));
/** soffice's own limit inside the script; the process gets a little more to clean up. */
const JOB_TIMEOUT_S = 45;

/** One edit of a review session; `occurrence` counts from 1 over the body in document order, tables included. */
export type ReviewEdit =
  /** Replaces a phrase. */
  | { replace: string; with: string; occurrence?: number }
  /** Inserts a new paragraph after the paragraph that contains the text. */
  | { insertAfter: string; paragraph: string; occurrence?: number }
  /** Deletes exactly this text (a sentence, with the space after it if it should go too). */
  | { delete: string; occurrence?: number }
  /** Deletes the whole paragraph that contains the text. */
  | { deleteParagraph: string; occurrence?: number };

type Operation = { op: "resave" | "accept-all" | "reject-all" | "paragraphs" } | { op: "edit"; author: string; edits: readonly ReviewEdit[] };

let available: boolean | undefined;

/** Whether /usr/bin/python3 can import uno and soffice is on PATH: the tests that need LibreOffice skip without them. */
export function hasLibreOfficeUno(): boolean {
  if (available === undefined) {
    const python = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import uno"], { stdio: "ignore", timeout: 20_000 }).status === 0;
    const soffice = python && spawnSync("soffice", ["--version"], { stdio: "ignore", timeout: 30_000 }).status === 0;
    available = python && soffice;
  }
  return available;
}

function runJob(input: string, output: string | undefined, operations: readonly Operation[]): unknown[] {
  const result = spawnSync(PYTHON, [SCRIPT], {
    input: JSON.stringify({ input, output, operations, timeout: JOB_TIMEOUT_S }),
    encoding: "utf8",
    timeout: (JOB_TIMEOUT_S + 15) * 1000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`libreoffice-review.py did not finish: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`libreoffice-review.py failed (${result.status}): ${result.stderr.trim()}`);
  return (JSON.parse(result.stdout) as { results: unknown[] }).results;
}

/** Opens the DOCX in LibreOffice and saves it again unchanged, as DOCX ("MS Word 2007 XML"). */
export function resave(input: string, output: string): void {
  runJob(input, output, [{ op: "resave" }]);
}

/** A review session: with change recording on and `author` as LibreOffice's user name, the edits in order, saved as DOCX. */
export function reviewEdits(input: string, output: string, edits: readonly ReviewEdit[], author: string): void {
  runJob(input, output, [{ op: "edit", author, edits }]);
}

/** Accepts every tracked change of the DOCX in LibreOffice and saves the result. */
export function acceptAll(input: string, output: string): void {
  runJob(input, output, [{ op: "accept-all" }]);
}

/** Rejects every tracked change of the DOCX in LibreOffice and saves the result. */
export function rejectAll(input: string, output: string): void {
  runJob(input, output, [{ op: "reject-all" }]);
}

/**
 * The text of every paragraph of the body as LibreOffice reads it, in
 * document order, table cells included (a pending tracked deletion still
 * counts as text: accept or reject first). `docx` is a path or the bytes.
 */
export function libreOfficeParagraphs(docx: string | Uint8Array): string[] {
  if (typeof docx === "string") return runJob(docx, undefined, [{ op: "paragraphs" }])[0] as string[];
  const dir = mkdtempSync(join(tmpdir(), "remiss-lo-paragraphs-"));
  try {
    const file = join(dir, "document.docx");
    writeFileSync(file, docx);
    return runJob(file, undefined, [{ op: "paragraphs" }])[0] as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
