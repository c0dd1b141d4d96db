import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractRemissbrev } from "../../src/intake/remissbrev.js";
import { extractRemissobjekt } from "../../src/intake/remissobjekt.js";
import { readSourceDocument } from "../../src/intake/source.js";
import { ROOT } from "../support/cli.js";

/**
 * Documents laid out in Word the way parties and kanslier lay them out
 * (fixtures/intake-layout/, made by scripts/make-intake-layouts.mjs, each
 * with its sources): a header with the party and page fields, Word's
 * bullets in the Symbol font, no space between paragraphs, a bold title
 * over two lines, a signature table of two columns, a letter's header
 * table. As DOCX and as LibreOffice's PDF, every field as expected.
 */
const DIR = join(ROOT, "fixtures", "intake-layout");
const NAMES = readdirSync(DIR)
  .filter((name) => name.endsWith(".expected.json"))
  .map((name) => name.replace(/\.expected\.json$/u, ""));
const filled = <T>(found: { value: T; uncertain?: true } | undefined): T | null => (found && !found.uncertain ? found.value : null);

describe("documents laid out as Word lays them out", () => {
  it("are there", () => expect(NAMES.length).toBeGreaterThanOrEqual(2));
  for (const name of NAMES) {
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as Record<string, unknown>;
    for (const ext of [".pdf", ".docx"]) {
      it(`${name}${ext}`, async () => {
        const source = await readSourceDocument(`${name}${ext}`, new Uint8Array(readFileSync(join(DIR, `${name}${ext}`))));
        if (name.startsWith("remiss-")) {
          const { egen_namnd, ...fields } = expected;
          const found = extractRemissbrev(source, egen_namnd as string);
          expect({ fran: filled(found.fran), dnr: filled(found.dnr), svar_senast: filled(found.svarSenast), aven_till: filled(found.avenTill) }).toEqual(fields);
          return;
        }
        const found = extractRemissobjekt(source);
        expect({
          typ: filled(found.typ),
          titel: filled(found.titel),
          forfattare: filled(found.forfattare) ?? [],
          till: filled(found.till),
          yrkanden: filled(found.yrkanden) ?? [],
          beskrivning_stycken: filled(found.beskrivning)?.length ?? 0,
        }).toEqual(expected);
      });
    }
  }
});
