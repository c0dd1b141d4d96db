import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/readers/markdown/parse.js";
import { ABBREVIATIONS, reflowMarkdown, reflowParagraphText, splitSentences } from "../../src/view/sentences.js";

describe("splitSentences", () => {
  it("splits at full stop, exclamation and question marks", () => {
    expect(splitSentences("Motionen är skriven av Andréa Hedin. Hon vill se fler insatser! Är det rimligt? Ja.")).toEqual([
      "Motionen är skriven av Andréa Hedin.",
      "Hon vill se fler insatser!",
      "Är det rimligt?",
      "Ja.",
    ]);
  });

  it("collapses whitespace between sentences and trims", () => {
    expect(splitSentences("  Första meningen.   Andra meningen.  ")).toEqual(["Första meningen.", "Andra meningen."]);
  });

  it("returns nothing for empty text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("   ")).toEqual([]);
  });

  it("keeps closing quotes and brackets with the sentence", () => {
    expect(splitSentences("Hon sa ”nej.” Sedan gick hon. (Se bilaga 1.) Därefter kom beslutet.")).toEqual([
      "Hon sa ”nej.”",
      "Sedan gick hon.",
      "(Se bilaga 1.)",
      "Därefter kom beslutet.",
    ]);
  });

  it("keeps closing emphasis with the sentence", () => {
    expect(splitSentences("Detta är **viktigt.** Nästa mening.")).toEqual(["Detta är **viktigt.**", "Nästa mening."]);
  });

  it("splits before digits, quotes, brackets and Markdown openers", () => {
    expect(
      splitSentences("Ett. 2025 var året. ”Citat” följer. (Parentes.) *Betonat* här. _Också._ [Länk](x) här. `kod` här."),
    ).toEqual([
      "Ett.",
      "2025 var året.",
      "”Citat” följer.",
      "(Parentes.)",
      "*Betonat* här.",
      "_Också._",
      "[Länk](x) här.",
      "`kod` här.",
    ]);
  });

  it("does not split before a lower-case word", () => {
    expect(splitSentences("Det gäller bl.a. socialtjänsten och ca. tio tjänster.")).toEqual([
      "Det gäller bl.a. socialtjänsten och ca. tio tjänster.",
    ]);
    expect(splitSentences("Sammanträdet den 6. oktober hölls.")).toEqual(["Sammanträdet den 6. oktober hölls."]);
  });

  it("does not split after an abbreviation followed by a capital", () => {
    expect(splitSentences("Andra aktörer, t.ex. Polisen, deltar. Det är bra.")).toEqual([
      "Andra aktörer, t.ex. Polisen, deltar.",
      "Det är bra.",
    ]);
    expect(splitSentences("Vi samverkar bl.a. Polisen och s.k. Fältassistenter.")).toHaveLength(1);
    expect(splitSentences("Se kap. 5 och s. 12 i rapporten.")).toHaveLength(1);
    expect(splitSentences("Mötet börjar kl. 10 i rummet.")).toHaveLength(1);
    expect(splitSentences("Enl. Socialstyrelsen är det så.")).toHaveLength(1);
  });

  it("matches abbreviations case-insensitively and after an opening bracket", () => {
    expect(splitSentences("Andra aktörer (T.ex. Polisen) deltar.")).toHaveLength(1);
  });

  it("knows every listed abbreviation before a capital", () => {
    for (const abbreviation of ABBREVIATIONS.filter((a) => a.endsWith("."))) {
      expect(splitSentences(`Före ${abbreviation} Efter.`), abbreviation).toHaveLength(1);
    }
  });

  it("does not split after a single capital initial", () => {
    expect(splitSentences("Motionen av A. Hedin behandlas. Den är lång.")).toEqual([
      "Motionen av A. Hedin behandlas.",
      "Den är lång.",
    ]);
    expect(splitSentences("Skriven av A.B. Svensson.")).toHaveLength(1);
  });

  it("splits after a number that ends a sentence", () => {
    expect(splitSentences("Teamet startade 2016. Det har åtta socialsekreterare.")).toEqual([
      "Teamet startade 2016.",
      "Det har åtta socialsekreterare.",
    ]);
  });

  it("splits after an ordinary word that merely looks short", () => {
    expect(splitSentences("Det är nu. Sedan blir det sent.")).toEqual(["Det är nu.", "Sedan blir det sent."]);
  });

  it("does not split inside decimals, URLs or dates", () => {
    expect(splitSentences("Läs mer på start.stockholm och i 3.5 procent av fallen 2025-10-07.")).toHaveLength(1);
  });
});

describe("reflowParagraphText", () => {
  it("joins lines and puts one sentence per line", () => {
    expect(reflowParagraphText("Första meningen. Andra\nmeningen är längre.  Tredje\n   meningen.")).toBe(
      "Första meningen.\nAndra meningen är längre.\nTredje meningen.",
    );
  });

  it("keeps a backslash hard break", () => {
    expect(reflowParagraphText("Snorre Berglund\\\nStadsdelsdirektör\\\nSödermalms stadsdelsförvaltning")).toBe(
      "Snorre Berglund\\\nStadsdelsdirektör\\\nSödermalms stadsdelsförvaltning",
    );
  });

  it("turns a trailing-spaces hard break into a backslash", () => {
    expect(reflowParagraphText("Tjänsteutlåtande  \nDnr SÖD 2025/1234")).toBe("Tjänsteutlåtande\\\nDnr SÖD 2025/1234");
  });

  it("reflows each segment between hard breaks on its own", () => {
    expect(reflowParagraphText("En mening. En\nannan.\\\nEfter brytningen. Sist.")).toBe(
      "En mening.\nEn annan.\\\nEfter brytningen.\nSist.",
    );
  });

  it("does not take one trailing space for a hard break", () => {
    expect(reflowParagraphText("Ett \nord.")).toBe("Ett ord.");
  });

  it("does not take an escaped backslash for a hard break", () => {
    expect(reflowParagraphText("Sökvägen C:\\\\\nfinns.")).toBe("Sökvägen C:\\\\ finns.");
  });

  it("keeps a literal backslash before a trailing-spaces break", () => {
    expect(reflowParagraphText("Tecknet \\  \nsyns.")).toBe("Tecknet \\\\\\\nsyns.");
  });

  it("ignores a break marker on the last line", () => {
    expect(reflowParagraphText("Sista raden  ")).toBe("Sista raden");
  });

  it("handles CRLF line ends", () => {
    expect(reflowParagraphText("En mening. En\r\nannan.")).toBe("En mening.\nEn annan.");
  });

  it("does not start a line with something that would open a block", () => {
    expect(reflowParagraphText("Målen är två. 1. Stadens mål. 2. Trygghet.")).toBe(
      "Målen är två. 1. Stadens mål. 2. Trygghet.",
    );
    expect(reflowParagraphText("Slut. * Fotnot.")).toBe("Slut. * Fotnot.");
    expect(reflowParagraphText("Stadens mål är två. 1. Trygghet. Sedan kommer mer.")).toBe(
      "Stadens mål är två. 1. Trygghet.\nSedan kommer mer.",
    );
    expect(reflowParagraphText("Se nedan. # Inte en rubrik.")).toBe("Se nedan. # Inte en rubrik.");
  });
});

describe("reflowMarkdown", () => {
  it("reflows two plain paragraphs", () => {
    expect(reflowMarkdown("Första meningen. Andra\nmeningen.\n\nTredje meningen. Fjärde meningen.\n")).toBe(
      "Första meningen.\nAndra meningen.\n\nTredje meningen.\nFjärde meningen.",
    );
  });

  it("keeps t.ex. before a capital in one sentence", () => {
    expect(reflowMarkdown("Flera aktörer, t.ex. Polisen, deltar. Det är bra.")).toBe(
      "Flera aktörer, t.ex. Polisen, deltar.\nDet är bra.",
    );
  });

  it("keeps a list item's sentences inside the item", () => {
    expect(reflowMarkdown("- Första meningen. Andra\n  meningen.")).toBe("- Första meningen.\n  Andra meningen.");
  });

  it("reflows a list item written with lazy continuation", () => {
    expect(reflowMarkdown("- Första meningen. Andra\nmeningen.\n- Nästa punkt.")).toBe(
      "- Första meningen.\n  Andra meningen.\n- Nästa punkt.",
    );
  });

  it("indents continuation lines in an ordered list by the marker width", () => {
    expect(reflowMarkdown("1. Att uppdra åt kommunstyrelsen. Att utöka\n   teamet.\n10. Att följa upp. Och rapportera.")).toBe(
      "1. Att uppdra åt kommunstyrelsen.\n   Att utöka teamet.\n10. Att följa upp.\n    Och rapportera.",
    );
  });

  it("reflows paragraphs in nested lists", () => {
    expect(reflowMarkdown("- Yttre punkt.\n  - Inre mening. Andra inre.")).toBe(
      "- Yttre punkt.\n  - Inre mening.\n    Andra inre.",
    );
  });

  it("joins emphasis and links spanning a line break", () => {
    expect(reflowMarkdown("Detta är **viktig\ntext**. Nästa mening.")).toBe("Detta är **viktig text**.\nNästa mening.");
    expect(reflowMarkdown("Se [stadens\nwebbplats](https://start.stockholm). Där finns mer.")).toBe(
      "Se [stadens webbplats](https://start.stockholm).\nDär finns mer.",
    );
  });

  it("leaves a fenced code block untouched", () => {
    const code = "```\nEn rad. Två  \n\n\n\nmeningar.   \n```";
    expect(reflowMarkdown(`Text före. Mer text.\n\n${code}\n\nText efter.`)).toBe(
      `Text före.\nMer text.\n\n${code}\n\nText efter.`,
    );
  });

  it("leaves headings untouched", () => {
    expect(reflowMarkdown("### En rubrik. Med två meningar\n\nBrödtext. Mer.")).toBe(
      "### En rubrik. Med två meningar\n\nBrödtext.\nMer.",
    );
  });

  it("leaves paragraphs in block quotes alone but writes their hard breaks as backslashes", () => {
    expect(reflowMarkdown("> Citat ett. Citat  \n> två.")).toBe("> Citat ett. Citat\\\n> två.");
  });

  it("leaves HTML blocks alone", () => {
    const html = "<div>\nEn mening. En annan.   \n</div>";
    expect(reflowMarkdown(`${html}\n\nText. Mer.`)).toBe(`${html}\n\nText.\nMer.`);
  });

  it("leaves a pipe table alone", () => {
    const table = "| Kolumn. Ett | Två |\n| --- | --- |\n| a. B | c |";
    expect(reflowMarkdown(table)).toBe(table);
  });

  it("normalises line ends, trailing whitespace, blank lines and the final newline", () => {
    expect(reflowMarkdown("Första. Andra.   \r\n\r\n\r\n\r\n   \r\nTredje  \r\nrad.\r\n\r\n")).toBe(
      "Första.\nAndra.\n\nTredje\\\nrad.",
    );
  });

  it("keeps the signature block with its hard breaks", () => {
    const signature = "Snorre Berglund\\\nStadsdelsdirektör\\\nSödermalms stadsdelsförvaltning";
    expect(reflowMarkdown(signature)).toBe(signature);
  });

  it("is empty for empty input", () => {
    expect(reflowMarkdown("")).toBe("");
    expect(reflowMarkdown("\n\n")).toBe("");
  });

  it("does not change what the Markdown says", () => {
    const source =
      "Inom flera stadsdelsområden har socialtjänsten en hög\narbetsbelastning. Detta resulterar i att det är många oerfarna\nsocialsekreterare, t.ex. Nya, som får ansvara för ärenden.\n\n- Att uppdra till kommunstyrelsen. Och mer\n  text.\n- Att ge **socialtjänsten\n  stöd**.\n";
    const plainText = (md: string): string =>
      JSON.stringify(parseMarkdown(md), (key, value: unknown) =>
        key === "position" ? undefined : typeof value === "string" ? value.replace(/\s+/gu, " ") : value,
      );
    const reflowed = reflowMarkdown(source);
    expect(reflowed).not.toBe(source.trimEnd());
    expect(plainText(reflowed)).toBe(plainText(source));
  });

  it("is idempotent", () => {
    const source = "- Första meningen. Andra\n  meningen.\n\nText, t.ex. Polisen. Slut  \nrad.";
    const once = reflowMarkdown(source);
    expect(reflowMarkdown(once)).toBe(once);
  });
});

describe("splitSentences: abbreviations of months and a kansli's references", () => {
  it("does not end a sentence at jan., feb., febr., apr., aug., sept., okt., nov., dec., prop., bet. or dnr.", () => {
    for (const abbreviation of ["jan.", "feb.", "febr.", "apr.", "aug.", "sept.", "okt.", "nov.", "dec.", "prop.", "bet.", "dnr.", "Dnr."]) {
      const text = `Beslutet togs den 3 ${abbreviation} Förvaltningen svarar sedan.`;
      expect(splitSentences(text), abbreviation).toEqual([text]);
    }
  });

  it("still ends a sentence at the full names of the months and after mars", () => {
    expect(splitSentences("Mötet hölls i mars. Nästa möte är i maj.")).toEqual(["Mötet hölls i mars.", "Nästa möte är i maj."]);
    expect(splitSentences("Se bl.a. Kap. 3. Det gäller t.ex. Farsta.")).toEqual(["Se bl.a. Kap. 3.", "Det gäller t.ex. Farsta."]);
  });
});
