// @ts-check
/**
 * The first run after install: the same cold draft as cold-draft.mjs, but
 * each time with a new, empty XDG_CACHE_HOME, so that remiss compiles
 * without a code cache and then writes one. Alternates with pandoc and with
 * the ordinary cold draft (warm cache) to compare pair by pair. Not part of
 * the cold-draft target: it happens once per install (and per Node version).
 */
import path from "node:path";
import { FIXTURE_MD, FIXTURE_YAML } from "../lib/context.mjs";
import { cacheState, emptyDir } from "../lib/files.mjs";
import { count, ratioCell, rssCell, timeCell } from "../lib/format.mjs";
import { fail, measure, pairedRatio, series } from "../lib/series.mjs";
import { ACCEPT_ZERO } from "../lib/spawn.mjs";

/** @type {import("../lib/context.mjs").Measurement} */
export default {
  id: "forsta-korningen",
  title: "Första körningen efter installation",

  run(ctx) {
    const { firstRuns } = ctx.counts;
    ctx.log(`Första körningen efter installation: ${firstRuns} varv, var och ett med tom kodcache, om vartannat med pandoc och kall start med kodcache`);
    const out = path.join(ctx.dir, "first");
    const first = series("remiss, tom kodcache");
    const pandoc = series("pandoc", !ctx.tools.pandoc);
    const warm = series("remiss, med kodcache");
    /** @type {string[]} */
    const notes = [];
    ctx.warm("draft");
    let noCacheWritten = 0;
    for (let round = 0; round < firstRuns; round++) {
      const fresh = path.join(ctx.dir, `first-cache-${round + 1}`);
      emptyDir(fresh);
      emptyDir(out);
      measure(first, round, () => ctx.remiss(["draft", FIXTURE_YAML, "--out-dir", out], { env: { ...ctx.env, XDG_CACHE_HOME: fresh } }), ACCEPT_ZERO, ctx.log);
      if (!first.failure && cacheState(fresh).size === 0) noCacheWritten++;
      measure(pandoc, round, () => ctx.pandoc(["-f", "markdown", FIXTURE_MD, "-o", path.join(out, "pandoc.docx")]), ACCEPT_ZERO, ctx.log);
      emptyDir(out);
      measure(warm, round, () => ctx.remiss(["draft", FIXTURE_YAML, "--out-dir", out]), ACCEPT_ZERO, ctx.log);
    }
    if (noCacheWritten > 0) fail(first, `ingen kodcache skrevs i ${noCacheWritten} av ${firstRuns} varv`, ctx.log);
    for (const s of [first, pandoc, warm]) if (s.failure) notes.push(`Första körningen: ${s.name} misslyckades, ${s.failure.replace(/\.$/, "")}.`);

    return {
      rows: [
        {
          label: `Första körningen efter installation (tom kodcache, som sedan skrivs), mot pandoc (median av ${count(firstRuns)} varv); ingår inte i målet`,
          remiss: timeCell(first),
          other: timeCell(pandoc),
          ratio: ratioCell(pairedRatio(first, pandoc)),
        },
        { label: "– största RSS", remiss: rssCell(first), other: rssCell(pandoc) },
        { label: "– mot kall start med kodcache i samma varv", remiss: timeCell(first), other: timeCell(warm), ratio: ratioCell(pairedRatio(first, warm)) },
      ],
      targets: [],
      notes,
    };
  },

  method({ counts }) {
    return [
      `**Första körningen efter installation**: samma \`remiss draft\` som vid kall start, men med en ny, tom \`XDG_CACHE_HOME\` varje gång, så att remiss kompilerar utan kodcache och sedan skriver den (kontrolleras). ${counts.firstRuns} varv om vartannat med pandoc och med en vanlig kall start (kodcachen varm); kvoterna är medianer av kvoterna i samma varv.`,
    ];
  },
};
