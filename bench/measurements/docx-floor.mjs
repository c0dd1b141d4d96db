// @ts-check
/**
 * The floor the libraries set: a one-paragraph Word document written with
 * docx (the library remiss writes DOCX with), bundled and started exactly
 * as remiss is (bin/remiss.js, the code cache warm), against pandoc on the
 * reference case. A cold `remiss draft` does all of this and then the
 * case's own work (YAML, validation, view model, templates, Markdown, a
 * letterhead and fifty paragraphs), so when the floor alone is near 1.5 ×
 * pandoc, the cold-start target is out of reach with these libraries.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { build } from "esbuild";
import { FIXTURE_MD } from "../lib/context.mjs";
import { emptyDir } from "../lib/files.mjs";
import { count, formatMs, ratioCell, timeCell } from "../lib/format.mjs";
import { fail, measure, medianTime, pairedRatio, series } from "../lib/series.mjs";
import { TARGET_COLD } from "./cold-draft.mjs";
import { ACCEPT_ZERO } from "../lib/spawn.mjs";

/** @type {Map<string, {bin: string} | string>} */
const built = new Map();

/**
 * The floor's package, built once per bench: bin/remiss.js and package.json
 * as remiss has them, and dist/remiss.cjs, the entry bundled and minified as
 * scripts/build.mjs bundles remiss.
 * @param {string} root
 * @param {string} dir
 * @returns {Promise<{bin: string} | string>}
 */
async function floorPackage(root, dir) {
  const made = built.get(dir);
  if (made) return made;
  let result;
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.join(dir, "bin"), { recursive: true });
    copyFileSync(path.join(root, "bin", "remiss.js"), path.join(dir, "bin", "remiss.js"));
    copyFileSync(path.join(root, "package.json"), path.join(dir, "package.json"));
    const outfile = path.join(dir, "dist", "remiss.cjs");
    await build({ entryPoints: [path.join(root, "bench", "lib", "docx-floor-entry.mjs")], outfile, bundle: true, format: "cjs", platform: "node", target: "node20", minify: true, logLevel: "silent" });
    const code = readFileSync(outfile, "utf8");
    writeFileSync(outfile, `// remiss-bundle ${createHash("sha256").update(code).digest("hex").slice(0, 16)}\n${code}`);
    result = { bin: path.join(dir, "bin", "remiss.js") };
  } catch (error) {
    result = `bygget misslyckades: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
  }
  built.set(dir, result);
  return result;
}

/** @type {import("../lib/context.mjs").Measurement} */
export default {
  id: "golv-docx",
  title: "Golvet för en kall start med docx",

  async run(ctx) {
    const { coldWarmup, coldRounds } = ctx.counts;
    /** @type {string[]} */
    const notes = [];
    const pkg = await floorPackage(ctx.root, path.join(ctx.dir, "..", "docx-floor-package"));
    if (typeof pkg === "string") {
      notes.push(`Golvet med docx kunde inte mätas: ${pkg}.`);
      return { rows: [], targets: [], notes };
    }
    ctx.log(`Golvet med docx: ${coldWarmup} uppvärmningsvarv + ${coldRounds} varv, minsta DOCX / pandoc om vartannat`);
    const out = path.join(ctx.dir, "docx-floor");
    // A cache folder of its own: bin/remiss.js removes the caches of other bundles from its folder.
    const env = { ...ctx.env, XDG_CACHE_HOME: path.join(ctx.dir, "docx-floor-cache") };
    const floor = series("minsta DOCX med docx");
    const pandoc = series("pandoc", !ctx.tools.pandoc);
    for (let i = 0; i < coldWarmup + coldRounds; i++) {
      const round = i >= coldWarmup ? i - coldWarmup : undefined;
      emptyDir(out);
      const r = measure(floor, round, () => ctx.remiss(["draft", path.join(out, "golv.docx")], { bin: pkg.bin, env }), ACCEPT_ZERO, ctx.log);
      if (r && round === 0 && !floor.failure && readFileSync(path.join(out, "golv.docx")).subarray(0, 2).toString() !== "PK") fail(floor, "skrev ingen DOCX", ctx.log);
      measure(pandoc, round, () => ctx.pandoc(["-f", "markdown", FIXTURE_MD, "-o", path.join(out, "pandoc.docx")]), ACCEPT_ZERO, ctx.log);
    }
    for (const s of [floor, pandoc]) if (s.failure) notes.push(`Golvet med docx: ${s.name} misslyckades, ${s.failure.replace(/\.$/, "")}.`);
    const ratio = pairedRatio(floor, pandoc);
    const floorMs = medianTime(floor);
    const pandocMs = medianTime(pandoc);
    // What the cold-start target leaves above the floor, and what a cold draft spends there (kall-start ran before, on this Node).
    const draftMs = /** @type {{remissMs?: number} | undefined} */ (ctx.results.get("kall-start")?.data)?.remissMs;
    const room = floorMs !== undefined && pandocMs !== undefined ? TARGET_COLD * pandocMs - floorMs : undefined;
    const above = floorMs !== undefined && draftMs !== undefined ? draftMs - floorMs : undefined;
    return {
      rows: [
        {
          label: `Golvet: ett stycke till DOCX med docx, laddat som remiss (bin/remiss.js, kodcachen varm), mot pandoc på referensärendet (median av ${count(coldRounds)} varv)`,
          remiss: timeCell(floor),
          other: timeCell(pandoc),
          ratio: ratioCell(ratio),
        },
        {
          label: `– kvar för ärendets eget arbete under målet (${String(TARGET_COLD).replace(".", ",")} × pandoc minus golvet), och vad en kall \`remiss draft\` lägger ovanpå golvet (kall start minus golvet)`,
          remiss: above === undefined ? "–" : formatMs(above),
          other: room === undefined ? "–" : formatMs(room),
        },
      ],
      targets: [],
      notes,
    };
  },

  method({ counts }) {
    return [
      `**Golvet med docx**: ett Word-dokument med ett enda stycke, skrivet med docx (\`new Document\` och \`Packer.toBuffer\`, [bench/lib/docx-floor-entry.mjs](../bench/lib/docx-floor-entry.mjs)), byggt till ett paket som remiss (esbuild, minifierat) och startat genom remiss egen \`bin/remiss.js\` med kodcachen varm, mot \`pandoc -f markdown ${FIXTURE_MD}\`. ${counts.coldWarmup} uppvärmningsvarv, sedan ${counts.coldRounds} varv om vartannat; kvoten är medianen av kvoterna i samma varv. Det är det minsta en kall start som skriver DOCX med docx kostar, före allt remiss själv gör.`,
    ];
  },
};
