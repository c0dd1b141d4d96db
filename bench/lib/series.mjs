// @ts-check
/**
 * Series of runs of one contender, kept by round so that contenders that
 * alternate can be compared pair by pair: the ratio of two series is the
 * median over rounds of (a's time / b's time in the same round).
 */
import { failureOf } from "./spawn.mjs";

/** @typedef {import("./spawn.mjs").RunResult} RunResult */

/**
 * One contender in one measurement.
 * @typedef {object} Series
 * @property {string} name
 * @property {Map<number, number>} byRound  counted runs: round → ms
 * @property {number[]} rssKb       counted runs (and every call of a loop)
 * @property {Set<number>} statuses exit codes of the counted runs
 * @property {string | undefined} failure  set at the first failed run; the contender is not run again
 * @property {boolean} skipped      not measured at all (tool missing)
 */

/**
 * @param {string} name
 * @param {boolean} [skipped]
 * @returns {Series}
 */
export function series(name, skipped = false) {
  return { name, byRound: new Map(), rssKb: [], statuses: new Set(), failure: undefined, skipped };
}

/**
 * Runs a contender once (unless it failed before or is skipped) and, when
 * `round` is a number, records its time, RSS and exit code for that round.
 * `round` undefined is a warm-up.
 * @param {Series} s
 * @param {number | undefined} round
 * @param {() => RunResult} once
 * @param {readonly number[]} accepted
 * @param {(text: string) => void} log
 * @returns {RunResult | undefined}
 */
export function measure(s, round, once, accepted, log) {
  if (s.skipped || s.failure) return undefined;
  const r = once();
  const failure = failureOf(r, accepted);
  if (failure) {
    fail(s, failure, log);
    return r;
  }
  if (round !== undefined) {
    s.byRound.set(round, r.ms);
    if (r.rssKb !== undefined) s.rssKb.push(r.rssKb);
    if (r.status !== null) s.statuses.add(r.status);
  }
  return r;
}

/**
 * Marks a series failed (its numbers are not reported).
 * @param {Series} s
 * @param {string} failure
 * @param {(text: string) => void} log
 */
export function fail(s, failure, log) {
  if (s.failure) return;
  s.failure = failure;
  log(`  ${s.name}: misslyckades (${failure})`);
}

/** @param {Series} s */
export function usable(s) {
  return !s.skipped && !s.failure && s.byRound.size > 0;
}

/** @param {Series} s */
export function times(s) {
  return [...s.byRound.values()];
}

/** @param {Series} s */
export function medianTime(s) {
  return usable(s) ? median(times(s)) : undefined;
}

/** @param {Series} s */
export function maxRssKb(s) {
  return usable(s) ? max(s.rssKb) : undefined;
}

/**
 * The median over rounds of a's time divided by b's in the same round.
 * @param {Series} a
 * @param {Series} b
 * @returns {number | undefined}
 */
export function pairedRatio(a, b) {
  if (!usable(a) || !usable(b)) return undefined;
  /** @type {number[]} */
  const ratios = [];
  for (const [round, ms] of a.byRound) {
    const other = b.byRound.get(round);
    if (other !== undefined && other > 0) ratios.push(ms / other);
  }
  return median(ratios);
}

/** @param {number[]} values */
export function median(values) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = /** @type {number} */ (sorted[mid]);
  if (sorted.length % 2) return upper;
  const lower = /** @type {number} */ (sorted[mid - 1]);
  return (lower + upper) / 2;
}

/** @param {number[]} values */
export function max(values) {
  return values.length === 0 ? undefined : Math.max(...values);
}
