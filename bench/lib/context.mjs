// @ts-check
/**
 * What a measurement gets (a Context) and gives back (a Result), and the
 * contenders as run on one Node: remiss's bin/remiss.js, `node -e ''` and
 * markdownlint-cli2 with that Node binary, pandoc as it is; all with the
 * clean environment and this Node's own code cache folder.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { VARIANTS_PER_CASE, makeCorpus } from "./corpus.mjs";
import { cleanEnv } from "./env.mjs";
import { cacheState, emptyDir } from "./files.mjs";
import { buildProfiledPackage } from "./profile.mjs";
import { run } from "./spawn.mjs";

/** @typedef {import("./spawn.mjs").RunResult} RunResult */
/** @typedef {import("./format.mjs").Target} Target */
/** @typedef {import("./tools.mjs").NodeUnderTest} NodeUnderTest */
/** @typedef {import("./sources.mjs").Sources} Sources */
/** @typedef {import("./corpus.mjs").Corpus} Corpus */
/** @typedef {import("./profile.mjs").ProfiledPackage} ProfiledPackage */

export const FIXTURE_YAML = "fixtures/sodermalm-ks-2025-804.yaml";
export const FIXTURE_MD = "fixtures/sodermalm-ks-2025-804.md";

/**
 * How many runs; `--quick` makes every count small.
 * @typedef {object} Counts
 * @property {number} coldWarmup    uncounted rounds before the cold draft
 * @property {number} coldRounds
 * @property {number} firstRuns     first runs after install, each with an empty cache
 * @property {number} quickRounds   `--version`/`--help` rounds
 * @property {number} caseCount     generated cases (× 5 files to check)
 * @property {number} repeats       rounds of the many-cases and check comparisons
 * @property {number} profileRuns   profiled cold drafts for the breakdown
 * @property {number} limitRounds   rounds of the limit rows
 */

/** @type {Counts} */
export const FULL = { coldWarmup: 2, coldRounds: 15, firstRuns: 5, quickRounds: 15, caseCount: 200, repeats: 3, profileRuns: 7, limitRounds: 3 };
/** @type {Counts} */
export const QUICK = { coldWarmup: 1, coldRounds: 3, firstRuns: 2, quickRounds: 3, caseCount: 20, repeats: 1, profileRuns: 2, limitRounds: 1 };

/**
 * One row of a Node's table: Mätning | remiss | jämförelse | kvot | mål.
 * @typedef {object} Row
 * @property {string} label
 * @property {string} [remiss]
 * @property {string} [other]
 * @property {string} [ratio]
 * @property {string} [goal]
 */

/**
 * @typedef {object} Result
 * @property {Row[]} rows
 * @property {Target[]} targets
 * @property {string[]} notes    for "Att tänka på"
 * @property {unknown} [data]    for the measurement's combine(), and for later measurements
 */

/**
 * Made once per bench, on first use, shared by every Node.
 * @typedef {object} Shared
 * @property {() => Corpus} corpus
 * @property {() => ProfiledPackage | string} profiledPackage
 */

/**
 * @typedef {object} Context
 * @property {string} root
 * @property {string} bin          remiss's bin/remiss.js, in the package copied at the start
 * @property {NodeUnderTest} node
 * @property {Counts} counts
 * @property {string} dir          this Node's temporary folder
 * @property {string} cacheHome    this Node's XDG_CACHE_HOME, empty at the start
 * @property {NodeJS.ProcessEnv} env  the clean environment, XDG_CACHE_HOME=cacheHome
 * @property {{pandoc: boolean, markdownlint: string | undefined}} tools
 * @property {Sources} sources
 * @property {Shared} shared
 * @property {Map<string, Result>} results  earlier measurements on this Node, by id
 * @property {(text: string) => void} log
 * @property {(args: string[], options?: {cwd?: string, env?: NodeJS.ProcessEnv, bin?: string, nodeArgs?: string[]}) => RunResult} remiss
 * @property {() => RunResult} emptyNode  `node -e ''`
 * @property {(args: string[]) => RunResult} pandoc
 * @property {(args: string[], cwd: string) => RunResult} markdownlint
 * @property {(command: "draft" | "check") => void} warm  one uncounted run, if the command has no code cache yet
 */

/**
 * @typedef {object} MethodInfo
 * @property {Counts} counts
 * @property {Sources} sources
 */

/**
 * A measurement: one module in bench/measurements/.
 * @typedef {object} Measurement
 * @property {string} id
 * @property {string} title
 * @property {(ctx: Context) => Result | Promise<Result>} run
 * @property {(info: MethodInfo) => string[]} method  bullets for "Så mäts det"
 * @property {string[]} [caveats]  for "Att tänka på", whatever the results
 * @property {(perNode: {node: NodeUnderTest, result: Result}[]) => string | undefined} [combine]  a section of its own, all Nodes together
 */

/**
 * @param {{root: string, bin: string, node: NodeUnderTest, index: number, tmpRoot: string, counts: Counts, tools: Context["tools"], sources: Sources, shared: Shared, log: (text: string) => void}} options
 * @returns {Context}
 */
export function makeContext({ root, bin, node, index, tmpRoot, counts, tools, sources, shared, log }) {
  const dir = path.join(tmpRoot, `node-${index + 1}`);
  const cacheHome = path.join(dir, "cache");
  mkdirSync(cacheHome, { recursive: true });
  const env = cleanEnv({ XDG_CACHE_HOME: cacheHome });

  /** @type {Context} */
  const ctx = {
    root,
    bin,
    node,
    counts,
    dir,
    cacheHome,
    env,
    tools,
    sources,
    shared,
    results: new Map(),
    log,
    remiss: (args, options = {}) =>
      run(node.path, [...(options.nodeArgs ?? []), options.bin ?? bin, ...args], { cwd: options.cwd ?? root, env: options.env ?? env }),
    emptyNode: () => run(node.path, ["-e", ""], { cwd: root, env }),
    pandoc: (args) => run("pandoc", args, { cwd: root, env }),
    markdownlint: (args, cwd) => run(node.path, [/** @type {string} */ (tools.markdownlint), ...args], { cwd, env }),
    warm: (command) => {
      if ([...cacheState(cacheHome).keys()].some((name) => name.endsWith(`-${command}.v8cache`))) return;
      const out = path.join(dir, "warm");
      emptyDir(out);
      if (command === "draft") ctx.remiss(["draft", FIXTURE_YAML, "--out-dir", out]);
      else ctx.remiss(["check", FIXTURE_MD]);
    },
  };
  return ctx;
}

/**
 * @template T
 * @param {() => T} make
 * @returns {() => T}
 */
function once(make) {
  /** @type {{value: T} | undefined} */
  let made;
  return () => (made ??= { value: make() }).value;
}

/**
 * What every Node shares, made on first use with the bench's own Node (and,
 * for the corpus, a code cache folder of its own).
 * @param {{root: string, bin: string, tmpRoot: string, counts: Counts, sources: Sources, env: NodeJS.ProcessEnv, log: (text: string) => void}} options
 * @returns {Shared}
 */
export function makeShared({ root, bin, tmpRoot, counts, sources, env, log }) {
  return {
    corpus: once(() => {
      log(`Skriver ${counts.caseCount} ärenden, deras Markdown och ${counts.caseCount * VARIANTS_PER_CASE} filer att granska (mäts inte)`);
      const corpusEnv = { ...env, XDG_CACHE_HOME: path.join(tmpRoot, "corpus-cache") };
      return makeCorpus({
        root,
        dir: path.join(tmpRoot, "corpus"),
        caseCount: counts.caseCount,
        sections: sources.SECTIONS,
        marker: sources.SIGNATURES_MARKER,
        remiss: (argv) => run(process.execPath, [bin, ...argv], { cwd: root, env: corpusEnv }),
      });
    }),
    profiledPackage: once(() => {
      log("Bygger en kopia av remiss med källkarta för nedbrytningen (mäts inte)");
      return buildProfiledPackage(root, path.join(tmpRoot, "profiled-package"), env, path.join(bin, "..", "..", "dist", "remiss.cjs"));
    }),
  };
}
