import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, formatGithub } from "../../src/report/github.js";
import { DIAGNOSTICS } from "./fixtures.js";

describe("formatGithub", () => {
  it("writes one workflow command per finding, without line and column for a whole file", () => {
    expect(formatGithub(DIAGNOSTICS)).toBe(
      [
        "::error file=utkast.md,line=9,col=1,title=sektion/saknas::Ett avsnitt saknas.",
        "::warning file=utkast.md,line=120,col=14,title=text/lix::LIX 63,4.",
        "::error file=ärenden/a%2C b.yaml,title=fil/saknas::Filen finns inte.",
        "",
      ].join("\n"),
    );
    expect(formatGithub([])).toBe("");
  });

  it("escapes data and properties as the runner reads them", () => {
    expect(escapeData("100% klart\r\nrad två: a, b")).toBe("100%25 klart%0D%0Arad två: a, b");
    expect(escapeProperty("C:\\mapp\\a,b%.md\n")).toBe("C%3A\\mapp\\a%2Cb%25.md%0A");
  });
});
