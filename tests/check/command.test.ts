import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCheck, useColor } from "../../src/commands/check.js";
import { RemissError } from "../../src/errors.js";
import { docxFromDescription } from "./support/docx-fixture.js";
import { readExpected } from "./support/fixtures.js";
import { collectingIo } from "./support/io.js";

/** runCheck in-process, with the repository as working folder. */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BROKEN = "fixtures/check/alla/handredigerad.md";
const WARNINGS_ONLY = "fixtures/check/alla/bara-varningar.md";
const CLEAN = "fixtures/check/sektion/saknas/ok.md";

/** The width stylish pads messages to: the longest message of the fixture. */
function maxMessage(fixture: string): number {
  return Math.max(...readExpected(fixture.replace("fixtures/check/", "")).map((f) => f.message.length));
}

async function check(files: string[], options: Parameters<typeof runCheck>[1] = {}, cwd = ROOT) {
  const io = collectingIo(cwd);
  const code = await runCheck(files, options, io);
  return { code, stdout: io.out.join(""), stderr: io.err.join("") };
}

describe("runCheck", () => {
  it("exits 0 on a clean file and says so", async () => {
    expect(await check([CLEAN])).toEqual({ code: 0, stdout: "✔ Inga problem i 1 fil.\n", stderr: "" });
  });

  it("exits 1 on errors and reports them with file, line and rule", async () => {
    const { code, stdout, stderr } = await check([BROKEN]);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(stdout.split("\n")[0]).toBe(BROKEN);
    const first = readExpected("alla/handredigerad.md")[0]!;
    expect(stdout.split("\n")[1]).toBe(`  18:1  fel  ${first.message.padEnd(maxMessage(BROKEN))}  sektion/saknas`);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("✖ 5 problem (5 fel, 0 varningar)");
  });

  it("exits 0 on warnings alone, and 1 when they are more than --max-warnings", async () => {
    expect((await check([WARNINGS_ONLY])).code).toBe(0);
    expect((await check([WARNINGS_ONLY], { maxWarnings: "2" })).code).toBe(0);
    const over = await check([WARNINGS_ONLY], { maxWarnings: "1" });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe("För många varningar: 2, men högst 1 tillåts (--max-warnings 1).\n");
  });

  it("shows errors only with --quiet, but still counts the warnings against --max-warnings", async () => {
    const quiet = await check([WARNINGS_ONLY], { quiet: true });
    expect(quiet).toEqual({ code: 0, stdout: "✔ Inga fel i 1 fil.\n", stderr: "" });
    expect((await check([WARNINGS_ONLY], { quiet: true, maxWarnings: "0" })).code).toBe(1);
    const json = await check([BROKEN, WARNINGS_ONLY], { quiet: true, format: "json" });
    expect(JSON.parse(json.stdout).map((d: { severity: string }) => d.severity)).toEqual(Array(5).fill("error"));
  });

  it("writes json and github formats, sorted by file and line", async () => {
    const json = await check([WARNINGS_ONLY, BROKEN], { format: "json" });
    const list = JSON.parse(json.stdout) as { file: string; line: number; rule: string }[];
    expect(list.map((d) => [d.file, d.line])).toEqual([
      [WARNINGS_ONLY, 25],
      [WARNINGS_ONLY, 42],
      [BROKEN, 18],
      [BROKEN, 24],
      [BROKEN, 26],
      [BROKEN, 30],
      [BROKEN, 40],
    ]);
    const github = await check([BROKEN], { format: "GitHub" });
    expect(github.stdout.split("\n")[0]).toBe(
      `::error file=${BROKEN},line=18,col=1,title=sektion/saknas::${readExpected("alla/handredigerad.md")[0]!.message}`,
    );
  });

  it("reports a missing file as a finding and exits 2, after checking the others", async () => {
    const { code, stdout } = await check([BROKEN, "finns-inte.md"], { format: "json" });
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toContainEqual({
      file: "finns-inte.md",
      line: 0,
      column: 0,
      severity: "error",
      rule: "fil/saknas",
      message: "Filen finns inte. Kontrollera namnet och mappen.",
    });
  });

  it("refuses a file it cannot check, and a folder with nothing to check, with exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "remiss-check-"));
    writeFileSync(join(dir, "anteckning.txt"), "TODO");
    const typ = await check(["anteckning.txt"], {}, dir);
    expect(typ.code).toBe(2);
    expect(typ.stdout).toContain("check granskar bara ärenden (.yaml, .yml), utkast (.md) och Word-dokument (.docx).");
    await expect(check(["."], {}, dir)).rejects.toThrow(
      new RemissError("Inga filer att granska i ”.”. check läser .yaml-, .yml-, .md- och .docx-filer; ange en sådan fil eller en mapp med sådana."),
    );
    await expect(check(["."], {}, dir)).rejects.toMatchObject({ exitCode: 2 });
    mkdirSync(join(dir, "tom"));
    writeFileSync(join(dir, "utkast.md"), "TODO\n");
    const partly = await check(["tom", "utkast.md"], { format: "json" }, dir);
    expect(partly.code).toBe(2);
    expect(partly.stderr).toBe("tom: inga filer att granska i mappen. check läser .yaml-, .yml-, .md- och .docx-filer.\n");
    expect(JSON.parse(partly.stdout)).toContainEqual(expect.objectContaining({ file: "utkast.md", rule: "text/platshallare" }));
  });

  it("refuses an unknown format and a bad --max-warnings with exit 2 before reading anything", async () => {
    await expect(check(["finns-inte.md"], { format: "html" })).rejects.toMatchObject({
      exitCode: 2,
      message: "Okänt format ”html” för --format. Välj stylish, json eller github.",
    });
    for (const bad of ["-1", "tre", "1.5", ""]) {
      await expect(check([CLEAN], { maxWarnings: bad })).rejects.toMatchObject({ exitCode: 2 });
    }
  });

  it("reads Markdown with CRLF line ends and a BOM, and a DOCX, by extension", async () => {
    const dir = mkdtempSync(join(tmpdir(), "remiss-check-"));
    writeFileSync(join(dir, "crlf.md"), "\uFEFF# Titel\r\n\r\nTODO och mer\r\n");
    writeFileSync(join(dir, "utkast.DOCX"), await docxFromDescription("# Titel\nEtt stycke med [fyll i] här.\n"));
    const { stdout } = await check(["crlf.md", "utkast.DOCX"], { format: "json" }, dir);
    const list = JSON.parse(stdout) as { file: string; line: number; column: number; rule: string }[];
    expect(list.filter((d) => d.rule === "text/platshallare").map((d) => [d.file, d.line, d.column])).toEqual([
      ["crlf.md", 3, 1],
      ["utkast.DOCX", 2, 16],
    ]);
  });

  it("says a binary .md is not text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "remiss-check-"));
    writeFileSync(join(dir, "bild.md"), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    const { code, stdout } = await check(["bild.md"], { format: "json" }, dir);
    // A file that cannot be read as text: exit 2, as the README says.
    expect(code).toBe(2);
    expect(JSON.parse(stdout)[0]).toMatchObject({ rule: "fil/binar", message: expect.stringContaining("Markdown-utkastet") });
  });
});

describe("useColor", () => {
  it("colours a terminal, unless NO_COLOR; FORCE_COLOR decides over both", () => {
    expect(useColor({ env: {}, stdoutIsTTY: true })).toBe(true);
    expect(useColor({ env: {}, stdoutIsTTY: false })).toBe(false);
    expect(useColor({ env: { NO_COLOR: "1" }, stdoutIsTTY: true })).toBe(false);
    expect(useColor({ env: { NO_COLOR: "" }, stdoutIsTTY: true })).toBe(true);
    expect(useColor({ env: { FORCE_COLOR: "1" }, stdoutIsTTY: false })).toBe(true);
    expect(useColor({ env: { FORCE_COLOR: "" , NO_COLOR: "1" }, stdoutIsTTY: false })).toBe(true);
    expect(useColor({ env: { FORCE_COLOR: "0" }, stdoutIsTTY: true })).toBe(false);
  });
});
