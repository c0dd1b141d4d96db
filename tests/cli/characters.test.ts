import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allParagraphs, bodyBlocks, coreProperty, docxParts } from "../render/docx/docx-reader.js";
import { ROOT, hasStackTrace, runCli } from "../support/cli.js";

/**
 * Invisible characters pasted into a case (Word's Shift+Enter is U+000B)
 * never make an unreadable file and never glue words together: a line
 * break becomes a line break in Markdown fields and a space elsewhere,
 * with a warning; every other control is an error at its line and column.
 */
const MINIMAL = readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-chars-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function draft(name: string, text: string) {
  writeFileSync(join(dir, `${name}.yaml`), text);
  return runCli(["draft", `${name}.yaml`], { cwd: dir });
}

/** Every XML part of a DOCX is well-formed. */
function expectWellFormed(docx: Uint8Array): void {
  for (const [name, text] of Object.entries(docxParts(docx))) {
    if (name.endsWith(".xml") || name.endsWith(".rels")) expect(XMLValidator.validate(text), name).toBe(true);
  }
}

describe("invisible characters in a case", () => {
  it("turns U+000B in a title into a space, with a warning at its line and column", () => {
    const result = draft("titel", MINIMAL.replace("Motion om fler fritidsgårdar", "Motion om fler\u000bfritidsgårdar"));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "titel.yaml:10:24: varning: ”titel” innehåller ett osynligt radbrytningstecken, U+000B (så sparar Word en radbrytning gjord med Skift+Retur). Det blev ett mellanslag; skriv om raden om det inte var meningen. (motion.titel)\n",
    );
    const docx = readFileSync(join(dir, "titel.docx"));
    expectWellFormed(docx);
    expect(coreProperty(docx, "dc:title")).toBe("Motion om fler fritidsgårdar");
  });

  it("turns U+000B in a Markdown field into a line break, never glued words", () => {
    const result = draft("synpunkter", MINIMAL.replace("Förvaltningen delar skribentens bild.", "Förvaltningen delar\u000bskribentens bild."));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("synpunkter.yaml:20:22: varning: ”synpunkter” innehåller ett osynligt radbrytningstecken, U+000B");
    expect(result.stderr).toContain("Det blev en radbrytning");
    expect(readFileSync(join(dir, "synpunkter.md"), "utf8")).toContain("Förvaltningen delar\\\nskribentens bild.\n");
    const docx = readFileSync(join(dir, "synpunkter.docx"));
    expectWellFormed(docx);
    const texts = allParagraphs(bodyBlocks(docx)).map((p) => p.text);
    expect(texts).toContain("Förvaltningen delar\nskribentens bild.");
    expect(texts.join(" ")).not.toContain("delarskribentens");
  });

  it("treats U+2028 and U+2029 as line breaks too", () => {
    const result = draft("ls", MINIMAL.replace("Förvaltningen delar skribentens bild.", "Förvaltningen delar\u2028skribentens bild.").replace("Eva Ek", "Eva\u2029Ek"));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("(synpunkter)");
    expect(result.stderr).toContain("”namn” innehåller ett osynligt radbrytningstecken, U+2029. Det blev ett mellanslag");
    expect(readFileSync(join(dir, "ls.md"), "utf8")).toContain("\nEva Ek\\\n");
  });

  it("refuses U+FFFE, a C0 control, DEL, a C1 control and a lone surrogate, each at its line, and writes nothing", () => {
    const text = MINIMAL.replace("Förvaltningen delar skribentens bild.", "Förvaltningen delar\ufffeskribentens bild.")
      .replace("Alva Berg", "Alva\u0007Berg")
      .replace("Stadsdelsdirektör", "Stadsdels\u007fdirektör")
      .replace("Farsta stadsdelsförvaltning", "Farsta\u0085stadsdelsförvaltning")
      .replace("  titel: Motion om fler fritidsgårdar", '  titel: "Motion om \\uD800fler fritidsgårdar"');
    writeFileSync(join(dir, "fel.md"), "tidigare utkast\n");
    const result = draft("fel", text);
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr.split("\n").filter((l) => l.includes(": fel: "))).toEqual([
      "fel.yaml:3:15: fel: ”namn” innehåller ett osynligt styrtecken, U+0085, som inte kan stå i ett Word-dokument. Ta bort det. (forvaltning.namn)",
      expect.stringMatching(/^fel\.yaml:10:\d+: fel: ”titel” innehåller ett osynligt styrtecken, U\+D800, som inte kan stå i ett Word-dokument\. Ta bort det\. \(motion\.titel\)$/u),
      "fel.yaml:12:17: fel: ”namn” innehåller ett osynligt styrtecken, U+0007, som inte kan stå i ett Word-dokument. Ta bort det. (motion.forfattare[1].namn)",
      "fel.yaml:20:22: fel: ”synpunkter” innehåller ett osynligt styrtecken, U+FFFE, som inte kan stå i ett Word-dokument. Ta bort det. (synpunkter)",
      "fel.yaml:27:21: fel: ”titel” innehåller ett osynligt styrtecken, U+007F, som inte kan stå i ett Word-dokument. Ta bort det. (underskrifter[1].titel)",
    ]);
    expect(readFileSync(join(dir, "fel.md"), "utf8")).toBe("tidigare utkast\n");
    expect(existsSync(join(dir, "fel.docx"))).toBe(false);
  });

  it("cleans remiss.config.yaml the same way", () => {
    const folder = mkdtempSync(join(tmpdir(), "remiss-chars-config-"));
    writeFileSync(join(folder, "remiss.config.yaml"), "underskrifter:\n  - namn: Eva\u000bEk\n    titel: Stadsdelsdirektör\n");
    writeFileSync(join(folder, "a.yaml"), MINIMAL.replace(/\nunderskrifter:\n(?: {2}.*\n)+/u, "\n"));
    const result = runCli(["draft", "a.yaml", "--format", "md"], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("remiss.config.yaml:2:14: varning: ”namn” innehåller ett osynligt radbrytningstecken, U+000B");
    expect(readFileSync(join(folder, "a.md"), "utf8")).toContain("\nEva Ek\\\n");
    writeFileSync(join(folder, "remiss.config.yaml"), "underskrifter:\n  - namn: Eva\u0001Ek\n    titel: Stadsdelsdirektör\n");
    const refused = runCli(["draft", "a.yaml", "--format", "md"], { cwd: folder });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("remiss.config.yaml:2:14: fel: ”namn” innehåller ett osynligt styrtecken, U+0001");
    rmSync(folder, { recursive: true, force: true });
  });
});
