// @ts-check
/**
 * Running one command: wall time around spawnSync, peak memory from GNU time
 * (`%M`, max RSS in kB, and its CPU time) when there is one, and whether the
 * run is a result or a failure.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

/** Big enough for `remiss check`'s report on 1,000 files. */
const MAX_BUFFER = 256 * 1024 * 1024;
/** No single command should take this long; a hang becomes a failure. */
const COMMAND_TIMEOUT_MS = 10 * 60 * 1000;

/** Which exit codes are a result rather than a failure. */
export const ACCEPT_ZERO = [0];
/** `check` tools exit 1 when they find problems: fine for timing. */
export const ACCEPT_FINDINGS = [0, 1];

/**
 * @typedef {object} RunResult
 * @property {number} ms            wall time, process.hrtime.bigint() around spawnSync
 * @property {number | undefined} rssKb  max RSS from GNU time, in kB
 * @property {number | null} status
 * @property {NodeJS.Signals | null} signal
 * @property {string} stdout
 * @property {string} stderr
 * @property {string | undefined} error  spawn error (ENOENT, timeout)
 */

/**
 * @typedef {object} RunOptions
 * @property {string} cwd
 * @property {NodeJS.ProcessEnv} env
 */

/** @type {{time: string | undefined, rssFile: string}} */
const config = { time: undefined, rssFile: "" };

/**
 * Wrap every command in GNU time (its path), writing its report to `rssFile`;
 * `undefined` measures no memory.
 * @param {string | undefined} time
 * @param {string} rssFile
 */
export function useGnuTime(time, rssFile) {
  config.time = time;
  config.rssFile = rssFile;
}

/** CPU time (user + system) of every command run so far, from GNU time; 0 without it. */
export const childCpu = { seconds: 0 };

export function haveGnuTime() {
  return config.time !== undefined;
}

/**
 * Runs one command, wrapped in GNU time when there is one, and times it.
 * @param {string} cmd
 * @param {string[]} args
 * @param {RunOptions} options
 * @returns {RunResult}
 */
export function run(cmd, args, { cwd, env }) {
  const time = config.time;
  const file = time ?? cmd;
  const argv = time ? ["-f", "%M %U %S", "-o", config.rssFile, cmd, ...args] : args;
  if (time) writeFileSync(config.rssFile, "");
  const start = process.hrtime.bigint();
  const r = spawnSync(file, argv, { cwd, env, maxBuffer: MAX_BUFFER, timeout: COMMAND_TIMEOUT_MS });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  /** @type {number | undefined} */
  let rssKb;
  if (time) {
    // GNU time writes "Command exited with non-zero status N" before the value when the command fails.
    const last = readFileSync(config.rssFile, "utf8").trim().split("\n").at(-1) ?? "";
    const match = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(last);
    if (match) {
      rssKb = Number(match[1]);
      childCpu.seconds += Number(match[2]) + Number(match[3]);
    }
  }
  return {
    ms,
    rssKb,
    status: r.status,
    signal: r.signal,
    stdout: r.stdout?.toString("utf8") ?? "",
    stderr: r.stderr?.toString("utf8") ?? "",
    error: r.error ? r.error.message : undefined,
  };
}

/**
 * Why a run counts as failed, or undefined when it is a result. Exit code 1
 * with a stack trace or remiss's "unexpected error" is a crash, not findings.
 * @param {RunResult} r
 * @param {readonly number[]} accepted
 * @returns {string | undefined}
 */
export function failureOf(r, accepted) {
  const detail = firstMeaningfulLine(r.stderr);
  if (r.error) return r.error;
  if (r.signal) return `avbröts av ${r.signal}`;
  // GNU time: 127 = the command was not found, 126 = not runnable.
  if (config.time && (r.status === 127 || r.status === 126) && /cannot run/.test(r.stderr)) return detail ?? `slutkod ${r.status}`;
  if (r.status === null || !accepted.includes(r.status)) return `slutkod ${r.status}${detail ? `: ${detail}` : ""}`;
  if (r.status !== 0 && looksLikeCrash(r.stderr)) return `slutkod ${r.status}: ${detail ?? "krasch"}`;
  return undefined;
}

/** @param {string} stderr */
function looksLikeCrash(stderr) {
  return /oväntat fel|^\s+at .+:\d+:\d+\)?$|^\w*Error\b|ERR_[A-Z_]+/mu.test(stderr);
}

/**
 * The line of stderr that says most about a failure: the first that names an
 * error, else the first line.
 * @param {string} text
 */
export function firstMeaningfulLine(text) {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/^Command (exited with non-zero status|terminated by signal)/.test(l));
  const line = lines.find((l) => /error|fel\b|oväntat|högst|får vara/i.test(l)) ?? lines[0];
  return line ? line.slice(0, 200) : undefined;
}
