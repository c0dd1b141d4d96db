import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCaseText } from "../../src/load/index.js";
import { suggest } from "../../src/load/validate.js";

const MINIMAL = readFileSync(new URL("../../fixtures/minimal.yaml", import.meta.url), "utf8");

describe("loadCaseText", () => {
  it("accepts the minimal case", () => {
    const loaded = loadCaseText(MINIMAL, "minimal.yaml");
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.case?.remissobjekt.typ).toBe("motion");
    expect(loaded.case?.forvaltning.namnd).toBe("Farsta stadsdelsnämnd");
  });

  it("reads UTF-8 with a BOM and CRLF line ends as the same case", () => {
    const crlf = new TextEncoder().encode(`\uFEFF${MINIMAL.replace(/\n/g, "\r\n")}`);
    const loaded = loadCaseText(crlf, "crlf.yaml");
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.case).toEqual(loadCaseText(MINIMAL, "lf.yaml").case);
  });

  it("keeps every scalar a string: leading zeros and dates survive", () => {
    const text = MINIMAL.replace("  namnd: Farsta stadsdelsnämnd", "  namnd: Farsta stadsdelsnämnd\n  vaxel: 0850812000");
    expect(loadCaseText(text, "x.yaml").case?.forvaltning.vaxel).toBe("0850812000");
    expect(loadCaseText(text, "x.yaml").case?.remiss.svar_senast).toBe("2025-12-01");
  });

  it("treats an empty optional value as absent", () => {
    const text = MINIMAL.replace("  namnd: Farsta stadsdelsnämnd", "  namnd: Farsta stadsdelsnämnd\n  avdelning:");
    const loaded = loadCaseText(text, "x.yaml");
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.case?.forvaltning).not.toHaveProperty("avdelning");
  });

  it("reports a duplicate key at the second occurrence, naming it", () => {
    const text = MINIMAL.replace("  namnd: Farsta stadsdelsnämnd", "  namnd: Farsta stadsdelsnämnd\n  namnd: Farsta");
    const [first] = loadCaseText(text, "x.yaml").diagnostics;
    expect(first).toMatchObject({ line: 5, column: 3, rule: "yaml/dubblett" });
    expect(first?.message).toContain("”namnd”");
  });

  it("refuses an alias bomb without expanding it", () => {
    let text = 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n';
    let previous = "a";
    for (const name of ["b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"]) {
      text += `${name}: &${name} [${Array(10).fill(`*${previous}`).join(",")}]\n`;
      previous = name;
    }
    // Twelve levels of ten aliases would expand to 10^13 strings: it can only pass by being refused.
    const loaded = loadCaseText(text, "bomb.yaml");
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]?.rule).toBe("yaml/alias");
  });

  it("points into a block scalar at the line where the text stands", () => {
    const loaded = loadCaseText(MINIMAL, "minimal.yaml");
    const value = loaded.case!.jamstalldhetsanalys!;
    expect(loaded.locateInValue(["jamstalldhetsanalys"], value.indexOf("samma"))).toEqual({ line: 24, column: 29 });
  });

  it("points into a folded scalar across its lines", () => {
    const text = MINIMAL.replace(
      "sammanfattning: |\n  Förvaltningen ser positivt på förslaget.",
      "sammanfattning: >\n  Förvaltningen ser\n  positivt på förslaget.",
    );
    const loaded = loadCaseText(text, "x.yaml");
    expect(loaded.case?.sammanfattning).toBe("Förvaltningen ser positivt på förslaget.\n");
    expect(loaded.locateInValue(["sammanfattning"], loaded.case!.sammanfattning!.indexOf("positivt"))).toEqual({ line: 19, column: 3 });
  });

  it("lists the diagnostics in source order, all of them together", () => {
    const loaded = loadCaseText(MINIMAL.replace("titel: Motion", "titl: Motion").replace("svar_senast: 2025-12-01", "svar_senast: 2025-12-32"), "x.yaml");
    expect(loaded.diagnostics.map((d) => [d.line, d.rule])).toEqual([
      [8, "schema/datum"],
      [10, "schema/okand-nyckel"],
    ]);
  });
});

describe("suggest", () => {
  it("finds a near miss, also written with å, ä and ö", () => {
    expect(suggest("titl", ["titel", "typ"])).toBe("titel");
    expect(suggest("nämnd", ["namn", "namnd"])).toBe("namnd");
    expect(suggest("jämställdhetsanalys", ["jamstalldhetsanalys"])).toBe("jamstalldhetsanalys");
    expect(suggest("svar-senast", ["svar_senast"])).toBe("svar_senast");
  });

  it("suggests nothing for a word that is not close", () => {
    expect(suggest("ekonomi", ["forvaltning", "dnr", "datum"])).toBeUndefined();
  });
});
