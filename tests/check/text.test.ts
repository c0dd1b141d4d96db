import { describe, expect, it } from "vitest";
import type { TextBlock } from "../../src/check/document.js";
import { firstWords, formatDecimal, isLongWord, lix, lixCount, sentences, wordCounts, words } from "../../src/check/text.js";

const blocks = (...texts: string[]): TextBlock[] =>
  texts.map((text) => ({ kind: "paragraph", text, at: () => ({ line: 1, column: 1 }) }));

describe("words", () => {
  it("are what stands between spaces, if it has a letter or digit", () => {
    expect(words("Bob-strukturen, t.ex. KS 2025/804 – och ”citat”.")).toEqual([
      "Bob-strukturen,",
      "t.ex.",
      "KS",
      "2025/804",
      "och",
      "”citat”.",
    ]);
  });

  it("are long with more than six letters, punctuation not counted", () => {
    expect(isLongWord("remissen")).toBe(true);
    expect(isLongWord("bänkar.")).toBe(false);
    expect(isLongWord("”bänkar”,")).toBe(false);
    expect(isLongWord("1234567")).toBe(false);
    expect(isLongWord("Bob-strukturen")).toBe(true);
  });

  it("are counted by wordCounts as by words and isLongWord, whatever the characters", () => {
    const pieces = ["a", "ö", "Å", "1", "٣", "Ⅻ", " ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u2028", "-", ".", "”", "/", "𝒜", "😀", "\ud800", "\udc00", "e\u0301", "ß", "中", "𐐷", "\u200b", "_", "2025/804", "förstärkningsteamet", "\u180e", "\u0085"];
    let seed = 3;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 5000; i++) {
      let text = "";
      for (let n = random(30); n > 0; n--) text += pieces[random(pieces.length)];
      const list = words(text);
      expect(wordCounts(text), JSON.stringify(text)).toEqual({ words: list.length, longWords: list.filter(isLongWord).length });
    }
  });
});

describe("sentences", () => {
  it("start where they start in the text, line breaks counting as spaces", () => {
    const text = "Första meningen, t.ex. med förkortning.\nAndra meningen! Tredje";
    expect(sentences(text)).toEqual([
      { start: 0, text: "Första meningen, t.ex. med förkortning.", words: 5, longWords: 2 },
      { start: 40, text: "Andra meningen!", words: 2, longWords: 1 },
      { start: 56, text: "Tredje", words: 1, longWords: 0 },
    ]);
  });
});

describe("lix", () => {
  it("is words per sentence plus the percentage of long words", () => {
    // 2 sentences, 10 words, 4 longer than six letters: 10 / 2 + 100 × 4 / 10 = 45.
    const count = lixCount(blocks("Förvaltningen tycker att motionen är bra.", "Stadsdelsnämnden bör svara positivt."));
    expect(count).toEqual({ words: 10, longWords: 4, sentences: 2 });
    expect(lix(count)).toBe(45);
  });

  it("counts each block as its own sentence, and is 0 for no words", () => {
    expect(lixCount(blocks("En punkt utan punkt", "En till")).sentences).toBe(2);
    expect(lix(lixCount(blocks("", "– …")))).toBe(0);
  });
});

describe("formatDecimal", () => {
  it("writes one decimal at most, with a decimal comma", () => {
    expect(formatDecimal(62.449)).toBe("62,4");
    expect(formatDecimal(62.45)).toBe("62,5");
    expect(formatDecimal(60)).toBe("60");
    expect(formatDecimal(59.96)).toBe("60");
  });
});

describe("firstWords", () => {
  it("quotes the first words and marks the cut", () => {
    expect(firstWords("Stockholms stad har en övergripande samverkansöverenskommelse med polisen.", 5)).toBe(
      "Stockholms stad har en övergripande …",
    );
    expect(firstWords("  Kort mening. ", 5)).toBe("Kort mening.");
  });
});
