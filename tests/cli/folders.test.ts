import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.js";

/** Folders, globs and names: draft and check find the same cases, and no draft is written twice or over its case. */
let dir: string;
const MINIMAL = join(ROOT, "fixtures", "minimal.yaml");

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-folders-"));
  for (const folder of ["arenden/2025/a", "arenden/2025/b", "arenden/node_modules/paket", "arenden/.git"]) mkdirSync(join(dir, folder), { recursive: true });
  copyFileSync(MINIMAL, join(dir, "arenden/2025/a/arende.yaml"));
  copyFileSync(MINIMAL, join(dir, "arenden/2025/b/arende.yaml"));
  copyFileSync(MINIMAL, join(dir, "arenden/node_modules/paket/x.yaml"));
  copyFileSync(MINIMAL, join(dir, "arenden/.git/y.yaml"));
});

describe("draft and check over folders and globs", () => {
  it("drafts a folder recursively, skipping node_modules and dot-folders, as check does", () => {
    const result = runCli(["draft", "arenden", "-f", "md"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Skrev ${join("arenden/2025/a/arende.md")}\nSkrev ${join("arenden/2025/b/arende.md")}\n`);
    expect(existsSync(join(dir, "arenden/node_modules/paket/x.md"))).toBe(false);
    const check = runCli(["check", "arenden", "--format", "json"], { cwd: dir });
    expect(new Set((JSON.parse(check.stdout) as { file: string }[]).map((d) => d.file))).toEqual(new Set());
    expect(check.code).toBe(0);
  });

  it("expands a glob itself, so that it works in cmd.exe and PowerShell too", () => {
    const result = runCli(["draft", "arenden/**/*.yaml", "-f", "md"], { cwd: dir });
    expect(result.stdout).toBe(`Skrev ${join("arenden/2025/a/arende.md")}\nSkrev ${join("arenden/2025/b/arende.md")}\n`);
    const check = runCli(["check", "arenden/*/a/*.md", "--format", "json"], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout).toBe("[]\n");
  });

  it("refuses, before writing anything, two cases that would write the same draft", () => {
    const result = runCli(["draft", "arenden", "-o", "ut"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${join("arenden/2025/a/arende.yaml")} och ${join("arenden/2025/b/arende.yaml")} skulle båda skriva ${join("ut/arende.md")}. Ge ärendena olika namn, eller skriv dem utan -o så att utkasten hamnar bredvid sina ärenden. Inget skrevs.\n`,
    );
    expect(existsSync(join(dir, "ut"))).toBe(false);
  });

  it("refuses a case saved with the draft's own name, which would be overwritten", () => {
    copyFileSync(MINIMAL, join(dir, "fall.md"));
    const result = runCli(["draft", "fall.md"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("fall.md: utkastet fall.md skulle skriva över ärendet självt. Ge ärendet ändelsen .yaml.\n");
    expect(readFileSync(join(dir, "fall.md"))).toEqual(readFileSync(MINIMAL));
    rmSync(dir, { recursive: true, force: true });
  });
});
