import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { CONFIG_FILE } from "../model/config-file.js";

/**
 * The files a command was given: files as they are, and each folder's own
 * case files (`*.yaml`, `*.yml`, not the config), sorted. Paths that do not
 * exist are passed through so that reading them reports the problem. Paths
 * stay as the user wrote them, relative to `cwd`.
 */
export async function expandCaseInputs(paths: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(resolve(cwd, path)).catch(() => undefined);
    if (!info?.isDirectory()) {
      out.push(path);
      continue;
    }
    const names = (await readdir(resolve(cwd, path)))
      .filter((name) => /\.ya?ml$/i.test(name) && name !== CONFIG_FILE && !name.startsWith("."))
      .sort();
    out.push(...names.map((name) => join(path, name)));
  }
  return out;
}
