import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadCaseText } from "../../../src/load/index.js";
import { createMarkdownRenderer } from "../../../src/render/markdown/render.js";
import { buildViewModel } from "../../../src/view/model.js";

/**
 * The sentences remiss writes for every kind of remitted document, drafted
 * through the whole pipeline from YAML: a version-2 case (`remissobjekt`)
 * made from the minimal fixture and varied rule by rule.
 */
const MINIMAL = parse(readFileSync(new URL("../../../fixtures/minimal.yaml", import.meta.url), "utf8")) as Record<string, any>;
const BASE = (() => {
  const { motion, ...rest } = structuredClone(MINIMAL);
  return { ...rest, remissobjekt: motion };
})();
const render = createMarkdownRenderer();

function draft(change: (c: Record<string, any>) => void): string {
  const data = structuredClone(BASE);
  change(data);
  const loaded = loadCaseText(stringify(data), "case.yaml");
  expect(loaded.diagnostics).toEqual([]);
  return render(buildViewModel(loaded.case!));
}

/** The lines of the section under `## heading`. */
function section(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const end = markdown.indexOf("\n## ", start + 4);
  return markdown.slice(start, end === -1 ? undefined : end).split("\n").filter((l) => l && !l.startsWith("## ") && !l.startsWith("<!--"));
}

const medborgarforslag = (c: Record<string, any>) => {
  c.remissobjekt = {
    typ: "medborgarforslag",
    titel: "Medborgarförslag om fler bänkar i parken",
    forfattare: [{ namn: "Monica Rapp" }],
    beskrivning: "Förslagsställaren vill ha fler bänkar.\n",
  };
};

describe("the remitted document in a sentence (OBJ)", () => {
  it("reads a medborgarförslag with one author and no att-satser", () => {
    const md = draft(medborgarforslag);
    expect(section(md, "Sammanfattning").slice(0, 2)).toEqual([
      "Stadsdelsnämnden har på remiss från kommunstyrelsen fått ett medborgarförslag om fler bänkar i parken.",
      "Medborgarförslaget är skrivet av Monica Rapp.",
    ]);
    expect(section(md, "Bakgrund")).toEqual([
      "Kommunstyrelsen har remitterat ett medborgarförslag om fler bänkar i parken för yttrande senast 1 december 2025.",
      "Medborgarförslaget är skrivet av Monica Rapp.",
    ]);
    // No att-satser: no paragraph that introduces them.
    expect(section(md, "Ärendet")).toEqual(["Förslagsställaren vill ha fler bänkar."]);
  });

  it("quotes a betänkande's title, without authors and without a reply date", () => {
    const md = draft((c) => {
      c.remissobjekt = {
        typ: "betänkande",
        titel: "Effektivare samverkan för djur- och folkhälsa (SOU 2025:69)",
        beskrivning: "Utredningen föreslår en ny samverkan.\n",
        yrkanden: ["En nationell samordning inrättas."],
      };
      c.remiss = { fran: "Landsbygds- och infrastrukturdepartementet" };
    });
    expect(md).toContain("\nRemiss från Landsbygds- och infrastrukturdepartementet\n");
    expect(section(md, "Sammanfattning")[0]).toBe(
      "Stadsdelsnämnden har på remiss från Landsbygds- och infrastrukturdepartementet fått betänkandet ”Effektivare samverkan för djur- och folkhälsa (SOU 2025:69)”.",
    );
    expect(section(md, "Bakgrund")).toEqual([
      "Landsbygds- och infrastrukturdepartementet har remitterat betänkandet ”Effektivare samverkan för djur- och folkhälsa (SOU 2025:69)” för yttrande.",
    ]);
    expect(section(md, "Ärendet")).toEqual([
      "Utredningen föreslår en ny samverkan.",
      "I betänkandet föreslås följande:",
      "- En nationell samordning inrättas.",
    ]);
    expect(md).not.toMatch(/skriven av|skrivet av|Skribent/u);
  });

  it("never puts a second mark after a title's own ? or !", () => {
    const question = draft((c) => {
      c.remissobjekt.titel = "Motion: Hur har jämställdheten påverkats av vårdval?";
      c.remissobjekt.forfattare = [{ namn: "Inga Jonasson", parti: "V" }];
    });
    expect(section(question, "Sammanfattning").slice(0, 2)).toEqual([
      "Stadsdelsnämnden har på remiss från kommunstyrelsen fått motionen ”Hur har jämställdheten påverkats av vårdval?”",
      "Motionen är skriven av Inga Jonasson (V).",
    ]);
    const exclamation = draft((c) => {
      medborgarforslag(c);
      c.remissobjekt.titel = "Giftfri miljö för alla barn i förskolan!";
    });
    expect(section(exclamation, "Bakgrund")[0]).toBe(
      "Kommunstyrelsen har remitterat medborgarförslaget ”Giftfri miljö för alla barn i förskolan!” för yttrande senast 1 december 2025.",
    );
    expect(section(exclamation, "Sammanfattning")[0]).toBe(
      "Stadsdelsnämnden har på remiss från kommunstyrelsen fått medborgarförslaget ”Giftfri miljö för alla barn i förskolan!”",
    );
    expect(exclamation).not.toMatch(/[!?]”?\./u);
  });

  it("gives a bilaga that ends in ? or ! no full stop", () => {
    const md = draft((c) => (c.bilagor = ["Motionen", "Vad kostar det?", "Svar!"]));
    expect(section(md, "Bilagor")).toEqual(["1. Motionen.", "2. Vad kostar det?", "3. Svar!"]);
  });
});

describe("the authors", () => {
  it("says a party's motion comes from the party, and lets the party propose", () => {
    const md = draft((c) => (c.remissobjekt.forfattare = [{ parti: "Moderaterna" }]));
    expect(section(md, "Sammanfattning")[1]).toBe("Motionen kommer från Moderaterna.");
    expect(section(md, "Ärendet")).toContain("Moderaterna föreslår kommunfullmäktige att besluta följande:");
  });

  it("joins parties and names with parties", () => {
    expect(section(draft((c) => (c.remissobjekt.forfattare = [{ parti: "S" }, { parti: "V" }])), "Bakgrund")[1]).toBe(
      "Motionen kommer från S och V.",
    );
    expect(
      section(draft((c) => (c.remissobjekt.forfattare = [{ namn: "Andréa Hedin", parti: "M" }, { namn: "Monica Rapp" }])), "Bakgrund")[1],
    ).toBe("Motionen är skriven av Andréa Hedin (M) och Monica Rapp.");
  });

  it("calls the proposers of a medborgarförslag förslagsställaren or förslagsställarna", () => {
    const one = draft((c) => {
      medborgarforslag(c);
      c.remissobjekt.yrkanden = ["Att ställa ut fler bänkar."];
    });
    expect(section(one, "Ärendet")).toContain("Förslagsställaren föreslår kommunfullmäktige att besluta följande:");
    const two = draft((c) => {
      medborgarforslag(c);
      c.remissobjekt.forfattare.push({ namn: "Bo Ek" });
      c.remissobjekt.yrkanden = ["Att ställa ut fler bänkar."];
    });
    expect(section(two, "Ärendet")).toContain("Förslagsställarna föreslår kommunfullmäktige att besluta följande:");
    expect(section(two, "Bakgrund")[1]).toBe("Medborgarförslaget är skrivet av Monica Rapp och Bo Ek.");
  });

  it("lets `annat` name itself, with agreement from its definite form", () => {
    const md = draft((c) => {
      c.remissobjekt = {
        typ: "annat",
        benamning: { obestamd: "riktlinjer", bestamd: "riktlinjerna" },
        titel: "Riktlinjer för bostadsanpassning",
        forfattare: [{ namn: "Socialförvaltningen" }],
        beskrivning: "Riktlinjerna beskriver bidraget.\n",
      };
    });
    expect(section(md, "Bakgrund")).toEqual([
      "Kommunstyrelsen har remitterat riktlinjerna ”Riktlinjer för bostadsanpassning” för yttrande senast 1 december 2025.",
      "Riktlinjerna är skrivna av Socialförvaltningen.",
    ]);
  });
});

describe("optional fields", () => {
  it("writes the subtitle without the remittent's dnr when there is none", () => {
    const md = draft((c) => delete c.remiss.dnr);
    expect(md).toContain("\nRemiss från Kommunstyrelsen\n");
    expect(md).not.toContain("  dnr:");
  });

  it("leaves a version-1 file's sentences as they were", () => {
    const loaded = loadCaseText(stringify({ ...MINIMAL, motion: { ...MINIMAL.motion, titel: "Fler fritidsgårdar" } }), "v1.yaml");
    const md = render(buildViewModel(loaded.case!));
    expect(md).toContain("fått en motion om fler fritidsgårdar.\n");
  });
});

describe("own sections and the closing sentence", () => {
  it("places own sections after synpunkter, or after the section `efter` names, in the file's order", () => {
    const md = draft((c) => {
      c.egna_avsnitt = [
        { rubrik: "Ekonomiska konsekvenser", text: "Förslaget ryms inom nämndens budget.\n" },
        { rubrik: "Risker", efter: "bakgrund", text: "Inga kända risker.\n" },
        { rubrik: "Uppföljning", text: "Förvaltningen följer upp förslaget.\n" },
      ];
    });
    const headings = md.split("\n").filter((l) => l.startsWith("## ")).map((l) => l.slice(3));
    expect(headings).toEqual([
      "Förvaltningens förslag till beslut",
      "Sammanfattning",
      "Bakgrund",
      "Risker",
      "Ärendet",
      "Ärendets beredning",
      "Förvaltningens synpunkter och förslag",
      "Ekonomiska konsekvenser",
      "Uppföljning",
      "Barnrättsanalys",
      "Jämställdhetsanalys",
    ]);
    expect(section(md, "Ekonomiska konsekvenser")).toEqual(["Förslaget ryms inom nämndens budget."]);
  });

  it("replaces the closing sentence with the case's own text, or leaves it out", () => {
    const own = draft((c) => (c.avslutning = "Förvaltningen föreslår att nämnden avstyrker motionen. Den överlämnas som svar."));
    expect(own).toContain(
      "<!-- avslutning -->\n\n<!-- fält: avslutning -->\n\nFörvaltningen föreslår att nämnden avstyrker motionen.\nDen överlämnas som svar.\n\n<!-- /fält: avslutning -->\n\n<!-- underskrifter -->",
    );
    const none = draft((c) => (c.avslutning = ""));
    expect(none).toContain("<!-- avslutning -->\n\n<!-- underskrifter -->");
    expect(draft(() => undefined)).toContain(
      "<!-- avslutning -->\n\nFörvaltningen föreslår att stadsdelsnämnden överlämnar tjänsteutlåtandet till kommunstyrelsen som svar på remissen.\n",
    );
  });
});
