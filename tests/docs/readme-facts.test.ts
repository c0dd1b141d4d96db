import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import setup from "../support/temporary-folder.js";
import { ROOT, runCli } from "../support/cli.js";

/** What the README says of the package, measured: sizes, the Node version, the help. */
const README = readFileSync(join(ROOT, "README.md"), "utf8");

describe("the README tells the truth", () => {
  it("gives the reference case's size and its Word document's, in kB as they are", () => {
    const stated = /referensärendet är (\d+) kB, dess Word-dokument (\d+) kB/u.exec(README);
    expect(stated).not.toBeNull();
    const out = mkdtempSync(join(tmpdir(), "remiss-readme-"));
    try {
      expect(runCli(["draft", "fixtures/sodermalm-ks-2025-804.yaml", "--format", "docx", "-o", out]).code).toBe(0);
      const kB = (file: string) => Math.round(statSync(file).size / 1000);
      expect([Number(stated![1]), Number(stated![2])]).toEqual([kB(join(ROOT, "fixtures", "sodermalm-ks-2025-804.yaml")), kB(join(out, "sodermalm-ks-2025-804.docx"))]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("asks for the Node.js that package.json's engines asks for", () => {
    const engines = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;
    expect(README).toContain(`Kräver Node.js ${engines.replace(/^>=\s*/u, "")} eller senare`);
  });

  it("says the top-level help shows examples, and it does", () => {
    expect(README).toContain("`remiss --help` och `--help` på\nvarje kommando visar flaggorna och exempel");
    expect(runCli(["--help"]).stdout).toContain("\nExempel:\n");
  });

  it("is built in prepack, not in an install script, and npm test still builds", () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.prepare).toBeUndefined();
    expect(scripts.prepack).toBe("npm run build");
    expect(scripts.test).toMatch(/^npm run build && /u);
  });
});

describe("npm test's temporary folders", () => {
  it("are made in one folder for the run, which is removed when the run ends", () => {
    const outer = process.env.TMPDIR;
    const teardown = setup();
    const root = tmpdir();
    expect(root).toMatch(/remiss-tests-/u);
    mkdtempSync(join(root, "remiss-something-"));
    teardown();
    expect(() => statSync(root)).toThrow();
    expect(process.env.TMPDIR).toBe(outer);
  });
});
