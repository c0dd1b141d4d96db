// @ts-check
/**
 * At the documented limits (src/model/limits.ts): (a) the largest allowed
 * case, a valid case just under LIMITS.caseBytes made of the reference
 * case's own prose repeated in `synpunkter`, drafted cold to Markdown and
 * DOCX and then checked; (b) the slowest hostile Markdown allowed, a draft
 * with LIMITS.markdownBrackets `[` in each of as many paragraphs as
 * LIMITS.markdownBracketsTotal allows, padded with prose up to
 * LIMITS.markdownBytes, checked. Each alternates in rounds with the same
 * command on the reference case, and reports time, RSS and the ratio.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import { FIXTURE_YAML } from "../lib/context.mjs";
import { insertAtSectionEnd } from "../lib/corpus.mjs";
import { emptyDir, listFiles } from "../lib/files.mjs";
import { count, escapeCell, formatBytes, ratioCell, timeRssCell } from "../lib/format.mjs";
import { fail, measure, pairedRatio, series } from "../lib/series.mjs";
import { ACCEPT_FINDINGS, ACCEPT_ZERO, failureOf } from "../lib/spawn.mjs";

/** @typedef {import("../lib/series.mjs").Series} Series */
/** @typedef {import("../lib/context.mjs").Context} Context */

/**
 * The Markdown texts of a case that are filled, in this order: `synpunkter`
 * first, then the others when LIMITS.fieldChars stops one text short of
 * LIMITS.caseBytes. Their paragraphs are also the prose that is repeated.
 */
const PROSE_FIELDS = ["synpunkter", "sammanfattning", "barnrattsanalys", "jamstalldhetsanalys", "beskrivning"];
/** The hostile paragraph: k × `[a ` then k × `](b) `, the slowest shape of `[` tried (micromark). */
const hostileParagraph = (/** @type {number} */ k) => `${"[a ".repeat(k)}${"](b) ".repeat(k)}`.trimEnd();
/** Findings that mean a limit refused the input (errors only). */
const LIMIT_RULE = /^(fil\/storlek|markdown\/(djup|hakparenteser|listpunkter)|yaml\/(djup|listpunkter))$/;

/** @param {string} text */
function bytes(text) {
  return Buffer.byteLength(text, "utf8");
}

/**
 * The reference case with paragraphs of its own prose added at the end of
 * its Markdown texts (`|` blocks), `synpunkter` first, each text up to
 * `fieldChars` characters, until one more paragraph would reach `limit`
 * bytes.
 * @param {string} source
 * @param {number} limit
 * @param {number} fieldChars
 */
function largestCase(source, limit, fieldChars) {
  const doc = parseDocument(source);
  /** @type {{field: string, at: number, indent: string, chars: number}[]} */
  const blocks = [];
  for (const field of PROSE_FIELDS) {
    const header = new RegExp(`^( *)${field}: \\|\\n`, "m").exec(source);
    if (!header) continue;
    // The block ends at the first non-empty line indented no deeper than its key.
    const bodyStart = header.index + header[0].length;
    const body = source.slice(bodyStart);
    const end = new RegExp(`^ {0,${(header[1] ?? "").length}}\\S`, "m").exec(body);
    const value = findValue(doc.contents, field);
    blocks.push({ field, at: bodyStart + (end ? end.index : body.length), indent: /^( *)/.exec(body)?.[1] ?? "  ", chars: String(value ?? "").length });
  }
  const paragraphs = blocks
    .flatMap(({ field }) => String(findValue(doc.contents, field) ?? "").split(/\n\s*\n/))
    .map((p) => p.trim().replace(/\s*\n\s*/g, "\n"))
    .filter((p) => p.length > 100);
  if (blocks[0]?.field !== "synpunkter" || paragraphs.length === 0) throw new Error("synpunkter (ett |-block) saknas i referensärendet");

  let size = bytes(source);
  /** @type {Map<number, string>} */
  const inserts = new Map();
  let next = 0;
  let full = false;
  for (const block of blocks) {
    /** @type {string[]} */
    const added = [];
    for (;;) {
      const text = /** @type {string} */ (paragraphs[next % paragraphs.length]);
      const paragraph = `\n${text
        .split("\n")
        .map((line) => `${block.indent}${line}`)
        .join("\n")}\n`;
      const n = bytes(paragraph);
      // A blank line and the paragraph's own newline come with it.
      if (block.chars + text.length + 2 > fieldChars) break;
      if (size + n >= limit) {
        full = true;
        break;
      }
      added.push(paragraph);
      size += n;
      block.chars += text.length + 2;
      next++;
    }
    inserts.set(block.at, added.join(""));
    if (full) break;
  }
  let text = source;
  for (const at of [...inserts.keys()].sort((a, b) => b - a)) text = `${text.slice(0, at)}${inserts.get(at)}${text.slice(at)}`;
  const check = parseDocument(text);
  if (check.errors.length > 0) throw new Error(`det stora ärendet blev inte giltig YAML: ${check.errors[0]?.message}`);
  const filled = blocks.filter((b) => inserts.get(b.at));
  const longest = Math.max(...filled.map((b) => String(findValue(check.contents, b.field) ?? "").length));
  if (longest > fieldChars) throw new Error(`en text blev ${longest} tecken, mer än LIMITS.fieldChars`);
  return { text, bytes: bytes(text), paragraphs: next, fields: filled.map((b) => b.field), longest };
}

/**
 * The value of the first key named `field` anywhere in a parsed YAML tree.
 * @param {unknown} node
 * @param {string} field
 * @returns {unknown}
 */
function findValue(node, field) {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value === field) return isScalar(pair.value) ? pair.value.value : undefined;
      const found = findValue(pair.value, field);
      if (found !== undefined) return found;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const found = findValue(item, field);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * A drafted reference Markdown with hostile paragraphs and prose at the end
 * of the synpunkter section, up to the Markdown limits.
 * @param {string} base  the reference case drafted to Markdown
 * @param {Record<string, number>} limits
 * @param {Context} ctx
 */
function hostileDraft(base, limits, ctx) {
  const perParagraph = /** @type {number} */ (limits.markdownBrackets);
  const allowed = /** @type {number} */ (limits.markdownBracketsTotal) - (base.match(/\[/g) ?? []).length;
  const hostileCount = Math.floor(allowed / perParagraph);
  const hostile = Array.from({ length: hostileCount }, () => `${hostileParagraph(perParagraph)}\n\n`).join("");
  const prose = base
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 200 && !/^([#>*+|-]|\d+[.)]|<!--)/.test(p) && !p.includes("["));
  if (prose.length === 0) throw new Error("referensutkastet har inga stycken att fylla med");
  const section = ctx.sources.SECTIONS.find((s) => s.id === "synpunkter") ?? ctx.sources.SECTIONS.find((s) => s.required);
  const heading = /** @type {string} */ (section?.heading);
  const limit = /** @type {number} */ (limits.markdownBytes);
  let size = bytes(base) + bytes(hostile);
  /** @type {string[]} */
  const padding = [];
  for (let i = 0; ; i++) {
    const paragraph = `${prose[i % prose.length]}\n\n`;
    const n = bytes(paragraph);
    if (size + n >= limit) break;
    padding.push(paragraph);
    size += n;
  }
  const text = insertAtSectionEnd(base, heading, `${hostile}${padding.join("")}`, ctx.sources.SIGNATURES_MARKER);
  return { text, bytes: bytes(text), brackets: (text.match(/\[/g) ?? []).length, hostileCount, perParagraph };
}

/**
 * Runs `remiss check --format json` once (untimed) and marks the series
 * failed if a limit refused the input.
 * @param {Context} ctx
 * @param {Series} s
 * @param {string[]} args
 * @param {string} cwd
 */
function verifyNotRefused(ctx, s, args, cwd) {
  const r = ctx.remiss(["check", "--format", "json", ...args], { cwd });
  const failure = failureOf(r, ACCEPT_FINDINGS);
  if (failure) return fail(s, failure, ctx.log);
  try {
    /** @type {{severity: string, rule: string, message: string}[]} */
    const findings = JSON.parse(r.stdout);
    const refusal = findings.find((f) => f.severity === "error" && LIMIT_RULE.test(f.rule));
    if (refusal) fail(s, `avvisades av en gräns (${refusal.rule}): ${refusal.message}`, ctx.log);
  } catch {
    fail(s, "JSON-utdata från remiss check gick inte att läsa", ctx.log);
  }
}

/** @param {Series} s */
function cell(s) {
  if (s.failure && /avvisades av en gräns|högst|får vara/.test(s.failure)) return "avvisades av en gräns";
  return timeRssCell(s);
}

/** @type {import("../lib/context.mjs").Measurement} */
export default {
  id: "granser",
  title: "Vid gränserna",

  run(ctx) {
    const { limitRounds } = ctx.counts;
    const limits = ctx.sources.LIMITS;
    /** @type {string[]} */
    const notes = [];
    const missing = ["caseBytes", "markdownBytes", "markdownBrackets", "markdownBracketsTotal"].filter((key) => typeof limits[key] !== "number");
    if (missing.length > 0) {
      notes.push(`Vid gränserna: LIMITS saknar ${missing.join(", ")} i src/model/limits.ts; raderna är utelämnade.`);
      return { rows: [], targets: [], notes };
    }
    ctx.log(`Vid gränserna: största ärendet och fientligt utkast, 1 uppvärmningsvarv + ${limitRounds} varv om vartannat med referensärendet`);
    const dir = path.join(ctx.dir, "limits");
    emptyDir(dir);
    const refOut = path.join(dir, "ref");
    const bigOut = path.join(dir, "big");
    const bigYaml = path.join(dir, "storsta-arende.yaml");
    const refMd = path.join(refOut, `${path.basename(FIXTURE_YAML, ".yaml")}.md`);
    const hostileMd = path.join(dir, "fientligt-utkast.md");

    const refDraft = series("referensärendet, draft");
    const bigDraft = series("största ärendet, draft");
    const refCheck = series("referensärendet, check av MD och DOCX");
    const bigCheck = series("största ärendet, check av MD och DOCX");
    const refMdCheck = series("referensutkastet, check");
    const hostileCheck = series("fientligt utkast, check");

    /** @type {{bytes: number, fields: string[], longest: number}} */
    let big = { bytes: 0, fields: [], longest: 0 };
    const fieldChars = limits.fieldChars ?? Number.POSITIVE_INFINITY;
    try {
      const made = largestCase(readFileSync(path.join(ctx.root, FIXTURE_YAML), "utf8"), /** @type {number} */ (limits.caseBytes), fieldChars);
      writeFileSync(bigYaml, made.text);
      big = made;
    } catch (error) {
      fail(bigDraft, `kunde inte skapas: ${/** @type {Error} */ (error).message}`, ctx.log);
      bigCheck.skipped = true;
    }
    ctx.warm("draft");
    ctx.warm("check");

    // The reference draft, to build the hostile draft from.
    emptyDir(refOut);
    const first = ctx.remiss(["draft", FIXTURE_YAML, "--out-dir", refOut]);
    let hostile = { bytes: 0, brackets: 0, hostileCount: 0, perParagraph: 0 };
    const refFailure = failureOf(first, ACCEPT_ZERO);
    if (refFailure) {
      for (const s of [refDraft, refCheck, refMdCheck]) fail(s, refFailure, ctx.log);
      hostileCheck.skipped = true;
    } else {
      try {
        const made = hostileDraft(readFileSync(refMd, "utf8"), limits, ctx);
        writeFileSync(hostileMd, made.text);
        hostile = made;
        verifyNotRefused(ctx, hostileCheck, [hostileMd], dir);
      } catch (error) {
        fail(hostileCheck, `kunde inte skapas: ${/** @type {Error} */ (error).message}`, ctx.log);
      }
    }

    for (let i = 0; i < 1 + limitRounds; i++) {
      const round = i >= 1 ? i - 1 : undefined;
      ctx.log(`  varv ${i + 1}/${1 + limitRounds}${round === undefined ? " (uppvärmning)" : ""}`);
      emptyDir(refOut);
      measure(refDraft, round, () => ctx.remiss(["draft", FIXTURE_YAML, "--out-dir", refOut]), ACCEPT_ZERO, ctx.log);
      emptyDir(bigOut);
      const r = measure(bigDraft, round, () => ctx.remiss(["draft", bigYaml, "--out-dir", bigOut]), ACCEPT_ZERO, ctx.log);
      if (r && !bigDraft.failure && i === 0) {
        const written = listFiles(bigOut, ".md").length + listFiles(bigOut, ".docx").length;
        if (written < 2) fail(bigDraft, `skrev ${written} filer, väntade Markdown och DOCX`, ctx.log);
        else verifyNotRefused(ctx, bigCheck, ["."], bigOut);
      }
      if (bigDraft.failure && !bigCheck.failure) bigCheck.skipped = true;
      measure(refCheck, round, () => ctx.remiss(["check", "."], { cwd: refOut }), ACCEPT_FINDINGS, ctx.log);
      measure(bigCheck, round, () => ctx.remiss(["check", "."], { cwd: bigOut }), ACCEPT_FINDINGS, ctx.log);
      measure(refMdCheck, round, () => ctx.remiss(["check", refMd]), ACCEPT_FINDINGS, ctx.log);
      measure(hostileCheck, round, () => ctx.remiss(["check", hostileMd]), ACCEPT_FINDINGS, ctx.log);
    }
    for (const s of [refDraft, bigDraft, refCheck, bigCheck, refMdCheck, hostileCheck]) {
      if (s.failure) notes.push(`Vid gränserna: ${s.name} ${s.failure.startsWith("avvisades") ? "" : "misslyckades, "}${s.failure.replace(/\.$/, "")}.`);
    }

    const caseLimit = /** @type {number} */ (limits.caseBytes);
    const mdLimit = /** @type {number} */ (limits.markdownBytes);
    return {
      rows: [
        {
          label: `Största tillåtna ärende (${formatBytes(big.bytes)} YAML, gränsen är ${formatBytes(caseLimit)}; ${big.fields.length} texter, den längsta ${count(big.longest)} tecken): kall draft till MD och DOCX, mot referensärendet (median av ${count(limitRounds)} varv; tid, största RSS)`,
          remiss: cell(bigDraft),
          other: cell(refDraft),
          ratio: ratioCell(pairedRatio(bigDraft, refDraft)),
        },
        {
          label: "– dess MD och DOCX granskade med `remiss check`, mot referensens",
          remiss: bigCheck.skipped ? "–" : cell(bigCheck),
          other: cell(refCheck),
          ratio: ratioCell(pairedRatio(bigCheck, refCheck)),
        },
        {
          label: escapeCell(
            `Fientligt utkast vid gränserna (${formatBytes(hostile.bytes)}, gränsen är ${formatBytes(mdLimit)}; ${count(hostile.brackets)} \`[\`, ${hostile.perParagraph} i vart och ett av ${hostile.hostileCount} stycken): \`remiss check\`, mot referensutkastet`,
          ),
          remiss: hostileCheck.skipped ? "–" : cell(hostileCheck),
          other: cell(refMdCheck),
          ratio: ratioCell(pairedRatio(hostileCheck, refMdCheck)),
        },
      ],
      targets: [],
      notes,
    };
  },

  method({ counts, sources }) {
    const l = sources.LIMITS;
    const k = l.markdownBrackets ?? 0;
    return [
      `**Vid gränserna** (gränserna läses ur \`src/model/limits.ts\`): (a) *största tillåtna ärende*: referensärendet med stycken ur sina egna texter upprepade sist i \`synpunkter\` och, när den texten når \`LIMITS.fieldChars\`${l.fieldChars ? ` (${count(l.fieldChars)} tecken)` : ""}, i nästa (sammanfattning, barnrätts- och jämställdhetsanalys, ärendets beskrivning), tills ett stycke till skulle nå \`LIMITS.caseBytes\` (${formatBytes(l.caseBytes ?? 0)}); det skrivs kallt till Markdown och DOCX, och de två filerna granskas med \`remiss check\`. (b) *fientligt utkast*: referensärendets Markdown med stycken av ${k} \`[\` vardera (\`[a \` ${k} gånger och sedan \`](b) \` ${k} gånger, den långsammaste formen av de prövade) så många som \`LIMITS.markdownBracketsTotal\` (${count(l.markdownBracketsTotal ?? 0)}) tillåter, och sedan stycken av utkastets egen text upp till \`LIMITS.markdownBytes\` (${formatBytes(l.markdownBytes ?? 0)}), granskat med \`remiss check\`. Före mätningen kontrolleras att ingen gräns avvisar filerna. Varje rad turas om med samma kommando på referensärendet, 1 uppvärmningsvarv och ${counts.limitRounds} varv; kvoten är medianen av kvoterna i samma varv.`,
    ];
  },
};
