import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.js";

/** A förvaltning's own rule settings: files to skip, rules off or at another level, and a rule off in one section. */
let dir: string;
const LIX = join(ROOT, "fixtures", "check", "text", "lix", "not-ok.md");

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-rules-"));
  mkdirSync(join(dir, "arkiv"));
  copyFileSync(LIX, join(dir, "utkast.md"));
  copyFileSync(LIX, join(dir, "arkiv", "gammalt.md"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Finding = { file: string; rule: string; severity: string };
const check = (...args: string[]) => runCli(["check", ".", "--format", "json", ...args], { cwd: dir });

describe("check.ignorera and check.regler", () => {
  it("checks everything without a config", () => {
    const findings = JSON.parse(check().stdout) as Finding[];
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(["utkast.md", join("arkiv", "gammalt.md")]));
  });

  it("skips ignored files and says so, and switches a rule off or to another level", () => {
    writeFileSync(join(dir, "remiss.config.yaml"), "check:\n  ignorera: [arkiv/**]\n  regler:\n    text/lix: fel\n    text/lang-mening: av\n");
    const result = check();
    const findings = JSON.parse(result.stdout) as Finding[];
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(["utkast.md"]));
    expect(findings.filter((f) => f.rule === "text/lix").every((f) => f.severity === "error")).toBe(true);
    expect(findings.filter((f) => f.rule === "text/lix").length).toBeGreaterThan(0);
    expect(findings.some((f) => f.rule === "text/lang-mening")).toBe(false);
    expect(result.stderr).toBe("1 fil hoppades över enligt check.ignorera i remiss.config.yaml.\n");
    expect(result.code).toBe(1);
  });

  it("refuses an unknown rule with “Menade du …?” at its line", () => {
    writeFileSync(join(dir, "remiss.config.yaml"), "check:\n  regler:\n    text/liks: av\n");
    const result = check();
    expect((JSON.parse(result.stdout) as { message: string }[])[0]?.message).toContain("Okänd nyckel ”text/liks” under ”check.regler”. Menade du ”text/lix”?");
    rmSync(join(dir, "remiss.config.yaml"));
  });
});

describe("<!-- remiss-disable … --> in a draft", () => {
  it("switches the named rules off in the section it stands in, and only there", () => {
    const text = readFileSync(LIX, "utf8");
    const before = JSON.parse(runCli(["check", "utkast.md", "--format", "json"], { cwd: dir }).stdout) as Finding[];
    expect(before.some((f) => f.rule === "text/lix")).toBe(true);
    const disabled = text.replace(/^(## [^\n]+\n)/mu, "$1\n<!-- remiss-disable text/lix text/lang-mening -->\n");
    expect(disabled).not.toBe(text);
    writeFileSync(join(dir, "utkast.md"), disabled);
    const after = JSON.parse(runCli(["check", "utkast.md", "--format", "json"], { cwd: dir }).stdout) as Finding[];
    expect(after.filter((f) => f.rule === "text/lix").length).toBe(before.filter((f) => f.rule === "text/lix").length - 1);
  });
});
