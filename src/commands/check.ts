import { resolve } from "node:path";
import { checkFiles, type CheckFilesOptions } from "../check/check-files.js";
import { expandCheckInputs } from "../check/files.js";
import { compareDiagnostics, type Diagnostic } from "../diagnostics.js";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, RemissError, type ExitCode } from "../errors.js";
import { formatGithub } from "../report/github.js";
import { formatJson } from "../report/json.js";
import { formatStylish } from "../report/stylish.js";
import { printable } from "../report/printable.js";
import type { CommandIo } from "./io.js";

export interface CheckOptions {
  format?: string;
  maxWarnings?: string;
  quiet?: boolean;
  /** false with --no-color. */
  color?: boolean;
}

const FORMATS = ["stylish", "json", "github"] as const;
const KINDS = ".yaml-, .yml-, .md- och .docx-filer";
type Format = (typeof FORMATS)[number];

/**
 * `remiss check`: expand the arguments to files, read and check each one,
 * sort the findings, print them in the chosen format. Exit 0 when clean,
 * 1 for errors or more warnings than `--max-warnings`, 2 for usage errors
 * and files that cannot be read (those are reported as findings too).
 */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CommandIo): Promise<ExitCode> {
  const format = parseFormat(options.format);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);

  const { files, emptyFolders } = await expandCheckInputs(paths, io.cwd);
  if (files.length === 0) {
    const where = emptyFolders.length > 0 ? ` i ${emptyFolders.map((f) => `”${f}”`).join(", ")}` : "";
    throw new RemissError(`Inga filer att granska${where}. check läser ${KINDS}; ange en sådan fil eller en mapp med sådana.`, EXIT_USAGE);
  }
  for (const folder of emptyFolders) io.stderr(`${printable(folder)}: inga filer att granska i mappen. check läser ${KINDS}.\n`);

  const structuralOnly = await unchangedDraftsOfCases(files, io.cwd);
  const results = await checkFiles(files, io.cwd, { ...parseThreads(io.env.REMISS_CHECK_THREADS), structuralOnly });
  if (structuralOnly.size > 0) {
    const count = structuralOnly.size === 1 ? "1 utkast" : `${structuralOnly.size} utkast`;
    io.stderr(
      `${count} granskades bara för avsnitt och rubriker: de är oförändrade sedan remiss skrev dem från ärendet bredvid, och ärendets fynd gäller dem också.\n`,
    );
  }
  const diagnostics = results.flatMap((r) => r.diagnostics).sort(compareDiagnostics);
  const ignored = results.filter((r) => r.ignored).length;
  if (ignored > 0) io.stderr(`${ignored === 1 ? "1 fil" : `${ignored} filer`} hoppades över enligt check.ignorera i remiss.config.yaml.\n`);
  const unreadable = emptyFolders.length > 0 || results.some((r) => r.unreadable);

  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === "error") : diagnostics;
  io.stdout(report(format, shown, io, files.length, Boolean(options.quiet), options.color !== false));

  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  if (tooManyWarnings) {
    io.stderr(`För många varningar: ${warnings}, men högst ${maxWarnings} tillåts (--max-warnings ${maxWarnings}).\n`);
  }
  if (unreadable) return EXIT_USAGE;
  return errors > 0 || tooManyWarnings ? EXIT_INVALID : EXIT_OK;
}

/**
 * The drafts (.md, .docx) that stand beside a case checked in the same run
 * (same folder, same name) and are unedited since remiss wrote them, by
 * their fingerprint: their text is the case's, so its findings are not
 * repeated for them. An edited or unsigned draft is checked in full.
 */
async function unchangedDraftsOfCases(files: readonly string[], cwd: string): Promise<Set<number>> {
  const cases = new Set(files.filter((f) => /\.ya?ml$/iu.test(f)).map((f) => resolve(cwd, f).replace(/\.ya?ml$/iu, "")));
  const found = new Set<number>();
  if (cases.size === 0) return found;
  const candidates = files.map((f, index) => ({ f, index })).filter(({ f }) => /\.(md|docx)$/iu.test(f) && cases.has(resolve(cwd, f).replace(/\.(md|docx)$/iu, "")));
  if (candidates.length === 0) return found;
  const [{ docxState, markdownState }, { markdownText, readEarlierOutput }] = await Promise.all([import("../output/fingerprint.js"), import("../output/existing.js")]);
  for (const { f, index } of candidates) {
    let bytes: Buffer | undefined;
    try {
      bytes = readEarlierOutput(resolve(cwd, f), f);
    } catch {
      // Checked in full, where it is said why it cannot be read.
    }
    if (!bytes) continue;
    const state = f.toLowerCase().endsWith(".md") ? markdownState(markdownText(bytes)) : docxState(bytes);
    if (state === "intact") found.add(index);
  }
  return found;
}

export function report(format: Format, diagnostics: readonly Diagnostic[], io: CommandIo, fileCount: number, quiet: boolean, colorAllowed: boolean): string {
  switch (format) {
    case "json":
      return formatJson(diagnostics);
    case "github":
      return formatGithub(diagnostics);
    case "stylish":
      return formatStylish(diagnostics, { color: colorAllowed && useColor(io), fileCount, quiet, ...terminalWidth(io) });
  }
}

/** The width to wrap to: the terminal's, or COLUMNS when set (as shells do); none when output goes elsewhere. */
function terminalWidth(io: CommandIo): { width?: number } {
  const columns = io.stdoutColumns ?? (/^\d+$/u.test(io.env.COLUMNS ?? "") ? Number(io.env.COLUMNS) : undefined);
  return columns !== undefined && columns >= 40 ? { width: columns } : {};
}

export function parseFormat(value: string | undefined): Format {
  const format = (value ?? "stylish").trim().toLowerCase();
  if ((FORMATS as readonly string[]).includes(format)) return format as Format;
  throw new RemissError(`Okänt format ”${value}” för --format. Välj stylish, json eller github.`, EXIT_USAGE);
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\s*\d+\s*$/u.test(value)) return Number(value);
  throw new RemissError(
    `--max-warnings ska vara ett heltal, 0 eller större (t.ex. --max-warnings 0), inte ”${value}”.`,
    EXIT_USAGE,
  );
}

/**
 * REMISS_CHECK_THREADS: how many threads check the files, this one included
 * (1: no worker threads). Unset or not a whole number: as many as the
 * machine has cores, for runs of many files.
 */
function parseThreads(value: string | undefined): CheckFilesOptions {
  return value !== undefined && /^\s*[1-9]\d*\s*$/u.test(value) ? { threads: Number(value) } : {};
}

/**
 * Colours on a terminal only. FORCE_COLOR turns them on whatever the output
 * is ("0" or "false" turns them off), as in Node itself; otherwise NO_COLOR,
 * when set and not empty, turns them off.
 */
export function useColor(io: Pick<CommandIo, "env" | "stdoutIsTTY">): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (io.env.NO_COLOR) return false;
  return io.stdoutIsTTY;
}
