import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractRemissbrev } from "../../src/intake/remissbrev.js";
import { extractRemissobjekt } from "../../src/intake/remissobjekt.js";
import { readSourceDocument } from "../../src/intake/source.js";
import { ROOT } from "../support/cli.js";

/**
 * Real remitted documents and a real remittent's letter (fixtures/kallor/,
 * each with a .source.md saying where its words come from), as text, as a
 * PDF and as a Word document: every field the extractor fills is compared
 * with what the document says (<name>.expected.json), and a field it does
 * not say is not filled.
 */
const DIR = join(ROOT, "fixtures", "kallor");
const NAMES = readdirSync(DIR)
  .filter((name) => name.endsWith(".expected.json"))
  .map((name) => name.replace(/\.expected\.json$/u, ""));

/** null: the document does not say it, and nothing may be filled in. */
interface ExpectedObjekt {
  typ: string | null;
  titel: string | null;
  forfattare: { namn?: string; parti?: string }[];
  till: string | null;
  yrkanden: string[];
  beskrivning_stycken: number;
}
interface ExpectedBrev {
  fran: string | null;
  dnr: string | null;
  svar_senast: string | null;
  aven_till: string[] | null;
}

/** A value the extractor fills in; a candidate it is unsure of is not filled. */
const filled = <T>(found: { value: T; uncertain?: true } | undefined): T | undefined => (found && !found.uncertain ? found.value : undefined);

describe("the remitted documents in fixtures/kallor", () => {
  it("are there: at least four documents and a letter, each as text, PDF and DOCX, with its source", () => {
    expect(NAMES.filter((name) => !name.startsWith("remiss-")).length).toBeGreaterThanOrEqual(4);
    expect(NAMES.some((name) => name.startsWith("remiss-"))).toBe(true);
    for (const name of NAMES) for (const ext of [".txt", ".pdf", ".docx", ".source.md"]) expect(existsSync(join(DIR, `${name}${ext}`)), `${name}${ext}`).toBe(true);
  });

  for (const name of NAMES) {
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as ExpectedObjekt & ExpectedBrev;
    for (const ext of [".txt", ".pdf", ".docx"]) {
      it(`${name}${ext}: finds what the document says, word for word`, async () => {
        const source = await readSourceDocument(`${name}${ext}`, new Uint8Array(readFileSync(join(DIR, `${name}${ext}`))));
        if (name.startsWith("remiss-")) {
          const found = extractRemissbrev(source);
          expect({
            fran: filled(found.fran) ?? null,
            dnr: filled(found.dnr) ?? null,
            svar_senast: filled(found.svarSenast) ?? null,
            aven_till: filled(found.avenTill) ?? null,
          }).toEqual({ fran: expected.fran, dnr: expected.dnr, svar_senast: expected.svar_senast, aven_till: expected.aven_till });
          return;
        }
        const found = extractRemissobjekt(source);
        expect({
          typ: filled(found.typ) ?? null,
          titel: filled(found.titel) ?? null,
          forfattare: filled(found.forfattare) ?? [],
          till: filled(found.till) ?? null,
          yrkanden: filled(found.yrkanden) ?? [],
          beskrivning_stycken: filled(found.beskrivning)?.length ?? 0,
        }).toEqual({ ...expected });
      });
    }
  }
});
