// Per-document failures of init --fran on fixtures/korpus, for tuning.
//   node scripts/korpus-halvor.mjs . pdf|docx [--field F] [--half tune|hold|all] [--summary] [--outcomes] [--dir DIR]
// --outcomes prints one line per document and field ("pdf NAME FIELD OUTCOME"), to compare two runs.
// --dir reads another folder of the same form (relative to the repository; default fixtures/korpus),
// e.g. fixtures/korpus-prov, which is for measuring only. --half all is every document, as one total.
// The corpus is split in two halves by position in the sorted list of names (letters and
// remitted documents apart): even positions are the tuning half, odd ones the held-out half.
// Look only at the tuning half's failures; report both halves' totals.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
const { values: o, positionals } = parseArgs({ allowPositionals: true, options: { field: { type: "string" }, half: { type: "string" }, summary: { type: "boolean" }, outcomes: { type: "boolean" }, dir: { type: "string" } } });
if (o.half && !["tune", "hold", "all"].includes(o.half)) throw new Error(`--half is tune, hold or all, not ${o.half}`);
const repo = path.resolve(positionals[0] ?? ".");
const format = positionals[1] ?? "pdf";
const S = await import(path.join(path.resolve(repo), "bench/lib/korpus-score.mjs"));
const dir = path.resolve(repo, o.dir ?? "fixtures/korpus");
const work = mkdtempSync(path.join(tmpdir(), "why-"));
const names = readdirSync(dir).filter((f) => f.endsWith(".expected.json")).map((f) => f.replace(".expected.json", "")).sort();
const letters = names.filter((n) => n.startsWith("remiss-"));
const docs = names.filter((n) => !n.startsWith("remiss-"));
const halfOf = (n) => (o.half === "all" ? "all" : (n.startsWith("remiss-") ? letters : docs).indexOf(n) % 2 === 0 ? "tune" : "hold");
const tally = { tune: { right: 0, wrong: 0, all: 0 }, hold: { right: 0, wrong: 0, all: 0 }, all: { right: 0, wrong: 0, all: 0 } };
for (const name of names) {
  const half = halfOf(name);
  if (o.half && o.half !== half) continue;
  const letter = name.startsWith("remiss-");
  const out = path.join(work, name + ".yaml");
  const r = spawnSync(process.execPath, [path.join(repo, "bin/remiss.js"), "init", out, "--force", letter ? "--remissbrev" : "--fran", path.join(dir, `${name}.${format}`)], { encoding: "utf8", cwd: work });
  const expected = JSON.parse(readFileSync(path.join(dir, name + ".expected.json"), "utf8"));
  let yaml = "";
  try { yaml = readFileSync(out, "utf8"); } catch { console.log(name, "NO OUTPUT", r.stderr); continue; }
  const found = letter ? S.brevFromStarter(yaml) : S.objektFromStarter(yaml);
  const outcomes = letter ? S.scoreBrev(expected, found) : S.scoreObjekt(expected, found);
  for (const [field, outcome] of Object.entries(outcomes)) {
    tally[half].all++;
    if (o.outcomes) console.log(`${format} ${name} ${field} ${outcome}`);
    if (outcome === "ratt" || outcome === "ratt-tomt") { tally[half].right++; continue; }
    if (outcome === "fel") tally[half].wrong++;
    if (o.summary || o.outcomes || (half === "hold" && o.half !== "hold") || (o.field && field !== o.field)) continue;
    console.log(`${name} ${field} ${outcome}\n   want: ${JSON.stringify(expected[field])}\n   got:  ${JSON.stringify(found[field])}`);
  }
}
for (const [half, t] of Object.entries(tally)) if (t.all) console.log(`${half}: ${t.all} fields, ${((100 * t.right) / t.all).toFixed(0)} % right, ${((100 * t.wrong) / t.all).toFixed(0)} % wrong`);
