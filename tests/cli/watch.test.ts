import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, ROOT, exitAfterCtrlC, hasStackTrace, runCli } from "../support/cli.js";

/**
 * Issue 22, `--watch`: it keeps watching when its folder goes away and comes
 * back, watches every file a draft reads (section templates, new
 * subfolders, a config created above), and drafts a file only once it is
 * saved in full. Each test waits for what the CLI says, never for a time.
 */
const MINIMAL = readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-watch-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Watching {
  child: ChildProcess;
  out(): string;
  err(): string;
}

function watch(args: readonly string[]): Watching {
  const child = spawn(process.execPath, [BIN, "draft", "--watch", "--format", "md", ...args], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, out: () => stdout, err: () => stderr };
}

/** Waits until `condition` holds (checked every 20 ms), failing with what the CLI said after 20 s. */
async function until(watching: Watching, condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline || watching.child.exitCode !== null) {
      throw new Error(`${what}: not seen (exit ${watching.child.exitCode})\nstdout:\n${watching.out()}\nstderr:\n${watching.err()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe("draft --watch", () => {
  it("goes on watching when its folder goes away and comes back, and drafts what comes back", async () => {
    mkdirSync(join(dir, "arenden"));
    writeFileSync(join(dir, "arenden", "fall.yaml"), MINIMAL);
    const w = watch(["arenden"]);
    await until(w, () => w.err().includes("Bevakar ändringar"), "watching");
    rmSync(join(dir, "arenden"), { recursive: true });
    await until(w, () => w.err().includes("Ändring upptäckt"), "the folder gone");
    mkdirSync(join(dir, "arenden"));
    writeFileSync(join(dir, "arenden", "fall.yaml"), MINIMAL.replace("fler fritidsgårdar", "fler fritidsgårdar igen"));
    await until(w, () => readOrEmpty(join(dir, "arenden", "fall.md")).includes("fler fritidsgårdar igen"), "the case drafted again");
    expect(await exitAfterCtrlC(w.child)).toBe(0);
    expect(hasStackTrace(w.err())).toBe(false);
  }, 60_000);

  it("drafts again when a section template in a subfolder of the templates changes", async () => {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    expect(runCli(["templates", "export", "mallar"], { cwd: dir }).code).toBe(0);
    const w = watch(["arende.yaml", "--templates", "mallar"]);
    await until(w, () => w.err().includes("Bevakar ändringar"), "watching");
    writeFileSync(join(dir, "mallar", "sektioner", "synpunkter.md.hbs"), "{{text}}\n\nEn rad ur mallen.\n");
    await until(w, () => readOrEmpty(join(dir, "arende.md")).includes("En rad ur mallen."), "the template's change drafted");
    expect(await exitAfterCtrlC(w.child)).toBe(0);
  }, 60_000);

  it("drafts a case in a new subfolder of a watched folder", async () => {
    mkdirSync(join(dir, "arenden"));
    writeFileSync(join(dir, "arenden", "fall.yaml"), MINIMAL);
    const w = watch(["arenden"]);
    await until(w, () => w.err().includes("Bevakar ändringar"), "watching");
    mkdirSync(join(dir, "arenden", "nya"));
    writeFileSync(join(dir, "arenden", "nya", "ny.yaml"), MINIMAL);
    await until(w, () => w.out().includes(`Skrev ${join("arenden", "nya", "ny.md")}`), "the new case drafted");
    expect(await exitAfterCtrlC(w.child)).toBe(0);
  }, 60_000);

  it("drafts again when a remiss.config.yaml is created in a folder above the case", async () => {
    mkdirSync(join(dir, "a", "b"), { recursive: true });
    writeFileSync(join(dir, "a", "b", "arende.yaml"), MINIMAL);
    const w = watch([join("a", "b", "arende.yaml")]);
    await until(w, () => w.err().includes("Bevakar ändringar"), "watching");
    expect(count(w.out(), "Skrev")).toBe(1);
    writeFileSync(join(dir, "a", "remiss.config.yaml"), "husstil:\n  dokument: Yttrande\n");
    await until(w, () => count(w.out(), "Skrev") === 2, "drafted again with the new config");
    expect(await exitAfterCtrlC(w.child)).toBe(0);
  }, 60_000);

  it("does not draft a case saved in two writes half-way: it waits until the file is whole and parses", async () => {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    const w = watch(["arende.yaml"]);
    await until(w, () => w.err().includes("Bevakar ändringar"), "watching");
    const full = MINIMAL.replace("synpunkter: |\n  Förvaltningen delar skribentens bild.\n", 'synpunkter: "Förvaltningen delar skribentens bild, helt och fullt."\n');
    expect(full).not.toBe(MINIMAL);
    const cut = full.indexOf("helt och");
    // Truncate, write up to the middle of a quoted string, pause as a slow save does, then the rest.
    const fd = openSync(join(dir, "arende.yaml"), "w");
    writeSync(fd, full.slice(0, cut));
    await new Promise((resolve) => setTimeout(resolve, 700));
    writeSync(fd, full.slice(cut));
    closeSync(fd);
    await until(w, () => readOrEmpty(join(dir, "arende.md")).includes("helt och fullt"), "the whole file drafted");
    expect(await exitAfterCtrlC(w.child)).toBe(0);
    expect(w.err()).not.toContain("fel:");
  }, 60_000);
});

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
