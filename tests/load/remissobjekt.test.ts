import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCaseText } from "../../src/load/index.js";

/**
 * The loader's answers for the remitted document, own sections and the
 * closing text: each a Swedish message at FILE:LINE:COL with the field path.
 */
const MINIMAL = readFileSync(new URL("../../fixtures/minimal.yaml", import.meta.url), "utf8");
/** The minimal case with `remissobjekt:` for `motion:`. */
const V2 = MINIMAL.replace("\nmotion:\n", "\nremissobjekt:\n");

function findings(text: string): string[] {
  return loadCaseText(text, "case.yaml").diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`);
}

describe("remissobjekt and motion", () => {
  it("accepts either, and means the same", () => {
    const v1 = loadCaseText(MINIMAL, "v1.yaml");
    const v2 = loadCaseText(V2, "v2.yaml");
    expect(v1.diagnostics).toEqual([]);
    expect(v2.diagnostics).toEqual([]);
    expect(v1.case!.remissobjekt).toEqual(v2.case!.remissobjekt);
    expect([v1.case!.formatVersion, v2.case!.formatVersion]).toEqual([1, 2]);
  });

  it("refuses both in one file, at the second one's key", () => {
    const both = `${V2}motion:\n  titel: X\n  beskrivning: Y\n  forfattare: [{namn: A}]\n  yrkanden: [Att b.]\n`;
    expect(findings(both)).toEqual([
      "28:1 error schema/dubblett Filen har både ”motion” och ”remissobjekt”. Behåll det ena: remissobjekt (motion är det äldre namnet på samma fält).",
    ]);
  });

  it("says remissobjekt is missing when neither is there", () => {
    const none = MINIMAL.replace(/\nmotion:\n(?: {2}.*\n)+/u, "\n");
    expect(findings(none)).toEqual([
      "1:1 error schema/saknas ”remissobjekt” saknas. Lägg till remissobjekt: med det remitterade dokumentets typ, titel och beskrivning. (remissobjekt)",
    ]);
  });

  it("accepts a kind written with å, ä or ö and normalises it", () => {
    const loaded = loadCaseText(V2.replace("  titel: Motion", "  typ: medborgarförslag\n  titel: Motion"), "case.yaml");
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.case!.remissobjekt.typ).toBe("medborgarforslag");
  });

  it("suggests the kind closest to a misspelt one", () => {
    expect(findings(V2.replace("  titel: Motion", "  typ: betänkandet\n  titel: Motion"))[0]).toMatch(
      /^10:8 error schema\/varde ”typ” ska vara ”motion”, ”skrivelse”, .* eller ”annat”, inte ”betänkandet”\. Menade du ”betankande”\? \(remissobjekt\.typ\)$/u,
    );
  });
});

describe("what each kind requires", () => {
  it("requires authors of a motion, skrivelse or medborgarförslag, not of a betänkande", () => {
    const noAuthors = V2.replace("  forfattare:\n    - namn: Alva Berg\n", "");
    expect(findings(noAuthors)).toEqual([
      "9:1 error schema/saknas ”forfattare” saknas: en motion ska ha minst en författare (namn, parti eller båda). Lägg till dem under ”remissobjekt”. (remissobjekt.forfattare)",
    ]);
    expect(findings(noAuthors.replace("  titel: Motion", "  typ: medborgarforslag\n  titel: Motion"))[0]).toContain(
      "ett medborgarförslag ska ha minst en författare",
    );
    expect(findings(noAuthors.replace("  titel: Motion", "  typ: betankande\n  titel: Motion"))).toEqual([]);
  });

  it("requires att-satser of a motion and a skrivelse, not of a medborgarförslag", () => {
    const noYrkanden = V2.replace("  yrkanden:\n    - Att öppna fler fritidsgårdar.\n", "");
    expect(findings(noYrkanden)).toEqual([
      "9:1 error schema/saknas ”yrkanden” saknas: en motion ska ha sina att-satser, en per rad. Lägg till dem under ”remissobjekt”. (remissobjekt.yrkanden)",
    ]);
    expect(findings(noYrkanden.replace("  titel: Motion", "  typ: medborgarforslag\n  titel: Motion"))).toEqual([]);
    expect(findings(V2.replace("    - Att öppna fler fritidsgårdar.\n", "")).at(0)).toBe(
      "15:3 error schema/tom-lista ”yrkanden” är tomt: en motion ska ha sina att-satser, en per rad. Lägg till dem under ”remissobjekt”. (remissobjekt.yrkanden)",
    );
  });

  it("takes an author with a name, a party or both, never with neither", () => {
    expect(findings(V2.replace("    - namn: Alva Berg\n", "    - parti: Moderaterna\n"))).toEqual([]);
    expect(findings(V2.replace("    - namn: Alva Berg\n", "    - {}\n"))).toEqual([
      "12:7 error schema/saknas Post 1 i ”forfattare” har varken namn eller parti. Skriv namn:, parti: eller båda. (remissobjekt.forfattare[1])",
    ]);
  });

  it("requires benamning for annat and refuses it otherwise", () => {
    expect(findings(V2.replace("  titel: Motion", "  typ: annat\n  titel: Motion"))).toEqual([
      "9:1 error schema/saknas ”benamning” saknas. När typ är annat, skriv vad dokumentet heter mitt i en mening, t.ex. benamning: {obestamd: riktlinjer, bestamd: riktlinjerna}. (remissobjekt.benamning)",
    ]);
    expect(findings(V2.replace("  titel: Motion", "  benamning: {obestamd: plan, bestamd: planen}\n  titel: Motion"))).toEqual([
      "10:3 error schema/okand-nyckel ”benamning” behövs bara när typ är annat; för en motion skriver remiss orden själv. Ta bort benamning. (remissobjekt.benamning)",
    ]);
  });

  it("accepts a remiss without dnr and without a reply date", () => {
    expect(findings(V2.replace("  dnr: KS 2025/1001\n  svar_senast: 2025-12-01\n", ""))).toEqual([]);
  });
});

describe("own sections", () => {
  const withOwn = (entries: string) => `${V2}egna_avsnitt:\n${entries}`;

  it("refuses a built-in heading, two with the same heading and an unknown efter, each at its line", () => {
    const text = withOwn(
      [
        "  - rubrik: Barnrättsanalys",
        "    text: X.",
        "  - rubrik: Risker",
        "    text: Y.",
        "  - rubrik: risker",
        "    text: Z.",
        "  - rubrik: Uppföljning",
        "    efter: synpunkter-och-forslag",
        "    text: W.",
        "",
      ].join("\n"),
    );
    expect(findings(text)).toEqual([
      "29:13 error schema/eget-avsnitt ”Barnrättsanalys” är rubriken på ett av dokumentets inbyggda avsnitt. Ge det egna avsnittet en annan rubrik, eller skriv texten i fältet barnrattsanalys. (egna_avsnitt[1].rubrik)",
      "33:13 error schema/eget-avsnitt Två egna avsnitt heter ”risker” (post 2 och 3). Ge dem olika rubriker, eller slå ihop dem. (egna_avsnitt[3].rubrik)",
      "36:12 error schema/eget-avsnitt Det finns inget avsnitt ”synpunkter-och-forslag” i dokumentet att placera ”Uppföljning” efter. Välj ett av: forslag-till-beslut, sammanfattning, bakgrund, arendet, beredning, synpunkter, barnrattsanalys, jamstalldhetsanalys. (egna_avsnitt[4].efter)",
    ]);
  });

  it("suggests the section id closest to a misspelt efter", () => {
    expect(findings(withOwn("  - rubrik: Risker\n    efter: synpunkter\n    text: Y.\n"))).toEqual([]);
    expect(findings(withOwn("  - rubrik: Risker\n    efter: synpunker\n    text: Y.\n"))[0]).toContain("Menade du ”synpunkter”?");
  });

  it("requires text in an own section", () => {
    expect(findings(withOwn("  - rubrik: Risker\n    text: |\n\n"))[0]).toBe(
      "30:11 error schema/tom ”text” är tomt. Skriv en text. (egna_avsnitt[1].text)",
    );
  });

  it("refuses a level-1 or level-2 heading in an own section's text and in the closing text", () => {
    const text = `${withOwn("  - rubrik: Risker\n    text: |\n      ## Egen\n      Text.\n")}avslutning: |\n  # Slut\n`;
    expect(findings(text).map((f) => f.replace(/ Använd.*$/u, ""))).toEqual([
      "31:7 error schema/rubrikniva Rubriker på nivå 2 är förbehållna dokumentets egna avsnitt.",
      "34:3 error schema/rubrikniva Rubriker på nivå 1 är förbehållna dokumentets egna avsnitt.",
    ]);
  });
});

describe("messages that agree with their noun", () => {
  it("says an empty list item is tom and an empty field tomt", () => {
    const text = V2.replace("  svar_senast: 2025-12-01\n", "  svar_senast: 2025-12-01\n  aven_till:\n    -\n");
    expect(findings(text)).toEqual([
      "10:6 error schema/tom Post 1 i ”aven_till” är tom. Fyll i en text. (remiss.aven_till[1])",
    ]);
    expect(findings(V2.replace("  titel: Motion om fler fritidsgårdar", '  titel: ""'))).toEqual([
      "10:10 error schema/tom ”titel” är tomt. Skriv en text. (remissobjekt.titel)",
    ]);
  });
});

describe("heading levels in the writer's text", () => {
  it("refuses a heading that skips a level, also inside a quote, and accepts one that steps down one at a time", () => {
    const text = V2.replace(
      "synpunkter: |\n  Förvaltningen delar skribentens bild.\n",
      "synpunkter: |\n  #### Kostnader\n  Text.\n  ### Placering\n  > ##### Citat\n  #### Detaljer\n",
    );
    expect(findings(text)).toEqual([
      "20:3 error schema/rubrikniva Rubriken har nivå 4 men står under en rubrik på nivå 2; en nivå får inte hoppas över. Skriv ### i stället för ####. (synpunkter)",
      "23:5 error schema/rubrikniva Rubriken har nivå 5 men står under en rubrik på nivå 3; en nivå får inte hoppas över. Skriv #### i stället för #####. (synpunkter)",
    ]);
    expect(findings(V2.replace("  Förvaltningen delar skribentens bild.\n", "  ### A\n  #### B\n  ### C\n"))).toEqual([]);
  });
});
