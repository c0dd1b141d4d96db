// @ts-check
/**
 * The breakdown of a cold draft: a copy of remiss built by the project's own
 * scripts/build.mjs with a source map beside the (unchanged, minified)
 * bundle, and the attribution of a `node --cpu-prof` profile's samples to
 * phases (load, evaluation of the bundle's top level) and, for the work of
 * main(), to the package whose function was running.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { copyPackage } from "./files.mjs";

/**
 * The rows of the breakdown, in order. `start` is not in a profile: it is
 * the `node -e ''` median (Node's own start).
 */
export const CATEGORIES = /** @type {const} */ ([
  ["start", "Start: Node själv (`node -e ''`)"],
  ["load", "Laddning: bin/remiss.js (en ES-modul), läsa dist/remiss.cjs och kompilera den ur kodcachen"],
  ["evaluation", "Utvärdering: paketets toppnivå"],
  ["docx", "main(): docx"],
  ["fflate", "main(): fflate"],
  ["handlebars", "main(): handlebars (och de förkompilerade mallarna)"],
  ["remark", "main(): remark, micromark, mdast, unified"],
  ["yaml", "main(): yaml"],
  ["zod", "main(): zod"],
  ["commander", "main(): commander"],
  ["remiss", "main(): remiss egen kod (src/ och bundlarens hjälpfunktioner)"],
  ["packages", "main(): andra paket"],
  ["gc", "Skräpsamlaren"],
  ["idle", "Väntan på I/O (idle)"],
  ["other", "Övrigt: Node utanför remiss, (program)"],
]);

/** @typedef {typeof CATEGORIES[number][0]} Category */

/** Packages of the unified/remark family that have no remark/micromark/mdast/unist/vfile prefix. */
const REMARK_HELPERS = new Set([
  "unified",
  "bail",
  "trough",
  "extend",
  "is-plain-obj",
  "devlop",
  "zwitch",
  "ccount",
  "longest-streak",
  "markdown-table",
  "escape-string-regexp",
  "character-entities",
  "character-entities-legacy",
  "character-reference-invalid",
  "decode-named-character-reference",
  "is-alphanumerical",
  "is-alphabetical",
  "is-decimal",
  "is-hexadecimal",
  "fault",
  "format",
]);

/**
 * @param {string} pkg  npm package name
 * @returns {Category}
 */
function packageCategory(pkg) {
  if (pkg === "docx" || pkg === "fflate" || pkg === "handlebars" || pkg === "yaml" || pkg === "zod" || pkg === "commander") return pkg;
  // Handlebars' own dependency, used when it compiles.
  if (pkg === "source-map") return "handlebars";
  if (/^(remark|micromark|mdast|unist|vfile)(-|$)/.test(pkg) || REMARK_HELPERS.has(pkg)) return "remark";
  return "packages";
}

/**
 * @typedef {object} ProfiledPackage
 * @property {string} dir
 * @property {string} bin      dir/bin/remiss.js
 * @property {string} bundle   dir/dist/remiss.cjs
 * @property {string} map      dir/dist/remiss.cjs.map
 * @property {boolean} sameAsDist  the bundle is byte for byte the one the other measurements run
 */

/**
 * Builds remiss into `dir`/dist with scripts/build.mjs (esbuild, under
 * build-hooks.mjs, also writes a source map) and copies what the package
 * needs beside it. A string is why it failed.
 * @param {string} root
 * @param {string} dir
 * @param {NodeJS.ProcessEnv} env
 * @param {string} measured  the bundle the other measurements run, to compare with
 * @returns {ProfiledPackage | string}
 */
export function buildProfiledPackage(root, dir, env, measured) {
  mkdirSync(dir, { recursive: true });
  const hooks = pathToFileURL(path.join(root, "bench", "lib", "build-hooks.mjs")).href;
  const r = spawnSync(process.execPath, ["--import", hooks, "scripts/build.mjs"], {
    cwd: root,
    env: { ...env, REMISS_BUILD_DIR: path.join(dir, "dist") },
    encoding: "utf8",
  });
  if (r.error || r.status !== 0)
    return `bygget misslyckades (${r.error?.message ?? `slutkod ${r.status}`}): ${(r.stderr || r.stdout).trim().split("\n")[0] ?? ""}`;
  copyPackage(root, dir, ["bin", "package.json", "templates", "schema"]);
  const bundle = path.join(dir, "dist", "remiss.cjs");
  const map = path.join(dir, "dist", "remiss.cjs.map");
  if (!existsSync(bundle) || !existsSync(map)) return "bygget skrev ingen källkarta (remiss.cjs.map)";
  let sameAsDist = false;
  try {
    sameAsDist = readFileSync(bundle).equals(readFileSync(measured));
  } catch {
    // No bundle: nothing to compare with.
  }
  return { dir, bin: path.join(dir, "bin", "remiss.js"), bundle, map, sameAsDist };
}

/**
 * @typedef {object} CpuProfile
 * @property {{id: number, callFrame: {functionName: string, url: string, lineNumber: number, columnNumber: number}, children?: number[]}[]} nodes
 * @property {number} startTime  µs
 * @property {number} endTime
 * @property {number[]} samples
 * @property {number[]} timeDeltas  µs
 */

/**
 * Attributes a profile of `bin/remiss.js draft …` to the categories.
 * @param {ProfiledPackage} pkg
 * @param {string} root
 */
export function attributor(pkg, root) {
  /** @type {{sources: string[]}} */
  const payload = JSON.parse(readFileSync(pkg.map, "utf8"));
  const sourceMap = new SourceMap(/** @type {any} */ (payload));
  const mapDir = path.dirname(pkg.map);
  const bundleUrls = new Set([pkg.bundle, pathToFileURL(pkg.bundle).href]);
  const binUrls = new Set([pkg.bin, pathToFileURL(pkg.bin).href]);
  /** @type {Map<string, Category>} */
  const bySource = new Map();
  /** @type {Map<string, number>} µs per package name, for the note on "andra paket" */
  const otherPackages = new Map();

  /** @param {string} source */
  function sourceCategory(source) {
    let category = bySource.get(source);
    if (category) return category;
    if (source.includes("remiss-precompiled")) category = "handlebars";
    else {
      const relative = path.relative(root, path.resolve(mapDir, source)).split(path.sep).join("/");
      const pkgName = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(relative)?.[1];
      category = pkgName ? packageCategory(pkgName) : relative.startsWith("src/") ? "remiss" : "other";
    }
    bySource.set(source, category);
    return category;
  }

  /**
   * The package of a function of the bundle, from where it starts. The
   * profile's lines are the script's: line 0 is bin/remiss.js's wrapper and
   * the build's hash comment, so the bundle as esbuild wrote it starts on line 1.
   * @param {number} line
   * @param {number} column
   * @returns {{category: Category, source: string | undefined}}
   */
  function frameCategory(line, column) {
    const entry = /** @type {{originalSource?: string}} */ (sourceMap.findEntry(line - 1, column));
    // No source: esbuild's own helpers at the top of the bundle (lazy module initialisation, interop).
    if (!entry.originalSource) return { category: "remiss", source: undefined };
    return { category: sourceCategory(entry.originalSource), source: entry.originalSource };
  }

  /**
   * @param {CpuProfile} profile
   * @returns {Map<Category, number>} ms per category
   */
  function attribute(profile) {
    /** @type {Map<number, CpuProfile["nodes"][number]>} */
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    /** @type {Map<number, number>} */
    const parent = new Map();
    for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
    /** @type {Map<number, {category: Category, pkg?: string}>} */
    const byNode = new Map();

    /** @param {number} id @returns {{category: Category, pkg?: string}} */
    function classify(id) {
      const leaf = /** @type {CpuProfile["nodes"][number]} */ (nodes.get(id));
      const name = leaf.callFrame.functionName;
      if (name === "(garbage collector)") return { category: "gc" };
      if (name === "(idle)") return { category: "idle" };
      /** @type {{category: Category, source: string | undefined} | undefined} */
      let innermost;
      let inBin = false;
      let inLoader = false;
      for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parent.get(at)) {
        const { url, lineNumber, columnNumber } = /** @type {CpuProfile["nodes"][number]} */ (nodes.get(at)).callFrame;
        if (bundleUrls.has(url)) {
          // Line 0 is the function bin/remiss.js wraps the bundle in: its top level.
          if (lineNumber === 0) return { category: "evaluation" };
          innermost ??= frameCategory(lineNumber, columnNumber);
        } else if (binUrls.has(url)) inBin = true;
        else if (url.startsWith("node:internal/modules/")) inLoader = true;
      }
      if (innermost) {
        const pkgName = innermost.source ? /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(innermost.source)?.[1] : undefined;
        return { category: innermost.category, pkg: pkgName };
      }
      if (inBin || inLoader) return { category: "load" };
      return { category: "other" };
    }

    /** @type {Map<Category, number>} */
    const totals = new Map();
    profile.samples.forEach((id, i) => {
      let hit = byNode.get(id);
      if (!hit) {
        hit = classify(id);
        byNode.set(id, hit);
      }
      const us = profile.timeDeltas[i] ?? 0;
      totals.set(hit.category, (totals.get(hit.category) ?? 0) + us / 1000);
      if (hit.category === "packages" && hit.pkg) otherPackages.set(hit.pkg, (otherPackages.get(hit.pkg) ?? 0) + us / 1000);
    });
    return totals;
  }

  return { attribute, otherPackages };
}
