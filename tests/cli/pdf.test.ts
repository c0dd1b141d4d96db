import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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

/** The PDF/A and PDF/UA claims of the XMP metadata, as `pdfinfo -meta` prints it. */
function claims(pdf: string): { part?: string; conformance?: string; ua?: string; language?: string; title?: string } {
  const xmp = run("pdfinfo", ["-meta", pdf]);
  const get = (pattern: RegExp) => pattern.exec(xmp)?.[1];
  return {
    part: get(/<pdfaid:part>(\d)<\/pdfaid:part>/u),
    conformance: get(/<pdfaid:conformance>([ABU])<\/pdfaid:conformance>/u),
    ua: get(/<pdfuaid:part>(\d)<\/pdfuaid:part>/u),
    language: get(/<dc:language>\s*<rdf:Bag>\s*<rdf:li>([^<]+)<\/rdf:li>/u),
    title: get(/<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">([^<]+)<\/rdf:li>/u),
  };
}

/** Every row of `pdffonts`: name, embedded, has a ToUnicode map. */
function fonts(pdf: string): { name: string; embedded: boolean; unicode: boolean }[] {
  return run("pdffonts", [pdf])
    .split("\n")
    .slice(2)
    .filter((row) => row.trim() !== "")
    .map((row) => {
      const columns = row.trim().split(/\s+/u);
      // name … emb sub uni object ID: the three yes/no columns stand before the object number and generation.
      return { name: columns[0]!, embedded: columns.at(-5) === "yes", unicode: columns.at(-3) === "yes" };
    });
}

/**
 * Whether the file's cross-reference table still points at its objects
 * (remiss edits the XMP packet in place after LibreOffice): `startxref`
 * at `xref`, and each in-use entry at `N G obj`.
 */
function crossReferencesHold(pdf: string): boolean {
  const text = readFileSync(pdf).toString("latin1");
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/u.exec(text)?.[1]);
  if (!text.startsWith("xref", start)) return false;
  const table = /^xref\s+(\d+)\s+(\d+)\s+/u.exec(text.slice(start));
  if (!table) return false;
  const first = Number(table[1]);
  const entries = text.slice(start + table[0].length).split(/\r?\n|\r/u).slice(0, Number(table[2]));
  return entries.every((entry, index) => {
    const [offset, generation, kind] = entry.trim().split(/\s+/u);
    return kind !== "n" || text.startsWith(`${first + index} ${Number(generation)} obj`, Number(offset));
  });
}

describe("draft --format pdf", () => {
  it("writes PDF/A-2b and PDF/UA-1, with title and language in the XMP metadata", () => {
    const pdf = join(dir, `${CASE}.pdf`);
    expect(claims(pdf)).toEqual({
      part: "2",
      conformance: "B",
      ua: "1",
      language: "sv-SE",
      title: "Motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga",
    });
    expect(crossReferencesHold(pdf)).toBe(true);
  });

  it("embeds every font, and has an sRGB output intent with its ICC profile", () => {
    const pdf = join(dir, `${CASE}.pdf`);
    const used = fonts(pdf);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((font) => !font.embedded)).toEqual([]);
    const bytes = readFileSync(pdf).toString("latin1");
    expect(bytes).toMatch(/\/OutputIntents\s*\[\s*\d+ 0 R\s*\]/u);
    expect(bytes).toMatch(/\/S\s*\/GTS_PDFA1\s*\/OutputConditionIdentifier\s*\(sRGB IEC61966-2\.1\)\s*\/DestOutputProfile \d+ 0 R/u);
  });

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

  it("writes the PDF/A level that husstil.pdf chooses, each case by its own config, and no PDF/UA claim with PDF/A-1", () => {
    const levels = mkdtempSync(join(tmpdir(), "remiss-pdfa-"));
    try {
      for (const level of ["pdfa-1b", "pdfa-2u", "pdfa-3b"]) {
        mkdirSync(join(levels, level));
        copyFileSync(join(ROOT, "fixtures", "minimal.yaml"), join(levels, level, "minimal.yaml"));
        writeFileSync(join(levels, level, "remiss.config.yaml"), `husstil:\n  pdf: ${level}\n`);
      }
      const result = runCli(["draft", "pdfa-1b/minimal.yaml", "pdfa-2u/minimal.yaml", "pdfa-3b/minimal.yaml", "--format", "pdf"], { cwd: levels });
      expect(result.code).toBe(0);
      const note =
        "Obs: med husstil.pdf: pdfa-1b blir PDF-filen PDF/A-1, som inte får märkas som PDF/UA. Den är taggad men inte märkt som tillgänglig enligt PDF/UA-1; välj pdfa-2b om arkivet tar emot PDF/A-2.\n";
      expect(result.stderr.split(note).length - 1).toBe(1);
      const title = "Motion om fler fritidsgårdar";
      // LibreOffice writes a tagged PDF/A-1 as level A, which meets level B too.
      expect(claims(join(levels, "pdfa-1b", "minimal.pdf"))).toEqual({ part: "1", conformance: "A", ua: undefined, language: "sv-SE", title });
      expect(run("pdfinfo", [join(levels, "pdfa-1b", "minimal.pdf")])).toMatch(/^PDF version:\s+1\.4$/mu);
      expect(claims(join(levels, "pdfa-2u", "minimal.pdf"))).toEqual({ part: "2", conformance: "U", ua: "1", language: "sv-SE", title });
      expect(fonts(join(levels, "pdfa-2u", "minimal.pdf")).every((font) => font.embedded && font.unicode)).toBe(true);
      expect(claims(join(levels, "pdfa-3b", "minimal.pdf"))).toEqual({ part: "3", conformance: "B", ua: "1", language: "sv-SE", title });
      for (const level of ["pdfa-1b", "pdfa-2u", "pdfa-3b"]) expect(crossReferencesHold(join(levels, level, "minimal.pdf")), level).toBe(true);
    } finally {
      rmSync(levels, { recursive: true, force: true });
    }
  }, 180_000);

  it("refuses a PDF/A level that does not exist, at its line", () => {
    const bad = mkdtempSync(join(tmpdir(), "remiss-pdfa-bad-"));
    try {
      copyFileSync(join(ROOT, "fixtures", "minimal.yaml"), join(bad, "minimal.yaml"));
      writeFileSync(join(bad, "remiss.config.yaml"), "husstil:\n  pdf: pdfa-4\n");
      const result = runCli(["draft", "minimal.yaml", "--format", "pdf"], { cwd: bad });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^remiss\.config\.yaml:2:8: fel: /mu);
      expect(readdirSync(bad).sort()).toEqual(["minimal.yaml", "remiss.config.yaml"]);
    } finally {
      rmSync(bad, { recursive: true, force: true });
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
