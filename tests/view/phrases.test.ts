import { describe, expect, it } from "vitest";
import { DEFAULT_PHRASES } from "../../src/model/husstil.js";
import { phraseProblems } from "../../src/model/phrases.js";
import { createPhraser } from "../../src/view/phrases.js";

describe("createPhraser", () => {
  const say = createPhraser({
    ...DEFAULT_PHRASES,
    inledning: "{{remittent}} har remitterat {{titel_citerad}}, {{skriven}} av {{forfattare}}.",
    forfattare: "",
    aven_till: "{{#unless remissinstanser}}Ingen annan{{else}}Också {{remissinstanser}}{{/unless}} har fått remissen.",
  });

  it("fills the slots and capitalises the sentence", () => {
    expect(
      say("inledning", {
        remittent: "kommunstyrelsen",
        titel_citerad: "”Motion om att Spånga bör slås ihop med Hässelby-Vällingby eller Bromma stadsdelsnämnd”",
        skriven: "skriven",
        forfattare: "Dennis Wedin (M)",
      }),
    ).toBe(
      "Kommunstyrelsen har remitterat ”Motion om att Spånga bör slås ihop med Hässelby-Vällingby eller Bromma stadsdelsnämnd”, skriven av Dennis Wedin (M).",
    );
  });

  it("leaves out a sentence whose phrase is empty", () => {
    expect(say("forfattare", { objekt_bestamd: "motionen", skriven: "skriven", forfattare: "A" })).toBe("");
  });

  it("writes the built-in phrases as the built-in style always did", () => {
    expect(say("remitterat", { remittent: "kommunstyrelsen", objekt: "en motion om X", svar_senast: "28 oktober 2025" })).toBe(
      "Kommunstyrelsen har remitterat en motion om X för yttrande senast 28 oktober 2025.",
    );
    expect(say("remitterat", { remittent: "kommunstyrelsen", objekt: "en motion om X" })).toBe("Kommunstyrelsen har remitterat en motion om X för yttrande.");
    expect(say("beredning", { beretts_i: "förvaltningen" })).toBe("Ärendet har beretts i förvaltningen.");
  });

  it("takes #unless and else on a slot", () => {
    expect(say("aven_till", {})).toBe("Ingen annan har fått remissen.");
    expect(say("aven_till", { remissinstanser: "socialnämnden" })).toBe("Också socialnämnden har fått remissen.");
  });

  it("puts no second mark after a title's own ? or !", () => {
    expect(say("inledning", { remittent: "kommunstyrelsen", titel_citerad: "”Vad kostar det?”", skriven: "skriven", forfattare: "A" })).toBe(
      "Kommunstyrelsen har remitterat ”Vad kostar det?”, skriven av A.",
    );
    expect(say("remitterat", { remittent: "kommunstyrelsen", objekt: "medborgarförslaget ”Fler bänkar!”" })).toBe(
      "Kommunstyrelsen har remitterat medborgarförslaget ”Fler bänkar!” för yttrande.",
    );
    expect(say("aven_till", { remissinstanser: "”Fler bänkar!”" })).toBe("Också ”Fler bänkar!” har fått remissen.");
  });

  it("keeps a slot's {{…}} literal", () => {
    expect(say("beredning", { beretts_i: "{{namnd}}" })).toBe("Ärendet har beretts i {{namnd}}.");
  });
});

describe("createPhraser: lines and Markdown (issue 24)", () => {
  const say = createPhraser({
    ...DEFAULT_PHRASES,
    inledning: "{{namnd}} har fått en remiss. {{remittent}} vill ha svar t.ex. i maj. Svaret ska vara kort!",
    avslutning: "- {{namnd}} överlämnar svaret.",
    standardforslag: "1. Svaret godkänns.",
    beredning: "Ärendet har beretts i *{{beretts_i}}* [se bilaga] och_annat <b> & `kod`.",
    behandlats: "# Rubrik {{behandlats}}",
    aven_till: "{{#if remissinstanser}}Också {{remissinstanser}}. Fler har inte fått den.{{/if}} Se nedan.",
    remitterat: "Se punkt 2. 1. Så här.",
  });

  it("writes each sentence of a phrase on a line of its own, each with a capital", () => {
    expect(say("inledning", { namnd: "stadsdelsnämnden", remittent: "kommunstyrelsen" })).toBe(
      "Stadsdelsnämnden har fått en remiss.\nKommunstyrelsen vill ha svar t.ex. i maj.\nSvaret ska vara kort!",
    );
  });

  it("does not split a slot's text", () => {
    expect(say("inledning", { namnd: "nämnden ”Vad nu? Ja”", remittent: "A. B. Cederholm" })).toBe(
      "Nämnden ”Vad nu? Ja” har fått en remiss.\nA. B. Cederholm vill ha svar t.ex. i maj.\nSvaret ska vara kort!",
    );
  });

  it("splits the sentences inside #if too", () => {
    expect(say("aven_till", { remissinstanser: "socialnämnden" })).toBe("Också socialnämnden.\nFler har inte fått den.\nSe nedan.");
    expect(say("aven_till", {})).toBe("Se nedan.");
  });

  it("never reads a phrase's text as Markdown structure", () => {
    expect(say("avslutning", { namnd: "nämnden" })).toBe("\\- Nämnden överlämnar svaret.");
    expect(say("standardforslag", {})).toBe("1\\. Svaret godkänns.");
    expect(say("behandlats", { behandlats: "i gruppen" })).toBe("\\# Rubrik i gruppen");
    expect(say("remitterat", {})).toBe("Se punkt 2.\n1\\. Så här.");
    expect(say("beredning", { beretts_i: "förvaltningen" })).toBe(
      "Ärendet har beretts i \\*förvaltningen\\* \\[se bilaga\\] och\\_annat \\<b\\> \\& \\`kod\\`.",
    );
  });

  it("reads back, parsed as Markdown, as one paragraph of the phrase's plain text", async () => {
    const { parseFieldMarkdown } = await import("../../src/readers/markdown/parse.js");
    const { toString } = await import("mdast-util-to-string");
    const texts = ["- Punkt ett. 2) Punkt två.", "# Rubrik och *stjärna* _under_ `kod` [länk](x) <b>fet</b> & mer.", "> Citat. | tabell | rad |", "1. Svaret godkänns. ~~struken~~"];
    for (const text of texts) {
      const markdownSay = createPhraser({ ...DEFAULT_PHRASES, avslutning: text });
      const plainSay = createPhraser({ ...DEFAULT_PHRASES, avslutning: text }, "motion", { markdown: false });
      const tree = parseFieldMarkdown(markdownSay("avslutning", {}));
      expect(tree.children.map((n) => n.type), text).toEqual(["paragraph"]);
      expect(toString(tree).replace(/\s+/gu, " "), text).toBe(plainSay("avslutning", {}));
    }
  });

  it("writes the phrase plain and on one line for the front matter", () => {
    const plain = createPhraser({ ...DEFAULT_PHRASES, undertitel: "- Remiss från {{remittent_namn}}. Se *nedan*." }, "motion", { markdown: false });
    expect(plain("undertitel", { remittent_namn: "Kommunstyrelsen" })).toBe("- Remiss från Kommunstyrelsen. Se *nedan*.");
  });
});

describe("phraseProblems", () => {
  it("accepts slots, #if, #unless and else", () => {
    for (const phrase of Object.values(DEFAULT_PHRASES)) expect(phraseProblems(phrase), phrase).toEqual([]);
    expect(phraseProblems("{{#unless till}}A{{else}}B{{/unless}}")).toEqual([]);
  });

  it("finds unknown slots, helpers, partials and unbalanced blocks, with their offsets", () => {
    expect(phraseProblems("{{namd}} och {{> partial}}")).toEqual([
      { offset: 0, slot: "namd", message: "okänd plats ”namd”" },
      { offset: 13, message: "”{{> partial}}” går inte att använda; en fras kan ha {{plats}} och {{#if plats}} … {{/if}}" },
    ]);
    expect(phraseProblems("{{#if till}}x")).toEqual([{ offset: 0, message: "{{#if …}} stängs aldrig med {{/if}}" }]);
    expect(phraseProblems("x{{/if}}")).toEqual([{ offset: 1, message: "{{/if}} utan {{#if …}} före" }]);
    expect(phraseProblems("{{#if nämnd}}x{{/if}}")).toEqual([{ offset: 0, slot: "nämnd", message: "okänd plats ”nämnd”" }]);
    expect(phraseProblems("{{lookup . 'x'}}")[0]?.message).toContain("går inte att använda");
  });
});
