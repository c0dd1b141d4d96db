import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.js";

/**
 * Hand edits are never lost: a draft records a fingerprint of what remiss
 * wrote, `draft` refuses to overwrite a draft edited since (unless --force),
 * and `draft --check` tells CI whether the committed drafts match their
 * cases, writing nothing.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-hand-"));
  copyFileSync(join(ROOT, "fixtures", "minimal.yaml"), join(dir, "a.yaml"));
  copyFileSync(join(ROOT, "fixtures", "minimal.yaml"), join(dir, "b.yaml"));
  expect(runCli(["draft", "a.yaml", "b.yaml"], { cwd: dir }).code).toBe(0);
});

const read = (name: string) => readFileSync(join(dir, name));

/** The DOCX with a word changed in its body, as an edit in Word would. */
function editDocx(name: string): void {
  const parts = unzipSync(read(name));
  parts["word/document.xml"] = strToU8(strFromU8(parts["word/document.xml"]!).replace("Förvaltningen delar skribentens bild.", "Förvaltningen delar helt skribentens bild."));
  writeFileSync(join(dir, name), zipSync(parts));
}

describe("draft and hand edits", () => {
  it("refuses to overwrite an edited Markdown file, drafts the other cases, and overwrites with --force", () => {
    writeFileSync(join(dir, "a.md"), read("a.md").toString("utf8").replace("Förvaltningen delar skribentens bild.", "Förvaltningen delar helt skribentens bild."));
    const edited = read("a.md");
    const result = runCli(["draft", "a.yaml", "b.yaml"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "a.md har ändrats för hand sedan remiss skrev den, och skrivs inte över. Ta in ändringarna i a.yaml med remiss import a.md och kör igen, eller skriv över med --force.\n1 utkast skrivet, 1 fel\n",
    );
    expect(result.stdout).toBe("Skrev b.md och b.docx\n");
    expect(read("a.md")).toEqual(edited);
    expect(runCli(["draft", "a.yaml", "--force"], { cwd: dir }).code).toBe(0);
    expect(read("a.md").toString("utf8")).toContain("Förvaltningen delar skribentens bild.");
  });

  it("refuses to overwrite a DOCX edited in Word", () => {
    editDocx("a.docx");
    const result = runCli(["draft", "a.yaml"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("a.docx har ändrats för hand");
  });

  it("overwrites a draft from before fingerprints without a word", () => {
    writeFileSync(join(dir, "a.md"), read("a.md").toString("utf8").replace(/^fingeravtryck: .*\n/mu, "").replace("bild.", "bild!"));
    const result = runCli(["draft", "a.yaml"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  });
});

describe("draft --check", () => {
  it("passes when every draft is what its case gives, writing nothing", () => {
    const before = [read("a.md"), read("a.docx")];
    const result = runCli(["draft", "a.yaml", "b.yaml", "--check"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("Alla utkast stämmer med sina ärenden (2).\n");
    expect([read("a.md"), read("a.docx")]).toEqual(before);
  });

  it("lists drafts that are missing, edited or stale, and exits 1", () => {
    rmSync(join(dir, "b.docx"));
    editDocx("a.docx");
    writeFileSync(join(dir, "b.yaml"), read("b.yaml").toString("utf8").replace("Förvaltningen ser positivt på förslaget.", "Förvaltningen tillstyrker förslaget."));
    const result = runCli(["draft", "a.yaml", "b.yaml", "--check"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        "a.docx: har ändrats för hand (kör remiss import a.docx)",
        "Kör remiss draft a.yaml (och flytta först ändringar gjorda för hand till YAML-filen).",
        "b.md: är inte vad b.yaml ger i dag",
        "b.docx: saknas",
        "Kör remiss draft b.yaml (och flytta först ändringar gjorda för hand till YAML-filen).",
        "2 av 2 ärenden har utkast som inte stämmer.",
        "",
      ].join("\n"),
    );
    expect(existsSync(join(dir, "b.docx"))).toBe(false);
  });
});
