// @ts-check
/** docs/benchmarks.md, in Swedish, from the results of every Node. */
import { STARTUP_VARIABLES } from "./env.mjs";
import { decimal, escapeCell, table } from "./format.mjs";

/** @typedef {import("./context.mjs").Measurement} Measurement */
/** @typedef {import("./context.mjs").Result} Result */
/** @typedef {import("./context.mjs").Counts} Counts */
/** @typedef {import("./tools.mjs").NodeUnderTest} NodeUnderTest */

/**
 * @typedef {object} DocumentInput
 * @property {string} when
 * @property {number} durationMs
 * @property {{cpu: string, cores: number, memory: string, system: string}} host
 * @property {{pandoc?: string, markdownlintCli2?: string, markdownlint?: string, remiss?: string, bundle?: string}} versions
 * @property {{node: NodeUnderTest, results: Map<string, Result>}[]} perNode
 * @property {Measurement[]} measurements
 * @property {Counts} counts
 * @property {import("./sources.mjs").Sources} sources
 * @property {boolean} quick
 * @property {string[]} removed     start-up variables this machine sets
 * @property {string[]} notes       the bench's own (missing tools)
 * @property {boolean} gnuTime
 * @property {import("./machine-load.mjs").OtherWork | undefined} otherWork  other work on the machine during the measurements
 * @property {(node: NodeUnderTest, id: string) => import("./machine-load.mjs").OtherWork | undefined} otherWorkBy  the same, per Node and measurement
 */

/**
 * One table per Node: every row of every measurement.
 * @param {Measurement[]} measurements
 * @param {Map<string, Result>} results
 */
export function nodeTable(measurements, results) {
  /** @type {string[][]} */
  const rows = [["Mätning", "remiss", "jämförelse", "kvot", "mål"]];
  for (const m of measurements) {
    for (const row of results.get(m.id)?.rows ?? []) rows.push([escapeCell(row.label), row.remiss ?? "", row.other ?? "", row.ratio ?? "", row.goal ?? ""]);
  }
  return table(rows);
}

/**
 * The targets, a column per Node.
 * @param {DocumentInput["perNode"]} perNode
 * @param {Measurement[]} measurements
 */
export function targetTable(perNode, measurements) {
  /** @type {string[]} */
  const labels = [];
  for (const { results } of perNode) {
    for (const m of measurements) for (const t of results.get(m.id)?.targets ?? []) if (!labels.includes(t.label)) labels.push(t.label);
  }
  if (labels.length === 0) return undefined;
  /** @type {string[][]} */
  const rows = [["Mål", ...perNode.map(({ node }) => node.label)]];
  for (const label of labels) {
    rows.push([
      escapeCell(label),
      ...perNode.map(({ results }) => {
        for (const m of measurements) {
          const t = results.get(m.id)?.targets.find((x) => x.label === label);
          if (t) return t.cell;
        }
        return "– (ej mätt)";
      }),
    ]);
  }
  return table(rows);
}

/**
 * Notes of every Node: a note that every Node gave is said once; others are
 * prefixed with their Node.
 * @param {DocumentInput["perNode"]} perNode
 * @param {Measurement[]} measurements
 */
function nodeNotes(perNode, measurements) {
  /** @type {string[]} */
  const out = [];
  for (const m of measurements) {
    const lists = perNode.map(({ results }) => results.get(m.id)?.notes ?? []);
    const common = (lists[0] ?? []).filter((note) => lists.every((list) => list.includes(note)));
    out.push(...common);
    perNode.forEach(({ node }, i) => {
      for (const note of lists[i] ?? []) if (!common.includes(note)) out.push(perNode.length > 1 ? `${node.label}: ${note}` : note);
    });
  }
  return out;
}

/** @param {DocumentInput} input */
export function renderDocument(input) {
  const { perNode, measurements, counts, sources, versions, host } = input;
  const minutes = Math.round(input.durationMs / 6000) / 10;
  const nodeList = perNode.map(({ node }) => `${node.label} (\`${node.path}\`, V8 ${node.v8})`).join(", ");
  const targets = targetTable(perNode, measurements);
  const work = input.otherWork;
  const otherShare = work && work.capacitySeconds > 0 ? work.otherSeconds / work.capacitySeconds : undefined;
  const otherText =
    otherShare === undefined
      ? ""
      : ` Annat arbete på datorn under mätningarna (processortid utöver bänkens och verktygens egen): ${decimal(work?.otherSeconds ?? 0, 1)} s, ${Math.round(100 * otherShare)} % av datorns kapacitet.`;
  // Below a tenth it is the kernel's own work and measuring noise.
  const busy = otherShare !== undefined && otherShare > 0.1;
  const removed = input.removed.length > 0 ? input.removed.map((v) => `\`${v}\``).join(", ") : "inga";

  /** @type {string[]} */
  const doc = [
    "# Prestandamätningar",
    "",
    `Skrivs av \`npm run bench\` ([bench/run.mjs](../bench/run.mjs), mätningarna i [bench/measurements/](../bench/measurements/)); ändra inte för hand.${input.quick ? " **Snabbkörning (`--quick`): få varv och färre ärenden, siffrorna är bara för att pröva bänken.**" : ""}`,
    "",
    `Mätt ${input.when} på ${host.cpu}, ${host.cores} kärnor, ${host.memory} minne, ${host.system}. Hela körningen tog ${input.durationMs < 60_000 ? `${Math.round(input.durationMs / 1000)} sekunder` : `${String(minutes).replace(".", ",")} minuter`}.${otherText}`,
    "",
    `Versioner: ${nodeList}; pandoc ${versions.pandoc ?? "saknas"}; markdownlint-cli2 ${versions.markdownlintCli2 ?? "saknas"} (markdownlint ${versions.markdownlint ?? "?"}); remiss ${versions.remiss ?? "?"}${versions.bundle ? ` (paket ${versions.bundle})` : ""}.`,
    "",
  ];
  if (targets) doc.push("## Mål", "", "Kvot mot jämförelsen (och största RSS) per Node; ✔ när målet nås, ✘ när det inte gör det.", "", targets, "");
  /** @param {NodeUnderTest} node */
  const otherByMeasurement = (node) => {
    const shares = measurements
      .map((m) => ({ m, w: input.otherWorkBy(node, m.id) }))
      .filter(({ w }) => w && w.capacitySeconds > 0)
      .map(({ m, w }) => `${m.title.toLowerCase()} ${Math.round((100 * (w?.otherSeconds ?? 0)) / (w?.capacitySeconds ?? 1))} %`);
    return shares.length ? [`Annat arbete på datorn under mätningarna, andel av dess kapacitet: ${shares.join(", ")}.`, ""] : [];
  };
  for (const { node, results } of perNode) {
    doc.push(
      `## ${node.label}`,
      "",
      `\`${node.path}\` kör \`bin/remiss.js\`, \`node -e ''\` och markdownlint-cli2; pandoc är pandoc.`,
      "",
      nodeTable(measurements, results),
      "",
      ...otherByMeasurement(node),
    );
  }
  doc.push(
    "Tiderna är medianer; kvoten är remiss tid delad med jämförelsens i samma varv, medianen över varven. Tiderna är väggklocktid runt varje process, inklusive start av Node eller pandoc; största RSS är det största värdet över de räknade körningarna.",
    "",
  );
  for (const m of measurements) {
    if (!m.combine) continue;
    const section = m.combine(perNode.map(({ node, results }) => ({ node, result: /** @type {Result} */ (results.get(m.id)) })).filter(({ result }) => result));
    if (section) doc.push(`## ${m.title}`, "", section);
  }

  doc.push(
    "## Så mäts det",
    "",
    `- **Tid och minne**: väggklocktid med \`process.hrtime.bigint()\` runt \`spawnSync\` för varje process${input.gnuTime ? "; största RSS och processortid från `/usr/bin/time -f '%M %U %S'` runt varje anrop (1 MB = 1024 kB; processortiden visar hur mycket annat arbete datorn hade, som datorns hela processortid enligt `/proc/stat` minus bänkens och verktygens; dit räknas också kärnans arbete med att starta och avsluta processer, som ingen process får på sin räkning, så i mätningar av många korta processer, som `--version` och `--help`, är 10–15 % väntat)" : " (`/usr/bin/time` saknas, så minnet är inte mätt)"}. En körning som avbryts, kraschar eller ger fel slutkod räknas inte; den sägs under ”Att tänka på”, och den utmanaren körs inte igen i den mätningen.`,
    `- **Miljön**: varje verktyg (remiss, \`node -e ''\`, markdownlint-cli2 och pandoc, lika för alla) startas med bänkens miljö utan de variabler som ändrar hur Node startar: ${STARTUP_VARIABLES.map((v) => `\`${v}\``).join(", ")} och alla andra \`NODE_*\`. På den här datorn var de satta: ${removed}. (\`NODE_EXTRA_CA_CERTS\` ensam får Node 20 att läsa in alla extra certifikat vid varje start.)`,
    "- **Paketet**: remiss körs från en kopia av paketet (`bin/`, `dist/`, `package.json`, `templates/`, `schema/`) som bänken tar när den startar, efter `npm run build`, så att ett nytt bygge under mätningen inte blandas in.",
    `- **Node**: \`npm run bench -- --node SÖKVÄG\` (får ges flera gånger; annars den Node som kör bänken) mäter varje given Node för sig: \`bin/remiss.js\`, \`node -e ''\` och markdownlint-cli2:s JavaScript-ingång körs med den Node-binären. pandoc är samma för alla.`,
    "- **Kodcachen**: remiss sparar V8:s kompilerade kod i `$XDG_CACHE_HOME/remiss`. Varje Node får en ny, tom, tillfällig `XDG_CACHE_HOME`. Målen gäller körningar med kodcachen skriven (uppvärmningsvarven skriver den); den första körningen efter installation, med tom cache, mäts för sig med en ny tom mapp varje gång.",
    "- **Parvisa medianer**: de som jämförs turas om i varv (remiss, jämförelsen, remiss, …), så att en tillfälligt långsam dator drabbar båda. Tiden är medianen över de räknade varven och kvoten är medianen över varven av kvoten i samma varv, inte kvoten av medianerna.",
    ...measurements.flatMap((m) => m.method({ counts, sources }).map((text) => `- ${text}`)),
    "",
    "## Att tänka på",
    "",
    ...(busy
      ? [
          `- OBS: datorn hade annat att göra under mätningarna (${Math.round(100 * (otherShare ?? 0))} % av dess kapacitet; per mätning under varje Nodes tabell). Tiderna kan vara längre än på en ledig dator, och inte lika mycket för alla: remiss check delar upp arbetet på trådar och kan drabbas mer än en enkeltrådad jämförelse.`,
        ]
      : []),
    ...input.notes.map((note) => `- ${note}`),
    ...nodeNotes(perNode, measurements).map((note) => `- ${note}`),
    ...measurements.flatMap((m) => (m.caveats ?? []).map((note) => `- ${note}`)),
    ...(input.gnuTime ? ["- Tiderna omfattar också omslaget `/usr/bin/time` (ungefär en millisekund per process), lika för alla."] : []),
    "",
  );
  return doc.join("\n");
}
