// @ts-check
/** The tools the bench compares with, their versions, and the machine. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { decimal } from "./format.mjs";

/**
 * @typedef {object} NodeUnderTest
 * @property {string} path     as given (resolved)
 * @property {string} version  "v22.12.0"
 * @property {string} v8
 * @property {string} label    "Node v22.12.0"
 */

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 */
export function probe(cmd, args, env) {
  const r = spawnSync(cmd, args, { stdio: "ignore", env });
  return !r.error && r.status === 0;
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {string} cwd
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | undefined} the first line of the output
 */
export function firstLine(cmd, args, cwd, env) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8" });
  if (r.error || r.status !== 0) return undefined;
  return `${r.stdout}${r.stderr}`.split("\n")[0]?.trim() || undefined;
}

/**
 * A Node binary to measure: its version, or an error message (Swedish) when
 * it does not run.
 * @param {string} file
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeUnderTest | string}
 */
export function nodeUnderTest(file, env) {
  if (!existsSync(file)) return `${file} finns inte.`;
  const r = spawnSync(file, ["-p", "JSON.stringify([process.version, process.versions.v8])"], { env, encoding: "utf8" });
  if (r.error || r.status !== 0) return `${file} går inte att köra som Node (${r.error?.message ?? `slutkod ${r.status}`}).`;
  const [version, v8] = /** @type {[string, string]} */ (JSON.parse(r.stdout));
  return { path: file, version, v8, label: `Node ${version}` };
}

/**
 * The same binary given twice (directly and through a link) is measured once.
 * @param {string} file
 */
export function identity(file) {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

export function machine() {
  let cpu = os.cpus()[0]?.model ?? "okänd processor";
  try {
    const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1];
    if (model) cpu = model.trim();
  } catch {
    // Not Linux: os.cpus() is the best we have.
  }
  const cores = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
  const memoryGb = os.totalmem() / 1024 ** 3;
  return { cpu, cores, memory: `${decimal(memoryGb, 1)} GB`, system: `${os.type()} ${os.release()}` };
}

/**
 * @param {string} root
 * @param {string} pkg
 */
export function packageVersion(root, pkg) {
  try {
    return /** @type {{version: string}} */ (JSON.parse(readFileSync(path.join(root, "node_modules", pkg, "package.json"), "utf8"))).version;
  } catch {
    return undefined;
  }
}

/**
 * markdownlint-cli2's JavaScript entry (its `bin`), to run with the Node under
 * test rather than through its `#!/usr/bin/env node` line.
 * @param {string} root
 * @returns {string | undefined}
 */
export function markdownlintEntry(root) {
  const dir = path.join(root, "node_modules", "markdownlint-cli2");
  try {
    /** @type {{bin?: string | Record<string, string>}} */
    const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.["markdownlint-cli2"];
    const file = bin ? path.join(dir, bin) : undefined;
    return file && existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The versions in the document's header: pandoc, markdownlint-cli2 (and its
 * markdownlint), remiss (its `--version`) and the bundle's hash.
 * @param {string} root
 * @param {string} pkg  the package measured (a copy of root's)
 * @param {NodeJS.ProcessEnv} env
 * @param {boolean} havePandoc
 */
export function toolVersions(root, pkg, env, havePandoc) {
  let bundle;
  try {
    bundle = /^\/\/ remiss-bundle (\w+)/.exec(readFileSync(path.join(pkg, "dist", "remiss.cjs"), "utf8").slice(0, 200))?.[1];
  } catch {
    // No build: the measurements will say so.
  }
  return {
    pandoc: havePandoc ? firstLine("pandoc", ["--version"], root, env)?.replace(/^pandoc\s+/, "") : undefined,
    markdownlintCli2: packageVersion(root, "markdownlint-cli2"),
    markdownlint: packageVersion(root, "markdownlint"),
    remiss: firstLine(process.execPath, [path.join(pkg, "bin", "remiss.js"), "--version"], root, env),
    bundle,
  };
}
