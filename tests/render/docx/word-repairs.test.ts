import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docxParts } from "../../support/docx.js";
import { ROOT, runCli } from "../../support/cli.js";

/**
 * Markup that passes the XSD but that Word repairs on opening ("Word found
 * unreadable content"), looked for in every part of the DOCX of every
 * fixture, drafted by the real CLI: separator notes with anything but the
 * separator, a newline inside `w:t`, a table without `w:tblGrid`, an
 * `abstractNum` after a `num`, and relationships (of headers and footers
 * among them) that do not resolve. An image's alt text is in `descr` only,
 * so that a screen reader reads it once.
 */
const FOLDERS = ["", "egna-avsnitt", "husstil-malmo", "markdown-alla"];
const CASES = FOLDERS.flatMap((folder) =>
  readdirSync(join(ROOT, "fixtures", folder))
    .filter((name) => name.endsWith(".yaml") && name !== "remiss.config.yaml")
    .map((name) => posix.join(folder, name)),
);

let dir: string;
const drafts = new Map<string, Record<string, string>>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-word-repairs-"));
  for (const folder of FOLDERS.filter((f) => f !== "")) cpSync(join(ROOT, "fixtures", folder), join(dir, folder), { recursive: true });
  for (const name of CASES.filter((c) => !c.includes("/"))) cpSync(join(ROOT, "fixtures", name), join(dir, name));
  for (const name of CASES) {
    const result = runCli(["draft", name, "--format", "docx", "--force"], { cwd: dir });
    expect(result.stderr + result.stdout, name).toMatch(/Skrev /u);
    expect(result.code, name).toBe(0);
    drafts.set(name, docxParts(readFileSync(join(dir, name.replace(/\.yaml$/u, ".docx")))));
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("every fixture's DOCX, part by part, has none of the markup Word repairs", () => {
  it("drafts every fixture, ten of them", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of CASES) {
    describe(name, () => {
      const parts = () => drafts.get(name)!;

      it("writes the separator notes as Word does: one paragraph, one run, only the separator", () => {
        for (const part of ["word/footnotes.xml", "word/endnotes.xml"]) {
          const xml = parts()[part];
          if (xml === undefined) continue;
          const kind = part.includes("foot") ? "footnote" : "endnote";
          const separators = [...xml.matchAll(new RegExp(`<w:${kind} w:type="(separator|continuationSeparator)"[^>]*>(.*?)</w:${kind}>`, "gsu"))];
          expect(separators.map((m) => m[1]), part).toEqual(["separator", "continuationSeparator"]);
          for (const [, type, inner] of separators) {
            expect(inner, `${part} ${type}`).toMatch(new RegExp(`^<w:p>(?:<w:pPr>(?:(?!</w:pPr>).)*</w:pPr>)?<w:r><w:${type}/></w:r></w:p>$`, "su"));
          }
        }
      });

      it("has no newline inside w:t", () => {
        for (const [part, xml] of Object.entries(parts())) {
          if (!part.endsWith(".xml")) continue;
          for (const [text] of xml.matchAll(/<w:t(?:\s[^>]*)?>[^<]*<\/w:t>/gu)) expect(text, part).not.toMatch(/[\r\n]/u);
        }
      });

      it("gives every table a w:tblGrid", () => {
        for (const [part, xml] of Object.entries(parts())) {
          const tables = xml.match(/<w:tbl>/gu)?.length ?? 0;
          expect(xml.match(/<w:tblGrid>/gu)?.length ?? 0, part).toBe(tables);
        }
      });

      it("has every abstractNum before the first num", () => {
        const xml = parts()["word/numbering.xml"];
        if (xml === undefined) return;
        const lastAbstract = xml.lastIndexOf("<w:abstractNum ");
        const firstNum = xml.indexOf("<w:num ");
        if (lastAbstract >= 0 && firstNum >= 0) expect(lastAbstract).toBeLessThan(firstNum);
      });

      it("resolves every relationship of every part, the headers' and footers' among them", () => {
        const all = parts();
        for (const [rels, xml] of Object.entries(all)) {
          if (!rels.endsWith(".rels")) continue;
          // _rels/.rels belongs to the package, word/_rels/document.xml.rels to word/document.xml.
          const source = rels.replace(/(^|\/)_rels\/([^/]*)\.rels$/u, "$1$2");
          const base = source === "" ? "" : posix.dirname(source);
          const ids = new Set<string>();
          for (const [relationship] of xml.matchAll(/<Relationship\b[^>]*>/gu)) {
            const id = /\sId="([^"]*)"/u.exec(relationship)![1]!;
            ids.add(id);
            if (/TargetMode="External"/u.test(relationship)) continue;
            const target = /\sTarget="([^"]*)"/u.exec(relationship)![1]!;
            const resolved = target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(base, target));
            expect(Object.keys(all), `${rels} ${id} → ${target}`).toContain(resolved);
          }
          const owner = all[source];
          if (owner === undefined) continue;
          for (const [, id] of owner.matchAll(/\sr:(?:id|embed|link)="([^"]*)"/gu)) expect([...ids], `${source} refers to ${id}`).toContain(id);
        }
        const body = all["word/document.xml"]!;
        const headersAndFooters = [...body.matchAll(/<w:(?:header|footer)Reference\b[^>]*\sr:id="([^"]*)"/gu)];
        expect(headersAndFooters.length).toBeGreaterThan(0);
      });

      it("puts an image's alt text in wp:docPr/@descr only", () => {
        for (const [part, xml] of Object.entries(parts())) {
          for (const [docPr] of xml.matchAll(/<wp:docPr\b[^>]*>/gu)) {
            expect(docPr, part).toMatch(/\sdescr="[^"]+"/u);
            expect(docPr, part).not.toMatch(/\stitle=/u);
          }
        }
      });
    });
  }

  it("keeps a drawing in a fixture with an image, and a real footnote's reference run", () => {
    const all = [...drafts.values()];
    expect(all.some((p) => Object.values(p).some((xml) => xml.includes("<wp:docPr ")))).toBe(true);
    expect(all.some((p) => /<w:footnote w:id="[1-9]\d*">.*<w:footnoteRef\/>/su.test(p["word/footnotes.xml"] ?? ""))).toBe(true);
  });
});

