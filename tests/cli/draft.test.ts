import { copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { ROOT, hasStackTrace, runCli } from "../support/cli.js";

/** `remiss draft` run as a user runs it: a new process, files in a temporary folder. */
let dir: string;
const fixture = (name: string) => join(ROOT, "fixtures", name);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-draft-"));
});

function expectNoStackTrace(...outputs: string[]): void {
  for (const output of outputs) expect(hasStackTrace(output), output).toBe(false);
}

describe("remiss draft", () => {
  it("writes NAME.md and NAME.docx beside the input and exits 0", () => {
    copyFileSync(fixture("minimal.yaml"), join(dir, "arende.yaml"));
    const result = runCli(["draft", "arende.yaml"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Skrev arende.md och arende.docx\n");
    expect(readFileSync(join(dir, "arende.md"), "utf8")).toBe(readFileSync(fixture("minimal.md"), "utf8"));
    expect(readFileSync(join(dir, "arende.docx")).subarray(0, 2).toString()).toBe("PK");
    expect(readdirSync(dir).sort()).toEqual(["arende.docx", "arende.md", "arende.yaml"]);
  });

  it("writes into --out-dir, creating it, and only the formats asked for", () => {
    const result = runCli(["draft", fixture("minimal.yaml"), "-o", join(dir, "ut", "mapp"), "--format", "md"]);
    expect(result.code).toBe(0);
    expect(readdirSync(join(dir, "ut", "mapp"))).toEqual(["minimal.md"]);
  });

  it("drafts a UTF-8 file with a BOM and CRLF line ends to the same Markdown", () => {
    const text = readFileSync(fixture("minimal.yaml"), "utf8").replace(/\n/g, "\r\n");
    writeFileSync(join(dir, "minimal.yaml"), `\uFEFF${text}`);
    expect(runCli(["draft", "minimal.yaml", "--format", "md"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "minimal.md"), "utf8")).toBe(readFileSync(fixture("minimal.md"), "utf8"));
  });

  it("reports an invalid input as FILE:LINE:COL in Swedish, exits 1 and writes nothing", () => {
    copyFileSync(join(ROOT, "fixtures", "invalid", "unknown-keys.yaml"), join(dir, "fel.yaml"));
    const result = runCli(["draft", "fel.yaml"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines[0]).toBe("fel.yaml:3:3: fel: Okänd nyckel ”nämnd” under ”forvaltning”. Menade du ”namnd”? (forvaltning.nämnd)");
    expect(lines.at(-1)).toBe("fel.yaml: inget skrevs, eftersom filen har fel. Rätta dem och kör igen.");
    expect(readdirSync(dir)).toEqual(["fel.yaml"]);
    expectNoStackTrace(result.stderr);
  });

  it("never overwrites an earlier good output when the input has become invalid", () => {
    copyFileSync(fixture("minimal.yaml"), join(dir, "arende.yaml"));
    expect(runCli(["draft", "arende.yaml"], { cwd: dir }).code).toBe(0);
    const md = readFileSync(join(dir, "arende.md"));
    const docx = readFileSync(join(dir, "arende.docx"));
    const mtime = statSync(join(dir, "arende.md")).mtimeMs;
    writeFileSync(join(dir, "arende.yaml"), readFileSync(fixture("minimal.yaml"), "utf8").replace("svar_senast: 2025-12-01", "svar_senast: 2025-12-41"));
    const result = runCli(["draft", "arende.yaml"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("arende.yaml:8:16: fel: 2025-12-41 finns inte i kalendern.");
    expect(readFileSync(join(dir, "arende.md")).equals(md)).toBe(true);
    expect(readFileSync(join(dir, "arende.docx")).equals(docx)).toBe(true);
    expect(statSync(join(dir, "arende.md")).mtimeMs).toBe(mtime);
    expect(readdirSync(dir).sort()).toEqual(["arende.docx", "arende.md", "arende.yaml"]);
  });

  it("drafts the other files of a folder when one is broken, and sums up", () => {
    copyFileSync(fixture("minimal.yaml"), join(dir, "a.yaml"));
    copyFileSync(fixture("skrivelse-flera-forfattare.yaml"), join(dir, "b.yaml"));
    copyFileSync(join(ROOT, "fixtures", "invalid", "yaml-syntax.yaml"), join(dir, "c.yaml"));
    const result = runCli(["draft", dir, "--format", "md"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, "c.yaml")}:3:10: fel: Hakparentesen [ stängs aldrig.`);
    expect(result.stderr.trim().split("\n").at(-1)).toBe("2 utkast skrivna, 1 fel");
    expect(readdirSync(dir).sort()).toEqual(["a.md", "a.yaml", "b.md", "b.yaml", "c.yaml"]);
  });

  it("exits 2 for a file that does not exist, in Swedish", () => {
    const result = runCli(["draft", "finns-inte.yaml"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("finns-inte.yaml: filen finns inte. Kontrollera namnet och mappen.\n");
  });

  it("exits 2, as for a file that cannot be read, for a binary file and for a file that is not UTF-8", () => {
    for (const name of ["binary.yaml", "not-utf8.yaml"]) {
      const result = runCli(["draft", join(ROOT, "fixtures", "invalid", name), "-o", dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/: fel: Filen (ser ut att vara binär|är inte sparad som UTF-8)/);
      expectNoStackTrace(result.stderr);
    }
  });

  it("exits 2 for usage errors, in Swedish", () => {
    const format = runCli(["draft", fixture("minimal.yaml"), "--format", "odt"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toBe("Okänt format ”odt”. Välj md, docx, pdf eller flera, t.ex. md,docx,pdf.\n");
    const option = runCli(["draft", fixture("minimal.yaml"), "--utan"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe("remiss: okänd flagga --utan.\nSe remiss draft --help.\n");
    const none = runCli(["draft"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe("remiss: ange minst en fil.\nSe remiss draft --help.\n");
    const command = runCli(["skriv"]);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("okänt kommando skriv.");
  });

  it("shows help in Swedish", () => {
    const result = runCli(["draft", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Användning: remiss draft [flaggor] <fil...>");
    expect(result.stdout).toContain("Flaggor:");
    expect(result.stdout).toContain("Exempel:");
    expect(result.stdout).not.toMatch(/Usage|Options|display help/);
  });
});
