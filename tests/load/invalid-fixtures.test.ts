import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCaseText } from "../../src/load/index.js";

/**
 * One test per bad input under fixtures/invalid/: the expected findings
 * (`LINE:COL rule message`) stand beside each file in a `.expected` file.
 */
const DIR = new URL("../../fixtures/invalid/", import.meta.url);
const cases = readdirSync(DIR).filter((name) => name.endsWith(".yaml")).sort();

describe("invalid inputs", () => {
  it("has fixtures for every kind of bad input", () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        "yaml-syntax.yaml",
        "duplicate-key.yaml",
        "alias-bomb.yaml",
        "wrong-types.yaml",
        "missing-required.yaml",
        "unknown-keys.yaml",
        "impossible-dates.yaml",
        "empty.yaml",
        "only-comments.yaml",
        "top-level-list.yaml",
        "not-utf8.yaml",
        "binary.yaml",
        "heading-level.yaml",
        "oindragen-text.yaml",
        "kolon-utan-mellanslag.yaml",
        "kolon-utan-mellanslag-i-grupp.yaml",
        "hart-mellanslag.yaml",
        "kolon-i-text.yaml",
        "citattecken-stangs-inte.yaml",
        "tabb.yaml",
        "prototyp.yaml",
      ]),
    );
  });

  for (const name of cases) {
    it(`reports ${name} as expected`, () => {
      const loaded = loadCaseText(readFileSync(new URL(name, DIR)), name);
      const expectedFile = new URL(name.replace(/\.yaml$/, ".expected"), DIR);
      const actual = loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}\n`).join("");
      // After a change of wording that is meant: REMISS_UPDATE_EXPECTED=1 npx vitest run tests/load, then read the diff.
      if (process.env.REMISS_UPDATE_EXPECTED) writeFileSync(expectedFile, actual);
      expect(loaded.case).toBeUndefined();
      expect(loaded.diagnostics.every((d) => d.file === name && d.severity === "error")).toBe(true);
      expect(actual).toBe(readFileSync(expectedFile, "utf8"));
    });
  }
});
