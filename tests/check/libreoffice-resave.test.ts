import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRules } from "../../src/check/engine.js";
import { strFromU8, unzipSync } from "fflate";
import { readDocx } from "../../src/check/readers/docx.js";
import { renderDocx } from "../../src/render/docx/index.js";

/**
 * A DOCX as it comes back from a word processor: drafted, then opened and
 * saved again by LibreOffice (which rewrites every part). `check` still finds
 * the sections, the closing and a leftover TODO in it. LibreOffice is required
 * (CI installs it in .ci/run).
 */
const reference = readFileSync(new URL("../../fixtures/sodermalm-ks-2025-804.md", import.meta.url), "utf8");
const start = reference.indexOf("## Jämställdhetsanalys");
const edited = `${reference.slice(0, start)}## Jämställdhetsanalys\n\n${reference.slice(reference.indexOf("<!-- avslutning -->"))}`.replace(
  "## Bakgrund\n",
  "## Bakgrund\n\nTODO: kolla datumet.\n",
);

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "remiss-resave-"));
  writeFileSync(join(dir, "ok.docx"), await renderDocx(reference));
  writeFileSync(join(dir, "redigerad.docx"), await renderDocx(edited));
  const result = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, "profil")).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "docx:MS Word 2007 XML",
      "--outdir",
      join(dir, "sparad"),
      join(dir, "ok.docx"),
      join(dir, "redigerad.docx"),
    ],
    { encoding: "utf8", timeout: 120_000 },
  );
  if (result.error || result.status !== 0) {
    throw new Error(`soffice could not re-save the DOCX (${result.error?.message ?? result.stderr}): install libreoffice-writer-nogui; CI installs it`);
  }
}, 180_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function errors(file: string) {
  return runRules(readDocx(readFileSync(join(dir, "sparad", file)))).filter((f) => f.severity === "error");
}

describe("check on a DOCX re-saved by LibreOffice", () => {
  it("keeps the page-1 document info as body text in reading order, not a floating text box", () => {
    const xml = strFromU8(unzipSync(readFileSync(join(dir, "sparad", "ok.docx")))["word/document.xml"]!);
    expect(xml).not.toMatch(/<w:txbxContent|<w:framePr/u);
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]!);
    const label = texts.indexOf("Tjänsteutlåtande");
    const handlaggare = texts.findIndex((t) => t.startsWith("Handläggare"));
    expect(label).toBeGreaterThanOrEqual(0);
    expect(label).toBeLessThan(handlaggare);
  });

  it("finds no errors in the drafted reference", () => {
    expect(errors("ok.docx")).toEqual([]);
  });

  it("finds the emptied last section and the TODO", () => {
    expect(errors("redigerad.docx").sort((a, b) => a.line - b.line).map((f) => [f.rule, f.message])).toEqual([
      ["text/platshallare", "Platshållaren ”TODO: kolla datumet.” står kvar. Gör klart det som återstår och ta bort markeringen."],
      ["sektion/tom", "Avsnittet ”Jämställdhetsanalys” är tomt. Skriv avsnittets text under rubriken."],
    ]);
  });
});
