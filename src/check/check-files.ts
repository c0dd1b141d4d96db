import { availableParallelism } from "node:os";
import { resolve, sep } from "node:path";
import { debuglog } from "node:util";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { hasErrors, type Diagnostic } from "../diagnostics.js";
import { SECTIONS } from "../model/sections.js";
import { checkFile, type FileResult } from "./check-file.js";
import { CheckSettingsLoader } from "./config.js";
import type { RuleParams } from "./rule.js";
import { canRunAsWorker, runJobs, serveJobs, startWorkers } from "../parallel/pool.js";

/**
 * `check` over many files: the files are shared between this thread and
 * worker threads (src/parallel/pool.ts), each file checked whole in one of
 * them, the results put back in the files' order. A file whose check throws
 * in a worker is checked again here, so the error is the one a
 * single-threaded run would give.
 */

/**
 * Fewer files than this are checked in this thread alone. A worker is a
 * second V8 that loads the code and compiles its hot parts anew, and on a
 * small machine it does so on the cores that would otherwise compile and
 * collect garbage for this thread: on two cores, drafted Markdown files
 * took, without and with a worker, 0.76 s and 0.84 s (300 files), 1.06 s and
 * 1.12 s (500), 1.39 s and 1.34 s (700), 1.87 s and 1.63 s (1,000).
 */
export const PARALLEL_MIN_FILES = 600;
/** At most this many workers, however many cores; each costs its own heap and start-up. */
const MAX_WORKERS = 3;
/** One worker per this many files, so that a run just over the threshold does not start three. */
const FILES_PER_WORKER = 500;

export interface CheckFilesOptions {
  /**
   * Threads to check in, this one included; 1 checks everything here.
   * Default: the cores Node may use (at most 1 + MAX_WORKERS), when there
   * are at least PARALLEL_MIN_FILES files.
   */
  readonly threads?: number;
}

const debug = debuglog("remiss-check");

/** Tells a worker started by `checkFiles` from other workers (a test runner's, say). */
const WORKER_TAG = "remiss:check-files";

interface WorkerSetup {
  readonly tag: typeof WORKER_TAG;
  readonly cwd: string;
}

/** index in `files`, file, index in the params table */
type Job = readonly [number, string, number];

/**
 * Checks the files; the results come in the files' order. Each file is
 * checked with the settings of its nearest remiss.config.yaml; a config's
 * own problems are reported once, with the first file under it (in the
 * files' order), and the files under it are not checked.
 */
export async function checkFiles(files: readonly string[], cwd: string, options: CheckFilesOptions = {}): Promise<FileResult[]> {
  debug("checkFiles: %d files at %d ms", files.length, Math.round(performance.now()));
  const pool = startWorkers<Job, FileResult>(workerCount(files.length, options.threads), new URL(import.meta.url), { tag: WORKER_TAG, cwd } satisfies WorkerSetup);
  const loader = new CheckSettingsLoader(cwd);
  const settings = await Promise.all(files.map((file) => loader.forFile(file))).catch((error: unknown) => {
    for (const worker of pool) worker.stop();
    throw error;
  });

  const results: (FileResult | undefined)[] = new Array(files.length);
  const paramsTable: Partial<RuleParams>[] = [];
  const paramsIndex = new Map<Partial<RuleParams>, number>();
  const jobs: Job[] = [];
  const reported = new Set<readonly Diagnostic[]>();
  const configFindings: (readonly Diagnostic[])[] = new Array(files.length);
  settings.forEach(({ params, diagnostics, ignore }, index) => {
    if (diagnostics.length > 0 && !reported.has(diagnostics)) {
      reported.add(diagnostics);
      configFindings[index] = diagnostics;
    }
    if (hasErrors(diagnostics)) {
      results[index] = { diagnostics: [...(configFindings[index] ?? [])], unreadable: false };
      return;
    }
    if (ignore?.some((pattern) => pattern.test(resolve(cwd, files[index]!).split(sep).join("/")))) {
      results[index] = { diagnostics: [...(configFindings[index] ?? [])], unreadable: false, ignored: true };
      return;
    }
    let p = paramsIndex.get(params);
    if (p === undefined) {
      p = paramsTable.push(params) - 1;
      paramsIndex.set(params, p);
    }
    jobs.push([index, files[index]!, p]);
  });

  const checked = await runJobs<Job, FileResult>({
    jobs,
    workers: pool,
    context: paramsTable.map(sendable),
    runHere: ([, file, p]) => checkFile(file, cwd, paramsTable[p]),
  });
  checked.forEach((result, index) => {
    if (result) results[index] = result;
  });
  debug("checkFiles: done at %d ms", Math.round(performance.now()));
  return results.map((result, index) => {
    if (!result) throw new Error(`check: no result for ${files[index]}`);
    // A config's warnings come once, with the first file under it that was checked.
    const config = configFindings[index];
    return config && !hasErrors(config) ? { ...result, diagnostics: [...config, ...result.diagnostics] } : result;
  });
}

function workerCount(fileCount: number, threads: number | undefined): number {
  if (threads !== undefined) return Math.max(0, Math.min(Math.floor(threads) - 1, fileCount - 1));
  if (fileCount < PARALLEL_MIN_FILES || !canRunAsWorker(import.meta.url)) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, MAX_WORKERS, Math.floor(fileCount / FILES_PER_WORKER)));
}


/** Params as a worker gets them: a copy of SECTIONS would not be SECTIONS, so the default list is left out (it is the default). */
function sendable(params: Partial<RuleParams>): Partial<RuleParams> {
  if (params.sections !== SECTIONS) return params;
  const { sections: _default, ...rest } = params;
  return rest;
}

if (!isMainThread && parentPort && (workerData as Partial<WorkerSetup> | null)?.tag === WORKER_TAG) {
  const { cwd } = workerData as WorkerSetup;
  serveJobs<Job, FileResult>(parentPort, (context) => {
    const params = context as readonly Partial<RuleParams>[];
    return ([, file, p]) => checkFile(file, cwd, params[p]);
  });
}
