import { statSync } from "node:fs";
import { normalize, resolve } from "node:path";
import { CONFIG_FILE } from "../model/config-file.js";
import { expandGlob, isGlob, walkFiles } from "./walk.js";

/** A case file by its name: `*.yaml` or `*.yml`, not the förvaltning's config. */
function isCaseFile(name: string): boolean {
  return /\.ya?ml$/iu.test(name) && name !== CONFIG_FILE;
}

/**
 * The files a command was given: files as they are, each folder's case files
 * (`*.yaml`, `*.yml`, not the config) in it and its subfolders (skipping
 * `node_modules` and dot-folders, as `check` does), and the files a glob
 * names, which remiss expands itself so that `"arenden/**\/*.yaml"` works in
 * every shell. Paths that do not exist are passed through so that reading
 * them reports the problem. Paths stay as the user wrote them, relative to
 * `cwd`; a file named twice is drafted once.
 */
export async function expandCaseInputs(paths: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(cwd, file);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(file);
    }
  };
  for (const path of paths) {
    const info = statOrUndefined(resolve(cwd, path));
    if (!info && isGlob(path)) (await expandGlob(path, cwd, isCaseFile)).forEach(add);
    else if (info?.isDirectory()) (await walkFiles(normalize(path), cwd, isCaseFile)).forEach(add);
    else add(path);
  }
  return out;
}

/** What the path is, or undefined when it cannot be asked (missing, no permission, a loop): the file is then read as named, and says why. */
function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
