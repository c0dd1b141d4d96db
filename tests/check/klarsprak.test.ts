import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findKlarsprak, KLARSPRAK, KLARSPRAK_SOURCES, withChanges } from "../../src/check/klarsprak.js";
import { runCli } from "../support/cli.js";

const words = (text: string, list = KLARSPRAK) => findKlarsprak(text, list).map((m) => `${m.text}→${m.entry.forslag}`);

describe("the klarspråk list", () => {
  it("gives every entry a suggestion, its base form among its forms, and a source the list names", () => {
    expect(KLARSPRAK.length).toBeGreaterThanOrEqual(10);
    for (const entry of KLARSPRAK) {
      expect(entry.forslag.length).toBeGreaterThan(0);
      expect(entry.former).toContain(entry.ord);
      expect(KLARSPRAK_SOURCES[entry.kalla ?? ""], entry.ord).toBeDefined();
    }
    for (const source of Object.values(KLARSPRAK_SOURCES)) expect(source.url).toMatch(/^https?:\/\//u);
  });
});

describe("findKlarsprak", () => {
  it("finds the inflected forms, whole words only, in any case", () => {
    expect(words("Vi erhöll, erhåller och har erhållit svar.")).toEqual(["erhöll→få", "erhåller→få", "erhållit→få"]);
    expect(words("Erhålla")).toEqual(["Erhålla→få"]);
    expect(words("Mottagaren och bidragserhållaren")).toEqual([]);
  });

  it("finds a phrase over a line break", () => {
    expect(words("i\nsyfte att hjälpa")).toEqual(["i\nsyfte att→för att"]);
  });

  it("passes words inside quotation marks", () => {
    expect(words("Motionären skriver ”vi erhöll inget” och ”att tillse”.")).toEqual([]);
    expect(words("Hon skrev \"erhålla\" men tillser ändå.")).toEqual(["tillser→se till"]);
  });

  it("passes the noun after a word that makes it one", () => {
    expect(words("I detta avseende och i flera avseenden")).toEqual([]);
    expect(words("Avseende kostnaderna")).toEqual(["Avseende→om, när det gäller"]);
  });
});

describe("withChanges", () => {
  it("takes words away, adds new ones, and replaces a word that is there", () => {
    const list = withChanges(KLARSPRAK, {
      ta_bort: ["Inkomma"],
      lagg_till: [{ ord: "verkställa", forslag: "genomföra", former: ["verkställa", "verkställer"] }, { ord: "erhålla", forslag: "få in" }, { ord: "per capita", forslag: "per person" }],
    });
    expect(words("Ansökan inkom i går.", list)).toEqual([]);
    expect(words("Nämnden verkställer beslutet.", list)).toEqual(["verkställer→genomföra"]);
    expect(words("Vi erhåller och erhålla.", list)).toEqual(["erhålla→få in"]);
    expect(words("kostnad per capita", list)).toEqual(["per capita→per person"]);
    expect(list.length).toBe(KLARSPRAK.length - 1 - 1 + 3);
  });
});

describe("check.klarsprak in remiss.config.yaml", () => {
  it("adds and takes away words, and check.regler turns the rule off", () => {
    const dir = mkdtempSync(join(tmpdir(), "remiss-klarsprak-"));
    try {
      writeFileSync(
        join(dir, "utkast.md"),
        "# Motion om bänkar\n\n## Ärendet\n\nÄrendet inkom i maj. Nämnden verkställer beslutet och erhåller medel.\n",
      );
      const rules = () =>
        (JSON.parse(runCli(["check", "utkast.md", "--format", "json"], { cwd: dir }).stdout) as { rule: string; message: string }[])
          .filter((f) => f.rule === "text/klarsprak")
          .map((f) => f.message);
      expect(rules()).toEqual([
        "Skriv ”komma in” eller ”lämna in” i stället för ”inkomma” (här ”inkom”).",
        "Skriv ”få” i stället för ”erhålla” (här ”erhåller”).",
      ]);
      writeFileSync(join(dir, "remiss.config.yaml"), "check:\n  klarsprak:\n    ta_bort: [inkomma]\n    lagg_till:\n      - ord: verkställa\n        forslag: genomföra\n        former: [verkställa, verkställer]\n");
      expect(rules()).toEqual(["Skriv ”genomföra” i stället för ”verkställa” (här ”verkställer”).", "Skriv ”få” i stället för ”erhålla” (här ”erhåller”)."]);
      writeFileSync(join(dir, "remiss.config.yaml"), "check:\n  regler:\n    text/klarsprak: av\n");
      expect(rules()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
