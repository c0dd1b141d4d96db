import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runRules } from "../../../src/check/engine.js";
import { readDocx } from "../../../src/check/readers/docx.js";
import { renderDocx } from "../../../src/render/docx/index.js";

/**
 * A DOCX written by `draft`, read back by `check`: the closing sentence and
 * the signatures (marked by their paragraph styles) end the sections, so an
 * emptied last section is found in the Word file too.
 */
const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), "utf8");

async function findings(markdown: string) {
  return runRules(readDocx(await renderDocx(markdown)));
}

describe("check on a generated DOCX", () => {
  it("finds no section problem in a drafted case", async () => {
    expect((await findings(fixture("minimal.md"))).filter((f) => f.rule.startsWith("sektion/"))).toEqual([]);
  });

  it("finds an empty last section, before the closing sentence and the signatures", async () => {
    const result = (await findings(fixture("check/sektion/tom/sista-avsnittet.md"))).filter((f) => f.rule.startsWith("sektion/"));
    expect(result).toEqual([
      expect.objectContaining({ rule: "sektion/tom", message: "Avsnittet ”Jämställdhetsanalys” är tomt. Skriv avsnittets text under rubriken." }),
    ]);
  });
});
