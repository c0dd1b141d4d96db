import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { ROOT } from "./cli.js";

/**
 * The ISO/IEC 29500 Transitional schemas (vendored in tests/ooxml-schemas
 * with their source) and the schema of each part of a DOCX, checked offline
 * with xmllint.
 */
const SCHEMAS = join(ROOT, "tests", "ooxml-schemas", "ISO-IEC29500-4_2016");
const SCHEMA_OF: Record<string, string> = {
  "word/document.xml": "wml.xsd",
  "word/styles.xml": "wml.xsd",
  "word/numbering.xml": "wml.xsd",
  "word/settings.xml": "wml.xsd",
  "word/footnotes.xml": "wml.xsd",
  "word/endnotes.xml": "wml.xsd",
  "word/comments.xml": "wml.xsd",
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
export function withoutIgnorable(xml: string): string {
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

/** One part of a DOCX checked against its schema: what xmllint said ("" when valid) and its exit code. */
export interface PartValidation {
  part: string;
  errors: string;
  status: number | null;
}

/** Validates every part of the DOCX that has a schema (headers and footers too); `dir` receives the parts as checked. */
export function validateDocxParts(docx: Uint8Array, dir: string): PartValidation[] {
  const results: PartValidation[] = [];
  for (const [name, data] of Object.entries(unzipSync(docx))) {
    const schema = /^word\/(header|footer)\d+\.xml$/u.test(name) ? "wml.xsd" : SCHEMA_OF[name];
    if (!schema) continue;
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, withoutIgnorable(strFromU8(data)));
    const result = spawnSync("xmllint", ["--noout", "--nonet", "--schema", join(SCHEMAS, schema), file], { encoding: "utf8" });
    results.push({ part: name, errors: result.stderr.replace(`${file} validates\n`, ""), status: result.status });
  }
  return results;
}
