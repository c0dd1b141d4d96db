import { describe, expect, it } from "vitest";
import { runRules } from "../../src/check/engine.js";
import { readDocx } from "../../src/check/readers/docx.js";
import { readMarkdown } from "../../src/check/readers/markdown.js";
import { bodyLixCount, textLix } from "../../src/check/rules/text-lix.js";
import { lixCount } from "../../src/check/text.js";
import { docxFromDescription } from "./support/docx-fixture.js";

/**
 * LIX counted by hand on body text only. The section's body text is
 *
 *   Förvaltningen tillstyrker motionen. Bänkarna behövs.
 *   Parkenheten ställer ut bänkar.
 *
 * 9 words (Förvaltningen, tillstyrker, motionen, Bänkarna, behövs,
 * Parkenheten, ställer, ut, bänkar), 3 sentences, 6 words with more than
 * six letters (Förvaltningen 13, tillstyrker 11, motionen 8, Bänkarna 8,
 * Parkenheten 11, ställer 7; behövs and bänkar have 6): LIX = 9 / 3 +
 * 100 × 6 / 9 = 3 + 66,67 = 69,7. The page-1 block, the title, the own
 * heading, the table and the list marker add nothing.
 */
const HAND_COUNTED = { words: 9, sentences: 3, longWords: 6 };

const MARKDOWN = `Tjänsteutlåtande\\
Dnr SÖD 2025/1234\\
2025-10-07

# Motion om fler parkbänkar i innerstaden

## Ärendet

Förvaltningen tillstyrker motionen. Bänkarna behövs.

- Parkenheten ställer ut bänkar.

### Kostnaderna för underhållet

| Kostnad | Ansvarig förvaltning |
| --- | --- |
| Underhållsbudget | Stadsdelsförvaltningen |
`;

/** The same document as Word writes it by hand: the list marker typed, not Word's numbering. */
const DOCX = `Tjänsteutlåtande
Dnr SÖD 2025/1234
# Motion om fler parkbänkar i innerstaden
## Ärendet
Förvaltningen tillstyrker motionen. Bänkarna behövs.
1. Parkenheten ställer ut bänkar.
### Kostnaderna för underhållet
| Kostnad | Ansvarig förvaltning |
| Underhållsbudget | Stadsdelsförvaltningen |
`;

const MESSAGE = "Avsnittet ”Ärendet” har LIX 69,7, över gränsen 10, och är svårt att läsa. Skriv kortare meningar och byt långa ord mot kortare där det går.";

describe("LIX on body text only", () => {
  it("counts a draft's section as counted by hand", () => {
    const document = readMarkdown(MARKDOWN);
    expect(bodyLixCount(document.sections[0]!)).toEqual(HAND_COUNTED);
    expect(runRules(document, { lixMax: 10, lixMinWords: 1 }, [textLix]).map((f) => f.message)).toEqual([MESSAGE]);
  });

  it("counts a Word document's section the same, a typed list marker left out", async () => {
    const document = readDocx(await docxFromDescription(DOCX));
    expect(bodyLixCount(document.sections[0]!)).toEqual(HAND_COUNTED);
    expect(runRules(document, { lixMax: 10, lixMinWords: 1 }, [textLix]).map((f) => f.message)).toEqual([MESSAGE]);
  });

  it("leaves out only markers: a paragraph that begins with a number or a word keeps it", () => {
    const block = (text: string) => ({ kind: "paragraph" as const, text, at: () => ({ line: 1, column: 1 }) });
    expect(bodyLixCount({ body: [block("a) Bänkarna behövs.")] })).toEqual({ words: 2, sentences: 1, longWords: 1 });
    expect(bodyLixCount({ body: [block("• Bänkarna behövs.")] })).toEqual({ words: 2, sentences: 1, longWords: 1 });
    expect(bodyLixCount({ body: [block("12 bänkar behövs.")] })).toEqual({ words: 3, sentences: 1, longWords: 0 });
    expect(bodyLixCount({ body: [block("Alla bänkar behövs.")] })).toEqual({ words: 3, sentences: 1, longWords: 0 });
  });

  it("takes the typed marker away, which counted as text would be a word and a sentence of its own", () => {
    // ”1.” is a word (it has a digit), and its full stop before a capital ends a sentence.
    const block = { kind: "paragraph" as const, text: "1. Parkenheten ställer ut bänkar.", at: () => ({ line: 1, column: 1 }) };
    expect(lixCount([block])).toEqual({ words: 5, sentences: 2, longWords: 2 });
    expect(bodyLixCount({ body: [block] })).toEqual({ words: 4, sentences: 1, longWords: 2 });
  });
});
