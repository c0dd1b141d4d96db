// @ts-check
/** Folders the bench writes into, and remiss's code cache in them. */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

/** @param {string} dir */
export function emptyDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/**
 * @param {string} dir
 * @param {string} ext
 */
export function listFiles(dir, ext) {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith(ext))
      .sort();
  } catch {
    return [];
  }
}

/**
 * remiss's code cache files under an XDG_CACHE_HOME (bin/remiss.js writes
 * `$XDG_CACHE_HOME/remiss/<bundle>-<node and flags>-<command>.v8cache`),
 * each with its modification time.
 * @param {string} cacheHome
 * @returns {Map<string, number>}
 */
export function cacheState(cacheHome) {
  const dir = path.join(cacheHome, "remiss");
  /** @type {Map<string, number>} */
  const state = new Map();
  for (const name of listFiles(dir, ".v8cache")) state.set(name, statSync(path.join(dir, name)).mtimeMs);
  return state;
}

/**
 * The cache files of a command (`draft`, `check`, `annat`) that were written
 * or rewritten between two states: remiss rewrites a cache only when there
 * was none or V8 rejected it.
 * @param {Map<string, number>} before
 * @param {Map<string, number>} after
 * @param {string} command
 */
export function rewrittenCaches(before, after, command) {
  return [...after].filter(([name, mtime]) => name.endsWith(`-${command}.v8cache`) && before.get(name) !== mtime).map(([name]) => name);
}

/** What an installed remiss consists of (package.json's "files", and package.json). */
export const PACKAGE_ITEMS = ["bin", "dist", "package.json", "templates", "schema"];

/**
 * Copies the package's files from `from` to `to` (those that exist).
 * @param {string} from
 * @param {string} to
 * @param {readonly string[]} [items]
 */
export function copyPackage(from, to, items = PACKAGE_ITEMS) {
  mkdirSync(to, { recursive: true });
  for (const item of items) if (existsSync(path.join(from, item))) cpSync(path.join(from, item), path.join(to, item), { recursive: true });
  return to;
}
