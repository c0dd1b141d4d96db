import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/cli.js";

/**
 * Issue 24's wrong Swedish, through the real CLI: the sentences remiss
 * writes itself with real names of nämnder, utskott and authorities. The
 * names are real: Göteborgs Stad's Nämnden för funktionsstöd and
 * Stadsdelsnämnden Västra Hisingen, Nämnden för arbetsmarknad och
 * vuxenutbildning, the national authorities Skogsstyrelsen, Post- och
 * telestyrelsen, Regeringskansliet and Folkbildningsrådet; Region
 * Uppsala, Arboga kommun, Länsstyrelsen i Stockholms län as remissinstanser.
 */
function caseYaml(namnd: string, fran: string, avenTill: readonly string[] = [], titel = "Motion om fler fritidsgårdar"): string {
  return [
    "forvaltning:",
    "  namn: Förvaltningen",
    `  namnd: ${namnd}`,
    "remiss:",
    `  fran: ${fran}`,
    "  dnr: 2025/1001",
    ...(avenTill.length ? ["  aven_till:", ...avenTill.map((name) => `    - ${name}`)] : []),
    "motion:",
    `  titel: '${titel.replaceAll("'", "''")}'`,
    "  forfattare:",
    "    - namn: Alva Berg",
    "  beskrivning: Skribenten vill att staden öppnar fler fritidsgårdar.",
    "  yrkanden:",
    "    - Att öppna fler fritidsgårdar.",
    "sammanfattning: Förvaltningen ser positivt på förslaget.",
    "synpunkter: Förvaltningen delar skribentens bild.",
    "barnrattsanalys: Barn och unga gynnas.",
    "jamstalldhetsanalys: Flickor och pojkar ska ha samma tillgång.",
    "underskrifter:",
    "  - namn: Eva Ek",
    "    titel: Förvaltningschef",
    "",
  ].join("\n");
}

/** The draft's Markdown as `remiss draft - --stdout` writes it. */
function draft(yaml: string): string {
  const result = runCli(["draft", "-", "--stdout"], { input: yaml });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

const lines = (markdown: string): string[] => markdown.split("\n");

describe("definite forms of nämnder in generated sentences", () => {
  it("writes 'Nämnden' for Nämnden för funktionsstöd", () => {
    const md = draft(caseYaml("Nämnden för funktionsstöd", "Kommunstyrelsen"));
    expect(lines(md)).toContain("Nämnden överlämnar förvaltningens tjänsteutlåtande som svar på remissen.");
    expect(lines(md)).toContain("Nämnden har på remiss från kommunstyrelsen fått en motion om fler fritidsgårdar.");
    expect(md).not.toMatch(/Funktionsstöd (överlämnar|har)/u);
  });

  it("writes 'Nämnden' for Nämnden för arbetsmarknad och vuxenutbildning", () => {
    const md = draft(caseYaml("Nämnden för arbetsmarknad och vuxenutbildning", "Kommunstyrelsen"));
    expect(lines(md)).toContain("Nämnden överlämnar förvaltningens tjänsteutlåtande som svar på remissen.");
    expect(md).not.toMatch(/Vuxenutbildning (överlämnar|har)/u);
  });

  it("writes 'Stadsdelsnämnden' for Stadsdelsnämnden Västra Hisingen", () => {
    const md = draft(caseYaml("Stadsdelsnämnden Västra Hisingen", "Kommunstyrelsen"));
    expect(lines(md)).toContain("Stadsdelsnämnden har på remiss från kommunstyrelsen fått en motion om fler fritidsgårdar.");
    expect(md).not.toMatch(/Hisingen har på remiss/u);
    // The name itself stands as written in the addressee line.
    expect(lines(md)).toContain("Till Stadsdelsnämnden Västra Hisingen");
  });
});

describe("names of authorities keep their capitals mid-sentence", () => {
  for (const fran of ["Skogsstyrelsen", "Post- och telestyrelsen", "Regeringskansliet", "Folkbildningsrådet", "Länsstyrelsen i Stockholms län", "Region Uppsala"]) {
    it(`writes 'på remiss från ${fran}'`, () => {
      const md = draft(caseYaml("Farsta stadsdelsnämnd", fran));
      expect(md).toContain(`på remiss från ${fran} fått`);
      expect(md).toContain(`${fran} har remitterat en motion`);
    });
  }

  it("lists remissinstanser with proper names as names and nämnder as common nouns", () => {
    const md = draft(caseYaml("Farsta stadsdelsnämnd", "Kommunstyrelsen", ["Tekniska nämnden", "Allmänpolitiska utskottet", "Arboga kommun", "Region Uppsala"]));
    expect(md).toContain("har även remitterats till tekniska nämnden, allmänpolitiska utskottet, Arboga kommun och Region Uppsala.");
  });
});

describe("quotations inside a quoted title", () => {
  it("become single quotation marks", () => {
    const md = draft(caseYaml("Farsta stadsdelsnämnd", "Kommunstyrelsen", [], 'Hur har jämställdheten påverkats av "vårdval"?'));
    expect(md).toContain("fått motionen ”Hur har jämställdheten påverkats av ’vårdval’?”");
    expect(md).not.toContain("”vårdval”");
  });
});

describe("a house style's phrase of several sentences", () => {
  it("stands one sentence per line, its own words never read as Markdown", () => {
    const dir = mkdtempSync(join(tmpdir(), "remiss-names-"));
    try {
      writeFileSync(
        join(dir, "remiss.config.yaml"),
        ["husstil:", "  fraser:", '    avslutning: "1. {{namnd}} tackar för remissen. Se t.ex. bilaga 2. *Inget* mer."', ""].join("\n"),
      );
      writeFileSync(join(dir, "arende.yaml"), caseYaml("Nämnden för funktionsstöd", "Kommunstyrelsen"));
      const result = runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      const md = readFileSync(join(dir, "arende.md"), "utf8");
      expect(md).toContain("\n1\\. Nämnden tackar för remissen.\nSe t.ex. bilaga 2.\n\\*Inget\\* mer.\n");
      expect(runCli(["check", "arende.md"], { cwd: dir }).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
