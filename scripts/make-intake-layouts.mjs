// Renders the layout fixtures for `remiss init --fran` (fixtures/intake-layout/):
// documents laid out the way a party or a kansli lays them out in Word, as
// <slug>.docx (written with the docx package) and <slug>.pdf (LibreOffice's
// rendering of it): a header with the party's name and page fields, Word's
// own bullets in the Symbol font (which PDF text gives as U+F0B7), no space
// between paragraphs, a bold title over two lines, a signature table of two
// columns; a letter with a header table holding the sender, the date and the
// Dnr. What each should give is in <slug>.expected.json, where the words come
// from in <slug>.source.md.
//
//   node scripts/make-intake-layouts.mjs
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AlignmentType, Document, Header, LevelFormat, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIR = join(ROOT, "fixtures", "intake-layout");
const FIXED_DATE = "2025-01-01T00:00:00Z";

const bullets = {
  config: [{ reference: "punkter", levels: [{ level: 0, format: LevelFormat.BULLET, text: "\uF0B7", alignment: AlignmentType.LEFT, style: { run: { font: "Symbol" }, paragraph: { indent: { left: 720, hanging: 360 } } } }] }],
};
const pageField = (...before) => [...before.map((t) => new TextRun(t)), new TextRun("Sida "), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(" av "), new TextRun({ children: [PageNumber.TOTAL_PAGES] })];
const cell = (...lines) => new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: lines.map((text) => new Paragraph({ text })) });

const DOCUMENTS = {
  "motion-ronninge-samarbete": new Document({
    numbering: bullets,
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ tabStops: [{ type: "right", position: 9000 }], children: pageField("Rönninge-partiet\t") })] }) },
        children: [
          new Paragraph({ text: "Motion till kommunfullmäktige" }),
          new Paragraph({ children: [new TextRun({ text: "Motion om samarbete Socialförvaltningen och Barn- & Utbildningsförvaltningen", bold: true, size: 36 })] }),
          new Paragraph({ text: "När barn får svårigheter i skolan görs pedagogiska utredningar och skolan arbetar med anpassningar och åtgärdsprogram utifrån Skolverkets riktlinjer." }),
          new Paragraph({ text: "Ovanstående låter enkelt men verkligheten är mer komplicerad än så och det händer att barn hamnar mellan stolarna." }),
          new Paragraph({ text: "Med hänvisning till ovanstående yrkas:" }),
          new Paragraph({ numbering: { reference: "punkter", level: 0 }, text: "Att en arbetsgrupp tillsätts med representanter från skolledning, Socialförvaltning, BoU Förvaltning och eventuellt också från nämnder med syfte att förenkla kommunikationsvägarna och samordna resursfördelningen så att barn med svårigheter inte hamnar mellan stolarna." }),
          new Paragraph({ text: "Rönninge 2016-04-19" }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ children: [cell("Anna Berg", "Rönninge-partiet"), cell("Per Ek", "Rönninge-partiet")] })] }),
        ],
      },
    ],
  }),
  "remiss-stockholm-obelisken": new Document({
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Table({
                width: { size: 100, type: WidthType.PERCENTAGE },
                rows: [
                  new TableRow({ children: [new TableCell({ children: [new Paragraph("Kommunstyrelsen")] }), new TableCell({ children: [new Paragraph("Datum")] }), new TableCell({ children: [new Paragraph("Diarienummer")] })] }),
                  new TableRow({ children: [new TableCell({ children: [new Paragraph("")] }), new TableCell({ children: [new Paragraph("2017-02-01")] }), new TableCell({ children: [new Paragraph("KS 2016/0123")] })] }),
                ],
              }),
              new Paragraph({ alignment: AlignmentType.RIGHT, children: pageField() }),
            ],
          }),
        },
        children: [
          new Paragraph({ text: "Södermalms stadsdelsnämnd" }),
          new Paragraph({ text: "" }),
          new Paragraph({ children: [new TextRun({ text: "Remiss av motion (2016:5) om renovering av obelisken på Slottsbacken", bold: true, size: 28 })] }),
          new Paragraph({ text: "Joakim Larsson (M) har väckt en motion i fullmäktige där han anför att obelisken på Slottsbacken sedan ett par år varit omgärdad av skyddsstängsel." }),
          new Paragraph({ text: "Ärendet har remitterats till stadsledningskontoret, fastighetsnämnden, kulturnämnden, trafiknämnden och Södermalms stadsdelsnämnd." }),
          new Paragraph({ text: "Svar senast: 15 mars 2017" }),
          new Paragraph({ text: "" }),
          new Paragraph({ text: "Med vänlig hälsning" }),
          new Paragraph({ text: "Kommunstyrelsen" }),
        ],
      },
    ],
  }),
};

function reproducible(bytes) {
  const parts = unzipSync(bytes);
  const core = "docProps/core.xml";
  if (parts[core]) {
    parts[core] = strToU8(
      strFromU8(parts[core])
        .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${FIXED_DATE}$2`)
        .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${FIXED_DATE}$2`),
    );
  }
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const entries = {};
  for (const name of Object.keys(parts).sort()) entries[name] = [parts[name], { level: 6, mtime, os: 0, attrs: 0 }];
  return zipSync(entries);
}

mkdirSync(DIR, { recursive: true });
const files = [];
for (const [slug, document] of Object.entries(DOCUMENTS)) {
  const out = join(DIR, `${slug}.docx`);
  writeFileSync(out, reproducible(new Uint8Array(await Packer.toBuffer(document))));
  files.push(out);
}
const outdir = mkdtempSync(join(tmpdir(), "intake-layout-"));
try {
  execFileSync("soffice", ["-env:UserInstallation=file:///tmp/lo-intake-layout", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outdir, ...files], { stdio: ["ignore", "ignore", "inherit"] });
  for (const docx of files) {
    const name = basename(docx).replace(/\.docx$/, ".pdf");
    if (!existsSync(join(outdir, name))) throw new Error(`LibreOffice wrote no ${name}`);
    renameSync(join(outdir, name), join(DIR, name));
    console.log(`fixtures/intake-layout/${name.replace(/\.pdf$/, "")}.docx + .pdf`);
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
