import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROOT, checkJson, hasStackTrace, runCli } from "../support/cli.js";

/**
 * Issue 22, "check lets through what it exists to stop": each hole, run
 * through the real CLI on files built here from the minimal fixture.
 */
const MINIMAL = readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-gate-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Drafts a case in the test's folder; the draft must succeed. */
function draft(file: string, ...args: string[]): void {
  const result = runCli(["draft", file, ...args], { cwd: dir });
  expect(hasStackTrace(result.stderr)).toBe(false);
  expect(result.code, result.stderr).toBe(0);
}

/** The bytes with every occurrence of one name replaced by another of the same length (in local headers and the central directory). */
function renameEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  expect(to.length).toBe(from.length);
  const bytes = Buffer.from(zip);
  const needle = Buffer.from(from, "latin1");
  let at = bytes.indexOf(needle);
  expect(at).toBeGreaterThan(-1);
  for (; at !== -1; at = bytes.indexOf(needle, at + 1)) bytes.write(to, at, "latin1");
  return new Uint8Array(bytes);
}

describe("a zip whose entries are not one file each", () => {
  const names: [string, string][] = [
    ["twice", "word/document.xml"],
    ["case", "WORD/DOCUMENT.XML"],
    ["dotdot", "word/../notes.xml"],
    ["absolute", "/word/endnote.xml"],
  ];

  it("is refused as damaged by check and by init --fran, whichever entry a program would read", () => {
    writeFileSync(join(dir, "a.yaml"), MINIMAL);
    draft("a.yaml", "--format", "docx");
    const docx = new Uint8Array(readFileSync(join(dir, "a.docx")));
    // word/endnotes.xml has as many characters as word/document.xml: the entry renamed, nothing else moves.
    const variants = names.map(([label, name]) => {
      writeFileSync(join(dir, `${label}.docx`), renameEntry(docx, "word/endnotes.xml", name));
      return `${label}.docx`;
    });
    const check = checkJson(variants, dir);
    expect(check.code).toBe(1);
    expect(check.findings.map((f) => `${f.file} ${f.rule} ${f.message.split(":")[0]}`)).toEqual(
      variants.map((file) => `${file} fil/docx Filen går inte att öppna som Word-dokument`).sort(),
    );
    for (const file of variants) {
      const result = runCli(["init", `${file}.yaml`, "--fran", file], { cwd: dir });
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^${file}: filen går inte att öppna som Word-dokument: den är skadad`, "u"));
    }
  });
});
