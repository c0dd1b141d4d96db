import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../../support/cli.js";
import { writeReferencePair } from "../../support/diff-pairs.js";

/**
 * Every XML part of the DOCX files remiss writes is valid against the ISO/IEC
 * 29500 Transitional schemas (vendored in tests/ooxml-schemas with their
 * source), checked offline with xmllint. The drafted documents: every
 * Markdown construct, the reference with its three signatories' variant,
 * and the house style with a logo; and `remiss diff`'s document, with
 * tracked changes of every kind it writes.
 */
const SCHEMAS = join(ROOT, "tests", "ooxml-schemas", "ISO-IEC29500-4_2016");
const SCHEMA_OF: Record<string, string> = {
  "word/document.xml": "wml.xsd",
  "word/styles.xml": "wml.xsd",
  "word/numbering.xml": "wml.xsd",
  "word/settings.xml": "wml.xsd",
  "word/footnotes.xml": "wml.xsd",
  "word/endnotes.xml": "wml.xsd",
  "word/fontTable.xml": "wml.xsd",
  "word/theme/theme1.xml": "dml-main.xsd",
  "docProps/app.xml": "shared-documentPropertiesExtended.xsd",
  "docProps/custom.xml": "shared-documentPropertiesCustom.xsd",
};

/**
 * ISO/IEC 29500-3 markup compatibility: attributes and elements in the
 * namespaces a part marks `mc:Ignorable` are removed, with the attribute
 * itself, as a consumer that knows only the standard reads them.
 */
function withoutIgnorable(xml: string): string {
  const ignorable = /\smc:Ignorable="([^"]*)"/u.exec(xml)?.[1]?.split(/\s+/u).filter(Boolean) ?? [];
  let out = xml.replace(/\smc:Ignorable="[^"]*"/gu, "");
  for (const prefix of ignorable) {
    out = out
      .replace(new RegExp(`<${prefix}:([\\w-]+)\\b[^>]*/>`, "gu"), "")
      .replace(new RegExp(`<${prefix}:([\\w-]+)\\b[^>]*>[\\s\\S]*?</${prefix}:\\1>`, "gu"), "")
      .replace(new RegExp(`\\s${prefix}:[\\w-]+="[^"]*"`, "gu"), "");
  }
  return out;
}

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
      const parts = unzipSync(readFileSync(join(dir, document)));
      for (const [name, data] of Object.entries(parts)) {
        const schema = /^word\/(header|footer)\d+\.xml$/u.test(name) ? "wml.xsd" : SCHEMA_OF[name];
        if (!schema) continue;
        const file = join(dir, "parts", document, name);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, withoutIgnorable(strFromU8(data)));
        const result = spawnSync("xmllint", ["--noout", "--nonet", "--schema", join(SCHEMAS, schema), file], { encoding: "utf8" });
        expect(result.stderr.replace(`${file} validates\n`, ""), `${document}: ${name}`).toBe("");
        expect(result.status, `${document}: ${name}`).toBe(0);
        validated++;
      }
    }
    expect(validated).toBeGreaterThanOrEqual(documents.length * 10);
  });
});
