import { availableParallelism } from "node:os";
import { resolve, sep } from "node:path";
import { debuglog } from "node:util";
import { Worker, isMainThread, parentPort, workerData, type MessagePort } from "node:worker_threads";
import { hasErrors, type Diagnostic } from "../diagnostics.js";
import { SECTIONS } from "../model/sections.js";
import { checkFile, type FileResult } from "./check-file.js";
import { CheckSettingsLoader } from "./config.js";
import { STRUCTURAL_RULES, type RuleParams } from "./rule.js";

/**
 * `check` over many files: the files are shared between this thread and
 * worker threads, each file checked whole in one of them, the results put
 * back in the files' order. A worker runs this very module (its own URL),
 * so the code works the same from tsc's dist/ and from a bundle, whatever
 * chunk this module ends up in: no separate worker file to find.
 *
 * Whatever goes wrong with a worker (it cannot start, the module it would
 * run is not JavaScript, it dies), its files are checked here instead; a
 * file whose check throws is checked again here, so the error is the one a
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
   * Indexes of files that are drafts, unedited since remiss wrote them from
   * a case checked in the same run: only the structural rules run on them,
   * since every other finding is the case's and is reported there.
   */
  readonly structuralOnly?: ReadonlySet<number>;
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

type ToWorker =
  | { readonly type: "params"; readonly params: readonly Partial<RuleParams>[] }
  | { readonly type: "check"; readonly jobs: readonly Job[] };

type JobResult = readonly [index: number, result: FileResult | null];

type FromWorker = { readonly type: "ready" } | { readonly type: "done"; readonly results: readonly JobResult[] };

/**
 * Checks the files; the results come in the files' order. Each file is
 * checked with the settings of its nearest remiss.config.yaml; a config's
 * own problems are reported once, with the first file under it (in the
 * files' order), and the files under it are not checked.
 */
export async function checkFiles(files: readonly string[], cwd: string, options: CheckFilesOptions = {}): Promise<FileResult[]> {
  debug("checkFiles: %d files at %d ms", files.length, Math.round(performance.now()));
  const pool = startWorkers(workerCount(files.length, options.threads), cwd);
  try {
    const loader = new CheckSettingsLoader(cwd);
    const settings = await Promise.all(files.map((file) => loader.forFile(file)));

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
      const chosen = options.structuralOnly?.has(index) ? structural(params) : params;
      let p = paramsIndex.get(chosen);
      if (p === undefined) {
        p = paramsTable.push(chosen) - 1;
        paramsIndex.set(chosen, p);
      }
      jobs.push([index, files[index]!, p]);
    });

    const queue = new JobQueue(jobs);
    pool.forEach((worker) => worker.start(queue, paramsTable, results));
    const check = async ([index, file, p]: Job) => {
      results[index] = await checkFile(file, cwd, paramsTable[p]);
    };
    for (;;) {
      const job = queue.take();
      if (job) {
        await check(job);
        // Let the workers' messages in between files: they wait for more work.
        if (pool.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      const busy = pool.filter((worker) => worker.busy);
      if (busy.length === 0) break;
      await Promise.race(busy.map((worker) => worker.progress()));
    }
    debug("checkFiles: done at %d ms", Math.round(performance.now()));
    return results.map((result, index) => {
      if (!result) throw new Error(`check: no result for ${files[index]}`);
      // A config's warnings come once, with the first file under it that was checked.
      const config = configFindings[index];
      return config && !hasErrors(config) ? { ...result, diagnostics: [...config, ...result.diagnostics] } : result;
    });
  } finally {
    for (const worker of pool) worker.stop();
  }
}

function workerCount(fileCount: number, threads: number | undefined): number {
  if (threads !== undefined) return Math.max(0, Math.min(Math.floor(threads) - 1, fileCount - 1));
  if (fileCount < PARALLEL_MIN_FILES || !canRunItself()) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, MAX_WORKERS, Math.floor(fileCount / FILES_PER_WORKER)));
}

/** A worker runs this module's own file; that needs a JavaScript file (not the TypeScript of a test run). */
function canRunItself(): boolean {
  return /^file:.*\.[cm]?js$/u.test(import.meta.url);
}

/** The files not yet given to a thread, in order. */
class JobQueue {
  private next = 0;

  constructor(private readonly jobs: Job[]) {}

  get remaining(): number {
    return this.jobs.length - this.next;
  }

  take(): Job | undefined {
    return this.next < this.jobs.length ? this.jobs[this.next++] : undefined;
  }

  /** A few jobs for a worker: fewer as the queue runs out, so that no thread waits long for another at the end. */
  takeBatch(threads: number): Job[] {
    const size = Math.max(1, Math.min(16, Math.floor(this.remaining / (4 * threads))));
    const batch = this.jobs.slice(this.next, this.next + size);
    this.next += batch.length;
    return batch;
  }

  /** Jobs a worker took and did not finish go back, to be checked in this thread. */
  giveBack(jobs: readonly Job[]): void {
    this.jobs.push(...jobs);
  }
}

/** Batches a worker holds at once: one to work on, one waiting, so that it never waits for this thread. */
const BATCHES_IN_FLIGHT = 2;

function startWorkers(count: number, cwd: string): CheckWorker[] {
  const pool: CheckWorker[] = [];
  for (let i = 0; i < count; i++) {
    try {
      pool.push(new CheckWorker(new Worker(new URL(import.meta.url), { workerData: { tag: WORKER_TAG, cwd } satisfies WorkerSetup }), count + 1));
    } catch (error) {
      debug("worker could not start: %s", error);
      break;
    }
  }
  return pool;
}

/** This thread's side of one worker. */
class CheckWorker {
  private queue: JobQueue | undefined;
  private results: (FileResult | undefined)[] = [];
  private ready = false;
  private gone = false;
  private checked = 0;
  private readonly started = performance.now();
  /** Batches sent and not yet answered, oldest first (a worker answers in order). */
  private readonly inFlight: Job[][] = [];
  private waiters: (() => void)[] = [];

  constructor(
    private readonly worker: Worker,
    private readonly threads: number,
  ) {
    worker.on("message", (message: FromWorker) => this.onMessage(message));
    worker.on("error", (error) => this.onGone(`error: ${error}`));
    worker.on("messageerror", (error) => this.onGone(`message error: ${error}`));
    worker.on("exit", (code) => this.onGone(`exit ${code}`));
  }

  /** Whether the worker holds files this thread waits for. */
  get busy(): boolean {
    return !this.gone && this.inFlight.length > 0;
  }

  start(queue: JobQueue, params: readonly Partial<RuleParams>[], results: (FileResult | undefined)[]): void {
    this.queue = queue;
    this.results = results;
    this.post({ type: "params", params: params.map(sendable) });
    if (this.ready) this.fill();
  }

  /** Resolves at the worker's next answer, or when it is gone. */
  progress(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stop(): void {
    if (!this.gone) debug("worker checked %d files in %d ms", this.checked, Math.round(performance.now() - this.started));
    this.gone = true;
    void this.worker.terminate();
  }

  private onMessage(message: FromWorker): void {
    if (this.gone) return;
    if (message.type === "ready") {
      this.ready = true;
      debug("worker ready after %d ms", Math.round(performance.now() - this.started));
    } else {
      const batch = this.inFlight.shift() ?? [];
      const failed = new Set(batch.map(([index]) => index));
      for (const [index, result] of message.results) {
        if (!result) continue;
        this.results[index] = result;
        failed.delete(index);
        this.checked++;
      }
      // A file whose check threw: this thread checks it again, and throws the same.
      this.queue?.giveBack(batch.filter(([index]) => failed.has(index)));
    }
    if (this.queue) this.fill();
    this.wake();
  }

  private fill(): void {
    while (this.inFlight.length < BATCHES_IN_FLIGHT && this.queue!.remaining > 0) {
      const jobs = this.queue!.takeBatch(this.threads);
      this.inFlight.push(jobs);
      this.post({ type: "check", jobs });
    }
  }

  private onGone(why: string): void {
    if (this.gone) return;
    this.gone = true;
    debug("worker gone (%s) after %d files; its other files are checked here", why, this.checked);
    for (const batch of this.inFlight.splice(0)) this.queue?.giveBack(batch);
    void this.worker.terminate();
    this.wake();
  }

  private post(message: ToWorker): void {
    try {
      this.worker.postMessage(message);
    } catch (error) {
      this.onGone(`post failed: ${error}`);
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** The worker's side: check each batch in turn and send the results back. */
function serve(port: MessagePort, setup: WorkerSetup): void {
  let params: readonly Partial<RuleParams>[] = [];
  let chain = Promise.resolve();
  const run = async (jobs: readonly Job[]) => {
    const results: JobResult[] = [];
    for (const [index, file, p] of jobs) {
      try {
        results.push([index, await checkFile(file, setup.cwd, params[p])]);
      } catch {
        results.push([index, null]);
      }
    }
    port.postMessage({ type: "done", results } satisfies FromWorker);
  };
  port.on("message", (message: ToWorker) => {
    if (message.type === "params") params = message.params;
    else chain = chain.then(() => run(message.jobs));
  });
  port.postMessage({ type: "ready" } satisfies FromWorker);
}

const structuralParams = new WeakMap<Partial<RuleParams>, Partial<RuleParams>>();

/** The same settings, with only the rules that a hand edit of a draft could break: the sections' and the headings'. */
function structural(params: Partial<RuleParams>): Partial<RuleParams> {
  let derived = structuralParams.get(params);
  if (!derived) {
    derived = { ...params, rules: STRUCTURAL_RULES };
    structuralParams.set(params, derived);
  }
  return derived;
}

/** Params as a worker gets them: a copy of SECTIONS would not be SECTIONS, so the default list is left out (it is the default). */
function sendable(params: Partial<RuleParams>): Partial<RuleParams> {
  if (params.sections !== SECTIONS) return params;
  const { sections: _default, ...rest } = params;
  return rest;
}

if (!isMainThread && parentPort && (workerData as Partial<WorkerSetup> | null)?.tag === WORKER_TAG) {
  serve(parentPort, workerData as WorkerSetup);
}
