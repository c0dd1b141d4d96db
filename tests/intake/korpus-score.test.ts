import { describe, expect, it } from "vitest";
import {
  addOutcomes,
  brevFromStarter,
  emptyTally,
  objektFromStarter,
  scoreBrev,
  scoreObjekt,
  shares,
  type BrevFields,
  type ObjektFields,
} from "../../bench/lib/korpus-score.mjs";

/** The scoring of `init --fran` against a document's truth (bench/lib/korpus-score.mjs, docs/benchmarks.md). */
const EMPTY: ObjektFields = { typ: null, titel: null, forfattare: [], till: null, yrkanden: [], beskrivning_stycken: 0 };
const MOTION: ObjektFields = {
  typ: "motion",
  titel: "Motion om bättre tillgång till hjärtstartare",
  forfattare: [{ namn: "Anna Andersson", parti: "S" }, { namn: "Per Persson", parti: "Moderaterna" }],
  till: "kommunfullmäktige",
  yrkanden: ["Att kommunen köper hjärtstartare.", "Att de registreras."],
  beskrivning_stycken: 3,
};

describe("scoring a remitted document's fields", () => {
  it("is right when every field equals the truth, white space aside", () => {
    const found: ObjektFields = { ...MOTION, titel: "Motion  om bättre tillgång\ntill hjärtstartare", yrkanden: ["• Att kommunen köper  hjärtstartare.", "Att de registreras."] };
    expect(Object.values(scoreObjekt(MOTION, found))).toEqual(Array(6).fill("ratt"));
  });

  it("is right-empty when neither the document nor the field has a value, and wrong when a value is filled the document does not say", () => {
    expect(scoreObjekt(EMPTY, EMPTY)).toEqual({ typ: "ratt-tomt", titel: "ratt-tomt", forfattare: "ratt-tomt", till: "ratt-tomt", yrkanden: "ratt-tomt", beskrivning_stycken: "ratt-tomt" });
    expect(scoreObjekt(EMPTY, MOTION)).toEqual({ typ: "fel", titel: "fel", forfattare: "fel", till: "fel", yrkanden: "fel", beskrivning_stycken: "fel" });
  });

  it("is missing when the document says it and the field is empty", () => {
    expect(Object.values(scoreObjekt(MOTION, EMPTY))).toEqual(Array(6).fill("saknas"));
  });

  it("compares authors by name and party, a party's letters equal to its name, in any order", () => {
    const found: ObjektFields = { ...MOTION, forfattare: [{ namn: "Per Persson", parti: "m" }, { namn: "Anna Andersson", parti: "Socialdemokraterna" }] };
    expect(scoreObjekt(MOTION, found).forfattare).toBe("ratt");
    expect(scoreObjekt(MOTION, { ...MOTION, forfattare: [{ namn: "Anna Andersson", parti: "S" }] }).forfattare).toBe("delvis");
    expect(scoreObjekt(MOTION, { ...MOTION, forfattare: [{ namn: "Socialdemokraterna" }] }).forfattare).toBe("fel");
    expect(scoreObjekt(MOTION, { ...MOTION, forfattare: [{ namn: "Anna Andersson" }, { namn: "Per Persson", parti: "M" }] }).forfattare).toBe("delvis");
  });

  it("takes a known party with its local branch's place as that party, and an unknown one only as itself", () => {
    // fixtures/korpus/motion-mariestad-bygga-i-tra: signed "Miljöpartiet i Mariestad"; motion-alvkarleby-korkort: "Sverigedemokraterna Älvkarleby".
    const byParty = (parti: string): ObjektFields => ({ ...MOTION, forfattare: [{ parti }] });
    expect(scoreObjekt(byParty("Miljöpartiet"), byParty("Miljöpartiet i Mariestad")).forfattare).toBe("ratt");
    expect(scoreObjekt(byParty("Sverigedemokraterna"), byParty("Sverigedemokraterna Älvkarleby")).forfattare).toBe("ratt");
    expect(scoreObjekt(byParty("MP"), byParty("Miljöpartiet i Mariestad kommun")).forfattare).toBe("ratt");
    // fixtures/korpus-prov/motion-hammaro-utomhusgym: signed "Miljöpartiet de gröna i Hammarö kommun".
    expect(scoreObjekt(byParty("Miljöpartiet de gröna"), byParty("Miljöpartiet de gröna i Hammarö kommun")).forfattare).toBe("ratt");
    expect(scoreObjekt(byParty("Miljöpartiet"), byParty("Miljöpartiet och Vänsterpartiet")).forfattare).toBe("fel");
    expect(scoreObjekt(byParty("Skol och landsbygspartiet"), byParty("Skol och landsbygspartiet i Orten")).forfattare).toBe("fel");
  });

  it("wants the att-satser word for word and in order: some right is partly, none right is wrong", () => {
    expect(scoreObjekt(MOTION, { ...MOTION, yrkanden: ["Att de registreras.", "Att kommunen köper hjärtstartare."] }).yrkanden).toBe("delvis");
    expect(scoreObjekt(MOTION, { ...MOTION, yrkanden: ["Att kommunen köper hjärtstartare."] }).yrkanden).toBe("delvis");
    expect(scoreObjekt(MOTION, { ...MOTION, yrkanden: [...MOTION.yrkanden, "Att något mer."] }).yrkanden).toBe("delvis");
    expect(scoreObjekt(MOTION, { ...MOTION, yrkanden: ["att kommunen köper hjärtstartare."] }).yrkanden).toBe("fel");
    expect(scoreObjekt(MOTION, { ...MOTION, yrkanden: ["1. Att kommunen köper hjärtstartare.", "2) Att de registreras."] }).yrkanden).toBe("ratt");
  });

  it("takes a title that differs in case or punctuation, or contains the right one, as partly, and another title as wrong", () => {
    expect(scoreObjekt(MOTION, { ...MOTION, titel: "MOTION OM BÄTTRE TILLGÅNG TILL HJÄRTSTARTARE." }).titel).toBe("delvis");
    expect(scoreObjekt(MOTION, { ...MOTION, titel: "Motion till kommunfullmäktige Motion om bättre tillgång till hjärtstartare" }).titel).toBe("delvis");
    expect(scoreObjekt(MOTION, { ...MOTION, titel: "Sida 1 (1)" }).titel).toBe("fel");
  });

  it("compares whom the document proposes to ignoring case, and the description by its number of paragraphs", () => {
    expect(scoreObjekt(MOTION, { ...MOTION, till: "Kommunfullmäktige" }).till).toBe("ratt");
    expect(scoreObjekt(MOTION, { ...MOTION, till: "kommunstyrelsen" }).till).toBe("fel");
    expect(scoreObjekt(MOTION, { ...MOTION, beskrivning_stycken: 5 }).beskrivning_stycken).toBe("delvis");
  });
});

describe("scoring a remittent's letter", () => {
  const LETTER: BrevFields = { fran: "Kommunstyrelsen", dnr: "KS 2025/804", svar_senast: "2025-10-28", aven_till: ["socialnämnden", "Farsta stadsdelsnämnd"] };

  it("compares the remittent ignoring case, the Dnr and the date exactly, the other instances in any order", () => {
    expect(scoreBrev(LETTER, { ...LETTER, fran: "kommunstyrelsen", aven_till: ["Farsta stadsdelsnämnd", "Socialnämnden"] })).toEqual({ fran: "ratt", dnr: "ratt", svar_senast: "ratt", aven_till: "ratt" });
    expect(scoreBrev(LETTER, { fran: "Socialnämnden", dnr: "Datum 2015-12-22", svar_senast: null, aven_till: ["socialnämnden"] })).toEqual({ fran: "fel", dnr: "fel", svar_senast: "saknas", aven_till: "delvis" });
    expect(scoreBrev({ fran: null, dnr: null, svar_senast: null, aven_till: null }, { fran: null, dnr: "KS 1", svar_senast: null, aven_till: [] })).toEqual({
      fran: "ratt-tomt",
      dnr: "fel",
      svar_senast: "ratt-tomt",
      aven_till: "ratt-tomt",
    });
  });
});

describe("reading a starter file back", () => {
  it("takes what init filled and leaves its placeholders out", () => {
    const yaml = [
      "remiss:",
      '  fran: "[Fyll i vem remissen kommer från, t.ex. Kommunstyrelsen]"',
      "  dnr: KS 2025/804   # ur remiss.pdf, sida 1, rad 1",
      "  svar_senast: 2025-10-28",
      '  aven_till: ["[Fyll i en annan remissinstans]"]',
      "remissobjekt:",
      '  typ: "[Fyll i typ]"',
      "  titel: Motion om något",
      "  till: kommunfullmäktige",
      "  forfattare:",
      '    - namn: "[Fyll i författarens namn]"',
      '      parti: "[Fyll i parti]"',
      "    - namn: Anna Andersson",
      "      parti: S",
      "  beskrivning: |",
      "    [Skriv om med förvaltningens ord. Nedan står dokumentets egen text.]",
      "",
      "    Första stycket.",
      "",
      "    Andra stycket.",
      "  yrkanden:",
      '    - "[Fyll i att-satsen, t.ex. Att uppdra åt …]"',
      "",
    ].join("\n");
    expect(objektFromStarter(yaml)).toEqual({ typ: null, titel: "Motion om något", forfattare: [{ namn: "Anna Andersson", parti: "S" }], till: "kommunfullmäktige", yrkanden: [], beskrivning_stycken: 2 });
    expect(brevFromStarter(yaml)).toEqual({ fran: null, dnr: "KS 2025/804", svar_senast: "2025-10-28", aven_till: null });
  });
});

describe("adding outcomes up", () => {
  it("counts per field and in all; right is exact or rightly empty, wrong is filled with a wrong value", () => {
    const tally = emptyTally();
    addOutcomes(tally, scoreObjekt(MOTION, { ...MOTION, titel: "Sida 1 (1)", till: null }));
    addOutcomes(tally, scoreObjekt(EMPTY, EMPTY));
    expect(tally.fields.titel).toEqual({ ratt: 0, "ratt-tomt": 1, delvis: 0, fel: 1, saknas: 0 });
    expect(tally.total).toEqual({ ratt: 4, "ratt-tomt": 6, delvis: 0, fel: 1, saknas: 1 });
    expect(shares(tally.total)).toEqual({ all: 12, right: 10 / 12, wrong: 1 / 12 });
    expect(shares(emptyTally().total)).toEqual({ all: 0, right: 0, wrong: 0 });
  });
});
