import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph, TextRun, Textbox, type IStylesOptions } from "docx";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROOT, checkJson, hasStackTrace, runCli } from "../support/cli.js";

/**
 * Issue 22, "check lets through what it exists to stop": each hole, run
 * through the real CLI on files built here from the minimal fixture.
 */
const MINIMAL = readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-gate-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Drafts a case in the test's folder; the draft must succeed. */
function draft(file: string, ...args: string[]): void {
  const result = runCli(["draft", file, ...args], { cwd: dir });
  expect(hasStackTrace(result.stderr)).toBe(false);
  expect(result.code, result.stderr).toBe(0);
}

/** The bytes with every occurrence of one name replaced by another of the same length (in local headers and the central directory). */
function renameEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  expect(to.length).toBe(from.length);
  const bytes = Buffer.from(zip);
  const needle = Buffer.from(from, "latin1");
  let at = bytes.indexOf(needle);
  expect(at).toBeGreaterThan(-1);
  for (; at !== -1; at = bytes.indexOf(needle, at + 1)) bytes.write(to, at, "latin1");
  return new Uint8Array(bytes);
}

describe("a zip whose entries are not one file each", () => {
  const names: [string, string][] = [
    ["twice", "word/document.xml"],
    ["case", "WORD/DOCUMENT.XML"],
    ["dotdot", "word/../notes.xml"],
    ["absolute", "/word/endnote.xml"],
  ];

  it("is refused as damaged by check and by init --fran, whichever entry a program would read", () => {
    writeFileSync(join(dir, "a.yaml"), MINIMAL);
    draft("a.yaml", "--format", "docx");
    const docx = new Uint8Array(readFileSync(join(dir, "a.docx")));
    // word/endnotes.xml has as many characters as word/document.xml: the entry renamed, nothing else moves.
    const variants = names.map(([label, name]) => {
      writeFileSync(join(dir, `${label}.docx`), renameEntry(docx, "word/endnotes.xml", name));
      return `${label}.docx`;
    });
    const check = checkJson(variants, dir);
    // A damaged document cannot be read: exit 2, as the README says.
    expect(check.code).toBe(2);
    expect(check.findings.map((f) => `${f.file} ${f.rule} ${f.message.split(":")[0]}`)).toEqual(
      variants.map((file) => `${file} fil/docx Filen går inte att öppna som Word-dokument`).sort(),
    );
    for (const file of variants) {
      const result = runCli(["init", `${file}.yaml`, "--fran", file], { cwd: dir });
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^${file}: filen går inte att öppna som Word-dokument: den är skadad`, "u"));
    }
  });
});

/** A Word document written here with the docx library, for what remiss itself never writes (text boxes, hidden text). */
async function writeDocx(file: string, children: Paragraph[], styles: IStylesOptions = {}): Promise<void> {
  writeFileSync(join(dir, file), await Packer.toBuffer(new Document({ styles, sections: [{ children }] })));
}

describe("the letterhead, the footer and everything else Word shows", () => {
  it("finds every placeholder of a fresh init case's DOCX, the header's and the footer's included", () => {
    expect(runCli(["init", "a.yaml"], { cwd: dir }).code).toBe(0);
    const drafted = runCli(["draft", "a.yaml"], { cwd: dir });
    const check = checkJson(["a.docx"], dir);
    const placeholders = check.findings.filter((f) => f.rule === "text/platshallare");
    const onPages = placeholders.filter((f) => !f.message.startsWith("I dokumentegenskapen"));
    // What Word shows on the pages: 30 in the body (init leaves the remittent and the kind to fill in too), 9 in the headers and the footer.
    expect(onPages).toHaveLength(39);
    expect(onPages.filter((f) => /^I sid(?:huvudet|foten)/u.test(f.message)).map((f) => `${f.line}:${f.column} ${f.message.split(": ")[0]}`)).toEqual([
      "1:1 I sidfoten på första sidan, stycke 1",
      "1:1 I sidhuvudet på första sidan, stycke 1",
      "2:1 I sidfoten på första sidan, stycke 2",
      "2:1 I sidhuvudet på första sidan, stycke 2",
      "2:5 I sidhuvudet, stycke 2",
      "3:1 I sidfoten på första sidan, stycke 3",
      "4:7 I sidfoten på första sidan, stycke 4",
      "5:1 I sidfoten på första sidan, stycke 5",
      "6:1 I sidfoten på första sidan, stycke 6",
    ]);
    // And the document properties (File › Info): the title, the subject, the author, the keywords, remiss's own.
    expect(placeholders.find((f) => f.message.startsWith("I dokumentegenskapen ”Rubrik”:"))).toMatchObject({ line: 0, column: 0 });
    expect(drafted.stderr).toBe(`${placeholders.length} platshållare står kvar i a.md och a.docx; remiss check visar var.\n`);
  });

  it("fails draft --strict and check for a placeholder that only the profile's footer shows", () => {
    writeFileSync(join(dir, "remiss.config.yaml"), 'forvaltning:\n  adress: ["[Fyll i gatuadress]"]\n  webb: TODO\n');
    writeFileSync(join(dir, "a.yaml"), MINIMAL);
    const strict = runCli(["draft", "a.yaml", "--strict"], { cwd: dir });
    expect(hasStackTrace(strict.stderr)).toBe(false);
    expect(strict.stderr).toBe("2 platshållare står kvar i a.md och a.docx; remiss check visar var.\n");
    expect(strict.code).toBe(1);
    const check = checkJson(["a.docx"], dir);
    expect(check.code).toBe(1);
    expect(check.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      "2:1 text/platshallare I sidfoten på första sidan, stycke 2: Platshållaren ”[Fyll i gatuadress]” står kvar. Skriv in det som efterfrågas och ta bort hakparenteserna.",
      "3:1 text/platshallare I sidfoten på första sidan, stycke 3: Platshållaren ”TODO” står kvar. Gör klart det som återstår och ta bort markeringen.",
    ]);
  });

  it("finds a placeholder in a footnote, and in a text box at the paragraph that holds it", async () => {
    writeFileSync(join(dir, "a.yaml"), MINIMAL.replace("  Förvaltningen delar skribentens bild.\n", "  Förvaltningen delar skribentens bild.[^1]\n\n  [^1]: Se [fyll i källan].\n"));
    draft("a.yaml", "--format", "docx");
    await writeDocx("ruta.docx", [new Paragraph("Första stycket."), new Paragraph({ children: [new TextRun("Se rutan: "), new Textbox({ children: [new Paragraph("Ruta med TODO i.")], style: { width: "2in", height: "1in" } })] })]);
    const check = checkJson(["a.docx", "ruta.docx"], dir);
    expect(check.findings.filter((f) => f.rule === "text/platshallare").map((f) => `${f.file}:${f.line}:${f.column} ${f.message.split(": ")[0]}`)).toEqual(["a.docx:1:4 I fotnot 1, stycke 1", "ruta.docx:2:10 I en textruta i stycke 2"]);
  });
});

describe("hidden text", () => {
  it("is absent text for the section rules, and a finding of its own", async () => {
    writeFileSync(join(dir, "a.yaml"), MINIMAL);
    draft("a.yaml", "--format", "md");
    const markdown = readFileSync(join(dir, "a.md"), "utf8");
    const { renderDocx } = await import("../../src/render/docx/index.js");
    // The drafted document, with the runs of one section hidden as Word's Format › Dold writes them.
    const docx = Buffer.from(await renderDocx(markdown));
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import("fflate");
    const parts = unzipSync(docx);
    const xml = strFromU8(parts["word/document.xml"]!);
    const text = "Förvaltningen delar skribentens bild.";
    expect(xml).toContain(`<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`);
    parts["word/document.xml"] = strToU8(xml.replace(`<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`, `<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`));
    writeFileSync(join(dir, "dold.docx"), zipSync(parts));
    const check = checkJson(["dold.docx"], dir);
    expect(check.code).toBe(1);
    expect(check.findings.map((f) => `${f.rule} ${f.message.split(".")[0]}`)).toEqual([
      "sektion/tom Avsnittet ”Förvaltningens synpunkter och förslag” är tomt",
      `text/dold-text Texten ”${text.slice(0, -1)}`,
    ]);
  });
});

describe("a stale draft", () => {
  it("is an error of its own, and the text rules run on it, when the case was fixed but not redrafted", () => {
    const placeholder = MINIMAL.replace("  Förvaltningen delar skribentens bild.\n", "  Förvaltningen delar skribentens bild. [Fyll i kostnaden här]\n");
    writeFileSync(join(dir, "a.yaml"), placeholder);
    runCli(["draft", "a.yaml"], { cwd: dir });
    // A draft just written is what its case gives: no finding of staleness.
    const fresh = checkJson(["a.yaml", "a.md", "a.docx"], dir);
    expect(fresh.findings.map((f) => `${f.file} ${f.rule}`)).toEqual(["a.docx text/platshallare", "a.md text/platshallare", "a.yaml text/platshallare"]);
    // The YAML fixed, the drafts not written again: the DOCX that would be sent still shows the placeholder.
    writeFileSync(join(dir, "a.yaml"), MINIMAL);
    const stale = checkJson(["a.yaml", "a.md", "a.docx"], dir);
    expect(stale.code).toBe(1);
    const md = readFileSync(join(dir, "a.md"), "utf8").split("\n");
    const mdLine = md.findIndex((line) => line.includes("[Fyll i kostnaden här]")) + 1;
    expect(stale.findings.map((f) => `${f.file}:${f.line > 0 ? "L" : 0} ${f.rule}`)).toEqual([
      "a.docx:L utkast/inaktuellt",
      "a.docx:L text/platshallare",
      "a.md:L text/platshallare",
      "a.md:L utkast/inaktuellt",
    ]);
    const mdStale = stale.findings.find((f) => f.file === "a.md" && f.rule === "utkast/inaktuellt")!;
    expect(mdStale).toMatchObject({ line: mdLine, column: 1, severity: "error" });
    expect(mdStale.message).toBe(
      "Utkastet är inte det som a.yaml ger i dag: från den här raden skiljer sig filerna åt. Skriv utkastet på nytt med remiss draft a.yaml, eller för in ändringen i ärendet.",
    );
    const docxStale = stale.findings.find((f) => f.file === "a.docx" && f.rule === "utkast/inaktuellt")!;
    expect(docxStale.line).toBe(stale.findings.find((f) => f.file === "a.docx" && f.rule === "text/platshallare")!.line);
    // Drafted again, the files agree.
    draft("a.yaml");
    expect(checkJson(["a.yaml", "a.md", "a.docx"], dir)).toEqual({ code: 0, findings: [] });
  });
});

/** The minimal case with its synpunkter replaced by a Markdown text (indented as a block). */
function withSynpunkter(markdown: string): string {
  const synpunkter = "synpunkter: |\n  Förvaltningen delar skribentens bild.\n";
  expect(MINIMAL).toContain(synpunkter);
  return MINIMAL.replace(synpunkter, `synpunkter: |\n${markdown.split("\n").map((line) => (line ? `  ${line}` : "")).join("\n")}\n`);
}

describe("a Markdown field that would run into the next one", () => {
  it("is an error at its line in draft and check when it leaves a code fence open", () => {
    // Line 20 of the case is the field's first line of text.
    writeFileSync(join(dir, "slut.yaml"), withSynpunkter("Förvaltningen delar skribentens bild.\n\n```"));
    writeFileSync(join(dir, "oppen.yaml"), withSynpunkter("Förvaltningen delar skribentens bild.\n\n~~~~\nkod\n~~~\n\nMer text."));
    writeFileSync(join(dir, "stangd.yaml"), withSynpunkter("Förvaltningen delar skribentens bild.\n\n```\nkod\n```"));
    for (const file of ["slut.yaml", "oppen.yaml"]) {
      const result = runCli(["draft", file], { cwd: dir });
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${file}:22:3: fel: Kodblocket som börjar med ${file === "slut.yaml" ? "```" : "~~~~"} här avslutas aldrig`);
    }
    const check = checkJson(["slut.yaml", "oppen.yaml", "stangd.yaml"], dir);
    expect(check.code).toBe(1);
    expect(check.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual(["oppen.yaml:22:3 schema/kodblock", "slut.yaml:22:3 schema/kodblock"]);
    draft("stangd.yaml");
  });
});

describe("a linked image", () => {
  it("is in the DOCX as a picture that is a link, not dropped", async () => {
    copyFileSync(join(ROOT, "fixtures", "markdown-alla", "karta.png"), join(dir, "karta.png"));
    writeFileSync(join(dir, "a.yaml"), withSynpunkter("Förvaltningen delar skribentens bild.\n\n[![Karta över skolvägarna](karta.png)](https://example.se/karta)"));
    draft("a.yaml", "--format", "docx");
    const { strFromU8, unzipSync } = await import("fflate");
    const parts = unzipSync(new Uint8Array(readFileSync(join(dir, "a.docx"))));
    const xml = strFromU8(parts["word/document.xml"]!);
    const rels = strFromU8(parts["word/_rels/document.xml.rels"]!);
    const hyperlink = /<w:hyperlink\b[^>]*r:id="([^"]+)"[^>]*>(?:(?!<\/w:hyperlink>).)*<\/w:hyperlink>/su.exec(xml.slice(xml.indexOf("Förvaltningen delar")));
    expect(hyperlink?.[0]).toContain("<w:drawing>");
    expect(hyperlink?.[0]).toContain('descr="Karta över skolvägarna"');
    expect(rels).toMatch(new RegExp(`Id="${hyperlink![1]}"[^>]*Target="https://example.se/karta"|Target="https://example.se/karta"[^>]*Id="${hyperlink![1]}"`, "u"));
    expect(Object.keys(parts).some((name) => name.startsWith("word/media/"))).toBe(true);
  });
});
