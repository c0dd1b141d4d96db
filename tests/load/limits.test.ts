import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/check/readers/docx.js";
import { readMarkdown } from "../../src/check/readers/markdown.js";
import { capPerRule, MAX_FINDINGS_PER_RULE, type Finding } from "../../src/diagnostics.js";
import { loadCaseText } from "../../src/load/index.js";
import { markdownShapeProblem } from "../../src/load/markdown-limits.js";
import { LIMITS } from "../../src/model/limits.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { ROOT } from "../support/cli.js";

/**
 * Every documented limit (src/model/limits.ts, README "Gränser") at the
 * limit, where the input is taken, and one step over it, where it is a
 * Swedish error with its rule. File sizes, read before parsing, are tried
 * through the CLI in tests/cli/robustness.test.ts and hostile.test.ts.
 */
const MINIMAL = readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8");
const SYNPUNKTER = "synpunkter: |\n  Förvaltningen delar skribentens bild.\n";

function withSynpunkter(markdown: string): string {
  return MINIMAL.replace(SYNPUNKTER, `synpunkter: |\n${markdown.split("\n").map((line) => (line ? `  ${line}` : "")).join("\n")}\n`);
}

/** The rules of the errors loading gives, in order. */
function errorRules(yaml: string): string[] {
  return loadCaseText(yaml, "arende.yaml").diagnostics.filter((d) => d.severity === "error").map((d) => d.rule);
}

describe("YAML limits", () => {
  it("nesting: 16 levels are read, 17 are yaml/djup", () => {
    // The file (1), bilagor (2) and N lists inside each other.
    const nested = (levels: number) => `${MINIMAL}bilagor:\n  - ${"[".repeat(levels - 2)}x${"]".repeat(levels - 2)}\n`;
    expect(errorRules(nested(LIMITS.yamlDepth)).filter((rule) => rule.startsWith("yaml/"))).toEqual([]);
    expect(errorRules(nested(LIMITS.yamlDepth + 1))).toEqual(["yaml/djup"]);
  });

  it("a text: 200,000 characters are read, one more is yaml/storlek", () => {
    const text = (length: number) => MINIMAL.replace(SYNPUNKTER, `synpunkter: "${"a".repeat(length)}"\n`);
    expect(errorRules(text(LIMITS.fieldChars))).toEqual([]);
    expect(errorRules(text(LIMITS.fieldChars + 1))).toEqual(["yaml/storlek"]);
  });

  it("a list: 1,000 items are read, 1,001 are yaml/storlek", () => {
    const list = (items: number) => `${MINIMAL}bilagor:\n${"  - Bilaga.\n".repeat(items)}`;
    expect(errorRules(list(LIMITS.yamlListItems))).toEqual([]);
    expect(errorRules(list(LIMITS.yamlListItems + 1))).toEqual(["yaml/storlek"]);
  });

  it("aliases: counted by what they expand to, up to 2,000,000 characters", () => {
    const base = MINIMAL.length - "Förvaltningen delar skribentens bild.\n".length;
    const aliased = (total: number) => {
      const copies = 19;
      // The anchored text once plus nineteen copies, with the rest of the case, add up to `total`.
      const length = Math.floor((total - base) / (copies + 1));
      return `${MINIMAL.replace(SYNPUNKTER, `synpunkter: &t "${"a".repeat(length)}"\n`)}bilagor: [${Array(copies).fill("*t").join(", ")}]\n`;
    };
    const size = (yaml: string) => {
      const loaded = loadCaseText(yaml, "arende.yaml");
      const strings: string[] = [];
      const walk = (value: unknown) => {
        if (typeof value === "string") strings.push(value);
        else if (value && typeof value === "object") Object.values(value).forEach(walk);
      };
      walk(loaded.data);
      return strings.join("").length;
    };
    const under = aliased(LIMITS.expandedChars - 2000);
    expect(size(under)).toBeLessThanOrEqual(LIMITS.expandedChars);
    expect(errorRules(under)).toEqual([]);
    expect(errorRules(aliased(LIMITS.expandedChars + 20_000))).toEqual(["yaml/alias"]);
  });
});

describe("Markdown limits", () => {
  it("nesting: 16 quotes inside each other are read, 17 are markdown/djup", () => {
    expect(markdownShapeProblem(`${"> ".repeat(LIMITS.markdownDepth)}x`)).toBeUndefined();
    expect(markdownShapeProblem(`${"> ".repeat(LIMITS.markdownDepth + 1)}x`)?.rule).toBe("markdown/djup");
    // Indentation counts as well: a list item 15 levels in (30 spaces) is level 16.
    expect(markdownShapeProblem(`${" ".repeat(2 * (LIMITS.markdownDepth - 1))}- x`)).toBeUndefined();
    expect(markdownShapeProblem(`${" ".repeat(2 * LIMITS.markdownDepth)}- x`)?.rule).toBe("markdown/djup");
  });

  it("brackets: 100 in a paragraph and 5,000 in a text are read, one more is markdown/hakparenteser", () => {
    const paragraph = (n: number) => `${"[x]".repeat(n)}\n\n`;
    expect(markdownShapeProblem(paragraph(LIMITS.markdownBrackets))).toBeUndefined();
    expect(markdownShapeProblem(paragraph(LIMITS.markdownBrackets + 1))?.rule).toBe("markdown/hakparenteser");
    const paragraphs = LIMITS.markdownBracketsTotal / LIMITS.markdownBrackets;
    expect(markdownShapeProblem(paragraph(LIMITS.markdownBrackets).repeat(paragraphs))).toBeUndefined();
    expect(markdownShapeProblem(`${paragraph(LIMITS.markdownBrackets).repeat(paragraphs)}[x]`)?.rule).toBe("markdown/hakparenteser");
  });

  it("list items: 2,000 are read, 2,001 are markdown/listpunkter", () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `- punkt ${i}`).join("\n");
    expect(markdownShapeProblem(list(LIMITS.markdownListItems))).toBeUndefined();
    expect(markdownShapeProblem(list(LIMITS.markdownListItems + 1))?.rule).toBe("markdown/listpunkter");
  });

  it("a case's Markdown field and a draft for check are held to the same limits", () => {
    expect(errorRules(withSynpunkter(`${"> ".repeat(LIMITS.markdownDepth + 1)}x`))).toEqual(["markdown/djup"]);
    expect(readMarkdown(`# T\n\n${"> ".repeat(LIMITS.markdownDepth + 1)}x\n`).findings.map((f) => f.rule)).toEqual(["markdown/djup"]);
  });
});

describe("DOCX limits in check", () => {
  async function docxWith(documentXml: string, extra: Record<string, Uint8Array> = {}): Promise<Uint8Array> {
    const parts = unzipSync(await renderDocx("# Rubrik\n\nText.\n"));
    parts["word/document.xml"] = strToU8(documentXml);
    return zipSync({ ...parts, ...extra });
  }
  const body = (paragraphs: number) => `<w:document xmlns:w="w"><w:body>${"<w:p/>".repeat(paragraphs)}</w:body></w:document>`;

  it("paragraphs: 50,000 are read, 50,001 are refused", async () => {
    expect(readDocx(await docxWith(body(LIMITS.docxParagraphs))).findings).toEqual([]);
    expect(readDocx(await docxWith(body(LIMITS.docxParagraphs + 1))).findings.map((f) => f.message)).toEqual([
      "Word-dokumentet har 50 001 stycken; remiss granskar högst 50 000, långt mer än ett tjänsteutlåtande har.",
    ]);
  });

  it("a part: 8 MB inflated is read, one byte more is refused", async () => {
    const padded = (size: number) => {
      const xml = body(1);
      return xml.replace("<w:body>", `<w:body><!--${"x".repeat(size - xml.length - 7)}-->`);
    };
    expect(padded(LIMITS.docxPartBytes).length).toBe(LIMITS.docxPartBytes);
    expect(readDocx(await docxWith(padded(LIMITS.docxPartBytes))).findings).toEqual([]);
    expect(readDocx(await docxWith(padded(LIMITS.docxPartBytes + 1))).findings.map((f) => f.rule)).toEqual(["fil/docx"]);
  });

  it("entries: 1,000 are read, 1,001 are refused", async () => {
    const count = Object.keys(unzipSync(await docxWith(body(1)))).length;
    const media = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`word/media/x${i}.bin`, strToU8("x")]));
    expect(readDocx(await docxWith(body(1), media(LIMITS.docxEntries - count))).findings).toEqual([]);
    expect(readDocx(await docxWith(body(1), media(LIMITS.docxEntries - count + 1))).findings.map((f) => f.message)).toEqual([
      "Filen har 1 001 delar; ett Word-dokument har ett tjugotal och får ha högst 1 000.",
    ]);
  });
});

describe("findings per rule", () => {
  it("keeps 100 of a rule and sums up the rest, other rules untouched", () => {
    const finding = (rule: string, line: number): Finding => ({ line, column: 1, severity: "error", rule, message: `${rule} ${line}` });
    const many = [...Array.from({ length: 250 }, (_, i) => finding("a", i + 1)), finding("b", 300)];
    const capped = capPerRule(many);
    expect(capped).toHaveLength(MAX_FINDINGS_PER_RULE + 2);
    expect(capped[MAX_FINDINGS_PER_RULE]).toEqual({ ...finding("a", 101), message: "… och 150 till av samma slag (a) i filen. Rätta de första och kör igen." });
    expect(capped.at(-1)).toEqual(finding("b", 300));
    expect(capPerRule(many.slice(0, 100))).toEqual(many.slice(0, 100));
  });
});
