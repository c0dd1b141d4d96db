import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, hasStackTrace, runCli } from "../support/cli.js";

/** The habits users bring from eslint, prettier and other command-line tools. */
const COMMANDS = [[], ["draft"], ["check"], ["lista"], ["diff"], ["init"], ["templates"], ["templates", "export"], ["schema"]];

describe("help", () => {
  it("is Swedish through and through, for every command", () => {
    for (const command of COMMANDS) {
      const help = runCli([...command, "--help"]);
      expect(help.code, command.join(" ")).toBe(0);
      expect(help.stdout, command.join(" ")).toMatch(/^Användning: remiss/u);
      expect(help.stdout, command.join(" ")).not.toMatch(/default|\[options\]|Usage|Options:|Commands:|Arguments:|choices/u);
    }
  });

  it("`remiss help` and `remiss help draft` exit 0; remiss without a command is a usage error", () => {
    const help = runCli(["help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Kommandon:");
    const draft = runCli(["help", "draft"]);
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/^Användning: remiss draft \[flaggor\] <fil\.\.\.>/u);
    expect(runCli([]).code).toBe(2);
  });
});

describe("short flags and colour", () => {
  it("takes -V, -o and -f", () => {
    expect(runCli(["-V"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
    const dir = mkdtempSync(join(tmpdir(), "remiss-flags-"));
    const result = runCli(["draft", "fixtures/minimal.yaml", "-o", dir, "-f", "md"]);
    expect(result.stdout).toBe(`Skrev ${join(dir, "minimal.md")}\n`);
    expect(runCli(["check", join(dir, "minimal.md"), "-f", "json"]).stdout).toBe("[]\n");
    rmSync(dir, { recursive: true, force: true });
  });

  it("--no-color turns colours off even where they were forced on", () => {
    const colored = runCli(["check", "fixtures/check/text/lix/not-ok.md"], { env: { FORCE_COLOR: "1", NO_COLOR: "" } });
    expect(colored.stdout).toContain("\u001b[");
    const plain = runCli(["check", "fixtures/check/text/lix/not-ok.md", "--no-color"], { env: { FORCE_COLOR: "1", NO_COLOR: "" } });
    expect(plain.stdout).not.toContain("\u001b[");
    expect(plain.stdout).toContain("text/lix");
  });
});

describe("pipes and file-system errors", () => {
  it("ends quietly with exit 0 when the reader of stdout stops (EPIPE)", () => {
    const result = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" draft fixtures/sodermalm-ks-2025-804.yaml --stdout | head -1; exit \${PIPESTATUS:-0}`], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(result.stdout).toBe("---\n");
    expect(result.stderr).toBe("");
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it("says in Swedish, with the user's path and no errno code, why an output could not be written", () => {
    // A file where the folder should be: an error for every user, root included.
    const dir = mkdtempSync(join(tmpdir(), "remiss-fs-"));
    writeFileSync(join(dir, "ut"), "en fil, inte en mapp\n");
    const result = runCli(["draft", join(ROOT, "fixtures", "minimal.yaml"), "-o", join(dir, "ut")], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${join(dir, "ut", "minimal.md")}: kunde inte skrivas, eftersom en del av sökvägen är en fil, inte en mapp. Ingen fil skrevs över.\n`,
    );
    expect(result.stderr).not.toMatch(/E[A-Z]{3,}|\.tmp|Rapportera/u);
    const readOnly = join(dir, "skrivskyddad");
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o500);
    const init = runCli(["init", "skrivskyddad/arende.yaml"], { cwd: dir });
    // A read-only folder stops everyone but root (CI runs as root, so there only the first case is checked).
    if (process.getuid?.() !== 0) {
      expect(init.code).toBe(2);
      expect(init.stderr).toBe("skrivskyddad/arende.yaml: kunde inte skrivas, eftersom du saknar behörighet att skriva i mappen. Ingen fil skrevs över.\n");
    }
    expect(readFileSync(join(dir, "ut"), "utf8")).toBe("en fil, inte en mapp\n");
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("keys that name an object's machinery", () => {
  it("are unknown keys in a case and in remiss.config.yaml, for draft and check alike, never a prototype", () => {
    const dir = mkdtempSync(join(tmpdir(), "remiss-proto-"));
    writeFileSync(join(dir, "remiss.config.yaml"), "forvaltning:\n  __proto__:\n    namnd: Hackad nämnd\n");
    writeFileSync(join(dir, "a.yaml"), readFileSync(join(ROOT, "fixtures", "invalid", "prototyp.yaml")));
    const draft = runCli(["draft", "a.yaml"], { cwd: dir });
    expect(draft.code).toBe(1);
    expect(draft.stderr).toContain("remiss.config.yaml:2:3: fel: Okänd nyckel ”__proto__” under ”forvaltning”.");
    rmSync(join(dir, "remiss.config.yaml"));
    const again = runCli(["draft", "a.yaml"], { cwd: dir });
    expect(again.stderr).toContain("a.yaml:2:1: fel: Okänd nyckel ”constructor”.");
    expect(again.stderr).toContain("Okänd nyckel ”__proto__” under ”forvaltning”.");
    expect(again.stderr).not.toContain("Hackad");
    const check = runCli(["check", "a.yaml", "--format", "json"], { cwd: dir });
    expect((JSON.parse(check.stdout) as { rule: string }[]).filter((d) => d.rule === "schema/okand-nyckel")).toHaveLength(2);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("stylish output at a terminal", () => {
  it("wraps its lines to the terminal's width (COLUMNS)", () => {
    const narrow = runCli(["check", "fixtures/check/text/lix/not-ok.md"], { env: { COLUMNS: "80" } });
    const lines = narrow.stdout.split("\n");
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines.some((line) => /^ {10,}\S/u.test(line))).toBe(true);
    const wide = runCli(["check", "fixtures/check/text/lix/not-ok.md"]);
    expect(wide.stdout.split("\n").some((line) => line.length > 80)).toBe(true);
  });
});
