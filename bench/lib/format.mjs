// @ts-check
/** Numbers in Swedish and Markdown tables. */
import { maxRssKb, medianTime } from "./series.mjs";
import { haveGnuTime } from "./spawn.mjs";

/** @typedef {import("./series.mjs").Series} Series */

/**
 * A target and how it went on one Node.
 * @typedef {object} Target
 * @property {string} label       "Kall start ≤ 1,5 × pandoc"
 * @property {number | undefined} value
 * @property {string} cell        "4,97 ✘"
 */

/** @param {number} value @param {number} digits */
export function decimal(value, digits) {
  return value.toFixed(digits).replace(".", ",").replace("-", "−");
}

/**
 * 1000 → "1 000" (Swedish digit grouping, non-breaking space).
 * @param {number} n
 */
export function count(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

/** @param {number} ms */
export function formatMs(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${decimal(ms / 1000, 2)} s`;
}

/** @param {number} kb */
export function mb(kb) {
  return kb / 1024;
}

/** @param {number} kb */
export function formatMb(kb) {
  return `${Math.round(mb(kb))} MB`;
}

/** @param {number} bytes  "1 048 000 byte" */
export function formatBytes(bytes) {
  return `${count(bytes)} byte`;
}

/**
 * The time cell: the median, or why there is none.
 * @param {Series} s
 */
export function timeCell(s) {
  if (s.skipped) return "saknas";
  // The short form; the whole message is in the notes under the table.
  if (s.failure) return `misslyckades (${escapeCell(s.failure.split(":")[0] ?? s.failure)})`;
  const m = medianTime(s);
  return m === undefined ? "–" : formatMs(m);
}

/** @param {Series} s */
export function rssCell(s) {
  if (!haveGnuTime() || s.skipped || s.failure) return "–";
  const m = maxRssKb(s);
  return m === undefined ? "–" : formatMb(m);
}

/**
 * Time and RSS in one cell: "338 ms, 81 MB".
 * @param {Series} s
 */
export function timeRssCell(s) {
  const rss = rssCell(s);
  return rss === "–" ? timeCell(s) : `${timeCell(s)}, ${rss}`;
}

/** @param {number | undefined} value */
export function ratioCell(value) {
  return value === undefined ? "–" : decimal(value, 2);
}

/**
 * A target: its label, the value and whether it is met ("0,43 ✔").
 * @param {string} label
 * @param {number | undefined} value
 * @param {number} limit
 * @param {{comparison?: "≤" | "<", format?: (value: number) => string}} [options]
 * @returns {Target}
 */
export function target(label, value, limit, { comparison = "≤", format = (v) => decimal(v, 2) } = {}) {
  if (value === undefined) return { label, value, cell: "– (ej mätt)" };
  const ok = comparison === "<" ? value < limit : value <= limit;
  return { label, value, cell: `${format(value)} ${ok ? "✔" : "✘"}` };
}

/**
 * The goal in a table cell: "≤ 1,5 ✔".
 * @param {number | undefined} value
 * @param {number} limit
 * @param {"≤" | "<"} [comparison]
 * @param {string} [unit]
 */
export function goalCell(value, limit, comparison = "≤", unit = "") {
  const goal = `${comparison} ${String(limit).replace(".", ",")}${unit ? ` ${unit}` : ""}`;
  if (value === undefined) return `${goal} –`;
  const ok = comparison === "<" ? value < limit : value <= limit;
  return `${goal} ${ok ? "✔" : "✘"}`;
}

/** @param {string} text */
export function escapeCell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** @param {string[][]} rows first row is the header */
export function table(rows) {
  const widths = /** @type {string[]} */ (rows[0]).map((_, c) => Math.max(...rows.map((row) => (row[c] ?? "").length)));
  const line = (/** @type {string[]} */ row) => `| ${row.map((cell, c) => (cell ?? "").padEnd(/** @type {number} */ (widths[c]))).join(" | ")} |`;
  const rule = `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`;
  return [line(/** @type {string[]} */ (rows[0])), rule, ...rows.slice(1).map(line)].join("\n");
}

/** @param {number} n  "15 varv" / "1 varv" */
export function rounds(n) {
  return `${count(n)} varv`;
}
