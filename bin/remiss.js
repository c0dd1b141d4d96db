#!/usr/bin/env node
// @ts-check
// Starts remiss: loads the bundle (dist/remiss.cjs) through a V8 code cache,
// runs it, and is the one place that sets the exit code.
//
// Most of a cold start is V8 compiling functions the first time they are
// called. After a run, the compiled code is saved in the user's cache folder
// ($XDG_CACHE_HOME or ~/.cache, %LOCALAPPDATA% on Windows), one file per
// command, keyed by the Node version, V8 flags and the bundle's hash; the
// next run of that command starts from it. A cache that is missing,
// corrupt, rejected by V8 or cannot be written is ignored: it changes the
// time, never the result. REMISS_NO_CACHE=1 turns the cache off.
// Only what `--version` and `--help` need is imported at once; the rest when the bundle runs.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bundle = fileURLToPath(new URL("../dist/remiss.cjs", import.meta.url));

// A reader that stops reading (`remiss draft --stdout x.yaml | head -1`) is no error: end quietly, as Unix tools do.
// Any other failure to write what remiss says (`> /dev/full`) is one Swedish line on stderr, if it can take one, and exit 2.
for (const [stream, name] of /** @type {const} */ ([[process.stdout, "standard ut"], [process.stderr, "standard fel"]])) {
  stream.on("error", (error) => {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === "EPIPE") process.exit(0);
    try {
      writeSync(2, `remiss: kunde inte skriva till ${name}, eftersom ${outputProblem(code)}. Kontrollera vart utskriften skickas.\n`);
    } catch {
      // Nowhere left to say it; the exit code says it.
    }
    process.exit(2);
  });
}

/**
 * Why output could not be written, as a Swedish clause.
 * @param {string | undefined} code
 */
function outputProblem(code) {
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return "disken är full";
    case "EACCES":
    case "EPERM":
      return "du saknar behörighet";
    case "EBADF":
      return "utskriften är stängd";
    default:
      return "systemet tillät det inte";
  }
}

// `remiss --help` and `remiss --version` without loading the bundle: its own help text (written by the build) and the package's version.
const quick = quickAnswer(process.argv.length === 3 ? process.argv[2] : undefined);
if (quick !== undefined) process.stdout.write(quick);
else await runBundle();

/**
 * The answer to `--version` or `--help` alone, or undefined for everything else.
 * @param {string | undefined} only
 */
function quickAnswer(only) {
  if (only === "--version" || only === "-V") {
    return `${JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8")).version}\n`;
  }
  if (only === "--help" || only === "-h") return readOptional(fileURLToPath(new URL("../dist/help.txt", import.meta.url)));
  return undefined;
}

/** @typedef {{ homedir: () => string, dirname: (path: string) => string, join: (...parts: string[]) => string }} Paths */

async function runBundle() {
  const [{ createRequire }, { homedir }, { dirname, join }, { Script }] = await Promise.all([import("node:module"), import("node:os"), import("node:path"), import("node:vm")]);
  const paths = { homedir, dirname, join };
  const source = readBundle(bundle);
  const cacheFile = codeCacheFile(source, paths);
  /** @type {Buffer | undefined} */
  let cached;
  try {
    if (cacheFile) cached = readFileSync(cacheFile);
  } catch {
    // No cache yet.
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    ...(cached ? { cachedData: cached } : {}),
  });
  const module = { exports: /** @type {{ main(argv: readonly string[]): Promise<number> }} */ ({}) };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));

  process.exitCode = await module.exports.main(process.argv);

  if (cacheFile && (!cached || script.cachedDataRejected)) saveCodeCache(cacheFile, script, paths);
}

/**
 * The bundle's text. The build writes it in ASCII and says so on its first
 * line; then it is read as Latin-1, which is the same text and three times
 * faster to read than UTF-8.
 * @param {string} file
 */
function readBundle(file) {
  const bytes = readFileSync(file);
  const firstLine = bytes.subarray(0, Math.max(0, bytes.indexOf(10))).toString("latin1");
  return bytes.toString(/^\/\/ remiss-bundle \w+ ascii$/.test(firstLine) ? "latin1" : "utf8");
}

/**
 * A file's text, or undefined when it cannot be read.
 * @param {string} file
 */
function readOptional(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Where this command's code cache is, or undefined when there is none to
 * use: REMISS_NO_CACHE, or no cache folder.
 * @param {string} source
 * @param {Paths} paths
 */
function codeCacheFile(source, paths) {
  if (process.env.REMISS_NO_CACHE && process.env.REMISS_NO_CACHE !== "0") return undefined;
  const base =
    process.platform === "win32"
      ? process.env.LOCALAPPDATA
      : process.env.XDG_CACHE_HOME || (process.platform === "darwin" ? paths.join(paths.homedir(), "Library", "Caches") : paths.join(paths.homedir(), ".cache"));
  if (!base) return undefined;
  const bundleHash = /^\/\/ remiss-bundle (\w+)/.exec(source)?.[1] ?? "0";
  const command = /^(draft|check|lista|init|schema|templates)$/.test(process.argv[2] ?? "") ? process.argv[2] : "annat";
  const flags = `${process.execArgv.join(" ")} ${process.env.NODE_OPTIONS ?? ""}`;
  const key = fnv1a(`${process.version} ${process.arch} ${process.versions.v8} ${flags}`);
  return paths.join(base, "remiss", `${bundleHash}-${key}-${command}.v8cache`);
}

/**
 * Writes the code compiled during this run, atomically, and removes caches
 * of other builds of remiss. Every failure is ignored.
 * @param {string} file
 * @param {import("node:vm").Script} script
 * @param {Paths} paths
 */
function saveCodeCache(file, script, paths) {
  const dir = paths.dirname(file);
  const temp = paths.join(dir, `.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, file);
    const build = file.slice(dir.length + 1).split("-")[0];
    for (const name of readdirSync(dir)) {
      if (name.endsWith(".v8cache") && !name.startsWith(`${build}-`)) rmSync(paths.join(dir, name), { force: true });
    }
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing more to do: the cache only saves time.
    }
  }
}

/**
 * A short, stable hash of a string (FNV-1a, 32 bits), cheaper at start-up than loading node:crypto.
 * @param {string} text
 */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
