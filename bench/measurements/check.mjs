// @ts-check
/**
 * Check: `remiss check` over 5 × N Markdown drafts in one call against
 * markdownlint-cli2 (run with the same Node) with only MD043 (required
 * headings) enabled, the heading list taken from src/model/sections.ts. A
 * negative control makes sure both really reject a draft without a required
 * heading. The two alternate; the ratio is the median over rounds.
 */
import { VARIANTS_PER_CASE, md043Headings } from "../lib/corpus.mjs";
import { count, goalCell, ratioCell, rssCell, target, timeCell } from "../lib/format.mjs";
import { measure, pairedRatio, series } from "../lib/series.mjs";
import { ACCEPT_FINDINGS, failureOf, firstMeaningfulLine } from "../lib/spawn.mjs";

export const TARGET_CHECK = 0.5;

/** @type {import("../lib/context.mjs").Measurement} */
export default {
  id: "granska",
  title: "Granska",

  run(ctx) {
    const { caseCount, repeats } = ctx.counts;
    const corpus = ctx.shared.corpus();
    const fileCount = corpus.fileCount;
    const haveLint = ctx.tools.markdownlint !== undefined;
    ctx.log(`Granska ${fileCount} Markdown-filer: remiss check mot markdownlint-cli2 (MD043), ${repeats} varv om vartannat`);
    const remiss = series("remiss check");
    const lint = series("markdownlint-cli2", !haveLint);
    /** @type {string[]} */
    const notes = [];
    const lintArgs = ["**/*.md"];

    // Untimed first: the verification (and a warm-up for both).
    if (haveLint) {
      const unmodified = ctx.markdownlint(["v0/*.md"], corpus.checkDir);
      const all = ctx.markdownlint(lintArgs, corpus.checkDir);
      notes.push(
        unmodified.status === 0
          ? `markdownlint-cli2 (bara MD043) godkänner de ${count(caseCount)} omodifierade utkasten (slutkod 0); alla ${count(fileCount)} filer: slutkod ${all.status}.`
          : `OBS: markdownlint-cli2 (MD043) underkänner de omodifierade utkasten (slutkod ${unmodified.status}): ${firstMeaningfulLine(unmodified.stderr) ?? ""}`,
      );
      if (unmodified.status !== 0) ctx.log(`  OBS: MD043 underkänner omodifierade utkast:\n${unmodified.stderr.slice(0, 2000)}`);
    }
    const controlRemiss = ctx.remiss(["check", "."], { cwd: corpus.controlDir });
    const controlLint = haveLint ? ctx.markdownlint(lintArgs, corpus.controlDir) : undefined;
    const lintControl = controlLint ? `markdownlint-cli2 slutkod ${controlLint.status}` : "markdownlint-cli2 saknas";
    const controlOk = controlRemiss.status === 1 && (!controlLint || controlLint.status === 1);
    notes.push(
      `${controlOk ? "Kontroll" : "OBS, kontrollen slog fel"}: ett utkast utan rubriken ”${corpus.removedHeading}” ger remiss check slutkod ${controlRemiss.status} och ${lintControl} (väntat: 1 och 1).`,
    );
    if (!controlOk) ctx.log(`  OBS: kontrollfilen gav remiss ${controlRemiss.status}, ${lintControl}`);

    const verify = ctx.remiss(["check", "--format", "json", "."], { cwd: corpus.checkDir });
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

    for (let round = 0; round < repeats; round++) {
      ctx.log(`  varv ${round + 1}/${repeats}`);
      measure(remiss, round, () => ctx.remiss(["check", "."], { cwd: corpus.checkDir }), ACCEPT_FINDINGS, ctx.log);
      measure(lint, round, () => ctx.markdownlint(lintArgs, corpus.checkDir), ACCEPT_FINDINGS, ctx.log);
    }
    for (const s of [remiss, lint]) if (s.failure) notes.push(`Granska: ${s.name} misslyckades, ${s.failure.replace(/\.$/, "")}.`);

    const ratio = pairedRatio(remiss, lint);
    const statuses = (/** @type {import("../lib/series.mjs").Series} */ s) => [...s.statuses].sort().join(", ") || "–";
    return {
      rows: [
        {
          label: `Granska ${count(fileCount)} Markdown-filer i ett anrop, mot markdownlint-cli2 med bara MD043 (median av ${count(repeats)} varv)`,
          remiss: timeCell(remiss),
          other: timeCell(lint),
          ratio: ratioCell(ratio),
          goal: goalCell(ratio, TARGET_CHECK),
        },
        { label: "– största RSS", remiss: rssCell(remiss), other: rssCell(lint) },
        { label: "– slutkoder", remiss: statuses(remiss), other: statuses(lint) },
      ],
      targets: [target(`Granska ${count(fileCount)} filer ≤ 0,5 × markdownlint-cli2`, ratio, TARGET_CHECK)],
      notes,
    };
  },

  method({ counts, sources }) {
    const files = counts.caseCount * VARIANTS_PER_CASE;
    return [
      `**Granska**: ${count(files)} Markdown-filer, de ${count(counts.caseCount)} utkasten i ${VARIANTS_PER_CASE} varianter (som de skrevs; en mening till i ett avsnitt; en egen \`###\`-rubrik i ett avsnitt; längre titel; CRLF-radslut). \`remiss check .\` mot \`markdownlint-cli2 "**/*.md"\` (dess JavaScript-ingång körd med samma Node), båda i ett anrop med mappen som arbetskatalog, ${counts.repeats} varv om vartannat efter ett omätt varv. markdownlint-cli2 har bara MD043 påslagen, med rubrikerna ur \`src/model/sections.ts\`: \`${JSON.stringify(md043Headings(sources.SECTIONS))}\` (\`match_case\`).`,
    ];
  },

  caveats: [
    "MD043 kan inte uttrycka utlåtandets form exakt: `?` godtar vilken rubrik som helst som titel (inte bara `#`), och `*` mellan avsnitten, som behövs för skribentens egna `###`-rubriker och för Bilagor, godtar också okända `##`-avsnitt. MD043 ser bara rubrikerna; `remiss check` granskar dessutom tomma och dubblerade avsnitt, datum, platshållare, LIX och meningslängd, så den gör mer arbete per fil.",
  ],
};
