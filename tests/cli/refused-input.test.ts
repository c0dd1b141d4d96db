import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { docxParts } from "../support/docx.js";
import { ROOT, hasStackTrace, runCli } from "../support/cli.js";

/**
 * Issue 22, "Input that should be refused": an e-mail address or a phone
 * number that is not one, every control character in a field, and a link
 * target that is not a URI in the DOCX's relationships.
 */
const MINIMAL = readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-refused-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function errors(stderr: string): string[] {
  expect(hasStackTrace(stderr)).toBe(false);
  return stderr.split("\n").filter((line) => line.includes(": fel: "));
}

/** The minimal case with a handläggare and a letterhead with växel and e-post. */
function withContacts(contacts: { vaxel: string; fepost: string; telefon: string; epost: string }): string {
  return MINIMAL.replace(
    "  namnd: Farsta stadsdelsnämnd\n",
    `  namnd: Farsta stadsdelsnämnd\n  vaxel: ${contacts.vaxel}\n  epost: ${contacts.fepost}\nhandlaggare:\n  namn: Kim Lindqvist\n  telefon: ${contacts.telefon}\n  epost: ${contacts.epost}\n`,
  );
}

describe("e-mail addresses and phone numbers", () => {
  it("refuses an address with a space, swapped fields, and says where and what to write, in draft and check", () => {
    writeFileSync(
      join(dir, "fel.yaml"),
      withContacts({ vaxel: "farsta@stockholm.se", fepost: "08-508 18 000", telefon: "kim@stockholm.se", epost: "kim lindqvist@stockholm.se" }),
    );
    const draft = runCli(["draft", "fel.yaml"], { cwd: dir });
    expect(draft.code).toBe(1);
    expect(errors(draft.stderr)).toEqual([
      "fel.yaml:5:10: fel: ”vaxel” ska vara ett telefonnummer av siffror, mellanslag, -, + och parenteser, t.ex. 08-508 12 345, inte ”farsta@stockholm.se”. (forvaltning.vaxel)",
      "fel.yaml:6:10: fel: ”epost” ska vara en e-postadress, en enda och utan mellanslag, t.ex. kim.lindqvist@stockholm.se, inte ”08-508 18 000”. (forvaltning.epost)",
      "fel.yaml:9:12: fel: ”telefon” ska vara ett telefonnummer av siffror, mellanslag, -, + och parenteser, t.ex. 08-508 12 345, inte ”kim@stockholm.se”. (handlaggare.telefon)",
      "fel.yaml:10:10: fel: ”epost” ska vara en e-postadress, en enda och utan mellanslag, t.ex. kim.lindqvist@stockholm.se, inte ”kim lindqvist@stockholm.se”. (handlaggare.epost)",
    ]);
    expect(existsSync(join(dir, "fel.md"))).toBe(false);
    const check = runCli(["check", "fel.yaml", "--format", "json"], { cwd: dir });
    expect(check.code).toBe(1);
    expect((JSON.parse(check.stdout) as { rule: string }[]).map((d) => d.rule)).toEqual(["schema/telefon", "schema/epost", "schema/telefon", "schema/epost"]);
  });

  it("refuses two addresses, a name with the address, and a phone number of words", () => {
    for (const [epost, telefon] of [
      ["kim@stockholm.se, eva@stockholm.se", "08-508 18 123"],
      ['"Kim" <kim@stockholm.se>', "+46 (0)8-508 18 123"],
      ["kim@stockholm.se", "ring växeln"],
    ] as const) {
      writeFileSync(join(dir, "fel.yaml"), withContacts({ vaxel: "08-508 18 000", fepost: "farsta@stockholm.se", telefon: `"${telefon}"`, epost: `'${epost}'` }));
      const draft = runCli(["draft", "fel.yaml", "--format", "md"], { cwd: dir });
      expect(draft.code, `${epost} ${telefon}`).toBe(1);
      expect(errors(draft.stderr), `${epost} ${telefon}`).toHaveLength(1);
    }
  });

  it("accepts real ones, international and with parentheses, and init's placeholders", () => {
    writeFileSync(join(dir, "ratt.yaml"), withContacts({ vaxel: "+46 (0)8-508 18 000", fepost: "farsta@stockholm.se", telefon: "08-508 18 123", epost: "kim.lindqvist@stockholm.se" }));
    const draft = runCli(["draft", "ratt.yaml", "--format", "md"], { cwd: dir });
    expect(draft.stderr).toBe("");
    expect(draft.code).toBe(0);
    writeFileSync(join(dir, "ny.yaml"), withContacts({ vaxel: '"[Fyll i växelns nummer]"', fepost: '"[Fyll i förvaltningens e-post]"', telefon: '"[Fyll i telefonnummer]"', epost: '"[Fyll i e-postadress]"' }));
    const placeholders = runCli(["draft", "ny.yaml", "--format", "md"], { cwd: dir });
    expect(errors(placeholders.stderr)).toEqual([]);
    expect(placeholders.code).toBe(0);
  });

  it("refuses an address that is not one in remiss.config.yaml too", () => {
    writeFileSync(join(dir, "remiss.config.yaml"), "forvaltning:\n  namn: Farsta stadsdelsförvaltning\n  namnd: Farsta stadsdelsnämnd\n  epost: farsta at stockholm.se\n");
    writeFileSync(join(dir, "a.yaml"), MINIMAL);
    const draft = runCli(["draft", "a.yaml", "--format", "md"], { cwd: dir });
    expect(draft.code).toBe(1);
    expect(errors(draft.stderr)).toEqual([
      "remiss.config.yaml:4:10: fel: ”epost” ska vara en e-postadress, en enda och utan mellanslag, t.ex. kim.lindqvist@stockholm.se, inte ”farsta at stockholm.se”. (forvaltning.epost)",
    ]);
  });
});

describe("control characters", () => {
  it("reports every control character in a field, each where it stands", () => {
    writeFileSync(join(dir, "fel.yaml"), MINIMAL.replace("Alva Berg", "Al\u0007va\u0001 Be\u0002rg"));
    const draft = runCli(["draft", "fel.yaml"], { cwd: dir });
    expect(draft.code).toBe(1);
    expect(errors(draft.stderr)).toEqual([
      "fel.yaml:12:15: fel: ”namn” innehåller ett osynligt styrtecken, U+0007, som inte kan stå i ett Word-dokument. Ta bort det. (motion.forfattare[1].namn)",
      "fel.yaml:12:18: fel: ”namn” innehåller ett osynligt styrtecken, U+0001, som inte kan stå i ett Word-dokument. Ta bort det. (motion.forfattare[1].namn)",
      "fel.yaml:12:22: fel: ”namn” innehåller ett osynligt styrtecken, U+0002, som inte kan stå i ett Word-dokument. Ta bort det. (motion.forfattare[1].namn)",
    ]);
  });
});

describe("link targets in the DOCX", () => {
  it("percent-encodes a space (and a letter like ö) in a link's relationship Target, keeping escapes as they are", () => {
    writeFileSync(
      join(dir, "lank.yaml"),
      MINIMAL.replace(
        "Förvaltningen delar skribentens bild.",
        "Förvaltningen delar skribentens bild, se [rapporten](<https://example.com/a b c>), [Söder](https://example.com/Söder) och [sidan](https://example.com/x%20y).",
      ),
    );
    const draft = runCli(["draft", "lank.yaml", "--format", "docx"], { cwd: dir });
    expect(draft.code).toBe(0);
    const rels = docxParts(readFileSync(join(dir, "lank.docx")))["word/_rels/document.xml.rels"]!;
    const targets = [...rels.matchAll(/<Relationship\b[^>]*TargetMode="External"[^>]*>/gu)].map((m) => /Target="([^"]*)"/u.exec(m[0])![1]);
    expect(targets).toEqual(["https://example.com/a%20b%20c", "https://example.com/S%C3%B6der", "https://example.com/x%20y"]);
  });
});
