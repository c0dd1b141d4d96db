import { describe, expect, it } from "vitest";
import {
  definiteForm,
  ORGAN_WORDS,
  organAtSentenceStart,
  organMidSentence,
  pluralOrganWord,
} from "../../src/view/organs.js";

describe("organMidSentence", () => {
  it("lower-cases generic one-word names", () => {
    expect(organMidSentence("Kommunstyrelsen")).toBe("kommunstyrelsen");
    expect(organMidSentence("Socialnämnden")).toBe("socialnämnden");
    expect(organMidSentence("Kommunfullmäktige")).toBe("kommunfullmäktige");
    expect(organMidSentence("Stadsledningskontoret")).toBe("stadsledningskontoret");
    expect(organMidSentence("Trafiknämnden")).toBe("trafiknämnden");
    expect(organMidSentence("Pensionärsrådet")).toBe("pensionärsrådet");
    expect(organMidSentence("Förvaltningsgruppen")).toBe("förvaltningsgruppen");
    expect(organMidSentence("Utbildningsförvaltningen")).toBe("utbildningsförvaltningen");
  });

  it("lower-cases indefinite generic one-word names too", () => {
    expect(organMidSentence("Stadsdelsnämnd")).toBe("stadsdelsnämnd");
  });

  it("keeps names already in lower case", () => {
    expect(organMidSentence("socialnämnden")).toBe("socialnämnden");
  });

  it("keeps multi-word proper names", () => {
    expect(organMidSentence("Farsta stadsdelsnämnd")).toBe("Farsta stadsdelsnämnd");
    expect(organMidSentence("Södermalms stadsdelsnämnd")).toBe("Södermalms stadsdelsnämnd");
    expect(organMidSentence("Polisregion Stockholm")).toBe("Polisregion Stockholm");
    expect(organMidSentence("Region Stockholm")).toBe("Region Stockholm");
    expect(organMidSentence("Stockholms stad")).toBe("Stockholms stad");
  });

  it("keeps single words that are no organ word", () => {
    expect(organMidSentence("Polisen")).toBe("Polisen");
    expect(organMidSentence("Micasa")).toBe("Micasa");
  });

  it("treats a compound cut by a hyphen as one word", () => {
    expect(organMidSentence("Kultur- och fritidsnämnden")).toBe("kultur- och fritidsnämnden");
    expect(organMidSentence("Miljö- och hälsoskyddsnämnden")).toBe("miljö- och hälsoskyddsnämnden");
  });

  it("keeps national agencies that are proper names", () => {
    expect(organMidSentence("Socialstyrelsen")).toBe("Socialstyrelsen");
    expect(organMidSentence("Riksrevisionen")).toBe("Riksrevisionen");
  });

  it("keeps abbreviations", () => {
    expect(organMidSentence("KS")).toBe("KS");
  });

  it("trims surrounding whitespace", () => {
    expect(organMidSentence("  Socialnämnden ")).toBe("socialnämnden");
  });
});

describe("organAtSentenceStart", () => {
  it("capitalises the mid-sentence form", () => {
    expect(organAtSentenceStart("kommunstyrelsen")).toBe("Kommunstyrelsen");
    expect(organAtSentenceStart("Socialnämnden")).toBe("Socialnämnden");
    expect(organAtSentenceStart("Farsta stadsdelsnämnd")).toBe("Farsta stadsdelsnämnd");
    expect(organAtSentenceStart("kultur- och fritidsnämnden")).toBe("Kultur- och fritidsnämnden");
  });
});

describe("definiteForm", () => {
  it("makes the last word definite", () => {
    expect(definiteForm("Södermalms stadsdelsnämnd")).toBe("stadsdelsnämnden");
    expect(definiteForm("Farsta stadsdelsnämnd")).toBe("stadsdelsnämnden");
    expect(definiteForm("Södermalms stadsdelsförvaltning")).toBe("stadsdelsförvaltningen");
    expect(definiteForm("Norrmalms stadsdelsråd")).toBe("stadsdelsrådet");
    expect(definiteForm("Solna stads styrelse")).toBe("styrelsen");
    expect(definiteForm("Stockholms stads revision")).toBe("revisionen");
    expect(definiteForm("Stadens kontor")).toBe("kontoret");
    expect(definiteForm("Kommunstyrelsens arbetsutskott")).toBe("arbetsutskottet");
  });

  it("keeps a word already in definite form", () => {
    expect(definiteForm("Kommunstyrelsen")).toBe("kommunstyrelsen");
    expect(definiteForm("Kulturnämnden")).toBe("kulturnämnden");
    expect(definiteForm("Trafikkontoret")).toBe("trafikkontoret");
    expect(definiteForm("Pensionärsrådet")).toBe("pensionärsrådet");
  });

  it("keeps a definite name whole when no genitive comes before its last word", () => {
    expect(definiteForm("Tekniska nämnden")).toBe("tekniska nämnden");
    expect(definiteForm("Allmänpolitiska utskottet")).toBe("allmänpolitiska utskottet");
    expect(definiteForm("Kultur- och fritidsnämnden")).toBe("kultur- och fritidsnämnden");
    expect(definiteForm("Kommunstyrelsens arbetsutskottet")).toBe("arbetsutskottet");
  });

  it("keeps fullmäktige unchanged", () => {
    expect(definiteForm("Kommunfullmäktige")).toBe("kommunfullmäktige");
  });

  it("returns an unknown last word lower-cased", () => {
    expect(definiteForm("Region Stockholm")).toBe("stockholm");
    expect(definiteForm("Polisen")).toBe("polisen");
  });

  it("has a definite form for every organ word", () => {
    for (const organ of ORGAN_WORDS) {
      expect(definiteForm(`Stadens ${organ.indefinite}`)).toBe(organ.definite);
      expect(definiteForm(`Stadens ${organ.definite}`)).toBe(organ.definite);
    }
  });
});

describe("pluralOrganWord", () => {
  it("gives the indefinite plural of an organ word", () => {
    expect(pluralOrganWord("stadsdelsnämnd")).toBe("stadsdelsnämnder");
    expect(pluralOrganWord("nämnd")).toBe("nämnder");
    expect(pluralOrganWord("förvaltning")).toBe("förvaltningar");
    expect(pluralOrganWord("stadsdelsförvaltning")).toBe("stadsdelsförvaltningar");
    expect(pluralOrganWord("styrelse")).toBe("styrelser");
    expect(pluralOrganWord("kontor")).toBe("kontor");
    expect(pluralOrganWord("råd")).toBe("råd");
    expect(pluralOrganWord("utskott")).toBe("utskott");
    expect(pluralOrganWord("bolag")).toBe("bolag");
  });

  it("keeps the case of the stem", () => {
    expect(pluralOrganWord("Stadsdelsnämnd")).toBe("Stadsdelsnämnder");
  });

  it("is undefined for other words and for definite forms", () => {
    expect(pluralOrganWord("stad")).toBeUndefined();
    expect(pluralOrganWord("Stockholm")).toBeUndefined();
    expect(pluralOrganWord("nämnden")).toBeUndefined();
    expect(pluralOrganWord("")).toBeUndefined();
  });
});
