import { describe, expect, it } from "vitest";
import { capitalizeFirst, isAbbreviation, lowercaseFirst, lowercaseTitleStart } from "../../src/view/words.js";

describe("capitalizeFirst", () => {
  it("upper-cases only the first character", () => {
    expect(capitalizeFirst("ärendet har behandlats")).toBe("Ärendet har behandlats");
    expect(capitalizeFirst("kommunstyrelsen i Stockholm")).toBe("Kommunstyrelsen i Stockholm");
  });

  it("leaves the rest of the string alone", () => {
    expect(capitalizeFirst("sOCIALNÄMNDEN")).toBe("SOCIALNÄMNDEN");
  });

  it("handles the empty string and non-letters", () => {
    expect(capitalizeFirst("")).toBe("");
    expect(capitalizeFirst("”citat”")).toBe("”citat”");
  });

  it("works on characters outside the BMP without splitting them", () => {
    expect(capitalizeFirst("𝒶bc")).toBe("𝒶bc");
  });
});

describe("lowercaseFirst", () => {
  it("lower-cases only the first character", () => {
    expect(lowercaseFirst("Ärendet")).toBe("ärendet");
    expect(lowercaseFirst("Motion om EU-medel")).toBe("motion om EU-medel");
  });

  it("handles the empty string", () => {
    expect(lowercaseFirst("")).toBe("");
  });
});

describe("isAbbreviation", () => {
  it("is true for words of capitals", () => {
    expect(isAbbreviation("EU")).toBe(true);
    expect(isAbbreviation("KS")).toBe(true);
    expect(isAbbreviation("SÖD")).toBe(true);
  });

  it("looks only before a hyphen or an inflection colon", () => {
    expect(isAbbreviation("EU-anpassning")).toBe(true);
    expect(isAbbreviation("SL:s")).toBe(true);
    expect(isAbbreviation("IT-stöd")).toBe(true);
  });

  it("is false for ordinary words and single capitals", () => {
    expect(isAbbreviation("Motion")).toBe(false);
    expect(isAbbreviation("A")).toBe(false);
    expect(isAbbreviation("A-lagen")).toBe(false);
    expect(isAbbreviation("Hässelby-Vällingby")).toBe(false);
    expect(isAbbreviation("")).toBe(false);
  });

  it("tolerates trailing punctuation", () => {
    expect(isAbbreviation("EU,")).toBe(true);
  });
});

describe("lowercaseTitleStart", () => {
  it("lower-cases the first letter of an ordinary title", () => {
    expect(lowercaseTitleStart("Motion om fler fritidsgårdar")).toBe("motion om fler fritidsgårdar");
    expect(lowercaseTitleStart("Ökad trygghet i Farsta")).toBe("ökad trygghet i Farsta");
  });

  it("keeps a title that starts with an abbreviation", () => {
    expect(lowercaseTitleStart("EU-stöd till lokala föreningar")).toBe("EU-stöd till lokala föreningar");
    expect(lowercaseTitleStart("SL:s nattrafik i Farsta")).toBe("SL:s nattrafik i Farsta");
  });

  it("keeps a title that starts with a quotation mark", () => {
    expect(lowercaseTitleStart("”Trygg i Farsta” – ett projekt")).toBe("”Trygg i Farsta” – ett projekt");
  });
});
