import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROOT, checkJson, hasStackTrace, runCli } from "../support/cli.js";

/**
 * Issue 22, "The CLI, as eslint/prettier users expect it": `-` for standard
 * input, "Menade du …?" for a mistyped command or flag, usage errors that
 * say what there is, exit 2 for a file that cannot be read, and a starter
 * case that says nothing it was not told.
 */
const MINIMAL = readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-usage-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("- reads the case from standard input", () => {
  it("drafts it to standard output, and checks it", () => {
    const draft = runCli(["draft", "-"], { cwd: dir, input: MINIMAL });
    expect(draft.stderr).toBe("");
    expect(draft.code).toBe(0);
    expect(draft.stdout).toContain("# Motion om fler fritidsgårdar");
    expect(runCli(["draft", "-", "--stdout"], { cwd: dir, input: MINIMAL }).stdout).toBe(draft.stdout);
    const clean = runCli(["check", "-"], { cwd: dir, input: MINIMAL });
    expect(clean.code).toBe(0);
    const bad = runCli(["check", "-", "--format", "json"], { cwd: dir, input: MINIMAL.replace("Alva Berg", "Alva\u0007Berg") });
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.stdout) as { file: string; line: number; rule: string }[]).map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual(["-:12 schema/styrtecken"]);
  });
});

describe("mistakes on the command line", () => {
  it("suggests the command or flag meant", () => {
    const command = runCli(["drfat"]);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe("remiss: okänt kommando drfat. Menade du ”draft”? Kommandona är draft, check, lista, import, diff, init, templates och schema.\nSe remiss --help.\n");
    const flag = runCli(["draft", "--outdir", "ut", "a.yaml"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe("remiss: okänd flagga --outdir. Menade du ”--out-dir”?\nSe remiss draft --help.\n");
    expect(runCli(["check", "--quite", "a.yaml"]).stderr).toContain("Menade du ”--quiet”?");
  });

  it("exits 2 for help on a command that does not exist", () => {
    const help = runCli(["help", "okänt"]);
    expect(help.code).toBe(2);
    expect(help.stdout).toBe("");
    expect(help.stderr).toBe("remiss: okänt kommando okänt. Kommandona är draft, check, lista, import, diff, init, templates och schema.\nSe remiss --help.\n");
    expect(runCli(["help", "draft"]).code).toBe(0);
  });

  it("says what templates can do for a templates command that does not exist", () => {
    const result = runCli(["templates", "import", "x"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "remiss: okänt kommando import för templates. Menade du ”export”? templates har export: kopiera de inbyggda mallarna till en mapp, som början på förvaltningens egna.\nSe remiss templates --help.\n",
    );
  });

  it("refuses --stdout with a DOCX asked for, and writes nothing", () => {
    writeFileSync(join(dir, "a.yaml"), MINIMAL);
    const result = runCli(["draft", "a.yaml", "--stdout", "--format", "docx"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("--stdout skriver bara Markdown, inte docx. Ta bort --format, eller skriv filerna utan --stdout.\n");
    expect(runCli(["draft", "a.yaml", "--stdout", "--format", "md"], { cwd: dir }).code).toBe(0);
  });

  it("names the folder and the pattern it found no YAML files in", () => {
    mkdirSync(join(dir, "tom"));
    const result = runCli(["draft", "tom", "arenden/**/*.yaml"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "Inga YAML-filer hittades i mappen ”tom” och mönstret ”arenden/**/*.yaml” (draft läser *.yaml och *.yml utom remiss.config.yaml, också i undermappar). Ange en fil, t.ex. remiss draft arende.yaml.\n",
    );
  });
});

describe("a file that cannot be read exits 2, as the README says", () => {
  it("a damaged DOCX and a UTF-16 or binary case, in check and draft", () => {
    writeFileSync(join(dir, "trasig.docx"), "PK\u0003\u0004 inte en zip");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINIMAL, "utf16le")]);
    writeFileSync(join(dir, "unicode.yaml"), utf16);
    writeFileSync(join(dir, "binar.yaml"), Buffer.from([0x00, 0x01, 0x02]));
    for (const file of ["trasig.docx", "binar.yaml"]) {
      const check = checkJson([file], dir);
      expect(check.code, file).toBe(2);
      expect(check.findings.length, file).toBeGreaterThan(0);
    }
    // UTF-16 with its byte-order mark, as Notepad saves "Unicode", is read.
    expect(checkJson(["unicode.yaml"], dir).code).not.toBe(2);
    for (const file of ["unicode.yaml", "binar.yaml"]) {
      const draft = runCli(["draft", file], { cwd: dir });
      expect(hasStackTrace(draft.stderr)).toBe(false);
      // Either read (UTF-16 with its BOM) or refused as unreadable: never exit 1 for a file that could not be read.
      expect(draft.code, file).not.toBe(1);
    }
    expect(runCli(["draft", "binar.yaml"], { cwd: dir }).code).toBe(2);
  });
});

describe("init says nothing it was not told", () => {
  it("writes placeholders for the remittent and the kind of document, which check flags and draft still drafts", () => {
    expect(runCli(["init"], { cwd: dir }).code).toBe(0);
    const starter = readFileSync(join(dir, "arende.yaml"), "utf8");
    expect(starter).not.toMatch(/^\s*fran: Kommunstyrelsen/mu);
    expect(starter).not.toMatch(/^\s*typ: motion/mu);
    const lines = starter.split("\n");
    const fran = lines.findIndex((l) => /^\s+fran: "\[Fyll i/u.test(l)) + 1;
    const typ = lines.findIndex((l) => /^\s+typ: "\[Fyll i/u.test(l)) + 1;
    expect(fran).toBeGreaterThan(0);
    expect(typ).toBeGreaterThan(0);
    const check = checkJson(["arende.yaml"], dir);
    const flagged = check.findings.filter((d) => d.rule === "text/platshallare").map((d) => d.line);
    expect(flagged).toEqual(expect.arrayContaining([fran, typ]));
    expect(new Set(check.findings.map((d) => d.rule))).toEqual(new Set(["text/platshallare"]));
    expect(runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir }).code).toBe(0);
  });

  it("points the schema modeline at remiss as installed in the case's repo", () => {
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "kansli", private: true, devDependencies: { remiss: "^0.1.0" } }));
    mkdirSync(join(dir, "arenden"));
    expect(runCli(["init", "arenden/ny.yaml"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "arenden", "ny.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../node_modules/remiss/schema/remiss.schema.json");
  });
});
