import { readdir, stat } from "node:fs/promises";
import { join, normalize, resolve, sep } from "node:path";

/**
 * The files below a folder that `accept` takes, sorted by name at each
 * level, named by joining to the folder as given. Skipped: `node_modules`,
 * names beginning with a dot and Word's lock files (`~$…`).
 */
export async function walkFiles(folder: string, cwd: string, accept: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(resolve(cwd, folder), { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const { name } = entry;
    if (isSkippedName(name)) continue;
    if (entry.isDirectory()) out.push(...(await walkFiles(join(folder, name), cwd, accept)));
    else if (accept(name)) out.push(join(folder, name));
  }
  return out;
}

/** Names a walk over a folder passes by: `node_modules`, dot-names, Word's lock files. */
export function isSkippedName(name: string): boolean {
  return name.startsWith(".") || name.startsWith("~$") || name === "node_modules";
}

/** Whether a path has glob characters (`*`, `?`). */
export function isGlob(path: string): boolean {
  return /[*?]/u.test(path);
}

/** A glob as a regular expression over `/`-separated paths: `*` within a name, `**` across folders, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  const pattern = glob.split("\\").join("/");
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "*" && pattern[i + 1] === "*") {
      // `**/` matches zero or more folders.
      const slash = pattern[i + 2] === "/";
      source += slash ? "(?:[^/]+/)*" : ".*";
      i += slash ? 2 : 1;
    } else if (ch === "*") source += "[^/]*";
    else if (ch === "?") source += "[^/]";
    else source += ch.replace(/[.+^${}()|[\]\\]/gu, "\\$&");
  }
  return new RegExp(`^${source}$`, "u");
}

/**
 * The files a glob names, expanded by remiss itself so that
 * `"arenden/**\/*.yaml"` works in every shell, cmd.exe and PowerShell
 * included: the folder before the first wildcard is walked, and each file
 * whose path matches (and that `accept` takes) is kept, sorted.
 */
export async function expandGlob(glob: string, cwd: string, accept: (name: string) => boolean): Promise<string[]> {
  const parts = glob.split(/[\\/]/u);
  const firstWild = parts.findIndex(isGlob);
  const base = parts.slice(0, firstWild).join("/") || ".";
  const info = await stat(resolve(cwd, base)).catch(() => undefined);
  if (!info?.isDirectory()) return [];
  const matcher = globToRegExp(normalize(glob).split(sep).join("/"));
  const files = await walkFiles(base, cwd, accept);
  return files.filter((file) => matcher.test(normalize(file).split(sep).join("/")));
}
