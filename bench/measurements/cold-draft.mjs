// @ts-check
/**
 * Cold draft: one case to Markdown and DOCX, a new process each time, against
 * pandoc converting the same case's Markdown to DOCX, and `node -e ''` as the
 * floor. The three alternate in rounds; the ratio is the median over rounds
 * of remiss / pandoc in the same round. The code cache is warm (the warm-up
 * rounds write it): the first run after install is first-run.mjs.
 */
import path from "node:path";
import { FIXTURE_MD, FIXTURE_YAML } from "../lib/context.mjs";
import { cacheState, emptyDir, listFiles, rewrittenCaches } from "../lib/files.mjs";
import { count, goalCell, ratioCell, rssCell, target, timeCell, timeRssCell } from "../lib/format.mjs";
import { fail, measure, medianTime, pairedRatio, series } from "../lib/series.mjs";
import { ACCEPT_ZERO } from "../lib/spawn.mjs";

export const TARGET_COLD = 1.5;

/** @type {import("../lib/context.mjs").Measurement} */
export default {
  id: "kall-start",
  title: "Kall start",

  run(ctx) {
    const { coldWarmup, coldRounds } = ctx.counts;
    ctx.log(`Kall start: ${coldWarmup} uppvärmningsvarv + ${coldRounds} varv, remiss / pandoc / node -e '' om vartannat`);
    const out = path.join(ctx.dir, "cold");
    const remiss = series("remiss");
    const pandoc = series("pandoc", !ctx.tools.pandoc);
    const floor = series("node -e ''");
    /** @type {string[]} */
    const notes = [];
    let before = cacheState(ctx.cacheHome);
    for (let i = 0; i < coldWarmup + coldRounds; i++) {
      const round = i >= coldWarmup ? i - coldWarmup : undefined;
      if (round === 0) before = cacheState(ctx.cacheHome);
      emptyDir(out);
      measure(remiss, round, () => ctx.remiss(["draft", FIXTURE_YAML, "--out-dir", out]), ACCEPT_ZERO, ctx.log);
      if (round === 0 && !remiss.failure) {
        const written = listFiles(out, ".md").length + listFiles(out, ".docx").length;
        if (written < 2) fail(remiss, `skrev ${written} filer, väntade Markdown och DOCX`, ctx.log);
      }
      measure(pandoc, round, () => ctx.pandoc(["-f", "markdown", FIXTURE_MD, "-o", path.join(out, "pandoc.docx")]), ACCEPT_ZERO, ctx.log);
      measure(floor, round, () => ctx.emptyNode(), ACCEPT_ZERO, ctx.log);
    }
    const rewritten = rewrittenCaches(before, cacheState(ctx.cacheHome), "draft");
    if (coldWarmup === 0) notes.push("Kall start: inga uppvärmningsvarv, så det första varvet skrev kodcachen.");
    else if (rewritten.length > 0)
      notes.push(`Kall start: kodcachen skrevs om under de räknade varven (${rewritten.join(", ")}), alltså avvisade V8 den; tiderna gäller då utan cache.`);
    else if (!remiss.failure && cacheState(ctx.cacheHome).size === 0) notes.push("Kall start: ingen kodcache skrevs.");
    for (const s of [remiss, pandoc, floor]) if (s.failure) notes.push(`Kall start: ${s.name} misslyckades, ${s.failure.replace(/\.$/, "")}.`);

    const ratio = pairedRatio(remiss, pandoc);
    const floorRatio = pairedRatio(remiss, floor);
    return {
      rows: [
        {
          label: `Kall start: ett ärende till Markdown och DOCX, mot pandoc (median av ${count(coldRounds)} varv)`,
          remiss: timeCell(remiss),
          other: timeCell(pandoc),
          ratio: ratioCell(ratio),
          goal: goalCell(ratio, TARGET_COLD),
        },
        { label: "– största RSS", remiss: rssCell(remiss), other: rssCell(pandoc) },
        {
          label: "– mot golvet `node -e ''` i samma varv (tid, största RSS)",
          remiss: timeCell(remiss),
          other: timeRssCell(floor),
          ratio: ratioCell(floorRatio),
        },
      ],
      targets: [target(`Kall start: ett ärende till MD och DOCX ≤ 1,5 × pandoc`, ratio, TARGET_COLD)],
      notes,
      data: { remissMs: medianTime(remiss), floorMs: medianTime(floor) },
    };
  },

  method({ counts }) {
    return [
      `**Kall start**: \`remiss draft ${FIXTURE_YAML} --out-dir TMP\` (Markdown och DOCX) mot \`pandoc -f markdown ${FIXTURE_MD} -o TMP/x.docx\`, en ny process varje gång. remiss, pandoc och \`node -e ''\` (golvet: en Node-process som inte gör något) turas om i varv; ${counts.coldWarmup} uppvärmningsvarv räknas inte (det första skriver kodcachen), sedan ${counts.coldRounds} varv. Kvoten är medianen av remiss tid / pandocs tid i samma varv.`,
    ];
  },
};
