// Lays the development corpus for `remiss init --fran` / `--remissbrev`
// (fixtures/korpus/*.txt) out as the documents a förvaltning receives:
// <name>.docx, written with the docx package in one of several real-world
// layouts, and <name>.pdf, LibreOffice's rendering of that DOCX (or, for a
// "scan" layout, an image of each page with an invisible text layer, as a
// scanner's OCR leaves it).
//
//   node scripts/make-korpus.mjs            # every fixtures/korpus/*.txt
//   node scripts/make-korpus.mjs NAME ...   # only these
//   node scripts/make-korpus.mjs --docx-only
//   node scripts/make-korpus.mjs --dir fixtures/korpus-prov [NAME ...]   # another folder of the same form
//
// The .txt is the document's words: blocks separated by blank lines, a line
// break inside a block kept as a line break. How each document is laid out
// is data, in fixtures/korpus/layouts.json (one object per name; the keys
// are described at LAYOUT_KEYS below). Nothing the layout adds as page
// furniture (headers, footers, page numbers, logos) is in the .txt.
//
// Reproducible: the DOCX is byte-identical from run to run (fixed core
// dates, one fixed time on every zip entry); the scanned PDFs are written
// here byte by byte (fixed noise seed, no dates); LibreOffice's PDFs get a
// fixed creation date, document ID and checksum. The same .txt and layout give the
// same bytes (with the same LibreOffice version and fonts).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ARGS = process.argv.slice(2);
const DIR_AT = ARGS.indexOf("--dir");
if (DIR_AT >= 0 && !ARGS[DIR_AT + 1]) throw new Error("--dir needs a folder");
const DIR = DIR_AT >= 0 ? resolve(ARGS[DIR_AT + 1]) : join(ROOT, "fixtures", "korpus");
/** The folder as the messages and the DOCX's description name it: "fixtures/korpus" by default. */
const REL = relative(ROOT, DIR).split("\\").join("/") || ".";
const FIXED_DATE = "2025-01-01T00:00:00Z";
const LO_PROFILE = "file:///tmp/lo-korpus";

/**
 * The layout keys (fixtures/korpus/layouts.json):
 * - title: the block set as Heading 1 where the expected titel does not name one.
 * - titleSize: the title's size in half-points; titleBreak: the title over two lines (a line break in the middle).
 * - header: a running header line ("left\tright" puts the right part at a right tab).
 * - headerTable: [left, right] in a borderless two-column table in the header; "PAGEFIELD" is "Sida PAGE (NUMPAGES)" with Word fields.
 * - logo: a small image in the header (or in the letterhead).
 * - footer: "page" (a PAGE field, centred), "pageOf" ("Sida PAGE av NUMPAGES"), or a text with the page number after it.
 * - letterhead: the first block is a letterhead (first line bold, the rest small).
 * - letterheadTable: the first two blocks side by side in a borderless table.
 * - bullets: "word": lines that begin "• " or "- " become a Word bullet list (the bullet is numbering, not text).
 * - bulletsFor: blocks that begin with this text become Word bullet items.
 * - numbers: "word": lines that begin "1. " become a Word numbered list (the number is numbering, not text).
 * - signatureTable: the signature blocks (the last ones after the final att-sats or the proposal) in a two-column table;
 *   the number is how many trailing blocks.
 * - kvTable: the block whose lines are all "Etikett: värde" becomes a two-column table.
 * - bold, right: blocks (as in the .txt) set in bold or right-aligned.
 * - scan: the PDF is a grey image of each page (turned a little, with noise) with an invisible text layer at the words' places.
 */
const LAYOUTS = JSON.parse(readFileSync(join(DIR, "layouts.json"), "utf8"));

function blocksOf(text) {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((block) => block.replace(/^\n+|\s+$/g, ""))
    .filter((block) => block !== "");
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

// ---------------------------------------------------------------- a logo

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** A 96×96 emblem: a dark blue shield with a light cross, as a kommun's logo might be. */
function logoPng() {
  const size = 96;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const inShield = x > 8 && x < 88 && y > 4 && (y < 60 || Math.abs(x - 48) < (96 - y) * 1.1);
      const cross = Math.abs(x - 48) < 6 || Math.abs(y - 36) < 6;
      const [r, g, b] = !inShield ? [255, 255, 255] : cross ? [240, 200, 40] : [20, 50, 120];
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}
const LOGO = logoPng();
const logoRun = () => new ImageRun({ type: "png", data: LOGO, transformation: { width: 40, height: 40 }, altText: { name: "Logotyp", description: "Logotyp", title: "Logotyp" } });

// ---------------------------------------------------------------- paragraphs

function runsOf(lines, run = {}) {
  return lines.map((line, i) => new TextRun({ ...run, text: line, break: i === 0 ? 0 : 1 }));
}

function plain(block, options = {}, run = {}) {
  return new Paragraph({ ...options, children: runsOf(block.split("\n"), run) });
}

function tabbed(text, run = {}) {
  const [left, right] = text.split("\t");
  if (right === undefined) return new Paragraph({ children: [new TextRun({ ...run, text: left })] });
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: 9070 }],
    children: [new TextRun({ ...run, text: left }), new TextRun({ ...run, text: `\t${right}` })],
  });
}

const BULLET = /^(?:•|-)\s+(.*)$/u;
const NUMBERED = /^\d+[.)]\s+(.*)$/u;

/** One block of the body as paragraphs, with the layout's lists, tabs, bold and right alignment. */
function bodyParagraphs(block, layout) {
  const lines = block.split("\n");
  if (layout.bullets === "word" && lines.every((line) => BULLET.test(line))) {
    return lines.map((line) => new Paragraph({ numbering: { reference: "punkter", level: 0 }, children: [new TextRun(BULLET.exec(line)[1])] }));
  }
  if (layout.numbers === "word" && lines.every((line) => NUMBERED.test(line))) {
    return lines.map((line) => new Paragraph({ numbering: { reference: "siffror", level: 0 }, children: [new TextRun(NUMBERED.exec(line)[1])] }));
  }
  if (layout.bulletsFor && block.startsWith(layout.bulletsFor)) {
    return [new Paragraph({ numbering: { reference: "punkter", level: 0 }, children: runsOf(lines) })];
  }
  if (lines.length === 1 && block.includes("\t")) return [tabbed(block)];
  const right = layout.right?.includes(block);
  const bold = layout.bold?.includes(block);
  return [plain(block, right ? { alignment: AlignmentType.RIGHT } : {}, bold ? { bold: true } : {})];
}

function table(rows, widths = [50, 50]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (cell, i) =>
              new TableCell({
                width: { size: widths[i] ?? 50, type: WidthType.PERCENTAGE },
                borders: NO_BORDERS,
                children: Array.isArray(cell) ? cell : [cell],
              }),
          ),
        }),
    ),
  });
}

const pageField = (run = {}) => new TextRun({ ...run, children: ["Sida ", PageNumber.CURRENT, " (", PageNumber.TOTAL_PAGES, ")"] });

function headerOf(layout) {
  const small = { size: 18 };
  if (layout.headerTable) {
    const [left, right] = layout.headerTable;
    const leftChildren = [...(layout.logo ? [logoRun(), new TextRun({ ...small, text: "  " })] : []), new TextRun({ ...small, text: left, bold: true })];
    const rightPara =
      right === "PAGEFIELD"
        ? new Paragraph({ alignment: AlignmentType.RIGHT, children: [pageField(small)] })
        : new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ ...small, text: right })] });
    return new Header({ children: [table([[new Paragraph({ children: leftChildren }), rightPara]], [70, 30]), new Paragraph({ children: [] })] });
  }
  if (layout.header || (layout.logo && !layout.letterhead)) {
    const children = [];
    if (layout.logo && !layout.letterhead) children.push(new Paragraph({ children: [logoRun()] }));
    if (layout.header) {
      const [left, right] = layout.header.split("\t");
      children.push(
        right === undefined
          ? new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ ...small, text: left })] })
          : new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: 9070 }], children: [new TextRun({ ...small, text: left }), new TextRun({ ...small, text: `\t${right}` })] }),
      );
    }
    return new Header({ children });
  }
  return undefined;
}

function footerOf(layout) {
  const small = { size: 16 };
  if (!layout.footer) return undefined;
  if (layout.footer === "page") return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ ...small, children: [PageNumber.CURRENT] })] })] });
  if (layout.footer === "pageOf")
    return new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ ...small, children: ["Sida ", PageNumber.CURRENT, " av ", PageNumber.TOTAL_PAGES] })] })] });
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: 9070 }],
        children: [new TextRun({ ...small, text: layout.footer }), new TextRun({ ...small, children: ["\t", PageNumber.CURRENT] })],
      }),
    ],
  });
}

function titleIndex(name, blocks, layout) {
  const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8"));
  const wanted = [layout.title, typeof expected.titel === "string" ? expected.titel : undefined].filter(Boolean);
  for (const title of wanted) {
    const i = blocks.findIndex((block) => block.split("\n").join(" ") === title);
    if (i >= 0) return i;
  }
  if (wanted.length > 0) throw new Error(`${name}: no block equals the title ${JSON.stringify(wanted[0])}`);
  return -1;
}

function titleParagraph(block, layout) {
  const text = block.split("\n").join(" ");
  if (!layout.titleBreak) return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
  const words = text.split(" ");
  const half = Math.ceil(words.length / 2);
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    children: [new TextRun(words.slice(0, half).join(" ")), new TextRun({ text: words.slice(half).join(" "), break: 1 })],
  });
}

function buildDocument(name, text) {
  const layout = LAYOUTS[name] ?? {};
  const blocks = blocksOf(text);
  const t = titleIndex(name, blocks, layout);
  const children = [];
  let start = 0;
  if (layout.letterheadTable) {
    const cell = (block) => block.split("\n").map((line, i) => new Paragraph({ children: [new TextRun({ text: line, bold: i === 0, size: i === 0 ? 22 : 18 })] }));
    children.push(table([[cell(blocks[0]), cell(blocks[1])]], [60, 40]), new Paragraph({ children: [] }));
    start = 2;
  } else if (layout.letterhead) {
    const lines = blocks[0].split("\n");
    children.push(
      new Paragraph({
        spacing: { after: 360 },
        children: [
          ...(layout.logo ? [logoRun(), new TextRun({ text: "", break: 1 })] : []),
          ...lines.map((line, i) => new TextRun({ text: line, bold: i === 0, size: i === 0 ? 24 : 18, break: i === 0 ? 0 : 1 })),
        ],
      }),
    );
    start = 1;
  }
  const signatureFrom = layout.signatureTable ? blocks.length - layout.signatureTable : blocks.length;
  for (let i = start; i < signatureFrom; i++) {
    const block = blocks[i];
    if (i === t) {
      children.push(titleParagraph(block, layout));
      continue;
    }
    const lines = block.split("\n");
    if (layout.kvTable && lines.length > 1 && lines.every((line) => /^[^:]{2,30}:\s/u.test(line))) {
      children.push(
        table(
          lines.map((line) => {
            const at = line.indexOf(":");
            return [new Paragraph({ children: [new TextRun({ text: line.slice(0, at + 1), bold: true })] }), new Paragraph({ children: [new TextRun(line.slice(at + 1).trim())] })];
          }),
          [30, 70],
        ),
      );
      continue;
    }
    children.push(...bodyParagraphs(block, layout));
  }
  if (layout.signatureTable) {
    const signatures = blocks.slice(signatureFrom).map((block) => plain(block));
    const rows = [];
    for (let i = 0; i < signatures.length; i += 2) rows.push([signatures[i], signatures[i + 1] ?? new Paragraph({ children: [] })]);
    children.push(new Paragraph({ children: [] }), table(rows));
  }

  const headers = headerOf(layout);
  const footers = footerOf(layout);
  const titleSize = layout.titleSize ?? 30;
  return new Document({
    creator: "remiss fixtures",
    lastModifiedBy: "remiss fixtures",
    title: t >= 0 ? blocks[t].split("\n").join(" ") : name,
    description: `${REL}/${name}.txt`,
    revision: 1,
    numbering: {
      config: [
        {
          reference: "punkter",
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: "\uF0B7",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } }, run: { font: "Symbol" } },
            },
          ],
        },
        {
          reference: "siffror",
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
    styles: {
      default: {
        document: { run: { font: "Liberation Sans", size: 22 }, paragraph: { spacing: { after: 160, line: 276 } } },
        heading1: { run: { font: "Liberation Sans", size: titleSize, bold: true, color: "000000" }, paragraph: { spacing: { before: 240, after: 240 } } },
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: 1418, bottom: 1418, left: 1418, right: 1418, header: 567, footer: 567 } } },
        ...(headers ? { headers: { default: headers } } : {}),
        ...(footers ? { footers: { default: footers } } : {}),
        children,
      },
    ],
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

async function writeDocx(name) {
  const text = readFileSync(join(DIR, `${name}.txt`), "utf8");
  const bytes = await Packer.toBuffer(buildDocument(name, text));
  const out = join(DIR, `${name}.docx`);
  writeFileSync(out, reproducible(new Uint8Array(bytes)));
  return out;
}

function writePdfs(docxFiles) {
  const outdir = mkdtempSync(join(tmpdir(), "korpus-pdf-"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=${LO_PROFILE}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outdir, ...docxFiles], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (const docx of docxFiles) {
      const name = basename(docx).replace(/\.docx$/, ".pdf");
      const made = join(outdir, name);
      if (!existsSync(made)) throw new Error(`LibreOffice wrote no ${name}`);
      writeFileSync(join(DIR, name), fixedPdfMetadata(readFileSync(made)));
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * LibreOffice's PDF with its creation date, document ID and checksum replaced by fixed
 * values of the same length, so that the cross-reference offsets still hold
 * and the same DOCX gives the same bytes.
 */
function fixedPdfMetadata(bytes) {
  const text = bytes.toString("latin1");
  const fixed = text
    .replace(/\/CreationDate\(D:(\d{14})/g, (m, digits) => m.replace(digits, "20250101000000"))
    .replace(/\/ID \[ ?<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g, (m, a, b) => m.replace(a, "0".repeat(a.length)).replace(b, "0".repeat(b.length)))
    .replace(/\/DocChecksum \/([0-9A-Fa-f]+)/g, (m, sum) => m.replace(sum, "0".repeat(sum.length)));
  if (fixed.length !== text.length) throw new Error("PDF metadata changed length");
  return Buffer.from(fixed, "latin1");
}

// ---------------------------------------------------------------- a scanned PDF with a text layer

/** The words and their boxes on each page, as pdftotext -bbox reports them. */
function wordBoxes(pdf) {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  const pages = [];
  for (const page of html.split(/<page\b/).slice(1)) {
    const width = Number(/width="([\d.]+)"/.exec(page)[1]);
    const height = Number(/height="([\d.]+)"/.exec(page)[1]);
    const words = [];
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const text = m[5].replace(/[\uF0B7\uF0A7]/gu, "•").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      words.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text });
    }
    pages.push({ width, height, words });
  }
  return pages;
}

/** Helvetica's advance widths (per 1000 em) for the letters of Swedish text; accented letters as their base letter. */
const HELVETICA = (() => {
  const widths = {};
  const set = (chars, width) => {
    for (const ch of chars) widths[ch] = width;
  };
  set("abdeghnopqu0123456789", 556);
  set("ckszvxy", 500);
  set("fjilt", 278);
  widths.i = 222;
  widths.j = 222;
  widths.l = 222;
  widths.r = 333;
  widths.m = 833;
  widths.w = 722;
  set("ABEKPSVXY", 667);
  set("CDHNRUw", 722);
  widths.w = 722;
  set("GOQ", 778);
  set("FTZ", 611);
  widths.I = 278;
  widths.J = 500;
  widths.L = 556;
  widths.M = 833;
  widths.W = 944;
  set(" .,:;/!", 278);
  set("-()\"”“’‘´", 333);
  widths["%"] = 889;
  widths["–"] = 556;
  widths["—"] = 1000;
  widths["§"] = 556;
  widths["•"] = 350;
  for (const [accented, base] of [["åäàá", "a"], ["ÅÄÀÁ", "A"], ["öóò", "o"], ["ÖÓÒ", "O"], ["éèë", "e"], ["ÉÈ", "E"], ["ü", "u"], ["Ü", "U"]]) set(accented, widths[base]);
  return widths;
})();
const helveticaWidth = (text) => [...text].reduce((sum, ch) => sum + (HELVETICA[ch] ?? 556), 0) / 1000;

/** WinAnsi bytes of a word as a PDF literal string (characters outside WinAnsi become "?", as many OCR layers do). */
const WIN_ANSI_EXTRA = { "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97 };
function pdfString(text) {
  let out = "(";
  // Word's Symbol-font bullet (a private-use character) is read by OCR as the bullet it looks like.
  for (const ch of text.replace(/[\uF0B7\uF0A7]/gu, "•")) {
    const code = WIN_ANSI_EXTRA[ch] ?? ch.codePointAt(0);
    const byte = code <= 0xff && !(code >= 0x80 && code <= 0x9f && !Object.values(WIN_ANSI_EXTRA).includes(code)) ? code : 0x3f;
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte < 0x20 || byte > 0x7e) out += `\\${byte.toString(8).padStart(3, "0")}`;
    else out += String.fromCharCode(byte);
  }
  return `${out})`;
}

/** A binary PGM (pdftoppm -gray) as width, height and one byte per pixel. */
function readPgm(bytes) {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a binary PGM");
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

/** The page as a scanner gives it: turned a third of a degree, a grey cast, and noise from a fixed seed (the same bytes every run). */
function scanned({ width, height, pixels }) {
  const out = Buffer.alloc(width * height);
  const angle = (0.35 * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) / 65536;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = Math.round(cos * (x - width / 2) + sin * (y - height / 2) + width / 2);
      const sy = Math.round(-sin * (x - width / 2) + cos * (y - height / 2) + height / 2);
      const value = sx >= 0 && sx < width && sy >= 0 && sy < height ? pixels[sy * width + sx] : 255;
      const noisy = value * 0.9 + 12 + (random() - 0.5) * 36;
      out[y * width + x] = Math.max(0, Math.min(255, Math.round(noisy)));
    }
  }
  return out;
}

/** Replaces <name>.pdf by an image of each page (grey, slightly rotated, with fixed-seed noise) and an invisible text layer. */
function writeScan(name) {
  const pdf = join(DIR, `${name}.pdf`);
  const work = mkdtempSync(join(tmpdir(), "korpus-scan-"));
  try {
    const pages = wordBoxes(pdf);
    execFileSync("pdftoppm", ["-r", "110", "-gray", pdf, join(work, "p")]);
    const images = readdirSync(work)
      .filter((file) => file.endsWith(".pgm"))
      .sort()
      .map((file) => readPgm(readFileSync(join(work, file))));
    if (images.length !== pages.length) throw new Error(`${name}: ${images.length} images for ${pages.length} pages`);

    const objects = [];
    const add = (body) => objects.push(body) && objects.length;
    const catalog = add(null);
    const pagesObj = add(null);
    const font = add(Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
    const kids = [];
    pages.forEach((page, i) => {
      const { width, height } = images[i];
      const image = deflateSync(scanned(images[i]), { level: 9 });
      const im = add(
        Buffer.concat([
          Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`),
          image,
          Buffer.from("\nendstream"),
        ]),
      );
      const ops = [`q ${page.width.toFixed(2)} 0 0 ${page.height.toFixed(2)} 0 0 cm /Im0 Do Q`, "BT 3 Tr"];
      for (const word of page.words) {
        const size = Math.max(4, (word.yMax - word.yMin) / 1.15);
        const natural = helveticaWidth(word.text) * size;
        const scale = Math.max(30, Math.min(300, (100 * (word.xMax - word.xMin)) / natural));
        const y = page.height - word.yMax + 0.22 * size;
        ops.push(`/F1 ${size.toFixed(2)} Tf ${scale.toFixed(1)} Tz 1 0 0 1 ${word.xMin.toFixed(2)} ${y.toFixed(2)} Tm ${pdfString(word.text)} Tj`);
      }
      ops.push("ET");
      const content = Buffer.from(ops.join("\n"), "latin1");
      const contents = add(Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from("\nendstream")]));
      kids.push(
        add(
          Buffer.from(
            `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${page.width.toFixed(2)} ${page.height.toFixed(2)}] /Resources << /XObject << /Im0 ${im} 0 R >> /Font << /F1 ${font} 0 R >> >> /Contents ${contents} 0 R >>`,
          ),
        ),
      );
    });
    objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`);
    objects[pagesObj - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`);
    const info = add(Buffer.from("<< /Producer (remiss fixtures: scanned page image with OCR-like text layer) >>"));

    const chunks = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
    let offset = chunks[0].length;
    const offsets = [];
    objects.forEach((body, i) => {
      const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
      offsets.push(offset);
      offset += chunk.length;
      chunks.push(chunk);
    });
    const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
    chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
    writeFileSync(pdf, Buffer.concat(chunks));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const args = ARGS.filter((_, i) => DIR_AT < 0 || (i !== DIR_AT && i !== DIR_AT + 1));
const docxOnly = args.includes("--docx-only");
const wanted = args.filter((arg) => !arg.startsWith("--"));
const names = readdirSync(DIR)
  .filter((file) => file.endsWith(".txt"))
  .map((file) => file.slice(0, -".txt".length))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();
if (names.length === 0) throw new Error(`no ${REL}/*.txt${wanted.length ? ` named ${wanted.join(", ")}` : ""}`);
for (const name of names) if (!LAYOUTS[name]) throw new Error(`${name}: no layout in ${REL}/layouts.json`);

const docxFiles = [];
for (const name of names) docxFiles.push(await writeDocx(name));
if (!docxOnly) {
  writePdfs(docxFiles);
  for (const name of names) if (LAYOUTS[name].scan) writeScan(name);
}
for (const name of names) console.log(`${REL}/${name}.docx${docxOnly ? "" : ` + .pdf${LAYOUTS[name].scan ? " (skannad)" : ""}`}`);
