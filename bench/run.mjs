// @ts-check
/**
 * `npm run bench`: how fast and how lean `remiss` is beside the tools a
 * förvaltning would otherwise use, on one or more Nodes. This file only
 * orchestrates: arguments, tools, machine, the loop over Nodes and
 * measurements, and docs/benchmarks.md. The measurements are in
 * bench/measurements/ (one module each, listed in index.mjs), the helpers in
 * bench/lib/.
 *
 *   node bench/run.mjs [--node PATH]... [--quick] [--only ID,…] [--out FILE] [--keep]
 *
 * --node    a Node binary to measure (repeatable; default: the one running this)
 * --quick   few rounds and few cases, for trying the bench; writes docs/ only with --out
 * --only    only these measurements (ids as in bench/measurements/)
 * --out     where to write the document (default docs/benchmarks.md)
 * --keep    leave the temporary folder
 *
 * Progress goes to stderr; the document's tables to stdout. Needs a build
 * (`npm run bench` builds first). Works without pandoc, markdownlint-cli2 or
 * /usr/bin/time (those comparisons, or the memory, are left out).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { FULL, QUICK, makeContext, makeShared } from "./lib/context.mjs";
import { renderDocument, nodeTable, targetTable } from "./lib/document.mjs";
import { cleanEnv, removedHere } from "./lib/env.mjs";
import { copyPackage } from "./lib/files.mjs";
import { otherWork } from "./lib/machine-load.mjs";
import { loadSources } from "./lib/sources.mjs";
import { useGnuTime } from "./lib/spawn.mjs";
import { identity, machine, markdownlintEntry, nodeUnderTest, probe, toolVersions } from "./lib/tools.mjs";
import { MEASUREMENTS } from "./measurements/index.mjs";

const started = Date.now();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const GNU_TIME = "/usr/bin/time";

/** @param {string} text */
function log(text) {
  process.stderr.write(`${text}\n`);
}

/**
 * @param {string} text
 * @returns {never}
 */
function usageError(text) {
  log(`bench: ${text}`);
  process.exit(2);
}

const { values: args } = (() => {
  try {
    return parseArgs({
      options: {
        node: { type: "string", multiple: true },
        quick: { type: "boolean", default: false },
        only: { type: "string" },
        out: { type: "string" },
        keep: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    return usageError(/** @type {Error} */ (error).message);
  }
})();

// npm runs scripts in the package root; a relative --node is relative to where npm was called.
const callerDir = process.env.INIT_CWD ?? process.cwd();
const counts = args.quick ? QUICK : FULL;
const only = args.only?.split(",").map((id) => id.trim());
const measurements = only ? MEASUREMENTS.filter((m) => only.includes(m.id)) : MEASUREMENTS;
if (only && measurements.length !== only.length) usageError(`okänd mätning i --only; välj bland ${MEASUREMENTS.map((m) => m.id).join(", ")}.`);
const outFile = args.out ? path.resolve(callerDir, args.out) : args.quick ? undefined : path.join(ROOT, "docs", "benchmarks.md");

const tmpRoot = mkdtempSync(path.join(os.tmpdir(), "remiss-bench-"));
let cleanedUp = false;
function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (args.keep) log(`Lämnar ${tmpRoot} kvar (--keep).`);
  else rmSync(tmpRoot, { recursive: true, force: true });
}
process.on("exit", cleanup);
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));

// ---------------------------------------------------------------------------
// Tools, Nodes and the machine

const env = cleanEnv();
const gnuTime = probe(GNU_TIME, ["-f", "%M", "true"], env) ? GNU_TIME : undefined;
useGnuTime(gnuTime, path.join(tmpRoot, "rss.txt"));
const tools = { pandoc: probe("pandoc", ["--version"], env), markdownlint: markdownlintEntry(ROOT) };

/** @type {import("./lib/tools.mjs").NodeUnderTest[]} */
const nodes = [];
for (const given of args.node?.length ? args.node : [process.execPath]) {
  const node = nodeUnderTest(path.resolve(callerDir, given), env);
  if (typeof node === "string") usageError(node);
  else if (!nodes.some((n) => identity(n.path) === identity(node.path))) nodes.push(node);
}

// Two different binaries of the same version are told apart by their path.
for (const node of nodes) if (nodes.filter((n) => n.label === node.label).length > 1) node.label = `${node.label} (${node.path})`;

/** @type {string[]} */
const notes = [];
if (!tools.pandoc) notes.push("pandoc saknas: jämförelserna med pandoc och deras kvoter är utelämnade.");
if (!gnuTime) notes.push(`${GNU_TIME} saknas: tiderna är mätta utan den och minnet (RSS) är inte mätt.`);
if (!tools.markdownlint) notes.push("markdownlint-cli2 saknas i node_modules: jämförelsen vid granskning är utelämnad.");
for (const note of notes) log(note);

// What is measured is a copy of the package as built now: a build during the run (tests, say) cannot change it half-way.
const pkg = copyPackage(ROOT, path.join(tmpRoot, "package"));
const bin = path.join(pkg, "bin", "remiss.js");
const sources = await loadSources(ROOT);
const versions = toolVersions(ROOT, pkg, env, tools.pandoc);
const shared = makeShared({ root: ROOT, bin, tmpRoot, counts, sources, env, log });
// Built now rather than when the breakdown runs, so that it is made from the same src/ as the build just copied.
if (measurements.some((m) => m.id === "nedbrytning")) shared.profiledPackage();

// ---------------------------------------------------------------------------
// The loop

const other = otherWork();
try {
  /** @type {{node: import("./lib/tools.mjs").NodeUnderTest, results: Map<string, import("./lib/context.mjs").Result>}[]} */
  const perNode = [];
  for (const [index, node] of nodes.entries()) {
    log(`\n== ${node.label} (${node.path})`);
    const ctx = makeContext({ root: ROOT, bin, node, index, tmpRoot, counts, tools, sources, shared, log });
    for (const m of measurements) {
      try {
        other.start(`${node.label}\n${m.id}`);
        ctx.results.set(m.id, await m.run(ctx));
        other.stop();
      } catch (error) {
        // A bug in one measurement costs its rows, not the whole bench.
        const message = /** @type {Error} */ (error).stack ?? String(error);
        log(`  ${m.title}: bänken själv fick ett fel:\n${message}`);
        ctx.results.set(m.id, {
          rows: [],
          targets: [],
          notes: [`${m.title}: bänken själv fick ett fel (${String(/** @type {Error} */ (error).message).split("\n")[0]}); raderna saknas.`],
        });
      }
    }
    perNode.push({ node, results: ctx.results });
  }

  const when = new Date()
    .toISOString()
    .replace("T", " ")
    .replace(/:\d\d\.\d+Z$/, " UTC");
  const doc = renderDocument({
    when,
    durationMs: Date.now() - started,
    host: machine(),
    versions,
    perNode,
    measurements,
    counts,
    sources,
    quick: args.quick ?? false,
    removed: removedHere(),
    notes,
    gnuTime: gnuTime !== undefined,
    otherWork: other.total(),
    otherWorkBy: (node, id) => other.byKey.get(`${node.label}\n${id}`),
  });
  if (args.quick && !outFile) process.stdout.write(doc);
  else {
    const summary = targetTable(perNode, measurements);
    process.stdout.write(
      `${summary ? `${summary}\n\n` : ""}${perNode.map(({ node, results }) => `${node.label}\n${nodeTable(measurements, results)}`).join("\n\n")}\n`,
    );
  }
  if (outFile) {
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, doc);
    log(`Skrev ${path.relative(callerDir, outFile)} på ${Math.round((Date.now() - started) / 1000)} s.`);
  } else log(`Klart på ${Math.round((Date.now() - started) / 1000)} s (--quick: skrev ingen fil; ange --out för det).`);
} finally {
  cleanup();
}
