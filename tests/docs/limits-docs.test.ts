import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatBytes, LIMITS } from "../../src/model/limits.js";
import { ROOT } from "../support/cli.js";

/** The README's table of limits says what src/model/limits.ts does. */
describe("README: Gränser", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const table = readme.slice(readme.indexOf("### Gränser"), readme.indexOf("Fler än 100 fel av samma slag"));
  const number = (value: number) => value.toLocaleString("sv-SE").replace(/\u00a0/gu, " ");

  it("lists every limit with its value", () => {
    expect(table).toContain(`| Ett ärende (YAML) | ${formatBytes(LIMITS.caseBytes)} |`);
    expect(table).toContain(`| remiss.config.yaml | ${formatBytes(LIMITS.configBytes)} |`);
    expect(table).toContain(`| Ett dokument som \`init\` läser (\`--fran\`, \`--remissbrev\`) | ${formatBytes(LIMITS.sourceBytes)} |`);
    expect(table).toContain(`| Ett utkast som \`check\` läser (Markdown) | ${formatBytes(LIMITS.markdownBytes)} |`);
    expect(table).toContain(
      `| Ett Word-dokument som \`check\` läser | ${formatBytes(LIMITS.docxBytes)} på disk, högst ${number(LIMITS.docxEntries)} delar i zip-filen, högst ${formatBytes(LIMITS.docxPartBytes)} per uppackad del (\`word/document.xml\` m.fl.), högst ${number(LIMITS.docxParagraphs)} stycken |`,
    );
    expect(table).toContain(`| En text i ett ärende (t.ex. \`synpunkter\`) | ${number(LIMITS.fieldChars)} tecken |`);
    expect(table).toContain(`| Punkter i en lista i YAML (t.ex. \`yrkanden\`) | ${number(LIMITS.yamlListItems)} |`);
    expect(table).toContain(`| Ärendets text med alias (\`*namn\`) utskrivna | ${number(LIMITS.expandedChars)} tecken |`);
    expect(table).toContain(`| Listpunkter i en Markdown-text | ${number(LIMITS.markdownListItems)} |`);
    expect(table).toContain(`| Nivåer inuti varandra i YAML (listor och grupper) | ${LIMITS.yamlDepth} (ett ärende använder 4) |`);
    expect(table).toContain(`| Citat och listor inuti varandra i Markdown | ${LIMITS.markdownDepth} nivåer |`);
    expect(table).toContain(`| Hakparenteser \`[\` (länkar, fotnoter) | ${LIMITS.markdownBrackets} i ett stycke, ${number(LIMITS.markdownBracketsTotal)} i en text |`);
  });

  it("has one row per limit", () => {
    expect(table.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| Vad"))).toHaveLength(12);
  });
});
