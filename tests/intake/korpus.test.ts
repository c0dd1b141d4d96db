import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractRemissbrev } from "../../src/intake/remissbrev.js";
import { extractRemissobjekt } from "../../src/intake/remissobjekt.js";
import { readSourceDocument } from "../../src/intake/source.js";
import { ROOT } from "../support/cli.js";

/**
 * The development corpus (fixtures/korpus/, see its README.md): for every
 * document and format, the fields the intake reads today are pinned in
 * <name>.pinned.json, so that a change to the reading rules that helps one
 * document and harms another shows here, document by document. The pins are
 * not the truth (that is <name>.expected.json, scored by the bench row
 * "init --fran på okända dokument"); they are what the intake does now.
 *
 * After a deliberate change to the reading rules, write the pins anew and
 * read the diff before committing it:
 *
 *   REMISS_UPDATE_PINS=1 npx vitest run tests/intake/korpus.test.ts
 */
const DIR = join(ROOT, "fixtures", "korpus");
const UPDATE = process.env.REMISS_UPDATE_PINS === "1";
const FORMATS = ["pdf", "docx"] as const;
const NAMES = readdirSync(DIR)
  .filter((name) => name.endsWith(".expected.json"))
  .map((name) => name.replace(/\.expected\.json$/u, ""))
  .sort();
const LAYOUTS = JSON.parse(readFileSync(join(DIR, "layouts.json"), "utf8")) as Record<string, unknown>;

const OBJEKT_KEYS = ["typ", "titel", "forfattare", "till", "yrkanden", "beskrivning_stycken"];
const BREV_KEYS = ["fran", "dnr", "svar_senast", "aven_till"];

/** What the intake reads from one file, in the shape of <name>.expected.json. */
async function fieldsOf(name: string, format: string): Promise<Record<string, unknown>> {
  const file = `${name}.${format}`;
  const source = await readSourceDocument(file, new Uint8Array(readFileSync(join(DIR, file))));
  if (name.startsWith("remiss-")) {
    const found = extractRemissbrev(source);
    return { fran: found.fran?.value ?? null, dnr: found.dnr?.value ?? null, svar_senast: found.svarSenast?.value ?? null, aven_till: found.avenTill?.value ?? null };
  }
  const found = extractRemissobjekt(source);
  return {
    typ: found.typ?.value ?? null,
    titel: found.titel?.value ?? null,
    forfattare: found.forfattare?.value ?? [],
    till: found.till?.value ?? null,
    yrkanden: found.yrkanden?.value ?? [],
    beskrivning_stycken: found.beskrivning?.value.length ?? 0,
  };
}

describe("the development corpus in fixtures/korpus", () => {
  it("has, for every document, its text, PDF, DOCX, source, truth, pins and layout", () => {
    expect(NAMES.length).toBeGreaterThan(0);
    for (const name of NAMES) {
      for (const ext of [".txt", ".pdf", ".docx", ".source.md", ...(UPDATE ? [] : [".pinned.json"])]) expect(existsSync(join(DIR, `${name}${ext}`)), `${name}${ext}`).toBe(true);
      expect(LAYOUTS[name], `${name} in layouts.json`).toBeTypeOf("object");
      const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as Record<string, unknown>;
      expect(Object.keys(expected), `${name}.expected.json`).toEqual(name.startsWith("remiss-") ? BREV_KEYS : OBJEKT_KEYS);
    }
    expect(Object.keys(LAYOUTS).sort()).toEqual(NAMES);
  });

  for (const name of NAMES) {
    for (const format of FORMATS) {
      it(`${name}.${format}: reads what it read when the pins were written`, async () => {
        const pinnedFile = join(DIR, `${name}.pinned.json`);
        const fields = await fieldsOf(name, format);
        if (UPDATE) {
          const pins = existsSync(pinnedFile) ? (JSON.parse(readFileSync(pinnedFile, "utf8")) as Record<string, unknown>) : {};
          pins[format] = fields;
          const ordered = Object.fromEntries(FORMATS.filter((f) => f in pins).map((f) => [f, pins[f]]));
          writeFileSync(pinnedFile, `${JSON.stringify(ordered, null, 2)}\n`);
          return;
        }
        const pins = JSON.parse(readFileSync(pinnedFile, "utf8")) as Record<string, unknown>;
        expect(fields).toEqual(pins[format]);
      });
    }
  }
});
