import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { CONFIG_FILE } from "../model/config-file.js";

/** Folder (absolute) → the nearest config file from there, for callers that look up many files. */
export type ConfigLookupCache = Map<string, Promise<string | undefined>>;

/**
 * The nearest remiss.config.yaml in `dir` or a parent folder. With a
 * `cache`, each folder is looked at once however many files stand in it or
 * below it (a `check` of a thousand files in one folder asks the file system
 * a few times, not a few thousand); without one, the disk is asked every
 * time (`draft --watch` must see a config file written since).
 */
export function findConfigFile(dir: string, cache?: ConfigLookupCache): Promise<string | undefined> {
  const folder = resolve(dir);
  const cached = cache?.get(folder);
  if (cached) return cached;
  const found = lookIn(folder, cache);
  cache?.set(folder, found);
  return found;
}

/** Each folder is asked synchronously: a few quick questions, where waiting on the thread pool for each cost a cold start about 10 ms. */
function lookIn(folder: string, cache: ConfigLookupCache | undefined): Promise<string | undefined> {
  const candidate = join(folder, CONFIG_FILE);
  if (existsSync(candidate)) return Promise.resolve(candidate);
  const parent = dirname(folder);
  return parent === folder ? Promise.resolve(undefined) : findConfigFile(parent, cache);
}
