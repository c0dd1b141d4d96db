// Renders the source-text fixtures for `remiss init` (fixtures/kallor/*.txt)
// as the documents an administration receives: <slug>.docx, written with the
// docx package, and <slug>.pdf, LibreOffice's rendering of that DOCX.
//
//   node scripts/make-kallor.mjs            # every fixtures/kallor/*.txt
//   node scripts/make-kallor.mjs SLUG ...   # only these
//   node scripts/make-kallor.mjs --docx-only
//
// A .txt is read as blocks separated by blank lines; a line break inside a
// block is kept as a line break. The block that equals the titel of
// <slug>.expected.json (or the LAYOUT title below, or else the first block)
// is written as Heading 1; the blocks before it (a letterhead) and after it
// are normal paragraphs. The DOCX is byte-reproducible: fixed core-property
// dates and one fixed time on every zip entry. The PDF carries LibreOffice's
// own creation date, so it differs from run to run in its metadata only.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AlignmentType, Document, Header, HeadingLevel, Packer, Paragraph, SectionType, TextRun } from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIR = join(ROOT, "fixtures", "kallor");
const FIXED_DATE = "2025-01-01T00:00:00Z";
const LO_PROFILE = "file:///tmp/lo-kallor";

/**
 * Layout variations, so that the extractor meets more than one shape of page.
 * - columns: the blocks after the title are set in that many columns
 *   (a continuous section, closed by another so that the columns balance).
 * - header: a running header line on every page (not part of the .txt).
 * - title: the block to write as Heading 1, where there is no expected titel.
 * - right, bold: blocks (as in the .txt) set right-aligned or in bold.
 */
const LAYOUT = {
  "motion-skinnskatteberg-oppositionsrad": { columns: 2 },
  "motion-ulricehamn-hjartstartare": { header: "Nya Ulricehamn" },
  "remiss-eskilstuna-eskilstunaan": {
    title: "Anmälan av medborgarförslag och förslag till beredning - Arbeta för att öppna Eskilstunaån för båttrafik",
    right: ["1 (1)\n2015-08-17\nKSKF/2015:396"],
    bold: ["Förslag till beslut", "Ärendebeskrivning"],
  },
};

function blocksOf(text) {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((block) => block.replace(/^\n+|\s+$/g, ""))
    .filter((block) => block !== "");
}

function paragraph(block, options = {}, run = {}) {
  const lines = block.split("\n");
  return new Paragraph({
    ...options,
    children: lines.map((line, i) => new TextRun({ ...run, text: line, break: i === 0 ? 0 : 1 })),
  });
}

/** A body block, right-aligned or bold where the layout says so. */
function bodyParagraph(block, layout) {
  const right = layout.right?.includes(block);
  const bold = layout.bold?.includes(block);
  return paragraph(block, right ? { alignment: AlignmentType.RIGHT } : {}, bold ? { bold: true } : {});
}

function titleIndex(slug, blocks) {
  const expectedPath = join(DIR, `${slug}.expected.json`);
  const wanted = [];
  if (existsSync(expectedPath)) {
    const titel = JSON.parse(readFileSync(expectedPath, "utf8")).titel;
    if (typeof titel === "string") wanted.push(titel);
  }
  if (LAYOUT[slug]?.title) wanted.push(LAYOUT[slug].title);
  for (const title of wanted) {
    const i = blocks.findIndex((block) => block.split("\n").join(" ") === title);
    if (i >= 0) return i;
  }
  if (wanted.length > 0) throw new Error(`${slug}: no block equals the title ${JSON.stringify(wanted[0])}`);
  return 0;
}

function buildDocument(slug, text) {
  const blocks = blocksOf(text);
  const t = titleIndex(slug, blocks);
  const layout = LAYOUT[slug] ?? {};
  const before = blocks.slice(0, t).map((block) => bodyParagraph(block, layout));
  const title = paragraph(blocks[t], { heading: HeadingLevel.HEADING_1 });
  const after = blocks.slice(t + 1).map((block) => bodyParagraph(block, layout));

  const headers = layout.header
    ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: layout.header, size: 18 })] })] }) }
    : undefined;
  const page = { margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } };

  const sections = layout.columns
    ? [
        { properties: { page }, headers, children: [...before, title] },
        { properties: { type: SectionType.CONTINUOUS, page, column: { count: layout.columns, space: 567 } }, children: after },
        { properties: { type: SectionType.CONTINUOUS, page }, children: [new Paragraph({ children: [] })] },
      ]
    : [{ properties: { page }, headers, children: [...before, title, ...after] }];

  return new Document({
    creator: "remiss fixtures",
    lastModifiedBy: "remiss fixtures",
    title: blocks[t].split("\n").join(" "),
    description: `fixtures/kallor/${slug}.txt`,
    revision: 1,
    styles: {
      default: {
        document: { run: { font: "Liberation Sans", size: 22 }, paragraph: { spacing: { after: 160, line: 276 } } },
        heading1: { run: { font: "Liberation Sans", size: 30, bold: true, color: "000000" }, paragraph: { spacing: { before: 240, after: 240 } } },
      },
    },
    sections,
  });
}

/** Fixed core-property dates and one fixed time on every zip entry, whatever the clock and the time zone. */
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

async function writeDocx(slug) {
  const text = readFileSync(join(DIR, `${slug}.txt`), "utf8");
  const bytes = await Packer.toBuffer(buildDocument(slug, text));
  const out = join(DIR, `${slug}.docx`);
  writeFileSync(out, reproducible(new Uint8Array(bytes)));
  return out;
}

function writePdfs(docxFiles) {
  const outdir = mkdtempSync(join(tmpdir(), "kallor-pdf-"));
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=${LO_PROFILE}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outdir, ...docxFiles],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    for (const docx of docxFiles) {
      const name = basename(docx).replace(/\.docx$/, ".pdf");
      const made = join(outdir, name);
      if (!existsSync(made)) throw new Error(`LibreOffice wrote no ${name}`);
      renameSync(made, join(DIR, name));
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const docxOnly = args.includes("--docx-only");
const wanted = args.filter((arg) => !arg.startsWith("--"));
const slugs = readdirSync(DIR)
  .filter((name) => name.endsWith(".txt"))
  .map((name) => name.slice(0, -".txt".length))
  .filter((slug) => wanted.length === 0 || wanted.includes(slug))
  .sort();
if (slugs.length === 0) throw new Error(`no fixtures/kallor/*.txt${wanted.length ? ` named ${wanted.join(", ")}` : ""}`);

const docxFiles = [];
for (const slug of slugs) docxFiles.push(await writeDocx(slug));
if (!docxOnly) writePdfs(docxFiles);
for (const slug of slugs) console.log(`fixtures/kallor/${slug}.docx${docxOnly ? "" : ` + .pdf`}`);
