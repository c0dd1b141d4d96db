import { describe, expect, it } from "vitest";
import { formatAuthors, writerNoun } from "../../src/view/authors.js";

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

describe("writerNoun", () => {
  it("is singular for one writer and plural for more", () => {
    expect(writerNoun(1)).toBe("Skribenten");
    expect(writerNoun(2)).toBe("Skribenterna");
    expect(writerNoun(5)).toBe("Skribenterna");
  });

  it("rejects counts that are not positive integers", () => {
    expect(() => writerNoun(0)).toThrow(RangeError);
    expect(() => writerNoun(1.5)).toThrow(RangeError);
  });
});
