import { describe, expect, it } from "vitest";
import {
  AUTHORITY_NAMES,
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

  it("keeps a name without an organ word as written", () => {
    expect(definiteForm("Region Stockholm")).toBe("Region Stockholm");
    expect(definiteForm("Polisen")).toBe("Polisen");
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

describe("definite forms of real organ names (issue 24)", () => {
  it("takes the organ word at the start of a name with a complement", () => {
    expect(definiteForm("Nämnden för funktionsstöd")).toBe("nämnden");
    expect(definiteForm("Nämnden för arbetsmarknad och vuxenutbildning")).toBe("nämnden");
    expect(definiteForm("Stadsdelsnämnden Västra Hisingen")).toBe("stadsdelsnämnden");
    expect(definiteForm("Styrelsen för Göteborgs Stads bostadsbolag")).toBe("styrelsen");
    expect(definiteForm("Kommunstyrelsens arbetsutskott för trygghet")).toBe("arbetsutskottet");
  });

  it("keeps the case of an abbreviation in a hyphenated compound", () => {
    expect(definiteForm("IT-nämnden")).toBe("IT-nämnden");
    expect(definiteForm("GR-styrelse")).toBe("GR-styrelsen");
    expect(definiteForm("Miljö-nämnden")).toBe("miljö-nämnden");
    expect(definiteForm("Bygg- och miljönämnden")).toBe("bygg- och miljönämnden");
  });

  it("writes kommunstyrelsen and regionstyrelsen", () => {
    expect(definiteForm("Kommunstyrelsen")).toBe("kommunstyrelsen");
    expect(definiteForm("Regionstyrelsen")).toBe("regionstyrelsen");
    expect(definiteForm("Regionstyrelse")).toBe("regionstyrelsen");
  });

  it("keeps the adjectives of an utskott", () => {
    expect(definiteForm("Allmänpolitiska utskottet")).toBe("allmänpolitiska utskottet");
    expect(definiteForm("Kommunstyrelsens allmänpolitiska utskott")).toBe("allmänpolitiska utskottet");
    expect(definiteForm("Regionstyrelsens arbetsutskott")).toBe("arbetsutskottet");
  });

  it("keeps proper names whole", () => {
    for (const name of ["Skogsstyrelsen", "Post- och telestyrelsen", "Regeringskansliet", "Folkbildningsrådet", "Länsstyrelsen i Stockholms län", "Region Uppsala", "Arboga kommun"]) {
      expect(definiteForm(name), name).toBe(name);
    }
  });
});

describe("proper names and common nouns mid-sentence (issue 24)", () => {
  it("keeps the capital of authorities and organisations", () => {
    for (const name of [
      "Skogsstyrelsen",
      "Post- och telestyrelsen",
      "Regeringskansliet",
      "Folkbildningsrådet",
      "Länsstyrelsen i Stockholms län",
      "Länsstyrelsen i Gotland",
      "Region Uppsala",
      "Region Jönköpings län",
      "Arboga kommun",
      "Nämnden för hemslöjdsfrågor",
    ]) {
      expect(organMidSentence(name), name).toBe(name);
    }
  });

  it("keeps every name in the list of authorities", () => {
    expect(AUTHORITY_NAMES.length).toBeGreaterThan(300);
    for (const name of AUTHORITY_NAMES) expect(organMidSentence(name), name).toBe(name);
  });

  it("writes a nämnd or utskott as a common noun", () => {
    expect(organMidSentence("Tekniska nämnden")).toBe("tekniska nämnden");
    expect(organMidSentence("Allmänpolitiska utskottet")).toBe("allmänpolitiska utskottet");
    expect(organMidSentence("Kultur- och fritidsnämnden")).toBe("kultur- och fritidsnämnden");
    expect(organMidSentence("Nämnden för funktionsstöd")).toBe("nämnden för funktionsstöd");
    expect(organMidSentence("Kommunstyrelsens arbetsutskott")).toBe("kommunstyrelsens arbetsutskott");
    expect(organMidSentence("Regionstyrelsen")).toBe("regionstyrelsen");
  });

  it("keeps the place's capitals after a stadsdelsnämnd", () => {
    expect(organMidSentence("Stadsdelsnämnden Västra Hisingen")).toBe("stadsdelsnämnden Västra Hisingen");
    expect(organAtSentenceStart("stadsdelsnämnden Västra Hisingen")).toBe("Stadsdelsnämnden Västra Hisingen");
  });

  it("keeps a place name before the organ word", () => {
    expect(organMidSentence("Farsta stadsdelsnämnd")).toBe("Farsta stadsdelsnämnd");
    expect(organMidSentence("Västra Hisingens stadsdelsnämnd")).toBe("Västra Hisingens stadsdelsnämnd");
  });
});
