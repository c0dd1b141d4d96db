// @ts-check
/**
 * How much of what a remitted document and a remittent's letter say
 * `remiss init --fran` / `--remissbrev` fills in right: the built CLI is run
 * on every document of the development corpus (fixtures/korpus/, documents
 * from kommuner and regioner the rules were not written for) and of
 * fixtures/kallor/ (the documents the rules were written on), once from the
 * PDF and once from the DOCX; each starter file is read back and every
 * field scored against the document's truth (<name>.expected.json) by
 * bench/lib/korpus-score.mjs. Not timed: the numbers are the same on every
 * Node, and the section with the fields is written once.
 */
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { escapeCell, table } from "../lib/format.mjs";
import { BREV_FIELDS, OBJEKT_FIELDS, addOutcomes, brevFromStarter, emptyTally, objektFromStarter, scoreBrev, scoreObjekt, shares } from "../lib/korpus-score.mjs";

/** @typedef {import("../lib/korpus-score.mjs").Tally} Tally */

/** The target of issue 23, on documents the project has never seen. */
export const TARGET_RIGHT = 0.9;
export const TARGET_WRONG = 0.03;

export const CORPORA = [
  { id: "korpus", dir: "fixtures/korpus", label: "utvecklingskorpusen (fixtures/korpus)", heading: "Utvecklingskorpusen (fixtures/korpus)" },
  { id: "kallor", dir: "fixtures/kallor", label: "fixtures/kallor (reglerna skrevs på dem)", heading: "Dokumenten i fixtures/kallor (reglerna skrevs på dem)" },
];
export const FORMATS = ["pdf", "docx"];

/** A letter's name begins "remiss-"; every other document is a remitted document. */
const isLetter = (/** @type {string} */ name) => name.startsWith("remiss-");

/** @param {number} share */
function percent(share) {
  return `${Math.round(share * 100)} %`;
}

/**
 * @param {string} root
 * @param {string} dir
 */
function namesIn(root, dir) {
  return readdirSync(path.join(root, dir))
    .filter((file) => file.endsWith(".expected.json"))
    .map((file) => file.slice(0, -".expected.json".length))
    .sort();
}

/**
 * Runs init on every document of one corpus in one format and scores it.
 * @param {import("../lib/context.mjs").Context} ctx
 * @param {{id: string, dir: string}} corpus
 * @param {string} format
 */
function scoreCorpus(ctx, corpus, format) {
  const objekt = emptyTally();
  const brev = emptyTally();
  const all = emptyTally();
  /** @type {string[]} */
  const failures = [];
  const work = path.join(ctx.dir, "init-korpus", corpus.id, format);
  mkdirSync(work, { recursive: true });
  const names = namesIn(ctx.root, corpus.dir);
  for (const name of names) {
    const file = path.join(ctx.root, corpus.dir, `${name}.${format}`);
    const out = path.join(work, `${name}.yaml`);
    const r = ctx.remiss(["init", out, "--force", isLetter(name) ? "--remissbrev" : "--fran", file], { cwd: work });
    if (r.status !== 0) {
      failures.push(`${corpus.dir}/${name}.${format}: slutkod ${r.status}`);
      continue;
    }
    const expected = JSON.parse(readFileSync(path.join(ctx.root, corpus.dir, `${name}.expected.json`), "utf8"));
    const yaml = readFileSync(out, "utf8");
    const outcomes = isLetter(name) ? scoreBrev(expected, brevFromStarter(yaml)) : scoreObjekt(expected, objektFromStarter(yaml));
    addOutcomes(isLetter(name) ? brev : objekt, outcomes);
    addOutcomes(all, outcomes);
  }
  return { documents: names.filter((name) => !isLetter(name)).length, letters: names.filter(isLetter).length, objekt, brev, all, failures };
}

/** @typedef {ReturnType<typeof scoreCorpus>} CorpusScore */

/**
 * The per-field table of one corpus: a column per format.
 * @param {Record<string, CorpusScore>} byFormat
 */
function fieldTable(byFormat) {
  /** @type {string[][]} */
  const rows = [["Fält", ...FORMATS.map((f) => `${f.toUpperCase()}: rätt / rätt tomt / delvis / fel / saknas`)]];
  /** @param {Tally} tally @param {string} field */
  const cell = (tally, field) => {
    const c = tally.fields[field];
    return c ? `${c.ratt} / ${c["ratt-tomt"]} / ${c.delvis} / ${c.fel} / ${c.saknas}` : "–";
  };
  for (const field of OBJEKT_FIELDS) rows.push([`\`${field}\``, ...FORMATS.map((f) => cell(/** @type {CorpusScore} */ (byFormat[f]).objekt, field))]);
  for (const field of BREV_FIELDS) rows.push([`\`remiss.${field}\``, ...FORMATS.map((f) => cell(/** @type {CorpusScore} */ (byFormat[f]).brev, field))]);
  rows.push([
    "**alla fält**",
    ...FORMATS.map((f) => {
      const s = shares(/** @type {CorpusScore} */ (byFormat[f]).all.total);
      return `${s.all} fält: ${percent(s.right)} rätt, ${percent(s.wrong)} fel ifyllda`;
    }),
  ]);
  return table(rows);
}

/** @type {import("../lib/context.mjs").Measurement} */
export default {
  id: "init-korpus",
  title: "init --fran på okända dokument",

  run(ctx) {
    ctx.log("init --fran och --remissbrev: utvecklingskorpusen och fixtures/kallor, PDF och DOCX (tiden mäts inte)");
    /** @type {Record<string, Record<string, CorpusScore>>} */
    const scores = {};
    for (const corpus of CORPORA) {
      scores[corpus.id] = {};
      for (const format of FORMATS) /** @type {Record<string, CorpusScore>} */ (scores[corpus.id])[format] = scoreCorpus(ctx, corpus, format);
    }
    /** @type {import("../lib/context.mjs").Row[]} */
    const rows = [];
    /** @type {import("../lib/format.mjs").Target[]} */
    const targets = [];
    /** @type {string[]} */
    const notes = [];
    for (const corpus of CORPORA) {
      for (const format of FORMATS) {
        const score = /** @type {CorpusScore} */ (/** @type {Record<string, CorpusScore>} */ (scores[corpus.id])[format]);
        const s = shares(score.all.total);
        const seen = corpus.id === "korpus";
        rows.push({
          label: `\`init --fran\`/\`--remissbrev\`, ${corpus.label}, ${format.toUpperCase()}: ${score.documents} dokument och ${score.letters} remissbrev, ${s.all} fält`,
          remiss: `${percent(s.right)} rätt`,
          other: `${percent(s.wrong)} fel ifyllda`,
          ratio: "–",
          goal: seen ? `≥ 90 % rätt ${s.right >= TARGET_RIGHT ? "✔" : "✘"}, ≤ 3 % fel ${s.wrong <= TARGET_WRONG ? "✔" : "✘"}` : "",
        });
        if (seen) {
          targets.push({ label: `\`init --fran\`, korpusen, ${format.toUpperCase()}: andel rätt ≥ 90 %`, value: s.right, cell: `${percent(s.right)} ${s.right >= TARGET_RIGHT ? "✔" : "✘"}` });
          targets.push({ label: `\`init --fran\`, korpusen, ${format.toUpperCase()}: andel fel ifyllda ≤ 3 %`, value: s.wrong, cell: `${percent(s.wrong)} ${s.wrong <= TARGET_WRONG ? "✔" : "✘"}` });
        }
        for (const failure of score.failures) notes.push(`init --fran: ${escapeCell(failure)}.`);
      }
    }
    return { rows, targets, notes, data: scores };
  },

  combine(perNode) {
    const first = perNode[0];
    if (!first) return undefined;
    const scores = /** @type {Record<string, Record<string, CorpusScore>>} */ (first.result.data);
    const korpus = /** @type {Record<string, CorpusScore>} */ (scores.korpus ?? {});
    const pdf = korpus.pdf;
    const docx = korpus.docx;
    /** @param {CorpusScore | undefined} score */
    const summary = (score) => {
      const s = shares(score?.all.total ?? emptyTally().total);
      return `${percent(s.right)} rätt och ${percent(s.wrong)} fel ifyllda`;
    };
    const parts = [
      "Hur mycket av det som ett remitterat dokument och ett remissbrev säger som `remiss init --fran` och `--remissbrev` fyller i rätt. Siffrorna är desamma på alla Node; de står en gång. Per fält: antal rätt, rätt lämnade tomma, delvis rätt, fel ifyllda och saknade, från PDF och från DOCX.",
      "",
      `Utvecklingskorpusen är ${pdf ? pdf.documents + pdf.letters : 0} dokument (${pdf?.documents ?? 0} remitterade dokument och ${pdf?.letters ?? 0} remissbrev eller remissbeslut), de flesta från kommuner och regioner som inte finns i \`fixtures/kallor/\` (se [fixtures/korpus/README.md](../fixtures/korpus/README.md)), vart och ett som PDF och som DOCX. Målet i issue 23 är minst 90 % rätt och högst 3 % fel ifyllda på dokument som projektet aldrig sett; på korpusen når \`init --fran\` ${summary(pdf)} från PDF, ${summary(docx)} från DOCX. Andelen rätt räknar också fält som rätt lämnats tomma (de flesta remissbrev nämner inga andra remissinstanser), så den säger mest tillsammans med kolumnerna fel och saknas.`,
      "",
    ];
    for (const corpus of CORPORA) {
      const byFormat = scores[corpus.id];
      if (!byFormat) continue;
      parts.push(`### ${corpus.heading}`, "", fieldTable(byFormat), "");
    }
    return parts.join("\n");
  },

  method() {
    return [
      "**init --fran på okända dokument**: den byggda `remiss init UT.yaml --force --fran DOKUMENT` (för remissbrev `--remissbrev DOKUMENT`) körs på varje dokument i `fixtures/korpus/` och `fixtures/kallor/`, en gång med PDF:en och en gång med DOCX:en. Startfilen läses tillbaka och varje fält jämförs med dokumentets facit (`NAMN.expected.json`) av [bench/lib/korpus-score.mjs](../bench/lib/korpus-score.mjs): **rätt** (samma som facit), **rätt tomt** (dokumentet säger inget och fältet är tomt), **delvis** (några att-satser, författare eller remissinstanser rätt men inte alla, ett annat antal stycken i beskrivningen, eller en titel som skiljer sig bara i versaler och skiljetecken eller som innehåller den rätta), **fel** (ifyllt med fel värde, också där dokumentet inget säger) och **saknas** (dokumentet säger det, fältet är tomt). Andel rätt = (rätt + rätt tomt) / alla fält; andel fel ifyllda = fel / alla fält. Jämförelsen görs efter Unicode-normalisering och med blanktecken hopslagna: `typ`, `dnr` och `svar_senast` lika; `titel` lika; `till` och `remiss.fran` lika utan hänsyn till versaler; författare lika till namn och parti (partiets bokstäver = partiets namn, ”S” = ”Socialdemokraterna”), i vilken ordning som helst; att-satser ordagrant och i samma ordning (en inledande punkt, ett tankstreck eller ”1.” räknas inte); andra remissinstanser lika utan hänsyn till versaler och ordning; beskrivningen till antalet stycken. Målet (≥ 90 % rätt, ≤ 3 % fel ifyllda) gäller dokument som projektet aldrig sett; korpusen är utvecklingskorpusen och ger därför bara en övre gräns.",
    ];
  },
};
