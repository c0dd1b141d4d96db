import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProfile } from "../../src/load/config.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { unzipSync } from "fflate";
import { allParagraphs, attrOf, bodyBlocks, docxParts, findAll, parseXml, part, partText } from "../render/docx/docx-reader.js";
import { ROOT, hasStackTrace, runCli } from "../support/cli.js";

/**
 * A second förvaltning's house style (fixtures/husstil-malmo), run as a
 * user runs it: draft writes its label, letterhead, logo, fonts, sections
 * and phrases; check follows its section list in YAML, Markdown and DOCX.
 */
const FIXTURE = join(ROOT, "fixtures", "husstil-malmo");
const CASE = "temperatur-inomhus";
let dir: string;
let docx: Uint8Array;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-husstil-"));
  cpSync(FIXTURE, dir, { recursive: true });
  const result = runCli(["draft", `${CASE}.yaml`], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1700000000" } });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  docx = readFileSync(join(dir, `${CASE}.docx`));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The part a section's header reference of this type points at. */
function headerPart(bytes: Uint8Array, type: "first" | "default"): string {
  const reference = findAll(parseXml(part(bytes, "word/document.xml")), "w:headerReference").find((h) => attrOf(h, "w:type") === type);
  const id = reference && attrOf(reference, "r:id");
  const relation = findAll(parseXml(part(bytes, "word/_rels/document.xml.rels")), "Relationship").find((r) => attrOf(r, "Id") === id);
  return `word/${attrOf(relation!, "Target")!}`;
}

describe("draft under a house style", () => {
  it("writes the golden Markdown", () => {
    expect(readFileSync(join(dir, `${CASE}.md`), "utf8")).toBe(readFileSync(join(FIXTURE, `${CASE}.md`), "utf8"));
  });

  it("puts the organisation line above the förvaltning in the first page's letterhead", () => {
    const header = partText(part(docx, headerPart(docx, "first")));
    expect(header).toMatch(/Malmö stad\nMiljöförvaltningen\n/u);
  });

  it("puts the house style's label first in page 1's document info", () => {
    const info = allParagraphs(bodyBlocks(docx)).find((p) => p.style === "Dokumentuppgifter");
    expect(info?.text).toBe("Tjänsteskrivelse\nDnr MN-2023-8123\n2023-10-10");
    expect(partText(part(docx, "word/document.xml"))).not.toContain("Tjänsteutlåtande");
  });

  it("embeds the logo in the first page's header as an inline image with alt text", () => {
    const header = headerPart(docx, "first");
    const rels = findAll(parseXml(part(docx, header.replace("word/", "word/_rels/") + ".rels")), "Relationship");
    const image = rels.find((r) => attrOf(r, "Type")?.endsWith("/image"));
    expect(image).toBeDefined();
    const media = `word/${attrOf(image!, "Target")!}`;
    const parts = Object.keys(docxParts(docx));
    expect(parts).toContain(media);
    expect(Buffer.from(unzipSync(docx)[media]!)).toEqual(readFileSync(join(FIXTURE, "bilder", "logotyp.png")));
    const drawing = findAll(parseXml(part(docx, header)), "wp:inline");
    expect(drawing).toHaveLength(1);
    const docPr = findAll(drawing, "wp:docPr")[0]!;
    expect([attrOf(docPr, "descr"), attrOf(docPr, "title")]).toEqual(["Malmö stad", undefined]);
    // Later pages carry no logo.
    expect(part(docx, headerPart(docx, "default"))).not.toContain("<w:drawing>");
  });

  it("uses the house style's headings, in its order, and leaves out the sections it leaves out", () => {
    const headings = allParagraphs(bodyBlocks(docx))
      .filter((p) => p.style === "Heading2")
      .map((p) => p.text);
    expect(headings).toEqual([
      "Sammanfattning",
      "Förslag till beslut",
      "Ärendet i korthet",
      "Förvaltningens bedömning",
      "Ekonomiska konsekvenser",
      "Barnrättsanalys",
      "Beslutsunderlag",
      "Bilagor",
    ]);
  });

  it("names the organisation as the company in the document properties", () => {
    expect(part(docx, "docProps/app.xml")).toContain("<Company>Malmö stad</Company>");
  });

  it("sets the house style's fonts", () => {
    const styles = part(docx, "word/styles.xml");
    expect(styles).toContain('w:ascii="Georgia"');
    expect(styles).toContain('w:ascii="Verdana"');
    expect(styles).not.toContain("Times New Roman");
    expect(styles).not.toContain('w:ascii="Arial"');
  });

  it("gives the same bytes every time", () => {
    const again = mkdtempSync(join(tmpdir(), "remiss-husstil-again-"));
    cpSync(FIXTURE, again, { recursive: true });
    expect(runCli(["draft", `${CASE}.yaml`, "--format", "docx"], { cwd: again, env: { SOURCE_DATE_EPOCH: "1700000000" } }).code).toBe(0);
    expect(Buffer.from(readFileSync(join(again, `${CASE}.docx`)))).toEqual(Buffer.from(docx));
    rmSync(again, { recursive: true, force: true });
  });

  it("warns about a field whose section the house style leaves out, and still drafts", () => {
    const text = readFileSync(join(dir, `${CASE}.yaml`), "utf8").replace(
      "sammanfattning: |",
      "beredning:\n  beretts_i: enheten för tillsyn\nsammanfattning: |",
    );
    writeFileSync(join(dir, "med-beredning.yaml"), text);
    const result = runCli(["draft", "med-beredning.yaml", "--format", "md"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "med-beredning.yaml:28:1: varning: ”beredning” används inte: husstilen i remiss.config.yaml har inget avsnitt ”Ärendets beredning”. Ta bort fältet, eller lägg till beredning i husstil.avsnitt. (beredning)\n",
    );
  });

  it("requires the house style's own sections in the case, but not the optional ones", () => {
    const text = readFileSync(join(dir, `${CASE}.yaml`), "utf8");
    const withoutOptional = text.replace(/  - rubrik: Beslutsunderlag\n(?: {4}.*\n)+/u, "");
    writeFileSync(join(dir, "utan-underlag.yaml"), withoutOptional);
    expect(runCli(["draft", "utan-underlag.yaml", "--format", "md"], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, "utan-ekonomi.yaml"), text.replace(/  - rubrik: Ekonomiska konsekvenser\n(?: {4}.*\n)+/u, ""));
    const result = runCli(["draft", "utan-ekonomi.yaml", "--format", "md"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "utan-ekonomi.yaml:39:3: fel: Avsnittet ”Ekonomiska konsekvenser” krävs enligt remiss.config.yaml men saknas. Lägg till det under egna_avsnitt, med rubrik: Ekonomiska konsekvenser och text: |. (egna_avsnitt)\n",
    );
  });
});

describe("check under a house style", () => {
  it("passes the case's YAML, Markdown and DOCX", () => {
    const result = runCli(["check", `${CASE}.yaml`, `${CASE}.md`, `${CASE}.docx`], { cwd: dir });
    expect(result.stdout).toBe("✔ Inga problem i 3 filer.\n");
    expect(result.code).toBe(0);
  });

  it("fails each of them, naming the house style's heading, when a required own section is removed", async () => {
    const bad = mkdtempSync(join(tmpdir(), "remiss-husstil-bad-"));
    cpSync(FIXTURE, bad, { recursive: true });
    const yaml = readFileSync(join(FIXTURE, `${CASE}.yaml`), "utf8").replace(/  - rubrik: Ekonomiska konsekvenser\n(?: {4}.*\n)+/u, "");
    writeFileSync(join(bad, "arende.yaml"), yaml);
    const markdown = readFileSync(join(FIXTURE, `${CASE}.md`), "utf8").replace(/## Ekonomiska konsekvenser\n\n.*\n\n/u, "");
    writeFileSync(join(bad, "arende.md"), markdown);
    const profile = await loadProfile(join(FIXTURE, "remiss.config.yaml"));
    writeFileSync(join(bad, "arende.docx"), await renderDocx(markdown, { style: profile.style }));

    const result = runCli(["check", "arende.yaml", "arende.md", "arende.docx", "--format", "json"], { cwd: bad });
    expect(result.code).toBe(1);
    const errors = (JSON.parse(result.stdout) as { file: string; severity: string; rule: string; message: string }[])
      .filter((d) => d.severity === "error")
      .map((d) => `${d.file} ${d.rule} ${d.message}`);
    expect(errors).toEqual([
      "arende.docx sektion/saknas Avsnittet ”Ekonomiska konsekvenser” saknas. Lägg till det, med rubrik och text, före ”Barnrättsanalys”.",
      "arende.md sektion/saknas Avsnittet ”Ekonomiska konsekvenser” saknas. Lägg till det, med rubrik och text, före ”Barnrättsanalys”.",
      "arende.yaml schema/saknas Avsnittet ”Ekonomiska konsekvenser” krävs enligt remiss.config.yaml men saknas. Lägg till det under egna_avsnitt, med rubrik: Ekonomiska konsekvenser och text: |. (egna_avsnitt)",
    ]);
    rmSync(bad, { recursive: true, force: true });
  });

  it("names a renamed built-in section by the house style's heading", () => {
    const bad = mkdtempSync(join(tmpdir(), "remiss-husstil-renamed-"));
    cpSync(FIXTURE, bad, { recursive: true });
    const markdown = readFileSync(join(FIXTURE, `${CASE}.md`), "utf8").replace(/## Förvaltningens bedömning\n\n(?:.*\n)+?\n/u, "");
    writeFileSync(join(bad, "arende.md"), markdown);
    const result = runCli(["check", "arende.md", "--format", "json"], { cwd: bad });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { message: string }[]).map((d) => d.message)).toEqual([
      "Avsnittet ”Förvaltningens bedömning” saknas. Lägg till det, med rubrik och text, före ”Ekonomiska konsekvenser”.",
    ]);
    rmSync(bad, { recursive: true, force: true });
  });
});

describe("a house style with mistakes", () => {
  it("is refused with FILE:LINE:COL and “Menade du …?” for ids, phrase names and slots, and nothing is drafted", () => {
    const bad = mkdtempSync(join(tmpdir(), "remiss-husstil-config-"));
    cpSync(FIXTURE, bad, { recursive: true });
    const config = [
      "husstil:",
      "  logotyp: bilder/saknas.png",
      "  avsnitt:",
      "    - sammanfattning",
      "    - synpunker",
      "    - Ekonomiska konsekvenser",
      "    - Ekonomiska konsekvenser",
      "  valfria: [Risker]",
      "  fraser:",
      '    inledning: "{{namd}} har fått {{objekt}}."',
      '    remitterat: "{{#if svar_senast}}senast {{svar_senast}}"',
      "",
    ].join("\n");
    writeFileSync(join(bad, "remiss.config.yaml"), config);
    const result = runCli(["draft", `${CASE}.yaml`], { cwd: bad });
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr.split("\n")).toEqual([
      "remiss.config.yaml:2:12: fel: Logotypen ”bilder/saknas.png” finns inte eller går inte att läsa. Ange en PNG- eller JPEG-fil, relativt till remiss.config.yaml.",
      "remiss.config.yaml:5:7: fel: Det finns inget avsnitt ”synpunker” bland de inbyggda. Menade du ”synpunkter”?",
      "remiss.config.yaml:7:7: fel: Avsnittet ”Ekonomiska konsekvenser” står två gånger i listan (post 3 och 4). Ta bort det ena.",
      "remiss.config.yaml:8:13: fel: Det finns inget avsnitt ”Risker” i husstil.avsnitt. Välj bland: sammanfattning, Ekonomiska konsekvenser.",
      "remiss.config.yaml:10:17: fel: Frasen ”inledning”: okänd plats ”namd”. Menade du ”{{namnd}}”?",
      "remiss.config.yaml:11:18: fel: Frasen ”remitterat”: {{#if …}} stängs aldrig med {{/if}}.",
      `${CASE}.yaml: inget skrevs, eftersom remiss.config.yaml har fel. Rätta dem och kör igen.`,
      "",
    ]);
    expect(readdirSync(bad).filter((f) => f.endsWith(".docx") || f.endsWith(".md")).filter((f) => f !== `${CASE}.md`)).toEqual([]);
    rmSync(bad, { recursive: true, force: true });
  });

  it("suggests the phrase name closest to a misspelt one", () => {
    const bad = mkdtempSync(join(tmpdir(), "remiss-husstil-phrase-"));
    writeFileSync(join(bad, "remiss.config.yaml"), "husstil:\n  fraser:\n    inledningen: X\n");
    writeFileSync(join(bad, "arende.yaml"), readFileSync(join(ROOT, "fixtures", "minimal.yaml")));
    const result = runCli(["check", "arende.yaml"], { cwd: bad });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Okänd nyckel ”inledningen” under ”husstil.fraser”. Menade du ”inledning”?");
    rmSync(bad, { recursive: true, force: true });
  });
});

describe("init under a house style", () => {
  it("writes a starter without the left-out sections' fields and with the own sections, which drafts and has only placeholders to fix", () => {
    const folder = mkdtempSync(join(tmpdir(), "remiss-husstil-init-"));
    cpSync(FIXTURE, folder, { recursive: true });
    expect(runCli(["init", "nytt.yaml"], { cwd: folder }).code).toBe(0);
    const starter = readFileSync(join(folder, "nytt.yaml"), "utf8");
    expect(starter).toContain("remissobjekt:\n");
    expect(starter).not.toMatch(/^beredning:|aven_till:|#@/mu);
    expect(starter).toContain(
      'egna_avsnitt:\n  - rubrik: "Ekonomiska konsekvenser"\n    text: |\n      [Skriv avsnittet Ekonomiska konsekvenser här.]\n  - rubrik: "Beslutsunderlag"   # valfritt\n',
    );
    // The profile gives the letterhead: the starter has none to override it.
    expect(starter).not.toMatch(/^forvaltning:/mu);
    const draft = runCli(["draft", "nytt.yaml", "--format", "md"], { cwd: folder });
    expect(draft.stderr).toMatch(/^\d+ platshållare står kvar i nytt\.md; remiss check visar var\.\n$/u);
    expect(draft.code).toBe(0);
    const check = runCli(["check", "nytt.yaml", "nytt.md", "--format", "json"], { cwd: folder });
    const rules = new Set((JSON.parse(check.stdout) as { rule: string }[]).map((d) => d.rule));
    expect([...rules]).toEqual(["text/platshallare"]);
    expect(check.stdout).toContain("[Skriv avsnittet Ekonomiska konsekvenser här.]");
    rmSync(folder, { recursive: true, force: true });
  });
});
