// @ts-check
/**
 * The generated inputs that several measurements share, made once per bench
 * (not per Node, and not timed): N case files, their Markdown for pandoc,
 * and 5 × N Markdown drafts to check, with the markdownlint-cli2
 * configuration (only MD043) and a negative control.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { listFiles } from "./files.mjs";
import { ACCEPT_ZERO, failureOf } from "./spawn.mjs";

/** @typedef {import("./sources.mjs").Section} Section */
/** @typedef {import("./spawn.mjs").RunResult} RunResult */

export const CASE_SOURCES = ["fixtures/sodermalm-ks-2025-804.yaml", "fixtures/skrivelse-flera-forfattare.yaml"];
export const VARIANTS_PER_CASE = 5;

/**
 * @typedef {object} Corpus
 * @property {string} casesDir     N case files (YAML)
 * @property {string} mdDir        their Markdown, written by `remiss draft --format md`
 * @property {string[]} mdFiles    names in mdDir
 * @property {string} checkDir     VARIANTS_PER_CASE × N drafts in v0…v4, and .markdownlint-cli2.jsonc
 * @property {number} fileCount
 * @property {string} controlDir   one draft without a required heading, and the same configuration
 * @property {string} removedHeading
 * @property {string | undefined} failure  why the Markdown could not be written
 */

/**
 * @param {{root: string, dir: string, caseCount: number, sections: readonly Section[], marker: string, remiss: (args: string[]) => RunResult}} options
 * @returns {Corpus}
 */
export function makeCorpus({ root, dir, caseCount, sections, marker, remiss }) {
  const casesDir = path.join(dir, "cases");
  const mdDir = path.join(dir, "cases-md");
  generateCases(root, casesDir, caseCount);
  const md = remiss(["draft", casesDir, "--format", "md", "--out-dir", mdDir]);
  const mdFailure = failureOf(md, ACCEPT_ZERO);
  mkdirSync(mdDir, { recursive: true });
  const mdFiles = listFiles(mdDir, ".md");
  const failure = mdFailure ?? (mdFiles.length === caseCount ? undefined : `${mdFiles.length} av ${caseCount} Markdown-filer skrevs`);

  const checkDir = path.join(dir, "check");
  const fileCount = generateCheckFiles(mdDir, mdFiles, checkDir, sections, marker);
  const controlDir = path.join(dir, "check-control");
  const removedHeading = writeNegativeControl(mdDir, mdFiles, controlDir, sections);
  return { casesDir, mdDir, mdFiles, checkDir, fileCount, controlDir, removedHeading, failure };
}

/**
 * Writes `count` case files, alternating between the sources, each with its
 * own title and diarienummer, so that no two are the same.
 * @param {string} root
 * @param {string} dir
 * @param {number} caseCount
 */
function generateCases(root, dir, caseCount) {
  mkdirSync(dir, { recursive: true });
  const sources = CASE_SOURCES.map((file) => readFileSync(path.join(root, file), "utf8"));
  for (let i = 0; i < caseCount; i++) {
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
 * The MD043 heading list that describes a generated document: any one
 * heading (the title), then each required section in order with any headings
 * between (the writer's own `###` headings; also the optional sections).
 * @param {readonly Section[]} sections
 */
export function md043Headings(sections) {
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
export function insertAtSectionEnd(text, heading, block, marker) {
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
      return insertAtSectionEnd(text, section.heading, `### Kompletterande synpunkter\n\nFörvaltningen följer frågan och återkommer vid behov.\n\n`, marker);
    case 3:
      return text.replace(/^# (.+)$/m, (_, title) => `# ${title} (reviderad)`);
    default:
      return text.replace(/\n/g, "\r\n");
  }
}

/**
 * @param {string} mdDir
 * @param {string[]} names
 * @param {string} checkDir
 * @param {readonly Section[]} sections
 * @param {string} marker
 */
function generateCheckFiles(mdDir, names, checkDir, sections, marker) {
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
 * @param {string[]} names
 * @param {string} controlDir
 * @param {readonly Section[]} sections
 * @returns {string} the heading removed
 */
function writeNegativeControl(mdDir, names, controlDir, sections) {
  mkdirSync(controlDir, { recursive: true });
  writeMarkdownlintConfig(controlDir, sections);
  const required = sections.filter((s) => s.required);
  const removed = /** @type {Section} */ (required[Math.floor(required.length / 2)]);
  const first = names[0];
  if (first !== undefined) {
    const text = readFileSync(path.join(mdDir, first), "utf8").replace(`\n## ${removed.heading}\n`, "\n");
    writeFileSync(path.join(controlDir, "kontroll.md"), text);
  }
  return removed.heading;
}
