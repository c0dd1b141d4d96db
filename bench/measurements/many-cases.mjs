// @ts-check
/**
 * Many cases: N generated cases in one `remiss draft DIR` call against N
 * separate pandoc calls on their Markdown (written beforehand, untimed). The
 * two alternate; the ratio is the median over rounds.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { CASE_SOURCES } from "../lib/corpus.mjs";
import { emptyDir, listFiles } from "../lib/files.mjs";
import { count, formatMb, goalCell, mb, ratioCell, rssCell, target, timeCell } from "../lib/format.mjs";
import { fail, maxRssKb, measure, pairedRatio, series } from "../lib/series.mjs";
import { ACCEPT_ZERO, failureOf } from "../lib/spawn.mjs";

export const TARGET_MANY = 0.1;
export const TARGET_MANY_RSS_MB = 200;

/** @typedef {import("../lib/spawn.mjs").RunResult} RunResult */

/** @type {import("../lib/context.mjs").Measurement} */
export default {
  id: "manga-arenden",
  title: "Många ärenden",

  run(ctx) {
    const { caseCount, repeats } = ctx.counts;
    const corpus = ctx.shared.corpus();
    ctx.log(`${caseCount} ärenden: ett remiss-anrop mot ${caseCount} pandoc-anrop, ${repeats} varv om vartannat`);
    const remiss = series("remiss");
    const pandoc = series("pandoc", !ctx.tools.pandoc);
    /** @type {string[]} */
    const notes = [];
    if (corpus.failure) {
      pandoc.skipped = true;
      notes.push(`${caseCount} ärenden: Markdown för pandoc kunde inte skrivas (${corpus.failure}).`);
    }
    ctx.warm("draft");

    const out = path.join(ctx.dir, "many-out");
    for (let round = 0; round < repeats; round++) {
      ctx.log(`  varv ${round + 1}/${repeats}`);
      emptyDir(out);
      const r = measure(remiss, round, () => ctx.remiss(["draft", corpus.casesDir, "--out-dir", out]), ACCEPT_ZERO, ctx.log);
      if (r && !remiss.failure && round === 0) {
        const written = listFiles(out, ".docx").length;
        if (written !== caseCount) fail(remiss, `skrev ${written} av ${caseCount} DOCX-filer`, ctx.log);
      }

      emptyDir(out);
      measure(
        pandoc,
        round,
        () => {
          // One run is the whole loop; its RSS values are every call's.
          /** @type {RunResult | undefined} */
          let last;
          const callRss = [];
          const start = process.hrtime.bigint();
          for (const name of corpus.mdFiles) {
            last = ctx.pandoc(["-f", "markdown", path.join(corpus.mdDir, name), "-o", path.join(out, name.replace(/\.md$/, ".docx"))]);
            if (last.rssKb !== undefined) callRss.push(last.rssKb);
            if (failureOf(last, ACCEPT_ZERO)) return last;
          }
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          pandoc.rssKb.push(...callRss);
          return { .../** @type {RunResult} */ (last), ms, rssKb: undefined };
        },
        ACCEPT_ZERO,
        ctx.log,
      );
    }
    rmSync(out, { recursive: true, force: true });
    for (const s of [remiss, pandoc]) if (s.failure) notes.push(`${caseCount} ärenden: ${s.name} misslyckades, ${s.failure.replace(/\.$/, "")}.`);

    const ratio = pairedRatio(remiss, pandoc);
    const rssKb = maxRssKb(remiss);
    const rssMb = rssKb === undefined ? undefined : mb(rssKb);
    return {
      rows: [
        {
          label: `${count(caseCount)} ärenden: ett anrop mot ${count(caseCount)} pandoc-anrop (median av ${count(repeats)} varv)`,
          remiss: timeCell(remiss),
          other: timeCell(pandoc),
          ratio: ratioCell(ratio),
          goal: goalCell(ratio, TARGET_MANY),
        },
        {
          label: "– största RSS (pandoc: största över alla anrop)",
          remiss: rssCell(remiss),
          other: rssCell(pandoc),
          goal: `remiss ${goalCell(rssMb, TARGET_MANY_RSS_MB, "<", "MB")}`,
        },
      ],
      targets: [
        target(`${count(caseCount)} ärenden i ett anrop ≤ 0,1 × ${count(caseCount)} pandoc-anrop`, ratio, TARGET_MANY),
        target(`– remiss största RSS < ${TARGET_MANY_RSS_MB} MB`, rssMb, TARGET_MANY_RSS_MB, { comparison: "<", format: (v) => formatMb(v * 1024) }),
      ],
      notes,
    };
  },

  method({ counts }) {
    return [
      `**${count(counts.caseCount)} ärenden**: ${count(counts.caseCount)} YAML-filer gjorda av \`${CASE_SOURCES.join("` och `")}\` med olika titel och diarienummer, skrivna i ett anrop \`remiss draft MAPP --out-dir UT\` (Markdown och DOCX), mot ${count(counts.caseCount)} pandoc-anrop efter varandra på deras Markdown (skriven i förväg med \`--format md\`, utanför mätningen). ${counts.repeats} varv om vartannat; kvoten är medianen av kvoterna i samma varv.`,
    ];
  },
};
