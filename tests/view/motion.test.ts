import { describe, expect, it } from "vitest";
import { motionMidSentence, motionNouns } from "../../src/view/motion.js";

describe("motionNouns", () => {
  it("gives the nouns of a motion and a skrivelse", () => {
    expect(motionNouns("motion")).toEqual({ indefinite: "en motion", definite: "Motionen" });
    expect(motionNouns("skrivelse")).toEqual({ indefinite: "en skrivelse", definite: "Skrivelsen" });
  });
});

describe("motionMidSentence", () => {
  it("uses a title that starts with the type word as it is", () => {
    expect(
      motionMidSentence("motion", "Motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga"),
    ).toBe("en motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga");
    expect(motionMidSentence("skrivelse", "Skrivelse om nattöppna fritidsgårdar")).toBe(
      "en skrivelse om nattöppna fritidsgårdar",
    );
  });

  it("recognises the type word in any case", () => {
    expect(motionMidSentence("motion", "MOTION om fler parkbänkar")).toBe("en motion om fler parkbänkar");
    expect(motionMidSentence("motion", "motion om fler parkbänkar")).toBe("en motion om fler parkbänkar");
    expect(motionMidSentence("motion", "Motion om EU-medel")).toBe("en motion om EU-medel");
  });

  it("lets the title's own type word win", () => {
    expect(motionMidSentence("motion", "Skrivelse om X")).toBe("en skrivelse om X");
  });

  it("does not take a longer word for the type word", () => {
    expect(motionMidSentence("motion", "Motionsspår i Nackareservatet")).toBe(
      "en motion om motionsspår i Nackareservatet",
    );
  });

  it("adds 'om' before another title", () => {
    expect(motionMidSentence("motion", "Fler fritidsgårdar i Farsta")).toBe("en motion om fler fritidsgårdar i Farsta");
    expect(motionMidSentence("skrivelse", "Trygghet i tunnelbanan")).toBe("en skrivelse om trygghet i tunnelbanan");
  });

  it("keeps an abbreviation at the start of the title", () => {
    expect(motionMidSentence("motion", "EU-medel till lokala föreningar")).toBe(
      "en motion om EU-medel till lokala föreningar",
    );
  });

  it("adds no second preposition", () => {
    expect(motionMidSentence("motion", "Om fler fritidsgårdar")).toBe("en motion om fler fritidsgårdar");
    expect(motionMidSentence("skrivelse", "Angående skolvägar")).toBe("en skrivelse angående skolvägar");
  });
});
