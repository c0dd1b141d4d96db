import { debuglog } from "node:util";
import { Worker, type MessagePort } from "node:worker_threads";

/**
 * Many independent jobs (files to check, cases to draft) shared between
 * this thread and worker threads: each job is done whole in one thread and
 * its result comes back by the job's index. A worker runs the module that
 * started it (its own URL, given by the caller), so the code works the same
 * from tsc's dist/ and from a bundle, whatever chunk the module ends up in:
 * no separate worker file to find.
 *
 * Whatever goes wrong with a worker (it cannot start, the module it would
 * run is not JavaScript, it dies), its jobs are done here instead; a job
 * that throws in a worker is done again here, so that the error is the one
 * a single-threaded run would give.
 */

const debug = debuglog("remiss-pool");

/** A job: its index among all the jobs first, then whatever the worker needs. */
export type Job = readonly [index: number, ...rest: unknown[]];

type ToWorker<J extends Job> = { readonly type: "context"; readonly context: unknown } | { readonly type: "run"; readonly jobs: readonly J[] };

type JobResult<R> = readonly [index: number, result: R | null];

type FromWorker<R> = { readonly type: "ready" } | { readonly type: "done"; readonly results: readonly JobResult<R>[] };

export interface PoolRun<J extends Job, R> {
  readonly jobs: readonly J[];
  /** The worker threads, from `startWorkers`; none runs every job here. */
  readonly workers: readonly PoolWorker<J, R>[];
  /** Sent to every worker before its first job (what the jobs share). */
  readonly context?: unknown;
  /** Does a job in this thread. */
  runHere(job: J): Promise<R>;
  /** Each result as it comes, in no particular order. */
  onResult?(index: number, result: R): void | Promise<void>;
}

/**
 * Does the jobs, here and in the workers, and returns the results by the
 * jobs' indexes (none when `onResult` takes them). The workers are stopped
 * at the end.
 */
export async function runJobs<J extends Job, R>(run: PoolRun<J, R>): Promise<R[]> {
  const results: R[] = [];
  const queue = new JobQueue<J>([...run.jobs]);
  const pending: Promise<void>[] = [];
  const done = (index: number, result: R) => {
    // Given to onResult, a result is the caller's to keep or let go (a drafted case holds its documents).
    if (!run.onResult) results[index] = result;
    const settled = run.onResult?.(index, result);
    if (settled) pending.push(settled);
  };
  try {
    run.workers.forEach((worker) => worker.start(queue, run.context, done, run.workers.length + 1));
    for (;;) {
      const job = queue.take();
      if (job) {
        done(job[0], await run.runHere(job));
        // Let the event loop in between jobs: the workers' messages (they wait for more work), and a Ctrl-C.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      const busy = run.workers.filter((worker) => worker.busy);
      if (busy.length === 0) break;
      await Promise.race(busy.map((worker) => worker.progress()));
    }
    await Promise.all(pending);
    return results;
  } finally {
    for (const worker of run.workers) worker.stop();
  }
}

/** The jobs not yet given to a thread, in order. */
class JobQueue<J extends Job> {
  private next = 0;

  constructor(private readonly jobs: J[]) {}

  get remaining(): number {
    return this.jobs.length - this.next;
  }

  take(): J | undefined {
    return this.next < this.jobs.length ? this.jobs[this.next++] : undefined;
  }

  /** A few jobs for a worker: fewer as the queue runs out, so that no thread waits long for another at the end. */
  takeBatch(threads: number, most: number): J[] {
    const size = Math.max(1, Math.min(most, Math.floor(this.remaining / (4 * threads))));
    const batch = this.jobs.slice(this.next, this.next + size);
    this.next += batch.length;
    return batch;
  }

  /** Jobs a worker took and did not finish go back, to be done in this thread. */
  giveBack(jobs: readonly J[]): void {
    this.jobs.push(...jobs);
  }
}

/** Batches a worker holds at once: one to work on, one waiting, so that it never waits for this thread. */
const BATCHES_IN_FLIGHT = 2;

/** Whether the module at `url` can run as a worker: a JavaScript file (not the TypeScript of a test run). */
export function canRunAsWorker(url: string): boolean {
  return /^file:.*\.[cm]?js$/u.test(url);
}

/**
 * Starts `count` workers running the module at `url`, with `workerData`
 * (which must say which jobs they serve: see `serveJobs`). `batch` is the
 * most jobs sent to a worker at once.
 */
export function startWorkers<J extends Job, R>(count: number, url: URL, workerData: unknown, batch = 16): PoolWorker<J, R>[] {
  const pool: PoolWorker<J, R>[] = [];
  for (let i = 0; i < count; i++) {
    try {
      pool.push(new PoolWorker<J, R>(new Worker(url, { workerData }), batch));
    } catch (error) {
      debug("worker could not start: %s", error);
      break;
    }
  }
  return pool;
}

/** This thread's side of one worker. */
export class PoolWorker<J extends Job, R> {
  private queue: JobQueue<J> | undefined;
  private done: (index: number, result: R) => void = () => undefined;
  private threads = 1;
  private ready = false;
  private gone = false;
  private finished = 0;
  private readonly started = performance.now();
  /** Batches sent and not yet answered, oldest first (a worker answers in order). */
  private readonly inFlight: J[][] = [];
  private waiters: (() => void)[] = [];

  constructor(
    private readonly worker: Worker,
    private readonly batch: number,
  ) {
    worker.on("message", (message: FromWorker<R>) => this.onMessage(message));
    worker.on("error", (error) => this.onGone(`error: ${error}`));
    worker.on("messageerror", (error) => this.onGone(`message error: ${error}`));
    worker.on("exit", (code) => this.onGone(`exit ${code}`));
  }

  /** Whether the worker holds jobs this thread waits for. */
  get busy(): boolean {
    return !this.gone && this.inFlight.length > 0;
  }

  start(queue: JobQueue<J>, context: unknown, done: (index: number, result: R) => void, threads: number): void {
    this.queue = queue;
    this.done = done;
    this.threads = threads;
    this.post({ type: "context", context });
    if (this.ready) this.fill();
  }

  /** Resolves at the worker's next answer, or when it is gone. */
  progress(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stop(): void {
    if (!this.gone) debug("worker did %d jobs in %d ms", this.finished, Math.round(performance.now() - this.started));
    this.gone = true;
    void this.worker.terminate();
  }

  private onMessage(message: FromWorker<R>): void {
    if (this.gone) return;
    if (message.type === "ready") {
      this.ready = true;
      debug("worker ready after %d ms", Math.round(performance.now() - this.started));
    } else {
      const batch = this.inFlight.shift() ?? [];
      const failed = new Set(batch.map(([index]) => index));
      for (const [index, result] of message.results) {
        if (result === null) continue;
        this.done(index, result);
        failed.delete(index);
        this.finished++;
      }
      // A job that threw: this thread does it again, and throws the same.
      this.queue?.giveBack(batch.filter(([index]) => failed.has(index)));
    }
    if (this.queue) this.fill();
    this.wake();
  }

  private fill(): void {
    while (this.ready && this.inFlight.length < BATCHES_IN_FLIGHT && this.queue!.remaining > 0) {
      const jobs = this.queue!.takeBatch(this.threads, this.batch);
      this.inFlight.push(jobs);
      this.post({ type: "run", jobs });
    }
  }

  private onGone(why: string): void {
    if (this.gone) return;
    this.gone = true;
    debug("worker gone (%s) after %d jobs; its other jobs are done here", why, this.finished);
    for (const batch of this.inFlight.splice(0)) this.queue?.giveBack(batch);
    void this.worker.terminate();
    this.wake();
  }

  private post(message: ToWorker<J>): void {
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

/**
 * The worker's side: does each batch in turn with the job function that
 * `setup` makes of the context, and sends the results back, with the byte
 * arrays `transfer` names moved rather than copied.
 */
export function serveJobs<J extends Job, R>(port: MessagePort, setup: (context: unknown) => (job: J) => Promise<R>, transfer: (result: R) => ArrayBuffer[] = () => []): void {
  let runJob: (job: J) => Promise<R> = () => Promise.reject(new Error("no context"));
  let chain = Promise.resolve();
  const run = async (jobs: readonly J[]) => {
    const results: JobResult<R>[] = [];
    const moved: ArrayBuffer[] = [];
    for (const job of jobs) {
      try {
        const result = await runJob(job);
        results.push([job[0], result]);
        moved.push(...transfer(result));
      } catch {
        results.push([job[0], null]);
      }
    }
    port.postMessage({ type: "done", results } satisfies FromWorker<R>, [...new Set(moved)]);
  };
  port.on("message", (message: ToWorker<J>) => {
    if (message.type === "context") runJob = setup(message.context);
    else chain = chain.then(() => run(message.jobs));
  });
  port.postMessage({ type: "ready" } satisfies FromWorker<R>);
}
