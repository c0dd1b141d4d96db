import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package's own folder, where package.json, templates/ and schema/ are:
 * the first folder above this module with a package.json. The same code
 * finds it from src/ (tests), dist/ (tsc) and a bundled dist file.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

export const BUILTIN_TEMPLATES = join(PACKAGE_ROOT, "templates");
export const STARTER_CASE = join(PACKAGE_ROOT, "templates", "init", "arende.yaml");
export const SCHEMA_FILE = join(PACKAGE_ROOT, "schema", "remiss.schema.json");
export const PACKAGE_JSON = join(PACKAGE_ROOT, "package.json");

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** The package's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(PACKAGE_JSON, "utf8")) as { version: string }).version;
}
