import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../../support/cli.js";
import { writeReferencePair } from "../../support/diff-pairs.js";
import { validateDocxParts } from "../../support/ooxml-schema.js";

/**
 * Every XML part of the DOCX files remiss writes is valid against the ISO/IEC
 * 29500 Transitional schemas (vendored in tests/ooxml-schemas with their
 * source), checked offline with xmllint. The drafted documents: every
 * Markdown construct, the reference with its three signatories' variant,
 * and the house style with a logo; and `remiss diff`'s document, with
 * tracked changes of every kind it writes.
 */
let dir: string;
const documents: string[] = [];

beforeAll(() => {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (probe.error) throw new Error("xmllint is not on PATH: install libxml2-utils (apt-get install libxml2-utils); CI installs it");
  dir = mkdtempSync(join(tmpdir(), "remiss-xsd-"));
  cpSync(join(ROOT, "fixtures", "markdown-alla"), join(dir, "alla"), { recursive: true });
  cpSync(join(ROOT, "fixtures", "husstil-malmo"), join(dir, "malmo"), { recursive: true });
  cpSync(join(ROOT, "fixtures", "skrivelse-flera-forfattare.yaml"), join(dir, "skrivelse.yaml"));
  cpSync(join(ROOT, "fixtures", "sodermalm-ks-2025-804.yaml"), join(dir, "referens.yaml"));
  const cases = ["alla/arende.yaml", "malmo/temperatur-inomhus.yaml", "skrivelse.yaml", "referens.yaml"];
  const result = runCli(["draft", ...cases, "--format", "docx"], { cwd: dir });
  expect(result.code).toBe(0);
  documents.push(...cases.map((c) => c.replace(/\.yaml$/u, ".docx")));
  mkdirSync(join(dir, "diff"));
  writeReferencePair(join(dir, "diff"));
  expect(runCli(["diff", "diff/gammal.yaml", "diff/ny.yaml"], { cwd: dir }).code).toBe(0);
  documents.push("diff/ny.andringar.docx");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the DOCX against the ISO/IEC 29500 Transitional schemas", () => {
  it("validates every WordprocessingML, DrawingML and properties part", () => {
    let validated = 0;
    for (const document of documents) {
      for (const { part, errors, status } of validateDocxParts(readFileSync(join(dir, document)), join(dir, "parts", document))) {
        expect(errors, `${document}: ${part}`).toBe("");
        expect(status, `${document}: ${part}`).toBe(0);
        validated++;
      }
    }
    expect(validated).toBeGreaterThanOrEqual(documents.length * 10);
  });
});
