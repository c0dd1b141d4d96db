import { stat } from "node:fs/promises";
import { normalize, resolve } from "node:path";
import { expandGlob, isGlob, walkFiles } from "../load/walk.js";
import { CONFIG_FILE } from "../model/config-file.js";

/** The kinds of file `check` reads, by extension. */
export const CHECKED_EXTENSIONS = /\.(?:ya?ml|md|docx)$/iu;

export interface Inputs {
  /** Files to check, named as the user named them (a folder's files joined to the folder as given). */
  readonly files: string[];
  /** Folders in which nothing was found to check. */
  readonly emptyFolders: string[];
}

/**
 * The files a `check` run was given: files as they are (a missing file is
 * passed on, so that reading it reports the problem) and every checkable
 * file in each folder and its subfolders, sorted by name. Skipped in folders:
 * `node_modules`, names beginning with a dot, Word's lock files (`~$…`) and
 * the förvaltning's `remiss.config.yaml`. A file named twice is checked once.
 */
export async function expandCheckInputs(paths: readonly string[], cwd: string): Promise<Inputs> {
  const files: string[] = [];
  const emptyFolders: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  const checkable = (name: string) => CHECKED_EXTENSIONS.test(name) && name !== CONFIG_FILE;
  for (const path of paths) {
    const info = await stat(resolve(cwd, path)).catch(() => undefined);
    if (!info && isGlob(path)) {
      const matched = await expandGlob(path, cwd, checkable);
      if (matched.length === 0) emptyFolders.push(path);
      matched.forEach(add);
      continue;
    }
    if (!info?.isDirectory()) {
      add(path);
      continue;
    }
    const found = await walkFiles(normalize(path), cwd, checkable);
    if (found.length === 0) emptyFolders.push(path);
    found.forEach(add);
  }
  return { files, emptyFolders };
}
