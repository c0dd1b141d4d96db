import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.js";

/**
 * The text rules measure the same text in every format: a case's section is
 * measured as its draft shows it, the sentences remiss writes (the
 * introduction of Sammanfattning, the att-satser under Ärendet) included.
 * So YAML, Markdown and DOCX agree to the decimal on the reference.
 */
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-same-text-"));
  for (const folder of ["arende", "utkast"]) {
    mkdirSync(join(dir, folder));
    // LIX 0 and one word a sentence: every section and every sentence is reported, with its value.
    writeFileSync(join(dir, folder, "remiss.config.yaml"), "check:\n  lix: 0\n  meningslangd: 1\n");
  }
  copyFileSync(join(ROOT, "fixtures", "sodermalm-ks-2025-804.yaml"), join(dir, "arende", "ref.yaml"));
  expect(runCli(["draft", "arende/ref.yaml", "-o", "utkast"], { cwd: dir }).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Section → LIX, and the sentence lengths in order, as one format's findings say them. */
function measures(file: string): { lix: Map<string, string>; sentences: string[] } {
  const findings = JSON.parse(runCli(["check", file, "--format", "json"], { cwd: dir }).stdout) as { rule: string; message: string }[];
  const lix = new Map<string, string>();
  for (const f of findings.filter((f) => f.rule === "text/lix")) {
    const match = /Avsnittet (”[^”]+”).* har LIX ([\d,]+),/u.exec(f.message)!;
    lix.set(match[1]!, match[2]!);
  }
  const sentences = findings.filter((f) => f.rule === "text/lang-mening").map((f) => /har (\d+) ord/u.exec(f.message)![1]!);
  return { lix, sentences };
}

describe("the text rules in YAML, Markdown and DOCX", () => {
  it("give every section of the reference the same LIX, to the decimal", () => {
    const yaml = measures("arende/ref.yaml");
    const markdown = measures("utkast/ref.md");
    const docx = measures("utkast/ref.docx");
    expect(yaml.lix.size).toBe(5);
    expect(Object.fromEntries(yaml.lix)).toEqual(Object.fromEntries(markdown.lix));
    expect(Object.fromEntries(docx.lix)).toEqual(Object.fromEntries(markdown.lix));
    expect(yaml.lix.get("”Sammanfattning”")).toBe("61,6");
  });

  it("count the same sentences with the same lengths", () => {
    const markdown = measures("utkast/ref.md").sentences;
    expect(measures("arende/ref.yaml").sentences.slice().sort()).toEqual(markdown.slice().sort());
    expect(measures("utkast/ref.docx").sentences.slice().sort()).toEqual(markdown.slice().sort());
  });
});
