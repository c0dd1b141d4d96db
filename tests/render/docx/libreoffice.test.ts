import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDocx } from "../../../src/render/docx/index.js";
import { REFERENCE_MD, THREE_SIGNATORIES_MD } from "./inputs.js";

/**
 * The DOCX as LibreOffice lays it out: converted to PDF, read back with
 * poppler. Checks what only a layout engine can: the page count, and that
 * the PAGE and NUMPAGES fields give "Sida N (M)" on every page.
 *
 * LibreOffice is required, not optional: without it this test fails.
 * CI installs it (.ci/run); locally: apt-get install libreoffice-writer-nogui poppler-utils.
 */
const INSTALL_HINT = "install libreoffice-writer-nogui and poppler-utils (apt-get install libreoffice-writer-nogui poppler-utils); CI installs them";

function requireTool(command: string, args: string[]): void {
  const probe = spawnSync(command, args, { encoding: "utf8", timeout: 60_000 });
  if (probe.error) throw new Error(`${command} is not on PATH (${probe.error.message}): ${INSTALL_HINT}`);
}

function run(command: string, args: string[], timeout = 30_000): string {
  const result = spawnSync(command, args, { encoding: "utf8", timeout });
  if (result.error) throw new Error(`${command} failed: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

function pageCount(pdf: string): number {
  const match = /^Pages:\s+(\d+)$/m.exec(run("pdfinfo", [pdf]));
  if (!match) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(match[1]);
}

function pageText(pdf: string, page: number): string {
  return run("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"]);
}

describe("the DOCX in LibreOffice", () => {
  let dir: string;
  beforeAll(async () => {
    requireTool("soffice", ["--version"]);
    requireTool("pdfinfo", ["-v"]);
    dir = mkdtempSync(join(tmpdir(), "remiss-docx-lo-"));
    writeFileSync(join(dir, "referens.docx"), await renderDocx(REFERENCE_MD));
    writeFileSync(join(dir, "tre-underskrifter.docx"), await renderDocx(THREE_SIGNATORIES_MD));
    // A profile of its own, so parallel runs and a running LibreOffice do not clash.
    run(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, "profil")).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        join(dir, "referens.docx"),
        join(dir, "tre-underskrifter.docx"),
      ],
      120_000,
    );
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("lays out the reference on several pages, each with Sida N (M) at the top", () => {
    const pdf = join(dir, "referens.pdf");
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(5);
    for (let page = 1; page <= pages; page++) {
      expect(pageText(pdf, page), `page ${page}`).toContain(`Sida ${page} (${pages})`);
    }
  });

  it("shows page 1 as a tjänsteutlåtande: letterhead, document info once, handläggare, addressee, title, address at the foot", () => {
    const text = pageText(join(dir, "referens.pdf"), 1);
    for (const line of [
      "Södermalms stadsdelsförvaltning",
      "Stadsdelsdirektörens stab och kansli",
      "Tjänsteutlåtande",
      "2025-10-07",
      "Handläggare: Kim Lindqvist",
      "Telefon: 08-508 12 345",
      "Till Södermalms stadsdelsnämnd",
      "Förvaltningens förslag till beslut",
      "Virkesvägen 3",
      "Växel 08-508 12 000",
      "soder@stockholm.se",
    ]) {
      expect(text).toContain(line);
    }
    // The document info in the body and the header do not both show the Dnr and date.
    expect(text.split("Dnr SÖD 2025/1234").length - 1).toBe(1);
    expect(text.split("2025-10-07").length - 1).toBe(1);
    // The address is on page 1 only; later pages carry the Dnr.
    const second = pageText(join(dir, "referens.pdf"), 2);
    expect(second).not.toContain("Växel");
    expect(second).toContain("Dnr SÖD 2025/1234");
  });

  it("starts each numbered list at 1 and sets the signatories side by side", () => {
    const pdf = join(dir, "tre-underskrifter.pdf");
    const text = Array.from({ length: pageCount(pdf) }, (_, i) => pageText(pdf, i + 1)).join("\n");
    expect(text).toMatch(/1\.\s+Stadsdelsnämnden överlämnar förvaltningens tjänsteutlåtande/);
    expect(text).toMatch(/2\.\s+Stadsdelsnämnden justerar beslutet omedelbart\./);
    expect(text).toMatch(/1\.\s+Skrivelsen\./);
    expect(text).toMatch(/2\.\s+Karta över skolvägar\./);
    expect(text).not.toMatch(/3\.\s+Skrivelsen\./);
    const layout = Array.from({ length: pageCount(pdf) }, (_, i) =>
      run("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"]),
    ).join("\n");
    expect(layout).toMatch(/Eva Ek {2,}Per Lund/);
    expect(layout).toMatch(/Stadsdelsdirektör {2,}Avdelningschef/);
    expect(layout).not.toMatch(/Per Lund {2,}Aino Kask/);
  });

  it("exports the headings as PDF bookmarks, and the language", () => {
    const pdf = readFileSync(join(dir, "referens.pdf")).toString("latin1");
    expect(pdf).toMatch(/\/Outlines\s*\d+ 0 R/);
    expect(pdf).toMatch(/\/Lang\s*\(sv-SE\)/);
    // Outline items: a /Title (UTF-16 in hex) with a /Dest.
    const bookmarks = [...pdf.matchAll(/\/Title\s*<FEFF([0-9A-Fa-f]*)>\s*\/Dest/g)].map((m) =>
      Buffer.from(m[1]!, "hex").swap16().toString("utf16le"),
    );
    expect(bookmarks).toEqual([
      "Motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga",
      "Förvaltningens förslag till beslut",
      "Sammanfattning",
      "Bakgrund",
      "Ärendet",
      "Ärendets beredning",
      "Förvaltningens synpunkter och förslag",
      "Barnrättsanalys",
      "Jämställdhetsanalys",
      "Bilagor",
    ]);
    // The sections are nested under the title: its outline item counts nine children.
    expect(pdf).toMatch(/<<\s*\/Count\s+9\b[^>]*\/Title\s*<FEFF004D006F00740069006F006E/);
  });
});
