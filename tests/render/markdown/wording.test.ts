import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadCaseText } from "../../../src/load/index.js";
import { SECTIONS } from "../../../src/model/sections.js";
import { parseMarkdown } from "../../../src/readers/markdown/parse.js";
import { createMarkdownRenderer } from "../../../src/render/markdown/render.js";
import { buildViewModel } from "../../../src/view/model.js";

/**
 * The generated wording, case by case, drafted through the whole pipeline
 * from YAML: each rule of the issue, on a variation of the minimal case.
 */
const MINIMAL = parse(readFileSync(new URL("../../../fixtures/minimal.yaml", import.meta.url), "utf8")) as Record<string, any>;
const render = createMarkdownRenderer();

function draft(change: (c: Record<string, any>) => void): string {
  const data = structuredClone(MINIMAL);
  change(data);
  const loaded = loadCaseText(stringify(data), "case.yaml");
  expect(loaded.diagnostics).toEqual([]);
  return render(buildViewModel(loaded.case!));
}

function lines(markdown: string): string[] {
  return markdown.split("\n");
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  const end = markdown.indexOf("\n## ", start + 4);
  return markdown.slice(start, end === -1 ? undefined : end);
}

const [BESLUT, SAMMANFATTNING, BAKGRUND, ARENDET, BEREDNING, SYNPUNKTER] = SECTIONS.map((s) => s.heading);

describe("generated wording", () => {
  it("writes a skrivelse with several authors", () => {
    const md = draft((c) => {
      c.motion.typ = "skrivelse";
      c.motion.titel = "Skrivelse om trygga skolvägar";
      c.motion.forfattare = [
        { namn: "Karin Ek", parti: "S" },
        { namn: "Omar Ali", parti: "V" },
      ];
    });
    expect(lines(md)).toContain("Stadsdelsnämnden har på remiss från kommunstyrelsen fått en skrivelse om trygga skolvägar.");
    expect(lines(md)).toContain("Skrivelsen är skriven av Karin Ek (S) och Omar Ali (V).");
    expect(lines(md)).toContain("Skribenterna föreslår kommunstyrelsen att besluta följande:");
  });

  it("asks kommunfullmäktige for a motion unless motion.till says otherwise", () => {
    expect(lines(draft(() => {}))).toContain("Skribenten föreslår kommunfullmäktige att besluta följande:");
    expect(lines(draft((c) => (c.motion.till = "Socialnämnden")))).toContain("Skribenten föreslår socialnämnden att besluta följande:");
  });

  it("uses the nämnd's definite form, capitalised at the start of a sentence", () => {
    const md = draft((c) => (c.forvaltning.namnd = "Kungsholmens stadsdelsnämnd"));
    expect(section(md, BESLUT!)).toContain("\nStadsdelsnämnden överlämnar förvaltningens tjänsteutlåtande som svar på remissen.\n");
    expect(md).toContain("Förvaltningen föreslår att stadsdelsnämnden överlämnar tjänsteutlåtandet till kommunstyrelsen som svar på remissen.");
  });

  it("leaves out the remissinstanser paragraph without aven_till, and merges names with it", () => {
    expect(section(draft(() => {}), BAKGRUND!)).not.toContain("har även remitterats");
    const md = draft((c) => (c.remiss.aven_till = ["Farsta stadsdelsnämnd", "Skärholmens stadsdelsnämnd", "Älvsjö stadsdelsnämnd"]));
    expect(lines(md)).toContain("Motionen har även remitterats till Farsta, Skärholmens och Älvsjö stadsdelsnämnder.");
  });

  it("ends the beredning sentence where it was prepared, without i_samverkan_med and behandlats", () => {
    const md = draft((c) => (c.forvaltning.avdelning = "Avdelningen för stöd och service"));
    expect(section(md, BEREDNING!).trim().split("\n").slice(4)).toEqual(["Ärendet har beretts i avdelningen för stöd och service."]);
  });

  it("names organs that treated the case on one date, or each with its date", () => {
    const one = draft((c) => {
      c.beredning = { behandlats: [{ organ: "förvaltningsgruppen", datum: "2025-10-06" }, { organ: "pensionärsrådet", datum: "2025-10-06" }] };
    });
    expect(lines(one)).toContain("Ärendet har behandlats i förvaltningsgruppen och pensionärsrådet den 6 oktober 2025.");
    const two = draft((c) => {
      c.beredning = { behandlats: [{ organ: "förvaltningsgruppen", datum: "2025-12-01" }, { organ: "pensionärsrådet", datum: "2025-12-03" }] };
    });
    expect(lines(two)).toContain("Ärendet har behandlats i förvaltningsgruppen den 1 december 2025 och i pensionärsrådet den 3 december 2025.");
  });

  it("numbers several points of förslag till beslut", () => {
    const md = draft((c) => (c.forslag_till_beslut = ["Nämnden överlämnar utlåtandet.", "Nämnden justerar beslutet omedelbart."]));
    expect(section(md, BESLUT!)).toContain("\n1. Nämnden överlämnar utlåtandet.\n2. Nämnden justerar beslutet omedelbart.\n");
  });

  it("writes one sentence per line, and abbreviations do not end a sentence", () => {
    const md = draft((c) => (c.synpunkter = "Det finns t.ex. fritidsgårdar i\nFarsta. Det behövs bl.a. fler. Se s.k. öppna\nverksamheter."));
    expect(section(md, SYNPUNKTER!)).toContain("\nDet finns t.ex. fritidsgårdar i Farsta.\nDet behövs bl.a. fler.\nSe s.k. öppna verksamheter.\n");
  });

  it("keeps plain fields literal: a title that looks like Markdown stays text", () => {
    for (const titel of ["1. Stadens mål", "*Viktigt* om <skolor> & [parker]", "# Rubrik", "- punkt"]) {
      const tree = parseMarkdown(draft((c) => (c.motion.titel = titel)));
      const heading = tree.children.find((n) => n.type === "heading" && n.depth === 1);
      expect(heading && "children" in heading ? heading.children.map((n) => ("value" in n ? n.value : "")).join("") : "").toBe(titel);
    }
  });

  it("never evaluates template syntax in the writer's text", () => {
    const md = draft((c) => (c.sammanfattning = "Texten {{titel}} och {{> sektioner/bakgrund}} står kvar."));
    expect(section(md, SAMMANFATTNING!)).toContain("Texten {{titel}} och {{> sektioner/bakgrund}} står kvar.");
  });

  it("keeps the writer's own headings, lists and emphasis in Ärendet", () => {
    const md = draft((c) => (c.motion.beskrivning = "Inledning.\n\n### Egen rubrik\n\n- En **viktig** punkt.\n- En till."));
    expect(section(md, ARENDET!)).toContain("\nInledning.\n\n### Egen rubrik\n\n- En **viktig** punkt.\n- En till.\n");
  });

  it("puts every section heading once, in the order of the section list", () => {
    const headings = lines(draft(() => {})).filter((l) => l.startsWith("## ")).map((l) => l.slice(3));
    expect(headings).toEqual(SECTIONS.filter((s) => s.required).map((s) => s.heading));
  });
});
