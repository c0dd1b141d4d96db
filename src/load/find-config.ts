import { access } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { CONFIG_FILE } from "../model/config-file.js";

/** The nearest remiss.config.yaml in `dir` or a parent folder. */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  let current = resolve(dir);
  for (;;) {
    const candidate = join(current, CONFIG_FILE);
    if (await access(candidate).then(() => true, () => false)) return candidate;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
