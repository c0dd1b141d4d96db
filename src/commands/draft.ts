import { existsSync, readdirSync, realpathSync, statSync, watch as watchFs, type FSWatcher } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { PdfLevel } from "../model/husstil.js";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, RemissError, unexpectedDetail, type ExitCode } from "../errors.js";
import { ProfileLoader } from "../load/config.js";
import { expandCaseInputs } from "../load/inputs.js";
import { STDIN, readRegularFile } from "../load/read.js";
import { isGlob } from "../load/walk.js";
import { LIMITS } from "../model/limits.js";
import { markdownText, readEarlierOutput } from "../output/existing.js";
import { removingTemporariesOnSignal, writeFilesAtomically, type OutputFile } from "../output/atomic.js";
import { runJobs } from "../parallel/pool.js";
import { printable } from "../report/printable.js";
import { joinSwedish } from "../view/lists.js";
import { CasePreparer, FORMATS, line, startDraftWorkers, unexpected, type DraftJob, type Format, type PrepareSettings, type PreparedCase } from "./draft-case.js";
import type { CommandIo } from "./io.js";

export interface DraftOptions {
  outDir?: string;
  format?: string;
  templates?: string;
  stdout?: boolean;
  /** Exit 1 when placeholders remain in a draft (CI's habit). */
  strict?: boolean;
  /** Overwrite drafts that were edited by hand. */
  force?: boolean;
  /** Write nothing; exit 1 when a draft is missing, edited, or not what its YAML gives today (prettier's habit). */
  check?: boolean;
  watch?: boolean;
  /** Ends `--watch` (tests); Ctrl-C ends it for a user. */
  signal?: AbortSignal;
}

/** Said once in a run that writes PDF/A-1 (husstil.pdf: pdfa-1b): such a file makes no PDF/UA claim. */
const PDFA1_NOTE =
  "Obs: med husstil.pdf: pdfa-1b blir PDF-filen PDF/A-1, som inte får märkas som PDF/UA. Den är taggad men inte märkt som tillgänglig enligt PDF/UA-1; välj pdfa-2b om arkivet tar emot PDF/A-2.";

/** What `draft` writes without --format. */
const DEFAULT_FORMATS: readonly Format[] = ["md", "docx"];

/** More files than this show a progress line on a terminal. */
const PROGRESS_FROM = 5;

/**
 * `remiss draft`: for each case file, load → validate → view model →
 * Markdown → DOCX, then write both atomically. An invalid file is reported
 * and skipped; the others are still drafted.
 */
export async function runDraft(paths: readonly string[], given: DraftOptions, io: CommandIo): Promise<ExitCode> {
  // `-`: the case from standard input, its Markdown to standard output (prettier's habit).
  if (paths.includes(STDIN) && paths.length > 1) throw new RemissError(`${STDIN} (ärendet från standard in) går inte att kombinera med andra filer.`, EXIT_USAGE);
  const options = paths.includes(STDIN) ? { ...given, stdout: true } : given;
  const formats = parseFormats(options.format);
  if (options.stdout && options.format !== undefined && formats.some((f) => f !== "md")) {
    throw new RemissError(`--stdout skriver bara Markdown, inte ${joinSwedish(formats.filter((f) => f !== "md"))}. Ta bort --format, eller skriv filerna utan --stdout.`, EXIT_USAGE);
  }
  if (options.check && (options.stdout || options.watch)) {
    throw new RemissError("--check går inte att kombinera med --stdout eller --watch.", EXIT_USAGE);
  }
  if (options.stdout && (options.watch || options.outDir)) {
    throw new RemissError("--stdout går inte att kombinera med --watch eller --out-dir.", EXIT_USAGE);
  }
  const files = await expandCaseInputs(paths, io.cwd);
  if (files.length === 0) {
    const tried = joinSwedish(paths.map((path) => `${isGlob(path) ? "mönstret" : "mappen"} ”${printable(path)}”`));
    throw new RemissError(`Inga YAML-filer hittades i ${tried} (draft läser *.yaml och *.yml utom remiss.config.yaml, också i undermappar). Ange en fil, t.ex. remiss draft arende.yaml.`, EXIT_USAGE);
  }
  if (options.stdout && files.length !== 1) throw new RemissError("--stdout tar en enda fil.", EXIT_USAGE);
  if (!options.stdout) refuseCollisions(files, options.outDir, formats, io.cwd);

  if (formats.includes("pdf") && !options.stdout && !options.check) {
    const { requireSoffice } = await import("../render/pdf.js");
    requireSoffice(io.env);
  }
  if (!options.watch) return removingTemporariesOnSignal(() => new Drafter(options, formats, io).draftAll(files));
  return watchAndDraft(paths, options, formats, io);
}

/**
 * Fewer cases than this are drafted in this thread alone: a worker thread
 * loads the program and compiles its hot parts anew, about 0.5 s of a
 * core's time before its first case.
 */
export const PARALLEL_MIN_CASES = 24;
/** At most this many threads in all, however many cores: each holds its own copy of the program and its own heap. */
const MAX_THREADS = 4;

/**
 * One run over a list of files. The cases are drafted in memory
 * (draft-case.ts), shared between this thread and worker threads when there
 * are many; what is said and written for each is then said and written
 * here, in the files' order, so a run says the same whichever thread
 * drafted what.
 */
class Drafter {
  private readonly reportedProfiles = new Set<string>();
  private readonly settings: PrepareSettings;

  constructor(
    private readonly options: DraftOptions,
    private readonly formats: readonly Format[],
    private readonly io: CommandIo,
  ) {
    this.settings = {
      formats,
      cwd: io.cwd,
      outDir: options.outDir,
      templates: options.templates,
      stdout: options.stdout,
      check: options.check,
      sourceDateEpoch: io.env.SOURCE_DATE_EPOCH,
    };
  }

  /** With PDF: each file's outputs, written together once LibreOffice has made all the PDFs of the run. */
  private readonly pending: { file: string; outputs: readonly OutputFile[]; docx: Uint8Array; pdf: string; level?: PdfLevel }[] = [];

  async draftAll(files: readonly string[]): Promise<ExitCode> {
    let exitCode: ExitCode = EXIT_OK;
    let drafted = 0;
    const progress = this.io.stderrIsTTY && files.length > PROGRESS_FROM;
    const preparer = new CasePreparer(this.settings);
    const workers = startDraftWorkers(this.workerCount(files.length), this.settings);

    // Each case is said and written as soon as it and every case before it are drafted.
    const ready = new Map<number, PreparedCase>();
    let next = 0;
    let writing = Promise.resolve();
    const writeReady = async () => {
      for (let prepared = ready.get(next); prepared; prepared = ready.get(next)) {
        ready.delete(next);
        const index = next++;
        if (progress) this.io.stderr(`\r\x1b[K[${index + 1}/${files.length}] ${printable(prepared.file)}`);
        const code = await this.finish(prepared, progress);
        if (code === EXIT_OK && !this.formats.includes("pdf")) drafted++;
        exitCode = Math.max(exitCode, code) as ExitCode;
      }
    };
    await runJobs<DraftJob, PreparedCase>({
      jobs: files.map((file, index) => [index, file] as const),
      workers,
      runHere: ([, file]) => preparer.prepare(file),
      onResult: (index, prepared) => {
        ready.set(index, prepared);
        writing = writing.then(writeReady);
        return writing;
      },
    });
    await writing;

    if (progress) this.io.stderr("\r\x1b[K");
    if (this.pending.length > 0) {
      const written = await this.writePdfRun();
      drafted += written.drafted;
      exitCode = Math.max(exitCode, written.exitCode) as ExitCode;
    }
    if (this.options.check) {
      this.io.stderr(
        drafted === files.length ? `Alla utkast stämmer med sina ärenden (${files.length}).\n` : `${files.length - drafted} av ${files.length} ärenden har utkast som inte stämmer.\n`,
      );
    } else if (files.length > 1) this.io.stderr(`${summary(drafted, files.length - drafted)}\n`);
    return exitCode;
  }

  /**
   * Worker threads for a run. A thread that drafts keeps more than one core
   * busy, since V8 collects its garbage and compiles its hot code on others:
   * on two cores, 200 cases took 7.1 s of processor time in 5.6 s (medians
   * of runs that varied by half a second either way), and with a worker 4.4 s
   * but 260 MB at most instead of 185. So a worker is started only for a
   * core beyond the first two, at most MAX_THREADS threads in all, and none
   * below PARALLEL_MIN_CASES cases or with --stdout. REMISS_DRAFT_THREADS
   * (threads in all, this one included) overrides both, as
   * REMISS_CHECK_THREADS does for `check`.
   */
  private workerCount(cases: number): number {
    const forced = this.io.env.REMISS_DRAFT_THREADS;
    if (forced !== undefined && /^\s*[1-9]\d*\s*$/u.test(forced)) return Math.max(0, Math.min(Number(forced) - 1, cases - 1));
    if (cases < PARALLEL_MIN_CASES || this.options.stdout) return 0;
    return Math.max(0, Math.min(availableParallelism() - 1, MAX_THREADS) - 1);
  }

  /** Says and writes what was drafted for one case; its exit code. */
  private async finish(prepared: PreparedCase, progress: boolean): Promise<ExitCode> {
    const say = (text: string) => this.io.stderr(progress ? `\r\x1b[K${text}` : text);
    const { file } = prepared;
    if (prepared.profile && !this.reportedProfiles.has(prepared.profile.config)) {
      this.reportedProfiles.add(prepared.profile.config);
      say(prepared.profile.text);
    }
    for (const text of prepared.said) say(text);
    if (prepared.failed !== undefined) return prepared.failed;
    if (prepared.markdown !== undefined) {
      this.io.stdout(prepared.markdown);
      return EXIT_OK;
    }
    const outputs = prepared.outputs ?? [];
    if (this.options.check) return this.compare(outputs, file, say);
    if (prepared.pdf) {
      this.pending.push({ file, outputs, docx: prepared.pdf.docx, pdf: prepared.pdf.path, ...(prepared.pdf.level ? { level: prepared.pdf.level } : {}) });
      return this.placeholders(prepared, [...outputs.map((o) => o.path), prepared.pdf.path], say);
    }
    try {
      await this.write(file, outputs, progress);
    } catch (error) {
      say(error instanceof RemissError ? line(error.message) : unexpected(file, error));
      return error instanceof RemissError ? error.exitCode : EXIT_USAGE;
    }
    return this.placeholders(prepared, outputs.map((o) => o.path), say);
  }

  /**
   * A draft is written even with placeholders left in it ("[Fyll i …]",
   * TODO): says how many, and where `check` shows them; with --strict that
   * is a failure (exit 1).
   */
  private placeholders(prepared: PreparedCase, paths: readonly string[], say: (text: string) => void): ExitCode {
    const count = prepared.placeholders ?? 0;
    if (count === 0) return EXIT_OK;
    const what = count === 1 ? "1 platshållare står kvar" : `${count} platshållare står kvar`;
    say(line(`${what} i ${joinSwedish(paths)}; remiss check visar var.`));
    return this.options.strict ? EXIT_INVALID : EXIT_OK;
  }

  /**
   * `--check`: each output is compared with what is on disk, nothing is
   * written. A draft is stale when its Markdown differs, or its DOCX records
   * another fingerprint (the DOCX's dates may follow the clock, its text
   * does not).
   */
  private async compare(outputs: readonly OutputFile[], file: string, say: (text: string) => void): Promise<ExitCode> {
    const { draftFileState } = await import("../output/draft-state.js");
    const problems: string[] = [];
    for (const output of outputs) {
      let state;
      try {
        state = draftFileState(resolve(this.io.cwd, output.path), output.path, output.data);
      } catch (error) {
        if (!(error instanceof RemissError)) throw error;
        say(line(error.message));
        return error.exitCode;
      }
      if (state === "same") continue;
      if (state === "missing") problems.push(`${output.path}: saknas`);
      else problems.push(state === "edited" ? `${output.path}: har ändrats för hand (kör remiss import ${output.path})` : `${output.path}: är inte vad ${file} ger i dag`);
    }
    if (problems.length === 0) return EXIT_OK;
    say([...problems, `Kör remiss draft ${file} (och flytta först ändringar gjorda för hand till YAML-filen).`].map(line).join(""));
    return EXIT_INVALID;
  }

  /** Outputs on disk that someone has edited since remiss wrote them: never overwritten without --force. */
  private async refuseEdited(file: string, outputs: readonly OutputFile[]): Promise<void> {
    if (this.options.force) return;
    const { docxState, markdownState, sameDocx, sameMarkdown } = await import("../output/fingerprint.js");
    const edited: string[] = [];
    for (const output of outputs) {
      if (output.path.endsWith(".pdf")) continue;
      const existing = readEarlierOutput(resolve(this.io.cwd, output.path), output.path);
      if (!existing) continue;
      const isMarkdown = output.path.endsWith(".md");
      const text = isMarkdown ? markdownText(existing) : "";
      const state = isMarkdown ? markdownState(text) : docxState(existing);
      if (state !== "edited") continue;
      // An edit that says what the case now says (after `remiss import`) loses nothing.
      if (isMarkdown ? sameMarkdown(text, output.data as string) : sameDocx(existing, output.data as Uint8Array)) continue;
      edited.push(output.path);
    }
    if (edited.length === 0) return;
    const which = edited.length === 1 ? `${edited[0]} har` : `${joinSwedish(edited)} har`;
    throw new RemissError(
      `${which} ändrats för hand sedan remiss skrev ${edited.length === 1 ? "den" : "dem"}, och skrivs inte över. Ta in ändringarna i ${file} med remiss import ${edited[0]} och kör igen, eller skriv över med --force.`,
      EXIT_INVALID,
    );
  }

  /** Writes one file's outputs together, atomically, and says so. */
  private async write(file: string, outputs: readonly OutputFile[], progress = false): Promise<void> {
    await this.refuseEdited(file, outputs);
    const paths = outputs.map((o) => o.path);
    const shown = new Map(outputs.map((o) => [resolve(this.io.cwd, o.path), o.path]));
    await writeFilesAtomically(
      outputs.map((o) => ({ ...o, path: resolve(this.io.cwd, o.path) })),
      (path) => shown.get(path) ?? path,
    );
    if (progress) this.io.stderr("\r\x1b[K");
    this.io.stdout(line(`Skrev ${joinSwedish(paths)}`));
  }

  /**
   * The run's PDFs, made by LibreOffice a chunk at a time (render/pdf.ts);
   * then each file's outputs, PDF included, written together. A case that
   * got no PDF is that case's error, named by its file; the others are
   * still written. With more than PROGRESS_FROM cases, a terminal shows each
   * case as LibreOffice converts it, a log a line for each chunk.
   */
  private async writePdfRun(): Promise<{ drafted: number; exitCode: ExitCode }> {
    const pending = this.pending.splice(0);
    const { convertToPdf, pdfChunkSize, requireSoffice } = await import("../render/pdf.js");
    const shown = pending.length > PROGRESS_FROM;
    const tty = this.io.stderrIsTTY;
    const pdfs = await convertToPdf(
      requireSoffice(this.io.env),
      pending.map((p, index) => ({ name: String(index), docx: p.docx, ...(p.level ? { level: p.level } : {}) })),
      {
        chunkSize: pdfChunkSize(this.io.env),
        progress: {
          chunk: (first, last, total) => {
            if (shown && !tty) this.io.stderr(`PDF: LibreOffice gör ärende ${first + 1}–${last + 1} av ${total} …\n`);
          },
          converted: (index) => {
            if (shown && tty) this.io.stderr(`\r\x1b[K[PDF ${index + 1}/${pending.length}] ${printable(pending[index]!.file)}`);
          },
        },
      },
    );
    if (shown && tty) this.io.stderr("\r\x1b[K");
    if (pending.some((p) => p.level === "pdfa-1b")) this.io.stderr(line(PDFA1_NOTE));
    let drafted = 0;
    let exitCode: ExitCode = EXIT_OK;
    for (const [index, p] of pending.entries()) {
      const pdf = pdfs.get(String(index));
      try {
        if (typeof pdf !== "object") {
          throw new RemissError(
            `${p.file}: inget skrevs, eftersom ${pdf ?? "LibreOffice inte gjorde någon PDF av det"}. Skriv ärendet med --format md,docx och öppna Word-dokumentet i LibreOffice för att se vad som är fel.`,
            EXIT_USAGE,
          );
        }
        await this.write(p.file, [...p.outputs, { path: p.pdf, data: pdf }]);
        drafted++;
      } catch (error) {
        if (!(error instanceof RemissError)) throw error;
        this.io.stderr(line(error.message));
        exitCode = Math.max(exitCode, error.exitCode) as ExitCode;
      }
    }
    return { drafted, exitCode };
  }
}

/**
 * `--watch`: drafts at once, then again whenever anything a draft reads
 * changes: a case, a new case or subfolder in a folder given, a
 * remiss.config.yaml (also one created in a folder above), a template
 * (section templates in subfolders too). Folders are watched rather than
 * files, so that editors that save by renaming are seen too. A folder that
 * goes away (a branch switch, `git stash -u`) is watched again when it is
 * back. A change is drafted only once the files have stopped changing and
 * parse, so that a file saved in two writes is not drafted half-way. An
 * error is shown and watching goes on.
 */
async function watchAndDraft(paths: readonly string[], options: DraftOptions, formats: readonly Format[], io: CommandIo): Promise<ExitCode> {
  const { CONFIG_FILE } = await import("../model/config-file.js");
  const { isSkippedName } = await import("../load/walk.js");
  const { parseDocument } = await import("yaml");
  let files: string[] = [];
  /** The state of the inputs (their names, sizes and times) that the last round drafted. */
  let drafted = "";
  const inputsNow = async () => {
    const found = await expandCaseInputs(paths, io.cwd);
    const profiles = new ProfileLoader(io.cwd);
    const configs = await Promise.all(found.map(async (file) => (await profiles.forCase(resolve(io.cwd, file))).file));
    return { found, state: stateOf([...found.map((f) => resolve(io.cwd, f)), ...configs.filter((c): c is string => c !== undefined)]) };
  };
  const run = async () => {
    const now = await inputsNow();
    files = now.found;
    drafted = now.state;
    await new Drafter(options, formats, io).draftAll(files).catch((error: unknown) => {
      // Whatever goes wrong in one round is said, and watching goes on.
      io.stderr(error instanceof RemissError ? line(error.message) : `remiss: ett oväntat fel inträffade (${unexpectedDetail(error)}). Bevakningen fortsätter. Rapportera gärna felet.\n`);
    });
  };
  /** Waits until the inputs have not changed for SETTLE_MS and every case parses (or has not for PARSE_WAIT_MS: its error is then said). */
  const settle = async () => {
    let last = (await inputsNow()).state;
    let since = Date.now();
    for (;;) {
      await delay(SETTLE_STEP_MS);
      if (stopped) return;
      const now = await inputsNow();
      if (now.state !== last) {
        last = now.state;
        since = Date.now();
        continue;
      }
      if (Date.now() - since < SETTLE_MS) continue;
      if (Date.now() - since >= PARSE_WAIT_MS || now.found.every((file) => parses(resolve(io.cwd, file)))) return;
    }
  };
  const parses = (path: string) => {
    try {
      return parseDocument(readRegularFile(path, LIMITS.caseBytes).toString("utf8")).errors.length === 0;
    } catch {
      // Unreadable: drafting says why.
      return true;
    }
  };

  const watchers: FSWatcher[] = [];
  /** Folders that should be watched but are not there now: looked for again every POLL_MS. */
  let missing = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  /** Set by Ctrl-C: a round still drafting then sets up no new watchers, which would keep the process alive. */
  let stopped = false;
  const schedule = () => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => {
      running = running.then(async () => {
        await settle();
        if (stopped) return;
        io.stderr(`Ändring upptäckt – skriver om …\n`);
        await run();
        await rewatch();
      });
    }, 150);
  };
  const rewatch = async () => {
    for (const watcher of watchers.splice(0)) watcher.close();
    if (stopped) return;
    const { folders, above } = await foldersToWatch(files);
    const nowMissing = new Set<string>();
    for (const folder of new Set([...folders, ...above])) {
      if (stopped) return;
      const onlyConfig = !folders.has(folder);
      try {
        const watcher = watchFs(folder, { recursive: false }, (_event, name) => {
          if (name && (onlyConfig ? name !== CONFIG_FILE : !relevant(folder, name))) return;
          schedule();
        });
        // A folder removed while watched: drafted again (and watched again) when it is back.
        watcher.on("error", () => schedule());
        watchers.push(watcher);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") {
          if (!missing.has(folder)) io.stderr(line(`${folder}: finns inte just nu; bevakas igen när mappen är tillbaka.`));
          nowMissing.add(folder);
        } else io.stderr(line(`${folder}: kan inte bevakas.`));
      }
    }
    missing = nowMissing;
    // A change between this round's look at the inputs and its watchers: drafted now rather than missed.
    if ((await inputsNow()).state !== drafted) schedule();
  };
  /** A file a draft reads, or a folder (which may hold cases). */
  const relevant = (folder: string, name: string) => {
    if (/\.(ya?ml|hbs)$/iu.test(name)) return true;
    if (isSkippedName(name)) return false;
    try {
      return statSync(join(folder, name)).isDirectory();
    } catch {
      // Gone again, or a folder removed: what it held is looked at anew.
      return !extname(name);
    }
  };
  /** Folders to watch for any input, and folders above the cases where only a new remiss.config.yaml matters. */
  const foldersToWatch = async (cases: readonly string[]) => {
    const profiles = new ProfileLoader(io.cwd);
    const folders = new Set<string>();
    const above = new Set<string>();
    for (const given of paths.map((p) => resolve(io.cwd, p)).filter((p) => !extname(p))) for (const folder of withSubfolders(given, isSkippedName)) folders.add(folder);
    for (const file of cases) {
      const caseDir = dirname(resolve(io.cwd, file));
      folders.add(caseDir);
      for (let folder = dirname(caseDir); ; folder = dirname(folder)) {
        above.add(folder);
        if (dirname(folder) === folder) break;
      }
      const profile = await profiles.forCase(resolve(io.cwd, file));
      if (profile.file) folders.add(dirname(profile.file));
      const templates = options.templates ? resolve(io.cwd, options.templates) : profile.templatesDir;
      if (templates) for (const folder of withSubfolders(templates, isSkippedName)) folders.add(folder);
    }
    return { folders, above };
  };

  await run();
  await rewatch();
  // Ctrl-C is listened for before the line that invites it is written.
  const ended = new Promise<void>((done) => {
    const stop = () => done();
    options.signal?.addEventListener("abort", stop, { once: true });
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  io.stderr("Bevakar ändringar. Avsluta med Ctrl+C.\n");
  // Also keeps the process alive when no folder can be watched for a moment.
  const poll = setInterval(() => {
    if (!stopped && [...missing].some((folder) => existsSync(folder))) schedule();
  }, POLL_MS);
  await ended;
  stopped = true;
  clearInterval(poll);
  clearTimeout(timer);
  for (const watcher of watchers.splice(0)) watcher.close();
  await running;
  // A round that was drafting when Ctrl-C came may have watched again before it saw `stopped`.
  for (const watcher of watchers.splice(0)) watcher.close();
  return EXIT_OK;
}

/** --watch: inputs unchanged this long count as saved. */
const SETTLE_MS = 300;
const SETTLE_STEP_MS = 100;
/** --watch: how long a case that does not parse is given to be saved in full before its errors are said. */
const PARSE_WAIT_MS = 2000;
/** --watch: how often a folder that went away is looked for. */
const POLL_MS = 500;

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** Names, sizes and modification times of the files, as one string to compare. */
function stateOf(paths: readonly string[]): string {
  return paths
    .map((path) => {
      const info = statSync(path, { throwIfNoEntry: false, bigint: true });
      return `${path}\0${info ? `${info.size}:${info.mtimeNs}:${info.ino}` : "-"}`;
    })
    .join("\n");
}

/** A folder and the folders below it (not those `skip` names), or nothing when it is not there. */
function withSubfolders(folder: string, skip: (name: string) => boolean): string[] {
  const out = [folder];
  try {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory() && !skip(entry.name)) out.push(...withSubfolders(join(folder, entry.name), skip));
    }
  } catch {
    // Not there (yet), or not a folder: watching it says so.
  }
  return out;
}

/**
 * Before anything is written: two cases that would write the same draft
 * (`a/arende.yaml` and `b/arende.yaml` with `-o ut`), or a draft that would
 * overwrite a case given as input (a case saved as `arende.md`), are a
 * usage error, exit 2.
 */
function refuseCollisions(files: readonly string[], outDir: string | undefined, formats: readonly Format[], cwd: string): void {
  // Real paths: an out-dir that is a link to the cases' folder writes into that folder.
  const inputs = new Set(files.map((file) => realPath(resolve(cwd, file))));
  const owners = new Map<string, string>();
  for (const file of files) {
    const target = join(outDir ?? dirname(file), basename(file, extname(file)));
    for (const format of formats) {
      const output = `${target}.${format}`;
      const key = join(realPath(resolve(cwd, dirname(output))), basename(output));
      if (inputs.has(key)) {
        throw new RemissError(`${file}: utkastet ${output} skulle skriva över ärendet självt. Ge ärendet ändelsen .yaml.`, EXIT_USAGE);
      }
      const other = owners.get(key);
      if (other !== undefined && other !== file) {
        throw new RemissError(
          `${other} och ${file} skulle båda skriva ${output}. Ge ärendena olika namn, eller skriv dem utan -o så att utkasten hamnar bredvid sina ärenden. Inget skrevs.`,
          EXIT_USAGE,
        );
      }
      owners.set(key, file);
    }
  }
}

/** The path with every link resolved, or as it is when it does not exist (yet). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function parseFormats(value: string | undefined): Format[] {
  if (value === undefined) return [...DEFAULT_FORMATS];
  const requested = value.split(",").map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = requested.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || requested.length === 0) {
    throw new RemissError(`Okänt format ”${unknown.join(",") || value}”. Välj md, docx, pdf eller flera, t.ex. md,docx,pdf.`, EXIT_USAGE);
  }
  return FORMATS.filter((f) => requested.includes(f));
}

function summary(drafted: number, failed: number): string {
  const written = drafted === 1 ? "1 utkast skrivet" : `${drafted} utkast skrivna`;
  return failed > 0 ? `${written}, ${failed} fel` : written;
}
