import { describe, expect, it } from "vitest";
import {
  defaultTill,
  indefiniteWithArticle,
  objektMidSentence,
  objektNouns,
  quoted,
  roleNoun,
  skriven,
  withoutKindPrefix,
  withoutSecondMark,
} from "../../src/view/remissobjekt.js";

const o = (typ: string, titel: string, benamning?: { obestamd: string; bestamd: string }) => ({ typ, titel, ...(benamning ? { benamning } : {}) });

describe("objektNouns and indefiniteWithArticle", () => {
  it("gives every kind its nouns and article", () => {
    const table = [
      ["motion", "en motion", "motionen"],
      ["skrivelse", "en skrivelse", "skrivelsen"],
      ["medborgarforslag", "ett medborgarförslag", "medborgarförslaget"],
      ["medborgarförslag", "ett medborgarförslag", "medborgarförslaget"],
      ["betankande", "ett betänkande", "betänkandet"],
      ["betänkande", "ett betänkande", "betänkandet"],
      ["rapport", "en rapport", "rapporten"],
      ["program", "ett program", "programmet"],
      ["plan", "en plan", "planen"],
      ["promemoria", "en promemoria", "promemorian"],
      ["forslag", "ett förslag", "förslaget"],
      ["förslag", "ett förslag", "förslaget"],
    ] as const;
    for (const [typ, indefinite, definite] of table) {
      expect([indefiniteWithArticle(typ), objektNouns(o(typ, "X")).bestamd], typ).toEqual([indefinite, definite]);
    }
  });

  it("takes the nouns of `annat` from the case", () => {
    expect(objektNouns(o("annat", "X", { obestamd: "riktlinjer", bestamd: "riktlinjerna" })).bestamd).toBe("riktlinjerna");
    expect(indefiniteWithArticle("annat")).toBeUndefined();
  });
});

describe("objektMidSentence (OBJ)", () => {
  it("reads a title that starts with the kind's word as the indefinite noun and the rest", () => {
    expect(objektMidSentence(o("motion", "Motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga"))).toBe(
      "en motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga",
    );
    expect(objektMidSentence(o("skrivelse", "Skrivelse om nattöppna fritidsgårdar"))).toBe("en skrivelse om nattöppna fritidsgårdar");
    expect(objektMidSentence(o("medborgarforslag", "Medborgarförslag om fler bänkar i parken"))).toBe(
      "ett medborgarförslag om fler bänkar i parken",
    );
    expect(objektMidSentence(o("motion", "MOTION om fler parkbänkar"))).toBe("en motion om fler parkbänkar");
  });

  it("quotes a title ending in ? or !, after the definite noun", () => {
    expect(objektMidSentence(o("medborgarforslag", "Giftfri miljö för alla barn i förskolan!"))).toBe(
      "medborgarförslaget ”Giftfri miljö för alla barn i förskolan!”",
    );
    expect(objektMidSentence(o("motion", "Motion om vad vårdvalet kostar?"))).toBe("motionen ”Motion om vad vårdvalet kostar?”");
  });

  it("drops a leading kind word with a colon from the quoted title", () => {
    expect(objektMidSentence(o("motion", "Motion: Hur har jämställdheten påverkats av vårdval?"))).toBe(
      "motionen ”Hur har jämställdheten påverkats av vårdval?”",
    );
    expect(withoutKindPrefix("Medborgarförslag: Fler bänkar")).toBe("Fler bänkar");
    expect(withoutKindPrefix("Motionsspår i parken")).toBe("Motionsspår i parken");
  });

  it("quotes every other title, and the title of every other kind", () => {
    expect(objektMidSentence(o("betankande", "Effektivare samverkan för djur- och folkhälsa (SOU 2025:69)"))).toBe(
      "betänkandet ”Effektivare samverkan för djur- och folkhälsa (SOU 2025:69)”",
    );
    expect(objektMidSentence(o("motion", "Fler fritidsgårdar i Farsta"))).toBe("motionen ”Fler fritidsgårdar i Farsta”");
    expect(objektMidSentence(o("motion", "Motionsspår i Nackareservatet"))).toBe("motionen ”Motionsspår i Nackareservatet”");
    expect(objektMidSentence(o("rapport", "Rapport om hemlöshet"))).toBe("rapporten ”Rapport om hemlöshet”");
    expect(objektMidSentence(o("annat", "Riktlinjer för bostadsanpassning", { obestamd: "riktlinjer", bestamd: "riktlinjerna" }))).toBe(
      "riktlinjerna ”Riktlinjer för bostadsanpassning”",
    );
  });

  it("keeps version 1's reading of a motion or skrivelse title without the kind word", () => {
    expect(objektMidSentence(o("motion", "Fler fritidsgårdar i Farsta"), 1)).toBe("en motion om fler fritidsgårdar i Farsta");
    expect(objektMidSentence(o("skrivelse", "Trygghet i tunnelbanan"), 1)).toBe("en skrivelse om trygghet i tunnelbanan");
    expect(objektMidSentence(o("motion", "Om fler fritidsgårdar"), 1)).toBe("en motion om fler fritidsgårdar");
    expect(objektMidSentence(o("motion", "Skrivelse om X"), 1)).toBe("en skrivelse om X");
    expect(objektMidSentence(o("motion", "EU-medel till lokala föreningar"), 1)).toBe("en motion om EU-medel till lokala föreningar");
    // Version 1 too gets the quoted form for a question: no "…?." any more.
    expect(objektMidSentence(o("motion", "Fler bänkar?"), 1)).toBe("motionen ”Fler bänkar?”");
  });
});

describe("withoutSecondMark", () => {
  it("drops the full stop after a title's own ?, ! or .", () => {
    expect(withoutSecondMark("fått ett medborgarförslag om giftfri miljö för alla barn i förskolan!.")).toBe(
      "fått ett medborgarförslag om giftfri miljö för alla barn i förskolan!",
    );
    expect(withoutSecondMark("har remitterat motionen ”Hur har jämställdheten påverkats av vårdval?”.")).toBe(
      "har remitterat motionen ”Hur har jämställdheten påverkats av vårdval?”",
    );
    expect(withoutSecondMark("fått en motion om m.m..")).toBe("fått en motion om m.m.");
    expect(withoutSecondMark("fått skrivelsen ”Vi vill.”.")).toBe("fått skrivelsen ”Vi vill.”");
  });

  it("keeps the full stop after anything else", () => {
    expect(withoutSecondMark("Motionen är skriven av Andréa Hedin (M).")).toBe("Motionen är skriven av Andréa Hedin (M).");
    expect(withoutSecondMark("betänkandet ”Låt fler forma framtiden! (SOU 2016:5)”.")).toBe(
      "betänkandet ”Låt fler forma framtiden! (SOU 2016:5)”.",
    );
  });
});

describe("skriven", () => {
  it("agrees with the noun", () => {
    expect(skriven(o("motion", "X"))).toBe("skriven");
    expect(skriven(o("medborgarforslag", "X"))).toBe("skrivet");
    expect(skriven(o("betankande", "X"))).toBe("skrivet");
    expect(skriven(o("annat", "X", { obestamd: "riktlinjer", bestamd: "riktlinjerna" }))).toBe("skrivna");
    expect(skriven(o("annat", "X", { obestamd: "underlag", bestamd: "underlaget" }))).toBe("skrivet");
    expect(skriven(o("annat", "X", { obestamd: "vägledning", bestamd: "vägledningen" }))).toBe("skriven");
  });
});

describe("roleNoun and defaultTill", () => {
  it("names who proposes, in the number of the authors", () => {
    expect(roleNoun("motion", 1)).toBe("skribenten");
    expect(roleNoun("skrivelse", 3)).toBe("skribenterna");
    expect(roleNoun("medborgarforslag", 1)).toBe("förslagsställaren");
    expect(roleNoun("medborgarförslag", 2)).toBe("förslagsställarna");
    expect(roleNoun("betankande", 0)).toBeUndefined();
  });

  it("addresses a motion and a medborgarförslag to kommunfullmäktige, a skrivelse to kommunstyrelsen", () => {
    expect([defaultTill("motion"), defaultTill("medborgarforslag"), defaultTill("skrivelse"), defaultTill("rapport")]).toEqual([
      "kommunfullmäktige",
      "kommunfullmäktige",
      "kommunstyrelsen",
      undefined,
    ]);
  });
});

describe("quoted", () => {
  it("puts a title in Swedish quotation marks", () => {
    expect(quoted("Fler bänkar")).toBe("”Fler bänkar”");
  });

  it("turns quotation marks inside the title into single ones (issue 24)", () => {
    expect(quoted('Hur har jämställdheten påverkats av "vårdval"?')).toBe("”Hur har jämställdheten påverkats av ’vårdval’?”");
    expect(quoted("Hur har jämställdheten påverkats av ”vårdval”?")).toBe("”Hur har jämställdheten påverkats av ’vårdval’?”");
    expect(quoted("Hur har jämställdheten påverkats av “vårdval”?")).toBe("”Hur har jämställdheten påverkats av ’vårdval’?”");
    expect(quoted("Om «vårdval» och ”LOV”")).toBe("”Om ’vårdval’ och ’LOV’”");
  });

  it("quotes a motion's title with a question that way mid-sentence", () => {
    expect(objektMidSentence({ typ: "motion", titel: 'Hur har jämställdheten påverkats av "vårdval"?' })).toBe(
      "motionen ”Hur har jämställdheten påverkats av ’vårdval’?”",
    );
  });
});
