import { describe, expect, it } from "vitest";
import { formatAuthor, formatAuthors, onlyParties } from "../../src/view/authors.js";

describe("formatAuthors", () => {
  it("writes one author with party", () => {
    expect(formatAuthors([{ namn: "Andréa Hedin", parti: "M" }])).toBe("Andréa Hedin (M)");
  });

  it("writes two and three authors", () => {
    expect(
      formatAuthors([
        { namn: "Anna Svensson", parti: "S" },
        { namn: "Bo Ek", parti: "V" },
      ]),
    ).toBe("Anna Svensson (S) och Bo Ek (V)");
    expect(
      formatAuthors([
        { namn: "Anna Svensson", parti: "S" },
        { namn: "Bo Ek", parti: "V" },
        { namn: "Cecilia Lind", parti: "L" },
      ]),
    ).toBe("Anna Svensson (S), Bo Ek (V) och Cecilia Lind (L)");
  });

  it("writes just the name without a party, also for a blank party", () => {
    expect(formatAuthors([{ namn: "Andréa Hedin" }, { namn: "Bo Ek", parti: " " }])).toBe("Andréa Hedin och Bo Ek");
  });
});

describe("formatAuthor", () => {
  it("writes a party alone when there is no name", () => {
    expect(formatAuthor({ parti: "Moderaterna" })).toBe("Moderaterna");
    expect(formatAuthor({ namn: "Monica Rapp" })).toBe("Monica Rapp");
    expect(formatAuthor({ namn: "Inga Jonasson", parti: "V" })).toBe("Inga Jonasson (V)");
  });
});

describe("onlyParties", () => {
  it("is true only when every author is a party without a name", () => {
    expect(onlyParties([{ parti: "Staffanstorpspartiet" }])).toBe(true);
    expect(onlyParties([{ parti: "S" }, { parti: "V" }])).toBe(true);
    expect(onlyParties([{ parti: "S" }, { namn: "Bo Ek", parti: "V" }])).toBe(false);
    expect(onlyParties([{ namn: "Monica Rapp" }])).toBe(false);
    expect(onlyParties([])).toBe(false);
  });
});
