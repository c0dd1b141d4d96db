import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.js";

/** Files that are not files, and names near the file system's limit: never a hang, never a crash. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-special-"));
  execFileSync("mkfifo", [join(dir, "ror.yaml")]);
  symlinkSync("/dev/zero", join(dir, "noll.md"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("special files", () => {
  it("refuses a named pipe in draft and check at once (exit 2), instead of waiting for ever", () => {
    const draft = runCli(["draft", "ror.yaml"], { cwd: dir });
    expect(draft.code).toBe(2);
    expect(draft.stderr).toBe("ror.yaml: är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och läses inte. Ange en YAML-fil.\n");
    const check = runCli(["check", "ror.yaml", "--format", "json"], { cwd: dir });
    expect(check.code).toBe(2);
    expect(JSON.parse(check.stdout)).toEqual([
      { file: "ror.yaml", line: 0, column: 0, severity: "error", rule: "fil/olasbar", message: "Filen är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och läses inte." },
    ]);
  });

  it("refuses a link to /dev/zero before reading it", () => {
    const check = runCli(["check", "noll.md", "--format", "json"], { cwd: dir });
    expect(check.code).toBe(2);
    expect((JSON.parse(check.stdout) as { rule: string }[])[0]?.rule).toBe("fil/olasbar");
  });

  it("drafts a case whose name is long but legal: the temporary files have short names of their own", () => {
    const name = `${"a".repeat(245)}.yaml`;
    copyFileSync(join(ROOT, "fixtures", "minimal.yaml"), join(dir, name));
    const result = runCli(["draft", name], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(readdirSync(dir)).toContain(`${"a".repeat(245)}.docx`);
  });
});
