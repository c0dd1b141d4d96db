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

  const results = await checkFiles(files, io.cwd, parseThreads(io.env.REMISS_CHECK_THREADS));
  for (const stale of await staleDrafts(files, io.cwd)) results[stale.index]!.diagnostics.push(stale.diagnostic);
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
 * (same folder, same name) and are not what the case gives today: the case
 * is drafted in memory, as `draft` would, and compared with each draft by
 * content (src/check/stale-draft.ts). A stale draft is an error of its own,
 * at its first line that differs: the files disagree, and the one that is
 * sent may be the old one. A case that cannot be drafted (it has errors) is
 * not compared; its findings say why.
 */
async function staleDrafts(files: readonly string[], cwd: string): Promise<{ index: number; diagnostic: Diagnostic }[]> {
  const caseFiles = new Map(files.filter((f) => /\.ya?ml$/iu.test(f)).map((f) => [resolve(cwd, f).replace(/\.ya?ml$/iu, ""), f]));
  if (caseFiles.size === 0) return [];
  const byCase = new Map<string, { index: number; file: string; format: "md" | "docx" }[]>();
  files.forEach((file, index) => {
    const match = /\.(md|docx)$/iu.exec(file);
    const caseFile = match && caseFiles.get(resolve(cwd, file).slice(0, -match[0].length));
    if (!match || !caseFile) return;
    byCase.set(caseFile, [...(byCase.get(caseFile) ?? []), { index, file, format: match[1]!.toLowerCase() as "md" | "docx" }]);
  });
  if (byCase.size === 0) return [];
  const [{ CasePreparer }, { docxDifference, markdownDifference }, { inPart }, { readEarlierOutput }] = await Promise.all([
    import("./draft-case.js"),
    import("../check/stale-draft.js"),
    import("../check/engine.js"),
    import("../output/existing.js"),
  ]);
  const found: { index: number; diagnostic: Diagnostic }[] = [];
  // One preparer per set of formats, so that profiles and templates are loaded once.
  const preparers = new Map<string, InstanceType<typeof CasePreparer>>();
  for (const [caseFile, drafts] of byCase) {
    const formats = [...new Set(drafts.map((d) => d.format))].sort();
    let preparer = preparers.get(formats.join());
    if (!preparer) {
      preparer = new CasePreparer({ formats, cwd, check: true });
      preparers.set(formats.join(), preparer);
    }
    const prepared = await preparer.prepare(caseFile);
    if (prepared.failed !== undefined) continue;
    for (const { index, file, format } of drafts) {
      const expected = prepared.outputs?.find((o) => o.path.toLowerCase().endsWith(`.${format}`))?.data;
      let bytes: Buffer | undefined;
      try {
        bytes = readEarlierOutput(resolve(cwd, file), file);
      } catch {
        // Checked in full, where it is said why it cannot be read.
      }
      if (expected === undefined || !bytes) continue;
      const at =
        format === "md"
          ? markdownDifference(bytes.toString("utf8"), typeof expected === "string" ? expected : Buffer.from(expected).toString("utf8"))
          : docxDifference(new Uint8Array(bytes), typeof expected === "string" ? Buffer.from(expected) : expected);
      if (!at) continue;
      const what = format === "md" ? "utkastet" : "Word-dokumentet";
      const message = inPart(
        at,
        `${what[0]!.toUpperCase()}${what.slice(1)} är inte det som ${caseFile} ger i dag: ${format === "md" ? "från den här raden" : "från det här stycket"} skiljer sig filerna åt. Skriv ${what} på nytt med remiss draft ${caseFile}, eller för in ändringen i ärendet.`,
      );
      found.push({ index, diagnostic: { file, line: at.line, column: at.column, severity: "error", rule: "utkast/inaktuellt", message } });
    }
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
