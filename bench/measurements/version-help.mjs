// @ts-check
/**
 * `remiss --version` and `remiss --help` against `node -e ''` on the same
 * Node: bin/remiss.js answers both without loading the bundle, so they
 * should cost little more than Node's own start. The three alternate in
 * rounds; each ratio is the median over rounds.
 */
import { count, goalCell, ratioCell, target, timeCell } from "../lib/format.mjs";
import { fail, measure, pairedRatio, series } from "../lib/series.mjs";
import { ACCEPT_ZERO } from "../lib/spawn.mjs";

export const TARGET_QUICK = 1.5;

/** @type {import("../lib/context.mjs").Measurement} */
export default {
  id: "version-hjalp",
  title: "--version och --help",

  run(ctx) {
    const { quickRounds } = ctx.counts;
    ctx.log(`--version och --help: 1 uppvärmningsvarv + ${quickRounds} varv, om vartannat med node -e ''`);
    const version = series("remiss --version");
    const help = series("remiss --help");
    const floor = series("node -e ''");
    for (let i = 0; i < 1 + quickRounds; i++) {
      const round = i >= 1 ? i - 1 : undefined;
      const v = measure(version, round, () => ctx.remiss(["--version"]), ACCEPT_ZERO, ctx.log);
      if (v && !version.failure && !/^\d+\.\d+\.\d+/.test(v.stdout)) fail(version, `oväntat svar: ${v.stdout.slice(0, 60)}`, ctx.log);
      measure(floor, round, () => ctx.emptyNode(), ACCEPT_ZERO, ctx.log);
      const h = measure(help, round, () => ctx.remiss(["--help"]), ACCEPT_ZERO, ctx.log);
      if (h && !help.failure && !h.stdout.startsWith("Användning:")) fail(help, `oväntat svar: ${h.stdout.slice(0, 60)}`, ctx.log);
    }
    const versionRatio = pairedRatio(version, floor);
    const helpRatio = pairedRatio(help, floor);
    /** @type {string[]} */
    const notes = [];
    for (const s of [version, help, floor]) if (s.failure) notes.push(`--version och --help: ${s.name} misslyckades, ${s.failure.replace(/\.$/, "")}.`);
    return {
      rows: [
        {
          label: `\`remiss --version\` mot \`node -e ''\` (median av ${count(quickRounds)} varv)`,
          remiss: timeCell(version),
          other: timeCell(floor),
          ratio: ratioCell(versionRatio),
          goal: goalCell(versionRatio, TARGET_QUICK),
        },
        {
          label: `\`remiss --help\` mot \`node -e ''\` (samma varv)`,
          remiss: timeCell(help),
          other: timeCell(floor),
          ratio: ratioCell(helpRatio),
          goal: goalCell(helpRatio, TARGET_QUICK),
        },
      ],
      targets: [
        target("`remiss --version` ≤ 1,5 × `node -e ''`", versionRatio, TARGET_QUICK),
        target("`remiss --help` ≤ 1,5 × `node -e ''`", helpRatio, TARGET_QUICK),
      ],
      notes,
    };
  },

  method({ counts }) {
    return [
      `**--version och --help**: \`remiss --version\`, \`node -e ''\` och \`remiss --help\` turas om i varv med samma Node; 1 uppvärmningsvarv, sedan ${counts.quickRounds} varv. Kvoterna är medianer av kvoterna i samma varv. Svaren kontrolleras (ett versionsnummer, en hjälptext som börjar med ”Användning:”).`,
    ];
  },
};
