import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDocumentDate } from "../../src/intake/datum.js";
import { extractRemissobjekt } from "../../src/intake/remissobjekt.js";
import { readSourceDocument, type SourceText } from "../../src/intake/source.js";
import { ROOT, runCli } from "../support/cli.js";

/** The day each real document in fixtures/kallor is dated, as its own words say; null where they do not. */
const DATED: Record<string, string | null> = {
  "motion-ulricehamn-hjartstartare": "2024-03-19",
  "motion-vallentuna-kommunal-lekpark": "2015-08-31",
  // "Vid kommunfullmäktigemötet den 17 november 2014 beslutades …" is a date in the text, not the motion's.
  "motion-skinnskatteberg-oppositionsrad": null,
  "motion-botkyrka-besvara-motioner": null,
  "medborgarforslag-kristianstad-stallplats": null,
  "medborgarforslag-svenljunga-stallplatser": null,
};

const source = (lines: string[]): SourceText => ({
  file: "motion.txt",
  lines: lines.map((text, index) => ({ text, page: 1, line: index + 1 })),
  blocks: [],
  furniture: [],
  where: (line) => `rad ${line.line}`,
});

describe("remissobjekt.datum from the document", () => {
  for (const [name, datum] of Object.entries(DATED)) {
    for (const ext of [".txt", ".pdf", ".docx"]) {
      it(`${name}${ext}: ${datum ?? "no date of its own"}`, async () => {
        const read = await readSourceDocument(`${name}${ext}`, new Uint8Array(readFileSync(join(ROOT, "fixtures", "kallor", `${name}${ext}`))));
        expect(extractRemissobjekt(read).datum?.value ?? null).toBe(datum);
      });
    }
  }

  it("takes a short line ending in a date, in figures or words, and no date inside a sentence", () => {
    expect(findDocumentDate(source(["Stockholm den 3 februari 2026"]))?.value).toBe("2026-02-03");
    expect(findDocumentDate(source(["Motion om parker", "", "2025-11-30"]))?.value).toBe("2025-11-30");
    expect(findDocumentDate(source(["Vi har sedan den 3 februari 2026 väntat på att staden ska göra något åt saken och nu är det dags."]))).toBeUndefined();
    expect(findDocumentDate(source(["Farsta 2025-02-30"]))).toBeUndefined();
  });

  it("is filled in by init --fran, with where it came from", () => {
    const dir = mkdtempSync(join(tmpdir(), "remiss-datum-"));
    const result = runCli(["init", "motion.yaml", "--fran", join(ROOT, "fixtures", "kallor", "motion-ulricehamn-hjartstartare.txt")], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("datum 19 mars 2024");
    const text = readFileSync(join(dir, "motion.yaml"), "utf8");
    expect(text).toMatch(/^ {2}datum: 2024-03-19 {3}# ur .*motion-ulricehamn-hjartstartare\.txt/mu);
    // The case is still what draft takes, and lista counts the one-year limit from it.
    const listed = runCli(["lista", "motion.yaml", "--per", "2025-03-01", "--format", "json"], { cwd: dir });
    expect((JSON.parse(listed.stdout) as { beredas_senast?: string }[])[0]!.beredas_senast).toBe("2025-03-19");
    rmSync(dir, { recursive: true, force: true });
  });
});
