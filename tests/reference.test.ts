import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SECTIONS } from "../src/model/sections.js";
import { runCli } from "./support/cli.js";
import { allParagraphs, bodyBlocks } from "./render/docx/docx-reader.js";

/**
 * The yardstick: the published Södermalm tjänsteutlåtande (KS 2025/804). The
 * fixture drafted by the real CLI must contain every heading and every
 * sentence of it, word for word and in order, in the Markdown and in the DOCX.
 */
const REFERENCE = readFileSync(new URL("../fixtures/sodermalm-ks-2025-804.reference.txt", import.meta.url), "utf8");
const HEADINGS = new Set<string>(SECTIONS.map((s) => s.heading));

interface Expected {
  headings: string[];
  sentences: string[];
  signatories: string[];
}

/** Reads the extracted reference text: headings, and the sentences of the body between them. */
function readReference(text: string): Expected {
  const lines = text.split("\n").map((l) => l.replace(/\s+$/, "").trim());
  const start = lines.findIndex((l) => l.startsWith("Motion angående"));
  const signatures = lines.findIndex((l) => l.startsWith("Snorre Berglund"));
  const headings: string[] = [];
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    // A word hyphenated at a line end ("Bob-" / "strukturen") is one word; "barn- och unga" is not.
    if (current.length) paragraphs.push(current.reduce((text, line) => (/\p{L}-$/u.test(text) && !/^(och|eller|samt) /.test(line) ? text + line : `${text} ${line}`)));
    current = [];
  };
  for (const line of [...lines.slice(start, signatures), ...lines.slice(lines.indexOf("Bilagor"))]) {
    if (HEADINGS.has(line)) {
      flush();
      headings.push(line);
    } else if (line === "" || line.startsWith("•") || line.startsWith("Remiss från") || /^\d+\. /.test(line)) {
      flush();
      if (line) current.push(line.replace(/^•\s*/, ""));
      if (line.startsWith("Remiss från") || /^\d+\. /.test(line)) flush();
    } else {
      current.push(line);
    }
  }
  flush();
  // The title stands on two lines in the extract, and comes out as one sentence.
  const sentences = paragraphs.flatMap((p) => p.replace(/^\d+\. /, "").split(/(?<=[.!?:])\s+(?=[\p{Lu}])/u)).map((s) => s.trim());
  const signatories = ["Snorre Berglund", "Maria Klemets Hellberg", "Stadsdelsdirektör", "Avdelningschef"];
  return { headings, sentences: sentences.filter(Boolean), signatories };
}

/** Asserts that each needle stands in the haystack after the previous one. */
function expectInOrder(haystack: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    expect(at, `not found after position ${from}: “${needle}”`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

const expected = readReference(REFERENCE);
const out = mkdtempSync(join(tmpdir(), "remiss-reference-"));
const drafted = runCli(["draft", "fixtures/sodermalm-ks-2025-804.yaml", "--out-dir", out]);

describe("the reference document KS 2025/804", () => {
  it("reads the reference extract into headings and sentences", () => {
    expect(expected.headings).toEqual([...SECTIONS.map((s) => s.heading)]);
    expect(expected.sentences).toHaveLength(45);
    expect(expected.sentences).toContain("Motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga");
    expect(expected.sentences).toContain("Motionen.");
  });

  it("drafts the fixture without problems", () => {
    expect(drafted.stderr).toBe("");
    expect(drafted.code).toBe(0);
  });

  it("has every heading of the reference, in order, in the Markdown", () => {
    const markdown = readFileSync(join(out, "sodermalm-ks-2025-804.md"), "utf8");
    const headings = markdown.split("\n").filter((l) => l.startsWith("## ")).map((l) => l.slice(3));
    expect(headings).toEqual(expected.headings);
  });

  it("has every sentence of the reference, word for word and in order, in the Markdown", () => {
    const markdown = readFileSync(join(out, "sodermalm-ks-2025-804.md"), "utf8");
    const body = markdown.slice(markdown.indexOf("\n# ")).replace(/\\\n/g, " ").replace(/\n(- |\d+\. )?/g, " ");
    expectInOrder(body, expected.sentences);
    expectInOrder(body, expected.signatories.slice(0, 2));
  });

  it("has every heading and sentence of the reference, in order, in the DOCX read back from the file", () => {
    const paragraphs = allParagraphs(bodyBlocks(readFileSync(join(out, "sodermalm-ks-2025-804.docx"))));
    const headings = paragraphs.filter((p) => p.style === "Heading2").map((p) => p.text);
    expect(headings).toEqual(expected.headings);
    const title = paragraphs.find((p) => p.style === "Heading1");
    expect(title?.text).toBe(expected.sentences[0]);
    const text = paragraphs.map((p) => p.text).join(" ").replace(/\s+/g, " ");
    expectInOrder(text, expected.sentences);
    for (const name of expected.signatories) expect(text).toContain(name);
  });
});
