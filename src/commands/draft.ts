import { basename, dirname, extname, join } from "node:path";
import { hasErrors } from "../diagnostics.js";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, RemissError, type ExitCode } from "../errors.js";
import { loadCaseFile } from "../load/index.js";
import { expandCaseInputs } from "../load/inputs.js";
import { writeFilesAtomically, type OutputFile } from "../output/atomic.js";
import { createMarkdownRenderer, type MarkdownRenderer } from "../render/markdown/render.js";
import { formatCompact } from "../report/compact.js";
import { buildViewModel } from "../view/model.js";
import type { CommandIo } from "./io.js";

export interface DraftOptions {
  outDir?: string;
  format?: string;
}

const FORMATS = ["md", "docx"] as const;
type Format = (typeof FORMATS)[number];

/**
 * `remiss draft`: for each case file, load → validate → view model →
 * Markdown → (DOCX), then write both atomically. An invalid file is reported
 * and skipped; the others are still drafted.
 */
export async function runDraft(paths: readonly string[], options: DraftOptions, io: CommandIo): Promise<ExitCode> {
  const formats = parseFormats(options.format);
  const files = await expandCaseInputs(paths);
  if (files.length === 0) throw new RemissError("Inga YAML-filer hittades. Ange en fil, t.ex. remiss draft arende.yaml.");

  let renderMarkdown: MarkdownRenderer | undefined;
  let exitCode: ExitCode = EXIT_OK;
  let drafted = 0;
  let failed = 0;
  for (const file of files) {
    try {
      const loaded = await loadCaseFile(file);
      if (loaded.diagnostics.length > 0) io.stderr(formatCompact(loaded.diagnostics));
      if (!loaded.case || hasErrors(loaded.diagnostics)) {
        io.stderr(`${file}: inget skrevs, eftersom filen har fel. Rätta dem och kör igen.\n`);
        exitCode = worst(exitCode, EXIT_INVALID);
        failed++;
        continue;
      }
      renderMarkdown ??= createMarkdownRenderer();
      const markdown = renderMarkdown(buildViewModel(loaded.case));
      const target = join(options.outDir ?? dirname(file), basename(file, extname(file)));
      const outputs: OutputFile[] = [];
      if (formats.includes("md")) outputs.push({ path: `${target}.md`, data: markdown });
      if (formats.includes("docx")) {
        const { renderDocx } = await import("../render/docx/index.js");
        outputs.push({ path: `${target}.docx`, data: await renderDocx(markdown, { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH }) });
      }
      await writeFilesAtomically(outputs).catch((error: unknown) => {
        throw new RemissError(`${file}: kunde inte skriva ${outputs.map((o) => o.path).join(" och ")} (${describe(error)}).`);
      });
      io.stdout(`Skrev ${outputs.map((o) => o.path).join(" och ")}\n`);
      drafted++;
    } catch (error) {
      if (!(error instanceof RemissError)) throw error;
      io.stderr(`${error.message}\n`);
      exitCode = worst(exitCode, error.exitCode);
      failed++;
    }
  }
  if (files.length > 1) io.stderr(`${summary(drafted, failed)}\n`);
  return exitCode;
}

function parseFormats(value: string | undefined): Format[] {
  if (value === undefined) return [...FORMATS];
  const requested = value.split(",").map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = requested.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || requested.length === 0) {
    throw new RemissError(`Okänt format ”${unknown.join(",") || value}”. Välj md, docx eller md,docx.`, EXIT_USAGE);
  }
  return FORMATS.filter((f) => requested.includes(f));
}

function summary(drafted: number, failed: number): string {
  const written = drafted === 1 ? "1 utkast skrivet" : `${drafted} utkast skrivna`;
  return failed > 0 ? `${written}, ${failed} fel` : written;
}

function worst(a: ExitCode, b: ExitCode): ExitCode {
  return Math.max(a, b) as ExitCode;
}

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? "okänt fel";
}
