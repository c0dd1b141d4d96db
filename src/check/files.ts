import { readdir, stat } from "node:fs/promises";
import { join, normalize, resolve } from "node:path";
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
  for (const path of paths) {
    const info = await stat(resolve(cwd, path)).catch(() => undefined);
    if (!info?.isDirectory()) {
      add(path);
      continue;
    }
    const found = await walk(normalize(path), cwd);
    if (found.length === 0) emptyFolders.push(path);
    found.forEach(add);
  }
  return { files, emptyFolders };
}

async function walk(folder: string, cwd: string): Promise<string[]> {
  const entries = await readdir(resolve(cwd, folder), { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const { name } = entry;
    if (name.startsWith(".") || name.startsWith("~$") || name === "node_modules") continue;
    if (entry.isDirectory()) out.push(...(await walk(join(folder, name), cwd)));
    else if (CHECKED_EXTENSIONS.test(name) && name !== CONFIG_FILE) out.push(join(folder, name));
  }
  return out;
}
