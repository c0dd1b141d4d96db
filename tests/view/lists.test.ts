import { describe, expect, it } from "vitest";
import { formatRemissinstanser, joinSwedish } from "../../src/view/lists.js";

describe("joinSwedish", () => {
  it("joins none, one, two and three items", () => {
    expect(joinSwedish([])).toBe("");
    expect(joinSwedish(["socialnämnden"])).toBe("socialnämnden");
    expect(joinSwedish(["socialnämnden", "trafiknämnden"])).toBe("socialnämnden och trafiknämnden");
    expect(joinSwedish(["A", "B", "C"])).toBe("A, B och C");
  });

  it("uses no serial comma with four items", () => {
    expect(joinSwedish(["A", "B", "C", "D"])).toBe("A, B, C och D");
  });

  it("takes another conjunction", () => {
    expect(joinSwedish(["ja", "nej"], "eller")).toBe("ja eller nej");
  });
});

describe("formatRemissinstanser", () => {
  it("writes the reference case", () => {
    expect(
      formatRemissinstanser([
        "stadsledningskontoret",
        "socialnämnden",
        "Farsta stadsdelsnämnd",
        "Hässelby-Vällingby stadsdelsnämnd",
      ]),
    ).toBe("stadsledningskontoret och socialnämnden samt Farsta och Hässelby-Vällingby stadsdelsnämnder");
  });

  it("writes a group alone", () => {
    expect(formatRemissinstanser(["Farsta stadsdelsnämnd", "Hässelby-Vällingby stadsdelsnämnd"])).toBe(
      "Farsta och Hässelby-Vällingby stadsdelsnämnder",
    );
  });

  it("merges three into one group", () => {
    expect(
      formatRemissinstanser(["Farsta stadsdelsnämnd", "Skärholmens stadsdelsnämnd", "Spånga-Tensta stadsdelsnämnd"]),
    ).toBe("Farsta, Skärholmens och Spånga-Tensta stadsdelsnämnder");
  });

  it("writes two groups in order of their first member", () => {
    expect(
      formatRemissinstanser([
        "Farsta stadsdelsnämnd",
        "Södermalms stadsdelsförvaltning",
        "Enskede-Årsta-Vantörs stadsdelsnämnd",
        "Rinkeby-Kista stadsdelsförvaltning",
      ]),
    ).toBe(
      "Farsta och Enskede-Årsta-Vantörs stadsdelsnämnder samt Södermalms och Rinkeby-Kista stadsdelsförvaltningar",
    );
  });

  it("puts the others first, then each group", () => {
    expect(
      formatRemissinstanser([
        "Södermalms stadsdelsförvaltning",
        "Farsta stadsdelsnämnd",
        "Kommunstyrelsen",
        "Rinkeby-Kista stadsdelsförvaltning",
        "Hässelby-Vällingby stadsdelsnämnd",
      ]),
    ).toBe(
      "kommunstyrelsen samt Södermalms och Rinkeby-Kista stadsdelsförvaltningar samt Farsta och Hässelby-Vällingby stadsdelsnämnder",
    );
  });

  it("does not merge a name without a partner", () => {
    expect(formatRemissinstanser(["Socialnämnden", "Farsta stadsdelsnämnd"])).toBe(
      "socialnämnden och Farsta stadsdelsnämnd",
    );
  });

  it("does not merge different organ words", () => {
    expect(formatRemissinstanser(["Farsta stadsdelsnämnd", "Stockholms nämnd"])).toBe(
      "Farsta stadsdelsnämnd och Stockholms nämnd",
    );
  });

  it("does not merge one-word names with the same ending", () => {
    expect(formatRemissinstanser(["Socialnämnden", "Trafiknämnden", "Kulturnämnden"])).toBe(
      "socialnämnden, trafiknämnden och kulturnämnden",
    );
  });

  it("does not merge proper names whose last word is no organ word", () => {
    expect(formatRemissinstanser(["Region Stockholm", "Polisregion Stockholm"])).toBe(
      "Region Stockholm och Polisregion Stockholm",
    );
  });

  it("writes common nouns in lower case and proper names with their capitals (issue 24)", () => {
    expect(
      formatRemissinstanser(["Tekniska nämnden", "Allmänpolitiska utskottet", "Kultur- och fritidsnämnden", "Stadsdelsnämnden Västra Hisingen"]),
    ).toBe("tekniska nämnden, allmänpolitiska utskottet, kultur- och fritidsnämnden och stadsdelsnämnden Västra Hisingen");
    expect(formatRemissinstanser(["Skogsstyrelsen", "Post- och telestyrelsen", "Region Uppsala", "Arboga kommun"])).toBe(
      "Skogsstyrelsen, Post- och telestyrelsen, Region Uppsala och Arboga kommun",
    );
  });

  it("is empty for no names", () => {
    expect(formatRemissinstanser([])).toBe("");
  });
});
