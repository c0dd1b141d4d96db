// @ts-check
/**
 * The environment every spawned tool gets: this process's, without the
 * variables that change how a Node process starts, alike for remiss, pandoc,
 * `node -e ''` and markdownlint-cli2. A machine that sets
 * NODE_EXTRA_CA_CERTS, for one, makes every Node parse its certificates at
 * start (144 of them here, some 40 ms), which is the machine's, not the
 * tool's.
 */

/** Named in the document; every other `NODE_*` variable goes too. */
export const STARTUP_VARIABLES = /** @type {const} */ ([
  "NODE_EXTRA_CA_CERTS",
  "NODE_OPTIONS",
  "NODE_DEBUG",
  "NODE_DEBUG_NATIVE",
  "NODE_V8_COVERAGE",
  "NODE_COMPILE_CACHE",
  "NODE_DISABLE_COMPILE_CACHE",
  "NODE_REPL_EXTERNAL_MODULE",
  "NODE_ICU_DATA",
  "NODE_PRESERVE_SYMLINKS",
  "NODE_PENDING_DEPRECATION",
  "NODE_REDIRECT_WARNINGS",
  "UV_THREADPOOL_SIZE",
  "REMISS_NO_CACHE",
]);

/** @param {string} name */
function isStartupVariable(name) {
  return /** @type {readonly string[]} */ (STARTUP_VARIABLES).includes(name) || name.startsWith("NODE_");
}

/**
 * This process's environment without the start-up variables, plus `extra`.
 * @param {Record<string, string>} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
export function cleanEnv(extra = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [name, value] of Object.entries(process.env)) if (!isStartupVariable(name)) env[name] = value;
  return { ...env, ...extra };
}

/** The start-up variables this machine sets (names only), which cleanEnv removes. */
export function removedHere() {
  return Object.keys(process.env).filter(isStartupVariable).sort();
}
