import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, ROOT, checkJson, exitAfterCtrlC, hasStackTrace, runCli } from "../support/cli.js";

/**
 * Issue 13, "Nothing lost, nothing hangs, nothing crashes": each case the
 * issue found broken, run through the real CLI with the fixture that
 * reproduces it (fixtures/robusthet/, or built here when it is binary or
 * large). Cases tested elsewhere: a case named arende.md and two cases with
 * one output (folders.test.ts), nested __proto__ and constructor
 * (conventions.test.ts), a FIFO, /dev/zero and a 248-character name
 * (special-files.test.ts), EPIPE (conventions.test.ts), control characters
 * (characters.test.ts).
 */
const ROBUST = join(ROOT, "fixtures", "robusthet");
const MINIMAL = readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-robust-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fixture(name: string, as = name): string {
  copyFileSync(join(ROBUST, name), join(dir, as));
  return as;
}

describe("nothing lost", () => {
  it("replaces a case's .md and .docx together or not at all: when the .docx cannot be written, the earlier .md stays", () => {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    expect(runCli(["draft", "arende.yaml"], { cwd: dir }).code).toBe(0);
    const earlier = readFileSync(join(dir, "arende.md"));
    rmSync(join(dir, "arende.docx"));
    // A folder where the Word document should go: its rename fails after the Markdown's has succeeded.
    mkdirSync(join(dir, "arende.docx"));
    writeFileSync(join(dir, "arende.docx", "kvar.txt"), "x");
    writeFileSync(join(dir, "arende.yaml"), MINIMAL.replace("Förvaltningen ser positivt på förslaget.", "Förvaltningen tillstyrker."));
    const result = runCli(["draft", "arende.yaml"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("arende.docx: kunde inte skrivas, eftersom det finns en mapp med samma namn. Ingen fil skrevs över.\n");
    expect(readFileSync(join(dir, "arende.md"))).toEqual(earlier);
    expect(readdirSync(dir).sort()).toEqual(["arende.docx", "arende.md", "arende.yaml"]);
  });

  it("leaves no second file behind when it writes a new pair over an old one", () => {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    expect(runCli(["draft", "arende.yaml"], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, "arende.yaml"), MINIMAL.replace("Förvaltningen ser positivt på förslaget.", "Förvaltningen tillstyrker."));
    expect(runCli(["draft", "arende.yaml"], { cwd: dir }).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["arende.docx", "arende.md", "arende.yaml"]);
    expect(readFileSync(join(dir, "arende.md"), "utf8")).toContain("Förvaltningen tillstyrker.");
  });
});

describe("prototype keys", () => {
  it("refuses __proto__ at the top of a case, in draft and check alike", () => {
    const file = fixture("proto-overst.yaml");
    const draft = runCli(["draft", file], { cwd: dir });
    expect(draft.code).toBe(1);
    expect(draft.stderr).toContain("proto-overst.yaml:2:1: fel: Okänd nyckel ”__proto__”.");
    const check = checkJson([file], dir);
    expect(check.code).toBe(1);
    expect(check.findings.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(["2:1 schema/okand-nyckel"]);
  });

  it("does not count synpunkter standing under __proto__: draft and check both say it is missing", () => {
    const file = fixture("proto-synpunkter.yaml");
    const draft = runCli(["draft", file], { cwd: dir });
    expect(draft.code).toBe(1);
    const check = checkJson([file], dir);
    expect(check.code).toBe(1);
    const rules = check.findings.map((f) => f.rule);
    expect(rules).toEqual(["schema/saknas", "schema/okand-nyckel"]);
    for (const finding of check.findings) expect(draft.stderr).toContain(`${finding.line}:${finding.column}: fel: ${finding.message}`);
  });
});

describe("the document's own markers and headings", () => {
  it("refuses <!-- underskrifter --> and <!-- avslutning --> typed in a text field, each at its line", () => {
    const file = fixture("markor-i-text.yaml");
    const draft = runCli(["draft", file], { cwd: dir });
    expect(draft.code).toBe(1);
    expect(readdirSync(dir)).toEqual([file]);
    const check = checkJson([file], dir);
    expect(check.findings.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(["22:3 schema/html", "24:3 schema/html"]);
  });

  it("refuses a level-2 heading in a block quote in draft, and check finds one in a Markdown draft too", () => {
    const file = fixture("rubrik-i-citat.yaml");
    const draft = runCli(["draft", file], { cwd: dir });
    expect(draft.code).toBe(1);
    expect(draft.stderr).toContain("rubrik-i-citat.yaml:22:5: fel: Rubriker på nivå 2 är förbehållna dokumentets egna avsnitt.");
    // The same text put into a drafted Markdown file by hand.
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir });
    const markdown = readFileSync(join(dir, "arende.md"), "utf8").replace("Förvaltningen delar skribentens bild.\n", "Förvaltningen delar skribentens bild.\n\n> ## Rubrik\n\n- ## I en lista\n");
    writeFileSync(join(dir, "utkast.md"), markdown);
    const check = checkJson(["utkast.md"], dir);
    expect(check.code).toBe(1);
    const lines = markdown.split("\n");
    expect(check.findings.map((f) => [f.rule, lines[f.line - 1]!.slice(f.column - 1)])).toEqual([
      ["struktur/rubrikniva", "## Rubrik"],
      ["struktur/rubrikniva", "## I en lista"],
    ]);
  });
});

describe("nesting that once ran out of stack", () => {
  it("refuses YAML and Markdown nested too deep at their line, and drafts the other files of the batch", () => {
    const yamlFile = fixture("djup-yaml.yaml");
    const markdownFile = fixture("djup-markdown.yaml");
    writeFileSync(join(dir, "ok.yaml"), MINIMAL);
    const draft = runCli(["draft", yamlFile, markdownFile, "ok.yaml"], { cwd: dir });
    expect(hasStackTrace(draft.stderr)).toBe(false);
    expect(draft.code).toBe(1);
    expect(draft.stderr).toContain("djup-yaml.yaml:29:19: fel: Värdet ligger mer än 16 nivåer in");
    expect(draft.stderr).toContain("djup-markdown.yaml:22:3: fel: Raden har citat och listor i mer än 16 nivåer inuti varandra");
    expect(draft.stdout).toBe("Skrev ok.md och ok.docx\n");
    const check = checkJson([yamlFile, markdownFile, "ok.yaml"], dir);
    expect(check.findings.filter((f) => f.severity === "error").map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      "djup-markdown.yaml:22:3 markdown/djup",
      "djup-yaml.yaml:29:19 yaml/djup",
    ]);
  });

  it("refuses thousands of levels, deterministically, in the same place for draft and check", () => {
    writeFileSync(join(dir, "tusen.yaml"), `${MINIMAL}bilagor: ${"[".repeat(5000)}${"]".repeat(5000)}\n`);
    writeFileSync(join(dir, "lista.yaml"), MINIMAL.replace("Förvaltningen delar skribentens bild.\n", `Förvaltningen delar skribentens bild.\n\n  ${"- ".repeat(10_000)}x\n`));
    writeFileSync(join(dir, "utkast.md"), `# Titel\n\n${"> ".repeat(20_000)}x\n`);
    const draft = runCli(["draft", "tusen.yaml", "lista.yaml"], { cwd: dir });
    expect(hasStackTrace(draft.stderr)).toBe(false);
    const check = checkJson(["tusen.yaml", "lista.yaml", "utkast.md"], dir);
    const errors = check.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      "lista.yaml:22:3 markdown/djup",
      "tusen.yaml:28:25 yaml/djup",
      "utkast.md:3:1 markdown/djup",
    ]);
    for (const error of errors.filter((e) => e.file !== "utkast.md")) expect(draft.stderr).toContain(`${error.file}:${error.line}:${error.column}: fel: `);
  });

  it("goes on watching after a file nested too deep", async () => {
    fixture("djup-markdown.yaml");
    writeFileSync(join(dir, "ok.yaml"), MINIMAL);
    const child = spawn(process.execPath, [BIN, "draft", "--watch", "--format", "md", "."], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + 25_000;
    while (!stderr.includes("Bevakar ändringar") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const code = await exitAfterCtrlC(child);
    expect(stderr).toContain("djup-markdown.yaml:22:3: fel:");
    expect(stderr).toContain("Bevakar ändringar");
    expect(hasStackTrace(stderr)).toBe(false);
    expect(stdout).toBe(`Skrev ${join(".", "ok.md")}\n`);
    expect(code).toBe(0);
  }, 60_000);
});

describe("hostile Word documents in check", () => {
  /** The minimal case's DOCX, with its parts changed. */
  function docxWith(change: (parts: Record<string, Uint8Array>) => void): Uint8Array {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    runCli(["draft", "arende.yaml", "--format", "docx"], { cwd: dir });
    const parts = unzipSync(readFileSync(join(dir, "arende.docx")));
    change(parts);
    return zipSync(parts, { level: 9 });
  }

  it("refuses a small DOCX whose document.xml inflates to 16 MB, at once, and checks the next file", () => {
    const bomb = docxWith((parts) => {
      parts["word/document.xml"] = strToU8(`<w:document xmlns:w="w"><w:body>${"<w:p/>".repeat(16 * 1024 * 1024 / 6)}</w:body></w:document>`);
    });
    expect(bomb.length).toBeLessThan(100_000);
    writeFileSync(join(dir, "bomb.docx"), bomb);
    const check = checkJson(["bomb.docx", "arende.yaml"], dir);
    // A damaged document cannot be read: exit 2, as the README says.
    expect(check.code).toBe(2);
    expect(check.findings[0]).toEqual({
      file: "bomb.docx",
      line: 0,
      column: 0,
      severity: "error",
      rule: "fil/docx",
      message: "Word-dokumentets del word/document.xml är 16 MB uppackad; remiss läser högst 8 MB per del, långt mer än ett tjänsteutlåtande behöver.",
    });
    expect(check.findings.filter((f) => f.file === "arende.yaml" && f.severity === "error")).toEqual([]);
  });

  it("stops inflating a part that is larger than the zip says", () => {
    const honest = docxWith((parts) => {
      parts["word/document.xml"] = strToU8(`<w:document xmlns:w="w"><w:body>${"<w:p/>".repeat(1_000_000)}</w:body></w:document>`);
    });
    // The central directory's uncompressed size of document.xml, made small.
    const view = new DataView(honest.buffer, honest.byteOffset, honest.byteLength);
    for (let at = 0; at + 46 < honest.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(at + 28, true);
      if (new TextDecoder().decode(honest.subarray(at + 46, at + 46 + nameLength)) === "word/document.xml") view.setUint32(at + 24, 1000, true);
    }
    writeFileSync(join(dir, "liten.docx"), honest);
    const check = checkJson(["liten.docx"], dir);
    expect(check.code).toBe(2);
    expect(check.findings.map((f) => f.message)).toEqual([
      "Word-dokumentets del word/document.xml är större uppackad än filen själv uppger; filen är skadad eller gjord för att fylla minnet. Öppna den i Word och spara den på nytt som Word-dokument (.docx).",
    ]);
  });

  it("refuses a DOCX of more than 1,000 entries and one of more than 50,000 paragraphs", () => {
    const crowded = docxWith((parts) => {
      for (let i = 0; i < 1001; i++) parts[`word/media/x${i}.txt`] = strToU8("x");
    });
    writeFileSync(join(dir, "trangt.docx"), crowded);
    const paragraphs = docxWith((parts) => {
      parts["word/document.xml"] = strToU8(`<w:document xmlns:w="w"><w:body>${"<w:p/>".repeat(50_001)}</w:body></w:document>`);
    });
    writeFileSync(join(dir, "stycken.docx"), paragraphs);
    const check = checkJson(["stycken.docx", "trangt.docx"], dir);
    expect(check.findings.map((f) => `${f.file} ${f.message}`)).toEqual([
      "stycken.docx Word-dokumentet har 50 001 stycken; remiss granskar högst 50 000, långt mer än ett tjänsteutlåtande har.",
      "trangt.docx Filen har 1 022 delar; ett Word-dokument har ett tjugotal och får ha högst 1 000.",
    ]);
  });
});

describe("files that are not what they seem", () => {
  it("refuses a link that points at itself, in draft and check, and goes on with the others", () => {
    symlinkSync("slinga.yaml", join(dir, "slinga.yaml"));
    writeFileSync(join(dir, "ok.yaml"), MINIMAL);
    const draft = runCli(["draft", "slinga.yaml", "ok.yaml"], { cwd: dir });
    expect(draft.code).toBe(2);
    expect(draft.stderr).toContain("slinga.yaml: filen går inte att läsa; den är en länk som pekar på sig själv.");
    expect(draft.stdout).toBe("Skrev ok.md och ok.docx\n");
    const check = checkJson(["slinga.yaml", "ok.yaml"], dir);
    expect(check.findings[0]).toMatchObject({ file: "slinga.yaml", rule: "fil/olasbar", message: "Filen går inte att läsa (den är en länk som pekar på sig själv)." });
  });

  it("refuses a case larger than 1 MB before reading it", () => {
    writeFileSync(join(dir, "stor.yaml"), `${MINIMAL}# ${"x".repeat(1024 * 1024)}\n`);
    const draft = runCli(["draft", "stor.yaml"], { cwd: dir });
    expect(draft.code).toBe(2);
    expect(draft.stderr).toBe("stor.yaml: filen är 1 MB, men ett ärende får vara högst 1 MB. Kontrollera att det är rätt fil; dela annars upp texten.\n");
    const check = checkJson(["stor.yaml"], dir);
    expect(check.findings).toEqual([expect.objectContaining({ rule: "fil/storlek" })]);
  });
});

describe("promises", () => {
  it("check takes the letterhead and signatories from remiss.config.yaml, as draft does", () => {
    const letterhead = "forvaltning:\n  namn: Farsta stadsdelsförvaltning\n  namnd: Farsta stadsdelsnämnd\n";
    const signatories = "underskrifter:\n  - namn: Eva Ek\n    titel: Stadsdelsdirektör\n";
    writeFileSync(join(dir, "remiss.config.yaml"), `${letterhead}${signatories}`);
    writeFileSync(join(dir, "arende.yaml"), MINIMAL.replace(letterhead, "").replace(signatories, ""));
    expect(runCli(["draft", "arende.yaml"], { cwd: dir }).code).toBe(0);
    const check = checkJson(["arende.yaml"], dir);
    expect(check.code).toBe(0);
    expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("gives the same DOCX bytes tomorrow for a case without datum and without SOURCE_DATE_EPOCH", () => {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    // A clock a day and a half ahead, for the second run only.
    writeFileSync(join(dir, "imorgon.mjs"), "const shift = 36 * 3600 * 1000; const RealDate = Date; globalThis.Date = class extends RealDate { constructor(...a) { super(...(a.length ? a : [RealDate.now() + shift])); } static now() { return RealDate.now() + shift; } };\n");
    const env = { SOURCE_DATE_EPOCH: "" };
    expect(runCli(["draft", "arende.yaml", "-o", "idag"], { cwd: dir, env }).code).toBe(0);
    expect(runCli(["draft", "arende.yaml", "-o", "imorgon"], { cwd: dir, env: { ...env, NODE_OPTIONS: "--import=./imorgon.mjs" } }).code).toBe(0);
    expect(readFileSync(join(dir, "imorgon", "arende.docx")).equals(readFileSync(join(dir, "idag", "arende.docx")))).toBe(true);
    expect(readFileSync(join(dir, "imorgon", "arende.md"), "utf8")).toBe(readFileSync(join(dir, "idag", "arende.md"), "utf8"));
  });
});
