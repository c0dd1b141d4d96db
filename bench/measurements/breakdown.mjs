// @ts-check
/**
 * Where a cold draft's time goes: Node's own start (the `node -e ''`
 * median), loading the bundle from the code cache, evaluating its top level,
 * and main()'s work by package, from `node --cpu-prof` profiles of a copy of
 * remiss built with a source map (lib/profile.mjs). Profiled runs, `node -e
 * ''` and unprofiled runs of the same copy alternate in rounds.
 */
import { readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { FIXTURE_YAML } from "../lib/context.mjs";
import { cacheState, emptyDir, rewrittenCaches } from "../lib/files.mjs";
import { count, decimal, escapeCell, formatMs, table } from "../lib/format.mjs";
import { CATEGORIES, attributor } from "../lib/profile.mjs";
import { measure, median, medianTime, series } from "../lib/series.mjs";
import { ACCEPT_ZERO } from "../lib/spawn.mjs";

/** Sampling interval, µs (Node's default is 1000). */
const INTERVAL_US = 200;

/**
 * @typedef {object} BreakdownData
 * @property {Record<string, number>} ms     median per category
 * @property {number | undefined} profiledMs  median wall time of the profiled runs
 * @property {number | undefined} plainMs     median wall time of the same copy without profiling
 * @property {number} runs
 * @property {string | undefined} failure
 * @property {string[]} otherPackages        the largest of "andra paket"
 * @property {Record<string, number> | undefined} batch  one profiled run over the many-cases corpus: ms per category
 * @property {number | undefined} batchWallMs
 * @property {number | undefined} batchCases
 */

/** @type {import("../lib/context.mjs").Measurement} */
export default {
  id: "nedbrytning",
  title: "Nedbrytning av en kall start",

  run(ctx) {
    const { profileRuns } = ctx.counts;
    /** @type {string[]} */
    const notes = [];
    /** @type {BreakdownData} */
    const data = { ms: {}, profiledMs: undefined, plainMs: undefined, runs: 0, failure: undefined, otherPackages: [], batch: undefined, batchWallMs: undefined, batchCases: undefined };
    const pkg = ctx.shared.profiledPackage();
    if (typeof pkg === "string") {
      data.failure = pkg;
      notes.push(`Nedbrytningen kunde inte göras: ${pkg}.`);
      return { rows: [], targets: [], notes, data };
    }
    if (!pkg.sameAsDist)
      notes.push(
        "Nedbrytning: kopian som profileras är inte byte för byte samma paket som de andra mätningarna kör (ändrades src/ efter `npm run build`?); delarna gäller kopian.",
      );
    ctx.log(`Nedbrytning: 2 uppvärmningsvarv + ${profileRuns} varv, profilerad remiss draft / node -e '' / oprofilerad`);

    const profDir = path.join(ctx.dir, "profiles");
    const out = path.join(ctx.dir, "breakdown-out");
    const nodeArgs = ["--cpu-prof", `--cpu-prof-dir=${profDir}`, `--cpu-prof-interval=${INTERVAL_US}`];
    const draft = ["draft", path.join(ctx.root, FIXTURE_YAML), "--out-dir", out];
    const profiled = series("remiss draft --cpu-prof");
    const floor = series("node -e ''");
    const plain = series("remiss draft (samma kopia, utan profilering)");
    const { attribute, otherPackages } = attributor(pkg, ctx.root);
    /** @type {Map<string, number>[]} */
    const perRun = [];
    // The code cache is keyed by the node flags too: the warm-up rounds write the profiled runs' own.
    const warmup = 2;
    let before = cacheState(ctx.cacheHome);
    for (let i = 0; i < warmup + profileRuns; i++) {
      const round = i >= warmup ? i - warmup : undefined;
      if (round === 0) before = cacheState(ctx.cacheHome);
      emptyDir(profDir);
      emptyDir(out);
      const r = measure(profiled, round, () => ctx.remiss(draft, { bin: pkg.bin, cwd: pkg.dir, nodeArgs }), ACCEPT_ZERO, ctx.log);
      if (r && !profiled.failure && round !== undefined) {
        // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: the main thread is 0.
        const file = readdirSync(profDir).find((name) => /\.0\.\d+\.cpuprofile$/.test(name));
        if (file) perRun.push(attribute(JSON.parse(readFileSync(path.join(profDir, file), "utf8"))));
      }
      measure(floor, round, () => ctx.emptyNode(), ACCEPT_ZERO, ctx.log);
      emptyDir(out);
      measure(plain, round, () => ctx.remiss(draft, { bin: pkg.bin, cwd: pkg.dir }), ACCEPT_ZERO, ctx.log);
    }
    // The many cases in one call, profiled once: where the time of a batch goes.
    const corpus = ctx.shared.corpus();
    if (!corpus.failure) {
      ctx.log(`Nedbrytning: ${ctx.counts.caseCount} ärenden i ett anrop, profilerat en gång`);
      emptyDir(profDir);
      emptyDir(out);
      const r = ctx.remiss(["draft", corpus.casesDir, "--out-dir", out], { bin: pkg.bin, cwd: pkg.dir, nodeArgs });
      const file = readdirSync(profDir).find((name) => /\.0\.\d+\.cpuprofile$/.test(name));
      if (r.status === 0 && file) {
        const batch = attributor(pkg, ctx.root).attribute(JSON.parse(readFileSync(path.join(profDir, file), "utf8")));
        data.batch = Object.fromEntries(batch);
        data.batchWallMs = r.ms;
        data.batchCases = ctx.counts.caseCount;
      } else notes.push(`Nedbrytning: den profilerade körningen av ${ctx.counts.caseCount} ärenden misslyckades (slutkod ${r.status}).`);
    }
    rmSync(profDir, { recursive: true, force: true });
    const rewritten = rewrittenCaches(before, cacheState(ctx.cacheHome), "draft");
    if (rewritten.length > 0) notes.push(`Nedbrytning: kodcachen skrevs om under de räknade varven (${rewritten.join(", ")}); laddningen är då utan cache.`);
    for (const s of [profiled, floor, plain]) if (s.failure) notes.push(`Nedbrytning: ${s.name} misslyckades, ${s.failure.replace(/\.$/, "")}.`);
    if (profiled.failure || perRun.length === 0) {
      data.failure = profiled.failure ?? "inga profiler skrevs";
      return { rows: [], targets: [], notes, data };
    }

    for (const [id] of CATEGORIES) {
      data.ms[id] = id === "start" ? (medianTime(floor) ?? 0) : (median(perRun.map((m) => m.get(id) ?? 0)) ?? 0);
    }
    data.profiledMs = medianTime(profiled);
    data.plainMs = medianTime(plain);
    data.runs = perRun.length;
    data.otherPackages = [...otherPackages]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([name, ms]) => `${name} ${decimal(ms / perRun.length, 1)} ms`);
    return { rows: [], targets: [], notes, data };
  },

  combine(perNode) {
    const usable = perNode.filter(({ result }) => !(/** @type {BreakdownData} */ (result.data)?.failure));
    if (usable.length === 0) return undefined;
    const datas = usable.map(({ result }) => /** @type {BreakdownData} */ (result.data));
    const sums = datas.map((d) => Object.values(d.ms).reduce((a, b) => a + b, 0));
    /** @type {string[][]} */
    const rows = [["Del", ...usable.map(({ node }) => `${node.label}: ms (andel)`)]];
    for (const [id, label] of CATEGORIES) {
      rows.push([escapeCell(label), ...datas.map((d, i) => `${decimal(d.ms[id] ?? 0, 1)} (${Math.round((100 * (d.ms[id] ?? 0)) / (sums[i] || 1))} %)`)]);
    }
    rows.push(["**Summa**", ...sums.map((sum) => `**${decimal(sum, 1)}**`)]);
    rows.push(["Profilerad körning, väggtid (median)", ...datas.map((d) => (d.profiledMs === undefined ? "–" : formatMs(d.profiledMs)))]);
    rows.push(["Samma kopia utan profilering, väggtid (median)", ...datas.map((d) => (d.plainMs === undefined ? "–" : formatMs(d.plainMs)))]);
    const others = usable.map(({ node }, i) => (datas[i]?.otherPackages.length ? `${node.label}: ${datas[i]?.otherPackages.join(", ")}` : "")).filter(Boolean);
    const batchTable = batchBreakdown(usable.map(({ node }) => node.label), datas);
    return [
      `Medianer i ms per del över ${count(datas[0]?.runs ?? 0)} profilerade körningar av \`remiss draft ${FIXTURE_YAML}\` (Markdown och DOCX) med varm kodcache. Start är \`node -e ''\`-medianen i samma varv; resten är profilens självtid (sampling var ${INTERVAL_US} µs), fördelad efter vilken funktion som körde. Andelen är av summan.`,
      "",
      table(rows),
      "",
      ...(others.length ? [`Största av ”andra paket” (medel per körning): ${others.join("; ")}.`, ""] : []),
      ...batchTable,
    ].join("\n");
  },

  method() {
    return [
      `**Nedbrytning**: remiss byggs en gång till i en tillfällig paketmapp av projektets egen \`scripts/build.mjs\` (via \`REMISS_BUILD_DIR\`; \`bench/lib/build-hooks.mjs\` ger bygget en källkarta bredvid paketet, koden är densamma som i \`dist/remiss.cjs\`, vilket kontrolleras), med \`bin/\`, \`package.json\`, \`templates/\` och \`schema/\` bredvid. Den körs med \`node --cpu-prof --cpu-prof-interval=${INTERVAL_US}\`; 2 uppvärmningsvarv med samma flaggor skriver kodcachen (den är nycklad också på Nodes flaggor). Varje sampel hamnar i en del: *laddning* om stacken är i \`bin/remiss.js\` eller Nodes modulladdare men inte i paketet (läsa paketet, \`new vm.Script\` med kodcachen); *utvärdering* om stacken går genom funktionen som omsluter paketet (dess toppnivå); annars efter källfilen (enligt källkartan) för den innersta funktionen i paketet: \`node_modules/<paket>/…\` eller \`src/…\` (remiss egen kod; de förkompilerade mallarna räknas till handlebars). Skräpsamlaren och väntan (idle) är egna delar; resten (Nodes egen kod utanför remiss, \`(program)\`) är övrigt. Profileringen gör körningen långsammare; tabellen visar båda väggtiderna.`,
    ];
  },

  caveats: [
    "Nedbrytningens start (`node -e ''`) och profilens övrigt överlappar något: profilen börjar medan Node fortfarande startar. Summan är därför något större än en kall start, och profileringen i sig lägger till tid; jämför delarna med varandra och mellan mätningar, inte med kall start-raden.",
  ],
};

/**
 * The table of the profiled run over many cases: ms per category (Node's
 * start is in "övrigt" there) and its share, per Node.
 * @param {string[]} labels
 * @param {BreakdownData[]} datas
 * @returns {string[]}
 */
function batchBreakdown(labels, datas) {
  const usable = datas.map((d, i) => ({ d, label: labels[i] })).filter(({ d }) => d.batch);
  if (usable.length === 0) return [];
  const sums = usable.map(({ d }) => Object.values(d.batch ?? {}).reduce((a, b) => a + b, 0));
  /** @type {string[][]} */
  const rows = [["Del", ...usable.map(({ label }) => `${label}: ms (andel)`)]];
  for (const [id, label] of CATEGORIES) {
    if (id === "start") continue;
    rows.push([escapeCell(label), ...usable.map(({ d }, i) => `${decimal(d.batch?.[id] ?? 0, 0)} (${Math.round((100 * (d.batch?.[id] ?? 0)) / (sums[i] || 1))} %)`)]);
  }
  rows.push(["**Summa**", ...sums.map((sum) => `**${decimal(sum, 0)}**`)]);
  rows.push(["Profilerad körning, väggtid", ...usable.map(({ d }) => (d.batchWallMs === undefined ? "–" : formatMs(d.batchWallMs)))]);
  return [
    `Samma uppdelning för ${count(usable[0]?.d.batchCases ?? 0)} ärenden i ett anrop (\`remiss draft MAPP\`, som i mätningen av många ärenden), en profilerad körning per Node. Profilens självtid summeras över alla ärenden; laddning och utvärdering sker en gång.`,
    "",
    table(rows),
    "",
  ];
}
