import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hasStackTrace, ROOT, runCli } from "../support/cli.js";
import { docxFromDescription } from "./support/docx-fixture.js";
import { readExpected } from "./support/fixtures.js";

/**
 * `remiss check` as a user runs it: a new process on bin/remiss.js (built
 * by `npm test` before the tests), on the hand-edited fixtures that break
 * every section rule and leave a TODO, as Markdown and as a Word document.
 */
const MARKDOWN = "fixtures/check/alla/handredigerad.md";
const WARNINGS_ONLY = "fixtures/check/alla/bara-varningar.md";
let dir: string;
let docx: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "remiss-check-cli-"));
  docx = join(dir, "handredigerad.docx");
  writeFileSync(docx, await docxFromDescription(readFileSync(join(ROOT, "fixtures/check/alla/handredigerad.docx.txt"), "utf8")));
});

describe("remiss check", () => {
  it("fails a hand-edited Markdown file, naming each section and the TODO at its line", () => {
    const { code, stdout, stderr } = runCli(["check", MARKDOWN]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    const rows = stdout.split("\n").filter((line) => line.startsWith("  "));
    const expected = readExpected("alla/handredigerad.md");
    expect(expected.map((f) => f.rule)).toEqual([
      "sektion/saknas",
      "text/platshallare",
      "sektion/ordning",
      "sektion/tom",
      "sektion/dubblett",
    ]);
    expect(rows.map((row) => row.trim().split(/\s{2,}/u))).toEqual(
      expected.map((f) => [`${f.line}:${f.column}`, "fel", f.message, f.rule]),
    );
    expect(stdout.startsWith(`${MARKDOWN}\n`)).toBe(true);
    expect(stdout.endsWith("\n✖ 5 problem (5 fel, 0 varningar)\n")).toBe(true);
  });

  it("fails the same document as DOCX, at its paragraphs", () => {
    const { code, stdout } = runCli(["check", docx, "--format", "json"]);
    expect(code).toBe(1);
    const expected = readExpected("alla/handredigerad.docx.txt").map((f) => ({ file: docx, ...f }));
    expect(JSON.parse(stdout)).toEqual(expected);
    expect(expected.map((f) => [f.line, f.rule])).toEqual([
      [5, "sektion/saknas"],
      [8, "text/platshallare"],
      [9, "sektion/ordning"],
      [11, "sektion/tom"],
      [16, "sektion/dubblett"],
    ]);
    expect(expected.at(-1)!.message).toContain("finns redan i stycke 5.");
  });

  it("writes GitHub annotations", () => {
    const { code, stdout } = runCli(["check", MARKDOWN, "--format", "github"]);
    expect(code).toBe(1);
    const third = readExpected("alla/handredigerad.md")[2]!;
    expect(stdout.split("\n")[2]).toBe(`::error file=${MARKDOWN},line=26,col=1,title=sektion/ordning::${third.message}`);
    expect(third.line).toBe(26);
  });

  it("passes warnings, unless there are more than --max-warnings", () => {
    expect(runCli(["check", WARNINGS_ONLY]).code).toBe(0);
    const strict = runCli(["check", WARNINGS_ONLY, "--max-warnings", "0"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe("För många varningar: 2, men högst 0 tillåts (--max-warnings 0).\n");
    expect(runCli(["check", WARNINGS_ONLY, "--quiet"]).stdout).toBe("✔ Inga fel i 1 fil.\n");
  });

  it("exits 2 for a missing file and for a bad --format or --max-warnings, in Swedish, without a stack trace", () => {
    const missing = runCli(["check", "finns-inte.md"]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain("finns-inte.md\n  fel  Filen finns inte. Kontrollera namnet och mappen.  fil/saknas\n");
    const format = runCli(["check", MARKDOWN, "--format", "xml"]);
    expect(format).toEqual({ code: 2, stdout: "", stderr: "Okänt format ”xml” för --format. Välj stylish, json eller github.\n" });
    const max = runCli(["check", MARKDOWN, "--max-warnings", "många"]);
    expect(max.code).toBe(2);
    expect(max.stderr).toContain("--max-warnings ska vara ett heltal");
    for (const result of [missing, format, max]) expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  });

  it("finds no errors in what `remiss draft` writes, Markdown and DOCX", () => {
    const out = mkdtempSync(join(tmpdir(), "remiss-check-draft-"));
    const draft = runCli(["draft", join(ROOT, "fixtures/sodermalm-ks-2025-804.yaml"), "--out-dir", out]);
    expect(draft.code).toBe(0);
    const result = runCli(["check", out, "--quiet"]);
    expect(result).toEqual({ code: 0, stdout: "✔ Inga fel i 2 filer.\n", stderr: "" });
  });

  it("finds the placeholders that `remiss init` leaves for the writer", () => {
    const work = mkdtempSync(join(tmpdir(), "remiss-check-init-"));
    expect(runCli(["init"], { cwd: work }).code).toBe(0);
    const { code, stdout } = runCli(["check", "arende.yaml", "--format", "json"], { cwd: work });
    expect(code).toBe(1);
    const findings = JSON.parse(stdout) as { rule: string; line: number }[];
    expect(new Set(findings.map((d) => d.rule))).toEqual(new Set(["text/platshallare"]));
    // Every placeholder of the starter is found, on its own line.
    const starter = readFileSync(join(work, "arende.yaml"), "utf8").split("\n");
    const placeholderLines = starter.flatMap((line, i) => (/^[^#]*\[(Fyll i|Skriv) /u.test(line) ? [i + 1] : []));
    expect(placeholderLines.length).toBeGreaterThan(20);
    expect([...new Set(findings.map((d) => d.line))]).toEqual(placeholderLines);

    // The drafts made from the starter are stopped by the same placeholders, and nothing else.
    expect(runCli(["draft", "arende.yaml"], { cwd: work }).code).toBe(0);
    const drafts = runCli(["check", "arende.md", "arende.docx", "--format", "json"], { cwd: work });
    expect(drafts.code).toBe(1);
    const draftFindings = JSON.parse(drafts.stdout) as { file: string; rule: string }[];
    expect(new Set(draftFindings.map((d) => `${d.file} ${d.rule}`))).toEqual(new Set(["arende.md text/platshallare", "arende.docx text/platshallare"]));
  });
});
