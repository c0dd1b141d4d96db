// @ts-check
/**
 * `npm run bench` (issue #6): how fast and how lean `remiss` is beside the
 * tools a förvaltning would otherwise use.
 *
 *  1. Cold draft: one case, a new process each time, against pandoc
 *     converting the same case's Markdown to DOCX, and `node -e ''` as the
 *     floor. The three alternate; medians.
 *  2. Many cases: 200 cases in one `remiss draft DIR` call against 200
 *     separate pandoc calls. Median of 3.
 *  3. Check: `remiss check` over 1,000 Markdown files in one call against
 *     markdownlint-cli2 with only MD043 (required headings) enabled, with the
 *     heading list taken from `src/model/sections.ts`. Median of 3.
 *  4. Peak memory (max RSS, GNU time `%M`) of every contender, max over runs.
 *
 * Prints a Markdown table to stdout (progress goes to stderr) and writes it,
 * with the machine and the versions, to docs/benchmarks.md. Needs a build
 * (`npm run bench` builds first). Works without pandoc (no pandoc ratios)
 * and without /usr/bin/time (no RSS).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NODE = process.execPath;
const REMISS_BIN = path.join(ROOT, "bin", "remiss.js");
const GNU_TIME = "/usr/bin/time";
const MARKDOWNLINT = path.join(ROOT, "node_modules", ".bin", "markdownlint-cli2");
const DOC_FILE = path.join(ROOT, "docs", "benchmarks.md");

const FIXTURE_YAML = "fixtures/sodermalm-ks-2025-804.yaml";
const FIXTURE_MD = "fixtures/sodermalm-ks-2025-804.md";
const CASE_SOURCES = ["fixtures/sodermalm-ks-2025-804.yaml", "fixtures/skrivelse-flera-forfattare.yaml"];

const COLD_WARMUP = 2;
const COLD_RUNS = 15;
const CASE_COUNT = 200;
const VARIANTS_PER_CASE = 5; // 200 × 5 = 1,000 files to check
const REPEATS = 3;

const TARGET_COLD = 1.5;
const TARGET_MANY = 0.1;
const TARGET_MANY_RSS_MB = 200;
const TARGET_CHECK = 0.5;

/** Big enough for `remiss check`'s report on 1,000 files. */
const MAX_BUFFER = 256 * 1024 * 1024;
/** No single command should take this long; a hang becomes a failure. */
const COMMAND_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * @typedef {object} RunResult
 * @property {number} ms            wall time, process.hrtime.bigint() around spawnSync
 * @property {number | undefined} rssKb  max RSS from GNU time, in kB
 * @property {number | null} status
 * @property {NodeJS.Signals | null} signal
 * @property {string} stdout
 * @property {string} stderr
 * @property {string | undefined} error  spawn error (ENOENT, timeout)
 */

/**
 * One contender in one measurement.
 * @typedef {object} Series
 * @property {string} name
 * @property {number[]} times       counted runs, ms
 * @property {number[]} rssKb       counted runs (and every call of a loop)
 * @property {Set<number>} statuses exit codes of the counted runs
 * @property {string | undefined} failure  set at the first failed run; the contender is not run again
 * @property {boolean} skipped      not measured at all (tool missing)
 */

/** Which exit codes are a result rather than a failure. */
const ACCEPT_ZERO = [0];
/** `check` tools exit 1 when they find problems: fine for timing. */
const ACCEPT_FINDINGS = [0, 1];

/** `--keep`: leave the temporary folder for inspection. */
const KEEP = process.argv.includes("--keep");

const tmpRoot = mkdtempSync(path.join(os.tmpdir(), "remiss-bench-"));
const RSS_FILE = path.join(tmpRoot, "rss.txt");
let cleanedUp = false;
function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (KEEP) log(`Lämnar ${tmpRoot} kvar (--keep).`);
  else rmSync(tmpRoot, { recursive: true, force: true });
}
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});
process.on("SIGTERM", () => {
  cleanup();
  process.exit(143);
});

/** @param {string} text */
function log(text) {
  process.stderr.write(`${text}\n`);
}

// ---------------------------------------------------------------------------
// Tools and the machine

const haveTime = probe(GNU_TIME, ["-f", "%M", "true"]);
const havePandoc = probe("pandoc", ["--version"]);
const haveMarkdownlint = existsSync(MARKDOWNLINT);

/**
 * @param {string} cmd
 * @param {string[]} args
 */
function probe(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "ignore" });
  return !r.error && r.status === 0;
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @returns {string | undefined} the first line of the output
 */
function firstLine(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8" });
  if (r.error || r.status !== 0) return undefined;
  return `${r.stdout}${r.stderr}`.split("\n")[0]?.trim() || undefined;
}

function machine() {
  let cpu = os.cpus()[0]?.model ?? "okänd processor";
  try {
    const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1];
    if (model) cpu = model.trim();
  } catch {
    // Not Linux: os.cpus() is the best we have.
  }
  const cores = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
  const memoryGb = os.totalmem() / 1024 ** 3;
  return { cpu, cores, memory: `${decimal(memoryGb, 1)} GB` };
}

/** @param {string} pkg */
function packageVersion(pkg) {
  try {
    return /** @type {{version: string}} */ (JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8"))).version;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// Running and measuring

/**
 * Runs one command, wrapped in GNU time when there is one, and times it.
 * @param {string} cmd
 * @param {string[]} args
 * @param {string} [cwd]
 * @returns {RunResult}
 */
function run(cmd, args, cwd = ROOT) {
  const file = haveTime ? GNU_TIME : cmd;
  const argv = haveTime ? ["-f", "%M", "-o", RSS_FILE, cmd, ...args] : args;
  if (haveTime) writeFileSync(RSS_FILE, "");
  const start = process.hrtime.bigint();
  const r = spawnSync(file, argv, { cwd, maxBuffer: MAX_BUFFER, timeout: COMMAND_TIMEOUT_MS });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  /** @type {number | undefined} */
  let rssKb;
  if (haveTime) {
    // GNU time writes "Command exited with non-zero status N" before the value when the command fails.
    const last = readFileSync(RSS_FILE, "utf8").trim().split("\n").at(-1) ?? "";
    if (/^\d+$/.test(last)) rssKb = Number(last);
  }
  return {
    ms,
    rssKb,
    status: r.status,
    signal: r.signal,
    stdout: r.stdout?.toString("utf8") ?? "",
    stderr: r.stderr?.toString("utf8") ?? "",
    error: r.error ? r.error.message : undefined,
  };
}

/**
 * Why a run counts as failed, or undefined when it is a result. Exit code 1
 * with a stack trace or remiss's "unexpected error" is a crash, not findings.
 * @param {RunResult} r
 * @param {readonly number[]} accepted
 * @returns {string | undefined}
 */
function failureOf(r, accepted) {
  const detail = firstMeaningfulLine(r.stderr);
  if (r.error) return r.error;
  if (r.signal) return `avbröts av ${r.signal}`;
  // GNU time: 127 = the command was not found, 126 = not runnable.
  if (haveTime && (r.status === 127 || r.status === 126) && /cannot run/.test(r.stderr)) return detail ?? `slutkod ${r.status}`;
  if (r.status === null || !accepted.includes(r.status)) return `slutkod ${r.status}${detail ? `: ${detail}` : ""}`;
  if (r.status !== 0 && looksLikeCrash(r.stderr)) return `slutkod ${r.status}: ${detail ?? "krasch"}`;
  return undefined;
}

/** @param {string} stderr */
function looksLikeCrash(stderr) {
  return /oväntat fel|^\s+at .+:\d+:\d+\)?$|^\w*Error\b|ERR_[A-Z_]+/mu.test(stderr);
}

/**
 * The line of stderr that says most about a failure: the first that names an
 * error, else the first line.
 * @param {string} text
 */
function firstMeaningfulLine(text) {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/^Command (exited with non-zero status|terminated by signal)/.test(l));
  const line = lines.find((l) => /error|fel\b|oväntat/i.test(l)) ?? lines[0];
  return line ? line.slice(0, 160) : undefined;
}

/**
 * @param {string} name
 * @param {boolean} [skipped]
 * @returns {Series}
 */
function series(name, skipped = false) {
  return { name, times: [], rssKb: [], statuses: new Set(), failure: undefined, skipped };
}

/**
 * Runs a contender once (unless it failed before or is skipped) and, if
 * `count`, records the time, RSS and exit code.
 * @param {Series} s
 * @param {() => RunResult} once
 * @param {readonly number[]} accepted
 * @param {boolean} count
 * @returns {RunResult | undefined}
 */
function measure(s, once, accepted, count) {
  if (s.skipped || s.failure) return undefined;
  const r = once();
  const failure = failureOf(r, accepted);
  if (failure) {
    s.failure = failure;
    log(`  ${s.name}: misslyckades (${failure})`);
    return r;
  }
  if (count) {
    s.times.push(r.ms);
    if (r.rssKb !== undefined) s.rssKb.push(r.rssKb);
    if (r.status !== null) s.statuses.add(r.status);
  }
  return r;
}

/** @param {number[]} values */
function median(values) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2;
}

/** @param {number[]} values */
function max(values) {
  return values.length === 0 ? undefined : Math.max(...values);
}

/** @param {string} dir */
function emptyDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/** @param {string} dir @param {string} ext */
function listFiles(dir, ext) {
  return readdirSync(dir)
    .filter((name) => name.endsWith(ext))
    .sort();
}

// ---------------------------------------------------------------------------
// 1. Cold draft

function coldDraft() {
  log(`1. Kall start: ${COLD_WARMUP} uppvärmningsvarv + ${COLD_RUNS} varv, remiss / pandoc / node -e '' om vartannat`);
  const out = path.join(tmpRoot, "cold");
  const remiss = series("remiss");
  const pandoc = series("pandoc", !havePandoc);
  const floor = series("node -e ''");
  for (let round = 0; round < COLD_WARMUP + COLD_RUNS; round++) {
    const count = round >= COLD_WARMUP;
    emptyDir(out);
    measure(remiss, () => run(NODE, [REMISS_BIN, "draft", FIXTURE_YAML, "--out-dir", out]), ACCEPT_ZERO, count);
    measure(pandoc, () => run("pandoc", ["-f", "markdown", FIXTURE_MD, "-o", path.join(out, "pandoc.docx")]), ACCEPT_ZERO, count);
    measure(floor, () => run(NODE, ["-e", ""]), ACCEPT_ZERO, count);
  }
  if (!remiss.failure) {
    const written = listFiles(out, ".md").length + listFiles(out, ".docx").length;
    if (written < 2) remiss.failure = `skrev ${written} filer, väntade Markdown och DOCX`;
  }
  return { remiss, pandoc, floor };
}

// ---------------------------------------------------------------------------
// 2. Many cases

/**
 * Writes CASE_COUNT case files, alternating between the sources, each with
 * its own title and diarienummer, so that no two are the same.
 * @param {string} dir
 */
function generateCases(dir) {
  mkdirSync(dir, { recursive: true });
  const sources = CASE_SOURCES.map((file) => readFileSync(path.join(ROOT, file), "utf8"));
  for (let i = 0; i < CASE_COUNT; i++) {
    const doc = parseDocument(/** @type {string} */ (sources[i % sources.length]));
    const n = i + 1;
    const title = String(doc.getIn(["motion", "titel"]));
    doc.setIn(["motion", "titel"], `${title}, del ${n}`);
    const dnr = doc.getIn(["dnr"]);
    if (dnr !== undefined) doc.setIn(["dnr"], String(dnr).replace(/\d+$/, String(1000 + n)));
    const remissDnr = String(doc.getIn(["remiss", "dnr"]));
    doc.setIn(["remiss", "dnr"], remissDnr.replace(/\d+$/, String(2000 + n)));
    writeFileSync(path.join(dir, `arende-${String(n).padStart(3, "0")}.yaml`), String(doc));
  }
}

/**
 * @param {string} casesDir
 * @param {string} mdDir
 */
function manyCases(casesDir, mdDir) {
  log(`2. ${CASE_COUNT} ärenden: ett remiss-anrop mot ${CASE_COUNT} pandoc-anrop, ${REPEATS} gånger om vartannat`);
  const remiss = series("remiss");
  const pandoc = series("pandoc", !havePandoc);
  /** @type {string | undefined} */
  let note;

  const mdFiles = listFiles(mdDir, ".md");
  if (mdFiles.length !== CASE_COUNT) {
    pandoc.skipped = true;
    note = `Markdown för pandoc kunde inte skrivas (${mdFiles.length} av ${CASE_COUNT} filer).`;
  }

  const out = path.join(tmpRoot, "many-out");
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    log(`  varv ${repeat + 1}/${REPEATS}`);
    emptyDir(out);
    const r = measure(remiss, () => run(NODE, [REMISS_BIN, "draft", casesDir, "--out-dir", out]), ACCEPT_ZERO, true);
    if (r && !remiss.failure && repeat === 0) {
      const written = listFiles(out, ".docx").length;
      if (written !== CASE_COUNT) remiss.failure = `skrev ${written} av ${CASE_COUNT} DOCX-filer`;
    }

    emptyDir(out);
    measure(
      pandoc,
      () => {
        // One run is the whole loop; its RSS values are every call's.
        /** @type {RunResult | undefined} */
        let last;
        const callRss = [];
        const start = process.hrtime.bigint();
        for (const name of mdFiles) {
          last = run("pandoc", ["-f", "markdown", path.join(mdDir, name), "-o", path.join(out, name.replace(/\.md$/, ".docx"))]);
          if (last.rssKb !== undefined) callRss.push(last.rssKb);
          if (failureOf(last, ACCEPT_ZERO)) return last;
        }
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        pandoc.rssKb.push(...callRss);
        return { .../** @type {RunResult} */ (last), ms, rssKb: undefined };
      },
      ACCEPT_ZERO,
      true,
    );
  }
  rmSync(out, { recursive: true, force: true });
  return { remiss, pandoc, note };
}

// ---------------------------------------------------------------------------
// 3. Check

/**
 * @typedef {object} Section
 * @property {string} id
 * @property {string} heading
 * @property {boolean} required
 */

/**
 * The MD043 heading list that describes a generated document: any one
 * heading (the title), then each required section in order with any headings
 * between (the writer's own `###` headings; also the optional sections).
 * @param {readonly Section[]} sections
 */
function md043Headings(sections) {
  /** @type {string[]} */
  const headings = ["?"];
  for (const section of sections.filter((s) => s.required)) headings.push(`## ${section.heading}`, "*");
  return headings;
}

/**
 * Inserts `block` at the end of the section with the given heading: before
 * the next `## ` heading or the signatures marker.
 * @param {string} text
 * @param {string} heading
 * @param {string} block  ends with a blank line
 * @param {string} marker
 */
function insertAtSectionEnd(text, heading, block, marker) {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`section ${heading} not found in the generated Markdown`);
  const from = start + 1;
  const candidates = [text.indexOf("\n## ", from), text.indexOf(`\n${marker}`, from)].filter((i) => i !== -1);
  const end = candidates.length > 0 ? Math.min(...candidates) + 1 : text.length;
  return `${text.slice(0, end)}${block}${text.slice(end)}`;
}

/**
 * Small, valid variations of a drafted document, one per variant folder:
 * as drafted; a sentence more in one section; a `###` heading of the
 * writer's own in one section; a longer title; CRLF line endings.
 * @param {string} text
 * @param {number} caseIndex
 * @param {number} variant
 * @param {readonly Section[]} sections
 * @param {string} marker
 */
function vary(text, caseIndex, variant, sections, marker) {
  const required = sections.filter((s) => s.required);
  const section = /** @type {Section} */ (required[(caseIndex + variant) % required.length]);
  switch (variant) {
    case 0:
      return text;
    case 1:
      return insertAtSectionEnd(text, section.heading, `Förvaltningen har inget mer att tillägga här (${caseIndex + 1}).\n\n`, marker);
    case 2:
      return insertAtSectionEnd(
        text,
        section.heading,
        `### Kompletterande synpunkter\n\nFörvaltningen följer frågan och återkommer vid behov.\n\n`,
        marker,
      );
    case 3:
      return text.replace(/^# (.+)$/m, (_, title) => `# ${title} (reviderad)`);
    default:
      return text.replace(/\n/g, "\r\n");
  }
}

/**
 * @param {string} mdDir
 * @param {string} checkDir
 * @param {readonly Section[]} sections
 * @param {string} marker
 */
function generateCheckFiles(mdDir, checkDir, sections, marker) {
  const names = listFiles(mdDir, ".md");
  for (let variant = 0; variant < VARIANTS_PER_CASE; variant++) {
    const dir = path.join(checkDir, `v${variant}`);
    mkdirSync(dir, { recursive: true });
    names.forEach((name, i) => {
      writeFileSync(path.join(dir, name), vary(readFileSync(path.join(mdDir, name), "utf8"), i, variant, sections, marker));
    });
  }
  writeMarkdownlintConfig(checkDir, sections);
  return names.length * VARIANTS_PER_CASE;
}

/**
 * @param {string} dir
 * @param {readonly Section[]} sections
 */
function writeMarkdownlintConfig(dir, sections) {
  const config = {
    config: { default: false, MD043: { headings: md043Headings(sections), match_case: true } },
  };
  writeFileSync(path.join(dir, ".markdownlint-cli2.jsonc"), `${JSON.stringify(config, null, 2)}\n`);
}

/**
 * A negative control, so that a configuration markdownlint-cli2 ignores
 * cannot pass as a green run: one drafted file without the heading of a
 * required section. Both tools should reject it (exit 1).
 * @param {string} mdDir
 * @param {string} controlDir
 * @param {readonly Section[]} sections
 * @returns {{heading: string, remiss: RunResult, lint: RunResult | undefined}}
 */
function negativeControl(mdDir, controlDir, sections) {
  mkdirSync(controlDir, { recursive: true });
  writeMarkdownlintConfig(controlDir, sections);
  const required = sections.filter((s) => s.required);
  const removed = /** @type {Section} */ (required[Math.floor(required.length / 2)]);
  const first = /** @type {string} */ (listFiles(mdDir, ".md")[0]);
  const text = readFileSync(path.join(mdDir, first), "utf8").replace(`\n## ${removed.heading}\n`, "\n");
  writeFileSync(path.join(controlDir, "kontroll.md"), text);
  return {
    heading: removed.heading,
    remiss: run(NODE, [REMISS_BIN, "check", "."], controlDir),
    lint: haveMarkdownlint ? run(MARKDOWNLINT, ["**/*.md"], controlDir) : undefined,
  };
}

/**
 * @param {string} checkDir
 * @param {number} fileCount
 * @param {ReturnType<typeof negativeControl>} control
 */
function check(checkDir, fileCount, control) {
  log(`3. Granska ${count(fileCount)} Markdown-filer: remiss check mot markdownlint-cli2 (MD043), ${REPEATS} gånger om vartannat`);
  const remiss = series("remiss check");
  const lint = series("markdownlint-cli2", !haveMarkdownlint);
  /** @type {string[]} */
  const notes = [];
  const remissArgs = [REMISS_BIN, "check", "."];
  const lintArgs = ["**/*.md"];

  // Untimed first: the verification (and a warm-up for both).
  if (haveMarkdownlint) {
    const unmodified = run(MARKDOWNLINT, ["v0/*.md"], checkDir);
    const all = run(MARKDOWNLINT, lintArgs, checkDir);
    notes.push(
      unmodified.status === 0
        ? `markdownlint-cli2 (bara MD043) godkänner de ${CASE_COUNT} omodifierade utkasten (slutkod 0); alla ${count(fileCount)} filer: slutkod ${all.status}.`
        : `OBS: markdownlint-cli2 (MD043) underkänner de omodifierade utkasten (slutkod ${unmodified.status}): ${firstMeaningfulLine(unmodified.stderr) ?? ""}`,
    );
    if (unmodified.status !== 0) log(`  OBS: MD043 underkänner omodifierade utkast:\n${unmodified.stderr.slice(0, 2000)}`);
  }
  const lintControl = control.lint ? `markdownlint-cli2 slutkod ${control.lint.status}` : "markdownlint-cli2 saknas";
  const controlOk = control.remiss.status === 1 && (!control.lint || control.lint.status === 1);
  notes.push(
    `${controlOk ? "Kontroll" : "OBS, kontrollen slog fel"}: ett utkast utan rubriken ”${control.heading}” ger remiss check slutkod ${control.remiss.status} och ${lintControl} (väntat: 1 och 1).`,
  );
  if (!controlOk) log(`  OBS: kontrollfilen gav remiss ${control.remiss.status}, ${lintControl}`);

  const verify = run(NODE, [REMISS_BIN, "check", "--format", "json", "."], checkDir);
  const verifyFailure = failureOf(verify, ACCEPT_FINDINGS);
  if (verifyFailure) {
    notes.push(`remiss check misslyckades: ${verifyFailure}.`);
  } else {
    try {
      /** @type {{severity: string, rule: string, file: string}[]} */
      const findings = JSON.parse(verify.stdout);
      const errors = findings.filter((f) => f.severity === "error");
      const rules = [...new Set(errors.map((f) => f.rule))].join(", ");
      const files = new Set(findings.map((f) => f.file)).size;
      notes.push(
        `remiss check på alla ${count(fileCount)} filer: slutkod ${verify.status}, ${count(errors.length)} fel${rules ? ` (${rules})` : ""} och ${count(findings.length - errors.length)} varningar i ${count(files)} filer.`,
      );
    } catch {
      notes.push(`remiss check: slutkod ${verify.status}; JSON-utdata gick inte att läsa.`);
    }
  }

  for (let repeat = 0; repeat < REPEATS; repeat++) {
    log(`  varv ${repeat + 1}/${REPEATS}`);
    measure(remiss, () => run(NODE, remissArgs, checkDir), ACCEPT_FINDINGS, true);
    measure(lint, () => run(MARKDOWNLINT, lintArgs, checkDir), ACCEPT_FINDINGS, true);
  }
  return { remiss, lint, notes };
}

// ---------------------------------------------------------------------------
// Formatting

/** @param {number} value @param {number} digits */
function decimal(value, digits) {
  return value.toFixed(digits).replace(".", ",");
}

/**
 * 1000 → "1 000" (Swedish digit grouping, non-breaking space).
 * @param {number} n
 */
function count(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

/** @param {number} ms */
function formatMs(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${decimal(ms / 1000, 2)} s`;
}

/** @param {number} kb */
function mb(kb) {
  return kb / 1024;
}

/**
 * The time cell: the median, or why there is none.
 * @param {Series} s
 */
function timeCell(s) {
  if (s.skipped) return "saknas";
  // The short form; the whole message is in the notes under the table.
  if (s.failure) return `misslyckades (${escapeCell(s.failure.split(":")[0] ?? s.failure)})`;
  const m = median(s.times);
  return m === undefined ? "–" : formatMs(m);
}

/** @param {Series} s */
function rssCell(s) {
  if (!haveTime || s.skipped || s.failure) return "–";
  const m = max(s.rssKb);
  return m === undefined ? "–" : `${Math.round(mb(m))} MB`;
}

/**
 * @param {Series} a
 * @param {Series} b
 * @returns {number | undefined}
 */
function ratio(a, b) {
  if (a.skipped || a.failure || b.skipped || b.failure) return undefined;
  const ma = median(a.times);
  const mb_ = median(b.times);
  return ma === undefined || mb_ === undefined || mb_ === 0 ? undefined : ma / mb_;
}

/** @param {number | undefined} value */
function ratioCell(value) {
  return value === undefined ? "–" : decimal(value, 2);
}

/**
 * The target and whether it is met: "≤ 1,5 ✔".
 * @param {number | undefined} value
 * @param {number} limit
 * @param {"≤" | "<"} [comparison]
 * @param {string} [unit]
 */
function targetCell(value, limit, comparison = "≤", unit = "") {
  const goal = `${comparison} ${String(limit).replace(".", ",")}${unit ? ` ${unit}` : ""}`;
  if (value === undefined) return `${goal} –`;
  const ok = comparison === "<" ? value < limit : value <= limit;
  return `${goal} ${ok ? "✔" : "✘"}`;
}

/** @param {string} text */
function escapeCell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** @param {string[][]} rows first row is the header */
function table(rows) {
  const widths = /** @type {string[]} */ (rows[0]).map((_, c) => Math.max(...rows.map((row) => (row[c] ?? "").length)));
  const line = (/** @type {string[]} */ row) => `| ${row.map((cell, c) => cell.padEnd(/** @type {number} */ (widths[c]))).join(" | ")} |`;
  const rule = `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`;
  return [line(/** @type {string[]} */ (rows[0])), rule, ...rows.slice(1).map(line)].join("\n");
}

// ---------------------------------------------------------------------------

/**
 * The section list, from src/model/sections.ts itself (compiled on the fly
 * with esbuild), so the bench never spells a heading and does not depend on
 * how the CLI is bundled.
 */
async function loadSectionList() {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [path.join(ROOT, "src", "model", "sections.ts")],
    bundle: true,
    format: "esm",
    platform: "node",
    write: false,
    logLevel: "error",
  });
  const code = /** @type {{text: string}} */ (result.outputFiles[0]).text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}

async function main() {
  const started = Date.now();
  /** @type {{SECTIONS: readonly Section[], SIGNATURES_MARKER: string}} */
  const { SECTIONS, SIGNATURES_MARKER } = await loadSectionList();

  const host = machine();
  const versions = {
    node: process.version,
    pandoc: havePandoc ? firstLine("pandoc", ["--version"])?.replace(/^pandoc\s+/, "") : undefined,
    markdownlintCli2: packageVersion("markdownlint-cli2"),
    markdownlint: packageVersion("markdownlint"),
    remiss: firstLine(NODE, [REMISS_BIN, "--version"]),
  };
  /** @type {string[]} */
  const notes = [];
  if (!havePandoc) notes.push("pandoc saknas: jämförelserna med pandoc och deras kvoter är utelämnade.");
  if (!haveTime) notes.push(`${GNU_TIME} saknas: tiderna är mätta utan den och minnet (RSS) är inte mätt.`);
  if (!haveMarkdownlint) notes.push("markdownlint-cli2 saknas i node_modules: jämförelsen vid granskning är utelämnad.");
  for (const note of notes) log(note);

  try {
    const cold = coldDraft();

    log(`Skriver ${CASE_COUNT} ärenden och deras Markdown (mäts inte)`);
    const casesDir = path.join(tmpRoot, "cases");
    const mdDir = path.join(tmpRoot, "cases-md");
    generateCases(casesDir);
    const mdRun = run(NODE, [REMISS_BIN, "draft", casesDir, "--format", "md", "--out-dir", mdDir]);
    const mdFailure = failureOf(mdRun, ACCEPT_ZERO);
    if (mdFailure) notes.push(`remiss draft --format md på de genererade ärendena misslyckades: ${mdFailure}.`);
    mkdirSync(mdDir, { recursive: true });

    const many = manyCases(casesDir, mdDir);
    if (many.note) notes.push(many.note);

    const checkDir = path.join(tmpRoot, "check");
    const fileCount = generateCheckFiles(mdDir, checkDir, SECTIONS, SIGNATURES_MARKER);
    const control = negativeControl(mdDir, path.join(tmpRoot, "check-control"), SECTIONS);
    const checked = check(checkDir, fileCount, control);
    notes.push(...checked.notes);

    for (const [measurement, list] of /** @type {const} */ ([
      ["Kall start", [cold.remiss, cold.pandoc, cold.floor]],
      [`${CASE_COUNT} ärenden`, [many.remiss, many.pandoc]],
      ["Granska", [checked.remiss, checked.lint]],
    ])) {
      for (const s of list) if (s.failure) notes.push(`${measurement}: ${s.name} misslyckades, ${s.failure.replace(/\.$/, "")}.`);
    }

    const coldRatio = ratio(cold.remiss, cold.pandoc);
    const manyRatio = ratio(many.remiss, many.pandoc);
    const checkRatio = ratio(checked.remiss, checked.lint);
    const manyRss = !haveTime || many.remiss.failure ? undefined : max(many.remiss.rssKb);
    const statuses = (/** @type {Series} */ s) => [...s.statuses].sort().join(", ") || "–";

    const rows = [
      ["Mätning", "remiss", "pandoc / markdownlint-cli2", "kvot", "mål"],
      [`Kall start: ett ärende till Markdown och DOCX, median av ${COLD_RUNS}`, timeCell(cold.remiss), timeCell(cold.pandoc), ratioCell(coldRatio), targetCell(coldRatio, TARGET_COLD)],
      ["– största RSS", rssCell(cold.remiss), rssCell(cold.pandoc), "", ""],
      [`– golv: \`node -e ''\`, median av ${COLD_RUNS} (största RSS)`, `${timeCell(cold.floor)} (${rssCell(cold.floor)})`, "", "", ""],
      [`${CASE_COUNT} ärenden: ett anrop mot ${CASE_COUNT} pandoc-anrop, median av ${REPEATS}`, timeCell(many.remiss), timeCell(many.pandoc), ratioCell(manyRatio), targetCell(manyRatio, TARGET_MANY)],
      ["– största RSS", rssCell(many.remiss), rssCell(many.pandoc), "", `remiss ${targetCell(manyRss === undefined ? undefined : mb(manyRss), TARGET_MANY_RSS_MB, "<", "MB")}`],
      [`Granska ${count(fileCount)} Markdown-filer i ett anrop, median av ${REPEATS}`, timeCell(checked.remiss), timeCell(checked.lint), ratioCell(checkRatio), targetCell(checkRatio, TARGET_CHECK)],
      ["– största RSS", rssCell(checked.remiss), rssCell(checked.lint), "", ""],
      ["– slutkoder", statuses(checked.remiss), statuses(checked.lint), "", ""],
    ];
    const tableText = table(rows);

    const when = new Date().toISOString().replace("T", " ").replace(/:\d\d\.\d+Z$/, " UTC");
    const headings = md043Headings(SECTIONS);
    const doc = [
      "# Prestandamätningar",
      "",
      "Skrivs av `npm run bench` ([bench/run.mjs](../bench/run.mjs)); ändra inte för hand.",
      "",
      `Mätt ${when} på ${host.cpu}, ${host.cores} kärnor, ${host.memory} minne. Node ${versions.node}, pandoc ${versions.pandoc ?? "saknas"}, markdownlint-cli2 ${versions.markdownlintCli2 ?? "saknas"} (markdownlint ${versions.markdownlint ?? "?"}), remiss ${versions.remiss ?? "?"}.`,
      "",
      tableText,
      "",
      "Kvoten är remiss tid delad med jämförelsens. Tiderna är väggklocktid runt varje process (`process.hrtime.bigint()` runt `spawnSync`), inklusive start av Node eller pandoc; största RSS kommer från `/usr/bin/time -f %M` runt varje anrop (1 MB = 1024 kB) och är det största värdet över de räknade körningarna.",
      "",
      "## Så mäts det",
      "",
      `- **Kall start**: \`remiss draft ${FIXTURE_YAML} --out-dir TMP\` (Markdown och DOCX) mot \`pandoc -f markdown ${FIXTURE_MD} -o TMP/x.docx\`, en ny process varje gång. remiss, pandoc och \`node -e ''\` (golvet: en Node-process som inte gör något) turas om; ${COLD_WARMUP} uppvärmningsvarv räknas inte, sedan ${COLD_RUNS} varv.`,
      `- **${CASE_COUNT} ärenden**: ${CASE_COUNT} YAML-filer gjorda av \`${CASE_SOURCES.join("` och `")}\` med olika titel och diarienummer, skrivna i ett anrop \`remiss draft MAPP --out-dir UT\`, mot ${CASE_COUNT} pandoc-anrop efter varandra på deras Markdown (skriven i förväg med \`--format md\`, utanför mätningen). ${REPEATS} varv om vartannat.`,
      `- **Granska**: ${count(fileCount)} Markdown-filer, de ${CASE_COUNT} utkasten i ${VARIANTS_PER_CASE} varianter (som de skrevs; en mening till i ett avsnitt; en egen \`###\`-rubrik i ett avsnitt; längre titel; CRLF-radslut). \`remiss check .\` mot \`markdownlint-cli2 "**/*.md"\`, båda i ett anrop med mappen som arbetskatalog, ${REPEATS} varv om vartannat efter ett omätt varv. markdownlint-cli2 har bara MD043 påslagen, med rubrikerna ur \`src/model/sections.ts\`: \`${JSON.stringify(headings)}\` (\`match_case\`).`,
      "",
      "## Att tänka på",
      "",
      ...notes.map((note) => `- ${note}`),
      "- MD043 kan inte uttrycka utlåtandets form exakt: `?` godtar vilken rubrik som helst som titel (inte bara `#`), och `*` mellan avsnitten, som behövs för skribentens egna `###`-rubriker och för Bilagor, godtar också okända `##`-avsnitt. MD043 ser bara rubrikerna; `remiss check` granskar dessutom tomma och dubblerade avsnitt, datum, platshållare, LIX och meningslängd, så den gör mer arbete per fil.",
      ...(haveTime ? ["- Tiderna omfattar också omslaget `/usr/bin/time` (ungefär en millisekund per process), lika för alla."] : []),
      "",
    ].join("\n");

    process.stdout.write(`${tableText}\n`);
    mkdirSync(path.dirname(DOC_FILE), { recursive: true });
    writeFileSync(DOC_FILE, doc);
    log(`Skrev ${path.relative(ROOT, DOC_FILE)} på ${Math.round((Date.now() - started) / 1000)} s.`);
  } finally {
    cleanup();
  }
}

await main();
