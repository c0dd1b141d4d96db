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
