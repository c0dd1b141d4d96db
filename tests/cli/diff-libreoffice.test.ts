import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.js";
import { writeReferencePair } from "../support/diff-pairs.js";
import { docxParts } from "../support/docx.js";
import { acceptAll, hasLibreOfficeUno, libreOfficeParagraphs, rejectAll } from "../support/review.js";

/**
 * `remiss diff`'s document in a third-party editor: LibreOffice's "accept
 * all" gives exactly the new draft's paragraphs, "reject all" exactly the
 * old draft's, for the reference case and a version of it edited in every
 * way the diff tracks, and for two unlike cases.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-diff-lo-"));
  writeReferencePair(dir);
  cpSync(join(ROOT, "fixtures", "motion-fran-parti.yaml"), join(dir, "parti.yaml"));
  cpSync(join(ROOT, "fixtures", "motion-fraga-vardval.yaml"), join(dir, "vardval.yaml"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasLibreOfficeUno())("remiss diff through LibreOffice", () => {
  it.each([
    ["the reference case and its edited version", "gammal", "ny"],
    ["two unlike cases", "parti", "vardval"],
  ])("accept all gives the new draft, reject all the old one: %s", (_, old, neu) => {
    expect(runCli(["diff", `${old}.yaml`, `${neu}.yaml`, "-o", `${old}-${neu}.docx`], { cwd: dir }).code).toBe(0);
    expect(runCli(["draft", `${old}.yaml`, `${neu}.yaml`, "--format", "docx", "-o", "utkast"], { cwd: dir }).code).toBe(0);
    const tracked = join(dir, `${old}-${neu}.docx`);
    acceptAll(tracked, join(dir, "godkand.docx"));
    rejectAll(tracked, join(dir, "avvisad.docx"));
    const newParagraphs = libreOfficeParagraphs(join(dir, "utkast", `${neu}.docx`));
    const oldParagraphs = libreOfficeParagraphs(join(dir, "utkast", `${old}.docx`));
    expect(newParagraphs).not.toEqual(oldParagraphs);
    expect(libreOfficeParagraphs(join(dir, "godkand.docx"))).toEqual(newParagraphs);
    expect(libreOfficeParagraphs(join(dir, "avvisad.docx"))).toEqual(oldParagraphs);
  }, 240_000);

  it("accept all gives the new footnote's text, reject all the old one's", () => {
    const minimal = readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8");
    const withNote = (source: string) =>
      minimal.replace("synpunkter: |\n  Förvaltningen delar skribentens bild.\n", `synpunkter: |\n  Förvaltningen delar skribentens bild.[^1]\n\n  [^1]: ${source}\n`);
    writeFileSync(join(dir, "not-gammal.yaml"), withNote("Källa: Socialstyrelsen, lägesrapport 2024."));
    writeFileSync(join(dir, "not-ny.yaml"), withNote("Källa: Socialstyrelsen, lägesrapport 2025."));
    expect(runCli(["diff", "not-gammal.yaml", "not-ny.yaml", "-o", "not.docx"], { cwd: dir }).code).toBe(0);
    acceptAll(join(dir, "not.docx"), join(dir, "not-godkand.docx"));
    rejectAll(join(dir, "not.docx"), join(dir, "not-avvisad.docx"));
    const footnoteText = (file: string) => (docxParts(readFileSync(join(dir, file)))["word/footnotes.xml"] ?? "").replace(/<[^>]+>/gu, " ").replace(/\s+/gu, " ").trim();
    expect(footnoteText("not-godkand.docx")).toBe("Källa: Socialstyrelsen, lägesrapport 2025.");
    expect(footnoteText("not-avvisad.docx")).toBe("Källa: Socialstyrelsen, lägesrapport 2024.");
  }, 240_000);
});
