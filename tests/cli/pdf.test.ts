import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.js";

/**
 * `remiss draft --format pdf`: a tagged PDF for publishing, made by
 * LibreOffice, read back with poppler; and the clear exit-2 message when
 * LibreOffice is not installed.
 */
const CASE = "sodermalm-ks-2025-804";
let dir: string;

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 60_000 });
  if (result.error) throw new Error(`${command}: ${result.error.message} (poppler-utils must be installed; .ci/run installs it)`);
  return result.stdout;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-pdf-"));
  copyFileSync(join(ROOT, "fixtures", `${CASE}.yaml`), join(dir, `${CASE}.yaml`));
  copyFileSync(join(ROOT, "fixtures", "minimal.yaml"), join(dir, "minimal.yaml"));
  const result = runCli(["draft", `${CASE}.yaml`, "minimal.yaml", "--format", "md,docx,pdf"], { cwd: dir });
  expect(result.stderr).toBe("2 utkast skrivna\n");
  expect(result.stdout).toBe(`Skrev ${CASE}.md, ${CASE}.docx och ${CASE}.pdf\nSkrev minimal.md, minimal.docx och minimal.pdf\n`);
  expect(result.code).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** "H1 text", "H2 text" for each heading element of `pdfinfo -struct-text`, its text lines joined. */
function structureHeadings(structure: string): string[] {
  const lines = structure.split("\n");
  const headings: string[] = [];
  lines.forEach((line, index) => {
    const match = /^(\s*)(H[1-6]) \(block\):/u.exec(line);
    if (!match) return;
    const indent = match[1]!.length;
    const text: string[] = [];
    for (const next of lines.slice(index + 1)) {
      if ((/^\s*/u.exec(next)?.[0].length ?? 0) <= indent) break;
      const quoted = /^\s*"(.*)"$/u.exec(next);
      if (quoted) text.push(quoted[1]!);
    }
    headings.push(`${match[2]} ${text.join("").trim()}`);
  });
  return headings;
}

describe("draft --format pdf", () => {
  it("writes a tagged PDF/UA with the title shown and the language sv-SE", () => {
    const pdf = join(dir, `${CASE}.pdf`);
    const info = run("pdfinfo", [pdf]);
    expect(info).toMatch(/^Tagged:\s+yes$/mu);
    expect(info).toMatch(/^Title:\s+Motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga$/mu);
    expect(run("pdfinfo", ["-meta", pdf])).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/u);
    const bytes = readFileSync(pdf).toString("latin1");
    expect(bytes).toContain("/Lang(sv-SE)");
    expect(bytes).toMatch(/\/DisplayDocTitle\s*true/u);
  });

  it("tags the title H1 and the sections H2, in the document's order", () => {
    const headings = structureHeadings(run("pdfinfo", ["-struct-text", join(dir, `${CASE}.pdf`)]));
    expect(headings[0]).toBe("H1 Motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga");
    expect(headings.slice(1)).toEqual([
      "H2 Förvaltningens förslag till beslut",
      "H2 Sammanfattning",
      "H2 Bakgrund",
      "H2 Ärendet",
      "H2 Ärendets beredning",
      "H2 Förvaltningens synpunkter och förslag",
      "H2 Barnrättsanalys",
      "H2 Jämställdhetsanalys",
      "H2 Bilagor",
    ]);
  });

  it("has Sida N (M) on every page", () => {
    const pdf = join(dir, `${CASE}.pdf`);
    const pages = Number(/^Pages:\s+(\d+)$/mu.exec(run("pdfinfo", [pdf]))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page++) {
      expect(run("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"]), `page ${page}`).toContain(`Sida ${page} (${pages})`);
    }
  });

  it("says how to install LibreOffice, exits 2 and writes nothing when soffice is not on PATH", () => {
    const bare = mkdtempSync(join(tmpdir(), "remiss-pdf-bare-"));
    const bin = join(bare, "bin");
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, "node"));
    copyFileSync(join(ROOT, "fixtures", "minimal.yaml"), join(bare, "minimal.yaml"));
    const result = runCli(["draft", "minimal.yaml", "--format", "md,docx,pdf"], { cwd: bare, env: { PATH: bin } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "PDF görs med LibreOffice, men programmet soffice hittades inte. Installera LibreOffice (Debian och Ubuntu: sudo apt-get install libreoffice-writer-nogui; macOS: brew install --cask libreoffice; Windows: libreoffice.org) och se till att soffice finns i PATH, eller välj --format md,docx.\n",
    );
    expect(readdirSync(bare).sort()).toEqual(["bin", "minimal.yaml"]);
    rmSync(bare, { recursive: true, force: true });
  });
});
