import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, hasStackTrace, runCli } from "../support/cli.js";
import { writeReferencePair } from "../support/diff-pairs.js";
import { docxParts } from "../support/docx.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-diff-"));
  writeReferencePair(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const documentXml = (file: string) => docxParts(readFileSync(join(dir, file)))["word/document.xml"]!;
const revisionsOf = (xml: string) => [...xml.matchAll(/<w:(ins|del) w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)"/gu)].map(([, kind, id, author, date]) => ({ kind, id, author, date }));

describe("remiss diff OLD NEW", () => {
  it("writes NEW.andringar.docx beside the new case, with the differences as tracked changes by the förvaltning on the new case's date", () => {
    const result = runCli(["diff", "gammal.yaml", "ny.yaml"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Skrev ny.andringar.docx\n");
    const xml = documentXml("ny.andringar.docx");
    const revisions = revisionsOf(xml);
    expect(revisions.length).toBeGreaterThan(10);
    expect(new Set(revisions.map((r) => r.author))).toEqual(new Set(["Södermalms stadsdelsförvaltning"]));
    expect(new Set(revisions.map((r) => r.date))).toEqual(new Set(["2025-10-07T00:00:00Z"]));
    // Unique ids, in the order they stand.
    expect(revisions.map((r) => Number(r.id))).toEqual(revisions.map((_, index) => index + 1));
    // A word replaced: the old one deleted, the new one inserted in italics; a whole new paragraph has its mark inserted too.
    expect(xml).toMatch(/<w:del [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:delText[^>]*>kraftfulla<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t[^>]*>snabba<\/w:t>/u);
    expect(xml).toMatch(/<w:pPr><w:pStyle w:val="Heading2"\/><w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr><w:ins [^>]*><w:r><w:t[^>]*>Ekonomiska konsekvenser<\/w:t>/u);
    expect(xml).toMatch(/<w:pPr><w:rPr><w:del [^>]*\/><\/w:rPr><\/w:pPr>(?:<w:bookmark(?:Start|End) [^>]*\/>)*<w:del [^>]*><w:r><w:delText[^>]*>Stadens förstärkningsteam/u);
    // The link of an inserted paragraph is still a link.
    expect(xml).toMatch(/<w:hyperlink [^>]*><w:ins [^>]*><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/>/u);
    // A signature row added is a row inserted.
    expect(xml).toMatch(/<w:trPr><w:cantSplit\/><w:ins [^>]*\/><\/w:trPr>/u);
    expect(existsSync(join(dir, "ny.md")) || existsSync(join(dir, "ny.docx"))).toBe(false);
  });

  it("is the new draft but for the changes: same parts, same properties, same text once the changes are accepted", () => {
    expect(runCli(["draft", "ny.yaml", "--format", "docx", "-o", "utkast"], { cwd: dir }).code).toBe(0);
    const draft = docxParts(readFileSync(join(dir, "utkast", "ny.docx")));
    const diff = docxParts(readFileSync(join(dir, "ny.andringar.docx")));
    expect(Object.keys(diff).sort()).toEqual(Object.keys(draft).sort());
    for (const name of Object.keys(draft)) {
      if (name === "word/document.xml" || name === "docProps/custom.xml") continue;
      expect(diff[name], name).toBe(draft[name]);
    }
    // Without the deleted text and the revision marks, the body is the draft's text.
    const accepted = (xml: string) =>
      xml
        .replace(/<w:del [^>]*>.*?<\/w:del>/gsu, "")
        .replace(/<w:(ins|del) [^>]*\/>/gu, "")
        .replace(/<\/?w:ins[^>]*>/gu, "")
        .replace(/<[^>]+>/gu, "");
    expect(accepted(diff["word/document.xml"]!)).toBe(accepted(draft["word/document.xml"]!));
  });

  it("writes the same bytes for the same two versions, whatever the clock", () => {
    const first = readFileSync(join(dir, "ny.andringar.docx"));
    expect(runCli(["diff", "gammal.yaml", "ny.yaml", "-o", "igen.docx"], { cwd: dir, env: { TZ: "Pacific/Kiritimati" } }).code).toBe(0);
    expect(Buffer.compare(readFileSync(join(dir, "igen.docx")), first)).toBe(0);
  });

  it("takes the author from --forfattare, else from diff.forfattare in remiss.config.yaml", () => {
    const configured = join(dir, "konfig");
    mkdirSync(configured);
    writeReferencePair(configured);
    writeFileSync(join(configured, "remiss.config.yaml"), "diff:\n  forfattare: Stadsdelsdirektörens stab\n");
    expect(runCli(["diff", "gammal.yaml", "ny.yaml"], { cwd: configured }).code).toBe(0);
    expect(new Set(revisionsOf(docxParts(readFileSync(join(configured, "ny.andringar.docx")))["word/document.xml"]!).map((r) => r.author))).toEqual(new Set(["Stadsdelsdirektörens stab"]));
    expect(runCli(["diff", "gammal.yaml", "ny.yaml", "--forfattare", "Kim Lindqvist"], { cwd: configured }).code).toBe(0);
    expect(new Set(revisionsOf(docxParts(readFileSync(join(configured, "ny.andringar.docx")))["word/document.xml"]!).map((r) => r.author))).toEqual(new Set(["Kim Lindqvist"]));
  });

  it("reports an invalid case with draft's findings, exit 1, and writes nothing", () => {
    const broken = join(dir, "trasig");
    mkdirSync(broken);
    writeReferencePair(broken);
    writeFileSync(join(broken, "ny.yaml"), readFileSync(join(broken, "ny.yaml"), "utf8").replace("dnr: SÖD 2025/1234", "dnr: [SÖD"));
    const result = runCli(["diff", "gammal.yaml", "ny.yaml"], { cwd: broken });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ny\.yaml:\d+:\d+: /mu);
    expect(result.stderr).toContain("ny.yaml: inget skrevs, eftersom filen har fel.");
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(readdirSync(broken).sort()).toEqual(["gammal.yaml", "ny.yaml"]);
  });

  it("never writes over a case file, and wants two versions", () => {
    const before = readFileSync(join(dir, "gammal.yaml"));
    const over = runCli(["diff", "gammal.yaml", "ny.yaml", "-o", "gammal.yaml"], { cwd: dir });
    expect(over.code).toBe(2);
    expect(over.stderr).toContain("-o gammal.yaml: filen som skrivs ska sluta på .docx.");
    expect(readFileSync(join(dir, "gammal.yaml")).equals(before)).toBe(true);
    const one = runCli(["diff", "ny.yaml"], { cwd: dir });
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("Ange två versioner av ärendet");
  });
});

describe("remiss diff: footnotes", () => {
  it("shows a footnote's changed text as tracked changes in the footnote, and the new text once accepted", () => {
    const notes = join(dir, "fotnoter");
    mkdirSync(notes);
    const minimal = readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8");
    const withNote = (source: string) =>
      minimal.replace("synpunkter: |\n  Förvaltningen delar skribentens bild.\n", `synpunkter: |\n  Förvaltningen delar skribentens bild.[^1]\n\n  [^1]: ${source}\n`);
    writeFileSync(join(notes, "gammal.yaml"), withNote("Källa: Socialstyrelsen, lägesrapport 2024."));
    writeFileSync(join(notes, "ny.yaml"), withNote("Källa: Socialstyrelsen, lägesrapport 2025."));
    const result = runCli(["diff", "gammal.yaml", "ny.yaml"], { cwd: notes });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const parts = docxParts(readFileSync(join(notes, "ny.andringar.docx")));
    const footnotes = parts["word/footnotes.xml"]!;
    expect(footnotes).toMatch(/<w:del [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:delText[^>]*>2024\.?<\/w:delText>/u);
    expect(footnotes).toMatch(/<w:ins [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>2025\.?<\/w:t>/u);
    // The body has no change: the footnote is the only difference.
    expect(revisionsOf(parts["word/document.xml"]!)).toEqual([]);
    const accepted = (xml: string) =>
      xml
        .replace(/<w:del [^>]*>.*?<\/w:del>/gsu, "")
        .replace(/<[^>]+>/gu, "");
    expect(runCli(["draft", "ny.yaml", "--format", "docx", "-o", "utkast"], { cwd: notes }).code).toBe(0);
    expect(accepted(footnotes)).toBe(accepted(docxParts(readFileSync(join(notes, "utkast", "ny.docx")))["word/footnotes.xml"]!));
  });
});

describe("remiss diff CASE --mot REVISION", () => {
  const git = (cwd: string, ...args: string[]) => {
    const result = spawnSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  };

  it("reads the old version from git, from a case in a subfolder, and gives what the two files give", () => {
    const repo = join(dir, "repo");
    mkdirSync(join(repo, "arenden"), { recursive: true });
    git(repo, "init", "-q");
    writeFileSync(join(repo, "arenden", "arende.yaml"), readFileSync(join(dir, "gammal.yaml")));
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "first");
    writeFileSync(join(repo, "arenden", "arende.yaml"), readFileSync(join(dir, "ny.yaml")));
    const result = runCli(["diff", "arende.yaml", "--mot", "main"], { cwd: join(repo, "arenden") });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(Buffer.compare(readFileSync(join(repo, "arenden", "arende.andringar.docx")), readFileSync(join(dir, "ny.andringar.docx")))).toBe(0);

    const unknown = runCli(["diff", "arenden/arende.yaml", "--mot", "finns-inte"], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("--mot finns-inte: git känner inte revisionen. Ange en gren, en tagg eller en commit som finns, t.ex. main eller HEAD~1.\n");

    writeFileSync(join(repo, "arenden", "ny.yaml"), readFileSync(join(dir, "ny.yaml")));
    const missing = runCli(["diff", "arenden/ny.yaml", "--mot", "HEAD"], { cwd: repo });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("arenden/ny.yaml: filen fanns inte i HEAD (som arenden/ny.yaml). Ange en revision där ärendet finns, eller den gamla versionen som fil.\n");
  });

  it("says so when the case is not in a git repository", () => {
    const outside = mkdtempSync(join(tmpdir(), "remiss-diff-nogit-"));
    try {
      writeFileSync(join(outside, "arende.yaml"), readFileSync(join(dir, "ny.yaml")));
      const result = runCli(["diff", "arende.yaml", "--mot", "main"], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("arende.yaml: ligger inte i ett git-förråd, så --mot main har ingen version att jämföra med.");
      expect(readdirSync(outside)).toEqual(["arende.yaml"]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
