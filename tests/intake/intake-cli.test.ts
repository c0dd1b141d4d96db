import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasStackTrace, ROOT, runCli } from "../support/cli.js";

/**
 * `remiss init --fran DOKUMENT --remissbrev DOKUMENT` through the real CLI:
 * the starter it writes drafts without errors, `check` finds nothing in it
 * but placeholders, the att-satser are the document's own bytes, every
 * filled field says where it came from, and a document it cannot read is
 * exit 2 with nothing written.
 */
const KALLOR = join(ROOT, "fixtures", "kallor");
const LETTER = "remiss-stockholm-ks-2025-804.pdf";
const DOCUMENTS = readdirSync(KALLOR)
  .filter((name) => name.endsWith(".expected.json") && !name.startsWith("remiss-"))
  .map((name) => name.replace(/\.expected\.json$/u, ""));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-intake-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function init(...args: string[]) {
  const result = runCli(["init", "arende.yaml", ...args], { cwd: dir });
  expect(hasStackTrace(result.stderr)).toBe(false);
  return result;
}

describe("init --fran and --remissbrev", () => {
  for (const name of DOCUMENTS) {
    for (const ext of [".pdf", ".docx"]) {
      it(`${name}${ext}: a starter that drafts, with nothing but placeholders for check`, () => {
        copyFileSync(join(KALLOR, `${name}${ext}`), join(dir, `${name}${ext}`));
        copyFileSync(join(KALLOR, LETTER), join(dir, LETTER));
        const result = init("--fran", `${name}${ext}`, "--remissbrev", LETTER);
        expect(result.code).toBe(0);
        expect(result.stdout.split("\n")[1]).toMatch(/^Hittade: .*remittent Kommunstyrelsen, Dnr KS 2025\/804, svar senast 28 oktober 2025, 4 andra remissinstanser\. (?:Osäkert, se kommentaren ”kanske”: [^.]*\. )?Fyll i: /u);
        const expected = JSON.parse(readFileSync(join(KALLOR, `${name}.expected.json`), "utf8")) as { yrkanden: string[]; titel: string | null };
        const written = readFileSync(join(dir, "arende.yaml"), "utf8");
        const data = parse(written) as { remissobjekt: { yrkanden: string[]; titel: string }; remiss: { svar_senast: string } };
        // The att-satser byte for byte, as the document writes them.
        if (expected.yrkanden.length > 0) expect(data.remissobjekt.yrkanden).toEqual(expected.yrkanden);
        if (expected.titel) expect(data.remissobjekt.titel).toBe(expected.titel);
        expect(data.remiss.svar_senast).toBe("2025-10-28");
        expect(written).toMatch(new RegExp(`titel: .*# ur ${name}\\${ext}, ${ext === ".pdf" ? "sida \\d+, rad \\d+" : "stycke \\d+"}`, "u"));
        expect(written).toContain(`dnr: KS 2025/804   # ur ${LETTER}, sida 1, rad 1`);

        const draft = runCli(["draft", "arende.yaml"], { cwd: dir });
        expect(draft.stderr).not.toContain(": fel: ");
        expect(draft.code).toBe(0);
        const check = runCli(["check", "arende.yaml", "--format", "json"], { cwd: dir });
        const errors = (JSON.parse(check.stdout) as { severity: string; rule: string }[]).filter((f) => f.severity === "error");
        expect(errors.length).toBeGreaterThan(0);
        expect([...new Set(errors.map((f) => f.rule))]).toEqual(["text/platshallare"]);
      });
    }
  }

  it("says exactly what it found in a one-column party motion, and marks the document's own text for rewriting", () => {
    copyFileSync(join(KALLOR, "motion-botkyrka-besvara-motioner.pdf"), join(dir, "motion.pdf"));
    copyFileSync(join(KALLOR, LETTER), join(dir, "remiss.pdf"));
    const result = init("--fran", "motion.pdf", "--remissbrev", "remiss.pdf");
    expect(result.stdout).toBe(
      "Skrev arende.yaml. Fyll i fälten och kör sedan: remiss draft arende.yaml\n" +
        "Hittade: titel, till kommunfullmäktige, 1 författare, 1 att-sats, beskrivning (6 stycken), remittent Kommunstyrelsen, Dnr KS 2025/804, svar senast 28 oktober 2025, 4 andra remissinstanser. " +
        "Fyll i: forvaltning, dnr, handlaggare, remissobjekt, beredning, sammanfattning, synpunkter, barnrattsanalys, jamstalldhetsanalys, underskrifter, bilagor.\n",
    );
    const written = readFileSync(join(dir, "arende.yaml"), "utf8");
    expect(written).toContain("  forfattare:   # ur motion.pdf, sida 1, rad ");
    expect(written).toContain("    - namn: Stina Lundgren\n      parti: M\n");
    expect(written).toContain("  till: kommunfullmäktige   # ur motion.pdf, sida 1, rad ");
    expect(written).toContain("  beskrivning: |   # dokumentets egen text ur motion.pdf, sida 1, rad ");
    expect(written).toContain("    [Skriv om med förvaltningens ord. Nedan står dokumentets egen text.]\n\n    Är det av nonchalans, inkompetens");
    // The kind is not in the title ("Motioner ska besvaras …"): the starter's placeholder stays, with no claim of where it came from.
    expect(written).toMatch(/^ {2}typ: "\[Fyll i typ\]" {10}# motion, skrivelse/mu);
    expect(written).toContain("  aven_till:   # ur remiss.pdf, sida 1, rad ");
  });

  it("leaves out the writer's own nämnd from the other remissinstanser", () => {
    writeFileSync(join(dir, "remiss.txt"), "Remiss från Kommunstyrelsen, KS 2025/1\n\nRemissen skickas till: Södermalms stadsdelsnämnd, Farsta stadsdelsnämnd och Socialnämnden.\n");
    writeFileSync(join(dir, "remiss.config.yaml"), "forvaltning:\n  namn: Södermalms stadsdelsförvaltning\n  namnd: Södermalms stadsdelsnämnd\n");
    init("--remissbrev", "remiss.txt");
    expect((parse(readFileSync(join(dir, "arende.yaml"), "utf8")) as { remiss: { aven_till: string[] } }).remiss.aven_till).toEqual(["Farsta stadsdelsnämnd", "Socialnämnden"]);
  });
});

describe("init --fran and --remissbrev, nothing guessed", () => {
  const MOTION = "Motion om hjärtstartare\n\nKommunens lokaler har för få hjärtstartare.\n\nVi föreslår\n\natt kommunen köper in hjärtstartare\n\nAnna Berg (V)\n";
  const LETTER = "Remiss från Kommunstyrelsen, KS 2025/804\n\nRemissen ska besvaras senast den 7 oktober 2025.\n\nRemissinstanser: stadsledningskontoret, socialnämnden\n";

  it("leaves a sender it is unsure of as a placeholder, with the candidate in a comment, and says so", () => {
    writeFileSync(join(dir, "remiss.txt"), "2025-09-01\n\nSocialnämnden\n\nVi vill ha era synpunkter på förslaget senast den 7 oktober 2025.\n");
    const result = init("--remissbrev", "remiss.txt");
    expect(result.code).toBe(0);
    const written = readFileSync(join(dir, "arende.yaml"), "utf8");
    expect(written).toContain('  fran: "[Fyll i vem remissen kommer från, t.ex. Kommunstyrelsen]"\n    # kanske: Socialnämnden (remiss.txt, rad 3)\n');
    expect(result.stdout.split("\n")[1]).toMatch(/^Hittade: svar senast 7 oktober 2025\. Osäkert, se kommentaren ”kanske”: remittent\. Fyll i: /u);
    expect(result.stderr).toBe("remiss.txt:0:0: varning: remissbrevet säger inte säkert vem remissen kommer från; kanske Socialnämnden (se kommentaren i ärendet). Fyll i remiss.fran själv.\n");
    // The starter still drafts: the comment is YAML's, the placeholder check's.
    expect(runCli(["draft", "arende.yaml"], { cwd: dir }).code).toBe(0);
  });

  it("reads a letter's sender and Dnr from its Word header and says so in the comment", async () => {
    const { Document, Header, Paragraph, docxBytes } = await import("./support/build.js");
    const document = new Document({
      sections: [{ headers: { default: new Header({ children: [new Paragraph({ text: "Kommunstyrelsen" }), new Paragraph({ text: "Dnr KS 2025/804" })] }) }, children: [new Paragraph({ text: "Remissen ska besvaras senast den 7 oktober 2025." })] }],
    });
    writeFileSync(join(dir, "remiss.docx"), await docxBytes(document));
    const result = init("--remissbrev", "remiss.docx");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const written = readFileSync(join(dir, "arende.yaml"), "utf8");
    expect(written).toContain("  fran: Kommunstyrelsen   # ur remiss.docx, sidhuvudet\n");
    expect(written).toContain("  dnr: KS 2025/804   # ur remiss.docx, sidhuvudet\n");
  });

  it("warns when the letter names no remittent", () => {
    writeFileSync(join(dir, "remiss.txt"), "Remissen ska besvaras senast den 7 oktober 2025.\n");
    const result = init("--remissbrev", "remiss.txt");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("remiss.txt:0:0: varning: remissbrevet säger inte vem remissen kommer från. Fyll i remiss.fran själv.\n");
  });

  it("warns when the remittent is the writer's own nämnd", () => {
    writeFileSync(join(dir, "remiss.txt"), "Remiss från Socialnämnden, SN 2025/12\n\nRemissen ska besvaras senast den 7 oktober 2025.\n");
    writeFileSync(join(dir, "remiss.config.yaml"), "forvaltning:\n  namn: Socialförvaltningen\n  namnd: Socialnämnden\n");
    const result = init("--remissbrev", "remiss.txt");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("remiss.txt:0:0: varning: remittenten Socialnämnden är er egen nämnd (forvaltning.namnd). Kontrollera att remissbrevet är remittentens brev och inte ett eget dokument.\n");
  });

  it("warns when --fran and --remissbrev look swapped, and when only one of them looks wrong", () => {
    writeFileSync(join(dir, "motion.txt"), MOTION);
    writeFileSync(join(dir, "remiss.txt"), LETTER);
    const swapped = init("--fran", "remiss.txt", "--remissbrev", "motion.txt");
    expect(swapped.code).toBe(0);
    expect(swapped.stderr).toContain("remiss.txt:0:0: varning: dokumenten ser ut att ha bytt plats: remiss.txt liknar ett remissbrev och motion.txt ett remitterat dokument.");
    const right = init("--fran", "motion.txt", "--remissbrev", "remiss.txt", "--force");
    expect(right.stderr).toBe("");
    const letterAsMotion = init("--fran", "remiss.txt", "--force");
    expect(letterAsMotion.stderr).toBe("remiss.txt:0:0: varning: dokumentet liknar ett remissbrev (diarienummer, svarsdag eller remissinstanser, inga att-satser), inte det remitterade dokumentet. Remittentens brev anges med --remissbrev.\n");
  });
});

describe("documents init cannot read", () => {
  /** A one-page PDF that draws a square and has no text, as a scanned page has none. */
  function pdfWithoutText(): string {
    const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"];
    const stream = "0 0 0 rg 100 100 200 200 re f";
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    let out = "%PDF-1.4\n";
    const offsets: number[] = [];
    objects.forEach((body, i) => {
      offsets.push(out.length);
      out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = out.length;
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
    out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return out;
  }

  it("refuses a PDF without text, a PDF with a password, a damaged PDF and a file of another kind, with exit 2 and nothing written", () => {
    writeFileSync(join(dir, "skannad.pdf"), pdfWithoutText());
    copyFileSync(join(ROOT, "fixtures", "kallor-fel", "losenord.pdf"), join(dir, "losenord.pdf"));
    writeFileSync(join(dir, "trasig.pdf"), "%PDF-1.4\ninte en pdf");
    writeFileSync(join(dir, "motion.odt"), "PK\u0003\u0004");
    const cases: [string, string][] = [
      ["skannad.pdf", "skannad.pdf: PDF-filen har ingen text att läsa; den är troligen inskannad som bild. Be om dokumentet som Word-fil eller sökbar PDF, eller skriv av det.\n"],
      ["losenord.pdf", "losenord.pdf: PDF-filen är skyddad med lösenord och går inte att läsa. Spara en kopia utan lösenord, eller använd Word-dokumentet.\n"],
      ["trasig.pdf", "trasig.pdf: filen går inte att läsa som PDF; den är skadad eller ingen PDF-fil.\n"],
      ["motion.odt", "motion.odt: remiss läser dokument som PDF, Word (.docx), text (.txt) eller Markdown (.md). Spara dokumentet i något av de formaten och försök igen.\n"],
    ];
    for (const [file, message] of cases) {
      const result = init("--fran", file);
      expect({ file, code: result.code, stderr: result.stderr }).toEqual({ file, code: 2, stderr: message });
    }
    const letter = init("--remissbrev", "skannad.pdf");
    expect(letter.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(["losenord.pdf", "motion.odt", "skannad.pdf", "trasig.pdf"]);
  });
});
