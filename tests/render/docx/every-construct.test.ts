import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import type { Nodes } from "mdast";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCaseText } from "../../../src/load/index.js";
import { renderDocx } from "../../../src/render/docx/index.js";
import { parseMarkdown } from "../../../src/readers/markdown/parse.js";
import { allParagraphs, attrOf, bodyBlocks, findAll, parseXml, part, partText, type DocxTable } from "./docx-reader.js";
import { ROOT, runCli } from "../../support/cli.js";

/**
 * Every Markdown construct a writer can put in a text field
 * (fixtures/markdown-alla): drafted to a DOCX that LibreOffice renders and
 * that reads back equal to the Markdown — text, table cells, footnote text,
 * the image and its alt text. And every node type the Markdown parser can
 * produce is either rendered or refused by `draft` at its line.
 */
const FIXTURE = join(ROOT, "fixtures", "markdown-alla");
let dir: string;
let docx: Uint8Array;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-alla-"));
  cpSync(FIXTURE, dir, { recursive: true });
  const result = runCli(["draft", "arende.yaml"], { cwd: dir });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  docx = readFileSync(join(dir, "arende.docx"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const paragraphs = () => allParagraphs(bodyBlocks(docx));

describe("a DOCX with every Markdown construct", () => {
  it("has the headings on levels 3 to 6 under the section", () => {
    const headings = paragraphs()
      .filter((p) => /^Heading[3-6]$/u.test(p.style ?? ""))
      .map((p) => [p.style, p.text]);
    expect(headings).toEqual([
      ["Heading3", "Kostnader"],
      ["Heading4", "Finansiering"],
      ["Heading5", "Risker"],
      ["Heading6", "Uppföljning"],
    ]);
  });

  it("reads the table back cell by cell", () => {
    const table = bodyBlocks(docx).find((b): b is DocxTable => b.kind === "tbl" && JSON.stringify(b.node).includes("Insats"));
    expect(table!.rows.map((row) => row.map((cell) => cell.map((p) => p.text).join("")))).toEqual([
      ["Insats", "Kostnad (tkr)", "Start"],
      ["Fältassistenter", "1 200", "2026"],
      ["Lokaler", "300", "2027"],
    ]);
  });

  it("makes both footnotes Word footnotes with their text", () => {
    const notes = findAll(parseXml(part(docx, "word/footnotes.xml")), "w:footnote").filter((n) => Number(attrOf(n, "w:id")) > 0);
    expect(notes).toHaveLength(2);
    const text = part(docx, "word/footnotes.xml");
    expect(text).toContain("Motionen lämnades in den 3 sept. 2025.");
    expect(text).toContain("Budget 2026, bilaga 3.");
  });

  it("embeds the image with its alt text, at its natural size", () => {
    const media = Object.entries(unzipSync(docx)).filter(([name]) => name.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(Buffer.from(media[0]![1])).toEqual(readFileSync(join(FIXTURE, "karta.png")));
    const docPr = findAll(parseXml(part(docx, "word/document.xml")), "wp:docPr")[0]!;
    expect(attrOf(docPr, "descr")).toBe("Karta över fritidsgårdarna i Farsta");
    const extent = findAll(parseXml(part(docx, "word/document.xml")), "wp:extent")[0]!;
    // 160 × 90 pixels at 96 dpi, in EMU.
    expect([attrOf(extent, "cx"), attrOf(extent, "cy")]).toEqual([String(160 * 9525), String(90 * 9525)]);
  });

  it("keeps links, strikethrough, quotes, code, task boxes and the hard break", () => {
    const texts = paragraphs().map((p) => p.text);
    expect(texts).toContain("Kostnaderna ryms i budgeten. Se stadens budget och kartan nedan.");
    expect(part(docx, "word/_rels/document.xml.rels")).toContain('Target="https://start.stockholm/budget"');
    expect(texts).toContain("Ett citat ur motionen: fler mötesplatser behövs.");
    expect(texts).toContain("Kostnad = 1 200 + 300");
    expect(texts).toContain("☒ Lokalerna inventerade");
    expect(texts).toContain("☐ Personal rekryterad");
    expect(texts).toContain("Sista stycket.\nMed en hård radbrytning.");
    expect(JSON.stringify(findAll(parseXml(part(docx, "word/document.xml")), "w:r").filter((r) => findAll([r], "w:strike").length > 0))).toContain("inte");
  });

  it("renders in LibreOffice with the table, the footnotes and every heading", () => {
    const convert = spawnSync(
      "soffice",
      [`-env:UserInstallation=${pathToFileURL(join(dir, "profil")).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, join(dir, "arende.docx")],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(convert.error, "soffice must be installed (.ci/run installs it)").toBeUndefined();
    const text = spawnSync("pdftotext", [join(dir, "arende.pdf"), "-"], { encoding: "utf8" }).stdout.replace(/\s+/gu, " ");
    for (const expected of ["Kostnader", "Fältassistenter", "Finansiering", "Risker", "Uppföljning", "Budget 2026, bilaga 3.", "Lokalerna inventerade"]) {
      expect(text).toContain(expected);
    }
  });
});

describe("every node type of the Markdown parser", () => {
  /** A field with everything, also what draft refuses. */
  const SAMPLE = [
    "### Rubrik",
    "",
    "Text *kursiv* **fet** ~~struken~~ `kod` [länk](https://x.se) [ref][r] ![alt](bild.png) ![ref][b] fot[^1] <b>html</b>  ",
    "ny rad.",
    "",
    "> Citat",
    "",
    "- punkt",
    "- [x] klar",
    "",
    "| a | b |",
    "|---|---|",
    "| 1 | 2 |",
    "",
    "```",
    "kod",
    "```",
    "",
    "---",
    "",
    "<div>block</div>",
    "",
    "[r]: https://x.se",
    "[b]: bild.png",
    "[^1]: Fotnot.",
  ].join("\n");

  /** What each node type becomes: rendered in the DOCX, refused by draft, or structure around the others. */
  const HANDLED: Record<string, "rendered" | "refused" | "structure"> = {
    root: "structure",
    heading: "rendered",
    paragraph: "rendered",
    text: "rendered",
    emphasis: "rendered",
    strong: "rendered",
    delete: "rendered",
    inlineCode: "rendered",
    link: "rendered",
    linkReference: "rendered",
    image: "rendered",
    imageReference: "refused",
    footnoteReference: "rendered",
    footnoteDefinition: "rendered",
    html: "refused",
    break: "rendered",
    blockquote: "rendered",
    list: "rendered",
    listItem: "rendered",
    table: "rendered",
    tableRow: "rendered",
    tableCell: "rendered",
    code: "rendered",
    thematicBreak: "rendered",
    definition: "structure",
  };

  it("produces exactly the node types the writer knows", () => {
    const types = new Set<string>();
    const visit = (node: Nodes) => {
      types.add(node.type);
      if ("children" in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(parseMarkdown(SAMPLE));
    expect([...types].sort()).toEqual(Object.keys(HANDLED).sort());
  });

  it("refuses raw HTML and images by reference or without a file, at their lines", () => {
    const yaml = readFileSync(join(FIXTURE, "arende.yaml"), "utf8").replace(
      "barnrattsanalys: |\n  Barn och unga gynnas av fler mötesplatser.\n",
      `barnrattsanalys: |\n${SAMPLE.split("\n").map((l) => (l ? `  ${l}` : "")).join("\n")}\n`,
    );
    const loaded = loadCaseText(yaml, "arende.yaml", undefined, undefined, FIXTURE);
    expect(loaded.case).toBeUndefined();
    expect(loaded.diagnostics.map((d) => `${d.line} ${d.rule}`)).toEqual([
      "69 schema/bild",
      "69 schema/bild",
      "69 schema/html",
      "69 schema/html",
      "87 schema/html",
    ]);
    expect(loaded.diagnostics.map((d) => d.message)).toContain("Bildfilen ”bild.png” finns inte. Skriv sökvägen räknat från ärendets mapp. (barnrattsanalys)");
  });

  it("renders everything else, so nothing the Markdown says is lost", async () => {
    const rendered = SAMPLE.replace(/ !\[ref\]\[b\]/u, "").replace(/ <b>html<\/b>/u, "").replace("<div>block</div>", "");
    const bytes = await renderDocx(`# T\n\n## Avsnitt\n\n${rendered}\n`);
    const body = partText(part(bytes, "word/document.xml"));
    for (const text of ["Rubrik", "kursiv", "fet", "struken", "kod", "länk", "ref", "alt", "Citat", "punkt", "☒ klar", "a", "2", "ny rad."]) {
      expect(body, text).toContain(text);
    }
    expect(part(bytes, "word/footnotes.xml")).toContain("Fotnot.");
  });
});

describe("images in a field", () => {
  const withImage = (markdown: string) =>
    readFileSync(join(FIXTURE, "arende.yaml"), "utf8").replace("  Barn och unga gynnas av fler mötesplatser.\n", `  ${markdown}\n`);
  const messages = (markdown: string) =>
    loadCaseText(withImage(markdown), "arende.yaml", undefined, undefined, FIXTURE).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);

  it("accepts a local PNG with alt text", () => {
    expect(messages("![Karta](karta.png)")).toEqual([]);
  });

  it("refuses an image without alt text, from the web, or that is not PNG or JPEG", () => {
    expect(messages("![](karta.png)")).toEqual([
      "67:3 Bilden saknar alternativtext, som skärmläsare läser upp. Skriv vad bilden visar inom hakparenteserna: ![Karta över skolvägarna](karta.png). (barnrattsanalys)",
    ]);
    expect(messages("![Karta](https://x.se/karta.png)")).toEqual([
      "67:3 Bilden ”Karta” ligger på webben (https://x.se/karta.png). Spara den som en PNG- eller JPEG-fil bredvid ärendet och skriv filens namn. (barnrattsanalys)",
    ]);
    expect(messages("![Ärendet](arende.yaml)")).toEqual([
      "67:3 Bildfilen ”arende.yaml” är inte en PNG- eller JPEG-bild. Spara den som PNG eller JPEG. (barnrattsanalys)",
    ]);
  });
});
