import { basename, dirname, extname, join, resolve } from "node:path";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { PdfLevel } from "../model/husstil.js";
import { capPerRule, hasErrors, hasUnreadable } from "../diagnostics.js";
import { EXIT_INVALID, EXIT_USAGE, RemissError, unexpectedDetail, type ExitCode } from "../errors.js";
import { ProfileLoader, type Profile } from "../load/config.js";
import { loadCaseFile, loadCaseText } from "../load/index.js";
import type { OutputFile } from "../output/atomic.js";
import { createMarkdownRenderer, type MarkdownRenderer } from "../render/markdown/render.js";
import { packageVersion } from "../paths.js";
import { formatCompact } from "../report/compact.js";
import { printable } from "../report/printable.js";
import { buildViewModel } from "../view/model.js";
import { canRunAsWorker, serveJobs, startWorkers, type PoolWorker } from "../parallel/pool.js";

export const FORMATS = ["md", "docx", "pdf"] as const;
export type Format = (typeof FORMATS)[number];

/** What a case's drafting needs to know of the run: all of it can be sent to a worker thread. */
export interface PrepareSettings {
  readonly formats: readonly Format[];
  readonly outDir?: string | undefined;
  readonly templates?: string | undefined;
  readonly stdout?: boolean | undefined;
  /** --check: the drafts are compared, not written, and placeholders are not counted. */
  readonly check?: boolean | undefined;
  readonly cwd: string;
  readonly sourceDateEpoch?: string | undefined;
}

/**
 * One case drafted in memory, before anything is said or written: what
 * `draft` then says and writes for it, in the order of the cases (see
 * Drafter in draft.ts). It holds only data, so that a worker thread can
 * send it.
 */
export interface PreparedCase {
  readonly file: string;
  /** The remiss.config.yaml's findings, said the first time a case uses that config. */
  readonly profile?: { readonly config: string; readonly text: string };
  /** What is said of the case before anything is written: its findings, or why nothing is written. */
  readonly said: readonly string[];
  /** Set when the case stops here: nothing is written. */
  readonly failed?: ExitCode;
  /** --stdout: the Markdown. */
  readonly markdown?: string;
  /** What to write (or, with --check, to compare). */
  readonly outputs?: readonly OutputFile[];
  /** With PDF: the Word document to convert, and where the PDF goes. */
  readonly pdf?: { readonly docx: Uint8Array; readonly path: string; readonly level?: PdfLevel };
  /** How many placeholders ("[Fyll i …]", TODO) remain in the draft. */
  readonly placeholders?: number;
}

/**
 * Drafts cases in memory: load → validate → view model → Markdown → DOCX.
 * Profiles and compiled templates are loaded once and shared by the cases
 * it drafts.
 */
export class CasePreparer {
  private readonly profiles: ProfileLoader;
  private readonly renderers = new Map<string, MarkdownRenderer>();
  /** docProps/app.xml's Application: "remiss 0.2.0". */
  private readonly application = `remiss ${packageVersion()}`;

  constructor(private readonly settings: PrepareSettings) {
    this.profiles = new ProfileLoader(settings.cwd);
  }

  /**
   * `source`: another version of the case at `file` (`remiss diff --mot`,
   * from git): its bytes, and the name its findings are said under.
   */
  async prepare(file: string, source?: { readonly bytes: Uint8Array; readonly name: string }): Promise<PreparedCase> {
    const { cwd, formats } = this.settings;
    let profileNote: PreparedCase["profile"];
    try {
      const profile = await this.profiles.forCase(resolve(cwd, file));
      if (profile.diagnostics.length > 0) {
        const config = profile.diagnostics[0]!.file;
        return {
          file,
          profile: { config, text: formatCompact(capPerRule(profile.diagnostics)) },
          said: [line(`${file}: inget skrevs, eftersom ${config} har fel. Rätta dem och kör igen.`)],
          failed: EXIT_INVALID,
        };
      }
      if (profile.warnings.length > 0) profileNote = { config: profile.warnings[0]!.file, text: formatCompact(capPerRule(profile.warnings)) };
      const loaded = source
        ? loadCaseText(source.bytes, source.name, profile.config, profile.style, dirname(resolve(cwd, file)))
        : await loadCaseFile(file, profile.config, cwd, profile.style);
      const said = loaded.diagnostics.length > 0 ? [formatCompact(capPerRule(loaded.diagnostics))] : [];
      const base = { file, ...(profileNote ? { profile: profileNote } : {}) };
      if (!loaded.case || hasErrors(loaded.diagnostics)) {
        const failed = hasUnreadable(loaded.diagnostics) ? EXIT_USAGE : EXIT_INVALID;
        return { ...base, said: [...said, line(`${loaded.file}: inget skrevs, eftersom filen har fel. Rätta dem och kör igen.`)], failed };
      }
      const markdown = this.renderer(profile)(buildViewModel(loaded.case, profile.style));
      if (this.settings.stdout) return { ...base, said, markdown };

      const target = join(this.settings.outDir ?? dirname(file), basename(file, extname(file)));
      const outputs: OutputFile[] = [];
      if (formats.includes("md")) outputs.push({ path: `${target}.md`, data: markdown });
      let pdf: PreparedCase["pdf"];
      let docx: Uint8Array | undefined;
      if (formats.includes("docx") || formats.includes("pdf")) {
        const { renderDocx } = await import("../render/docx/index.js");
        docx = await renderDocx(markdown, {
          sourceDateEpoch: this.settings.sourceDateEpoch,
          style: profile.style,
          application: this.application,
          baseDir: dirname(resolve(cwd, file)),
        });
        if (formats.includes("docx")) outputs.push({ path: `${target}.docx`, data: docx });
        if (formats.includes("pdf")) pdf = { docx, path: `${target}.pdf`, ...(profile.style.pdf ? { level: profile.style.pdf } : {}) };
      }
      return { ...base, said, outputs, ...(pdf ? { pdf } : {}), placeholders: this.settings.check ? 0 : await countPlaceholders(markdown, docx) };
    } catch (error) {
      const base = { file, ...(profileNote ? { profile: profileNote } : {}) };
      if (error instanceof RemissError) return { ...base, said: [line(error.message)], failed: error.exitCode };
      return { ...base, said: [unexpected(file, error)], failed: EXIT_USAGE };
    }
  }

  /** The compiled templates for a profile: --templates, else the profile's folder, else the built-in ones. */
  private renderer(profile: Profile): MarkdownRenderer {
    const dir = this.settings.templates ? resolve(this.settings.cwd, this.settings.templates) : (profile.templatesDir ?? "");
    let renderer = this.renderers.get(dir);
    if (!renderer) {
      renderer = createMarkdownRenderer(dir || undefined);
      this.renderers.set(dir, renderer);
    }
    return renderer;
  }
}

/**
 * How many placeholders ("[Fyll i …]", TODO) a draft still has, by `check`'s
 * own rule: in the Word document when there is one, as `check` reads it
 * (the letterhead, the footer and the properties included), else in the
 * Markdown. A draft whose Markdown (front matter included, which holds the
 * letterhead) has no character that could start one has none.
 */
async function countPlaceholders(markdown: string, docx: Uint8Array | undefined): Promise<number> {
  if (!/\[|TODO|FIXME|XXX|Lorem|…/u.test(markdown)) return 0;
  const [{ readMarkdown }, { runRules }, { textPlatshallare }] = await Promise.all([
    import("../check/readers/markdown.js"),
    import("../check/engine.js"),
    import("../check/rules/text-platshallare.js"),
  ]);
  const document = docx ? (await import("../check/readers/docx.js")).readDocx(docx) : readMarkdown(markdown);
  return runRules(document, {}, [textPlatshallare]).filter((f) => f.rule === textPlatshallare.id).length;
}

/** A fault of remiss's own with one file: it stops that file only, and the others are still drafted. */
export function unexpected(file: string, error: unknown): string {
  return line(`${file}: ett oväntat fel inträffade (${unexpectedDetail(error)}). Inget skrevs för filen; de andra skrivs ändå. Rapportera gärna felet.`);
}

/** One line of output: whatever it quotes (file names above all) printable, then a line break. */
export function line(text: string): string {
  return `${printable(text)}\n`;
}

/** Tells a worker started by `startDraftWorkers` from other workers. */
const WORKER_TAG = "remiss:draft";

/** A job: the case's index in the run, and its file. */
export type DraftJob = readonly [number, string];

/**
 * Worker threads that draft cases with `settings` (src/parallel/pool.ts).
 * They run this module's own file, which serves them below; from
 * TypeScript (a test run) there are none, and every case is drafted in the
 * calling thread.
 */
export function startDraftWorkers(count: number, settings: PrepareSettings): PoolWorker<DraftJob, PreparedCase>[] {
  if (count < 1 || !canRunAsWorker(import.meta.url)) return [];
  // A few cases at a time: a worker's answer carries their documents.
  return startWorkers<DraftJob, PreparedCase>(count, new URL(import.meta.url), { tag: WORKER_TAG, settings }, 4);
}

/** The Word documents of a drafted case, moved to the thread that writes them rather than copied. */
function documentsOf(prepared: PreparedCase): ArrayBuffer[] {
  const bytes = [...(prepared.outputs ?? []).map((o) => o.data), prepared.pdf?.docx];
  return bytes.filter((b): b is Uint8Array => b instanceof Uint8Array && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength).map((b) => b.buffer as ArrayBuffer);
}

if (!isMainThread && parentPort && (workerData as { tag?: unknown } | null)?.tag === WORKER_TAG) {
  const preparer = new CasePreparer((workerData as { settings: PrepareSettings }).settings);
  serveJobs<DraftJob, PreparedCase>(parentPort, () => ([, file]) => preparer.prepare(file), documentsOf);
}
