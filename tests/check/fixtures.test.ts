import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CheckDocument } from "../../src/check/document.js";
import { runRules } from "../../src/check/engine.js";
import { readDocx } from "../../src/check/readers/docx.js";
import { readMarkdown } from "../../src/check/readers/markdown.js";
import { readYaml } from "../../src/check/readers/yaml.js";
import { RULES } from "../../src/check/rules/index.js";
import { docxFromDescription } from "./support/docx-fixture.js";
import { fixtures, formatExpected, type Fixture } from "./support/fixtures.js";

/**
 * One test per fixture under fixtures/check: the fixture is read as its
 * format, the rule named by its folder runs (all rules in a folder that is
 * not a rule, e.g. `alla/` or `schema/`), and the findings must equal the
 * `.expected` file beside it, line for line.
 */
const all = fixtures();

async function read(fixture: Fixture): Promise<CheckDocument> {
  const bytes = readFileSync(fixture.path);
  if (fixture.name.endsWith(".docx.txt")) return readDocx(await docxFromDescription(bytes.toString("utf8")));
  if (fixture.name.endsWith(".md")) return readMarkdown(bytes.toString("utf8"));
  return readYaml(bytes, fixture.name);
}

describe("fixtures/check", () => {
  it("has fixtures", () => {
    expect(all.length).toBeGreaterThan(0);
  });

  for (const fixture of all) {
    it(`${fixture.folder}: ${fixture.name}`, async () => {
      const rule = RULES.find((r) => r.id === fixture.folder);
      const findings = runRules(await read(fixture), {}, rule ? [rule] : RULES);
      expect(formatExpected(findings)).toBe(fixture.expected);
    });
  }

  it.each(RULES.map((r) => r.id))("%s has an ok and a not-ok fixture", (id) => {
    const mine = all.filter((f) => f.folder === id);
    expect(mine.some((f) => f.expected === "")).toBe(true);
    expect(mine.some((f) => f.expected.includes(` ${id} `))).toBe(true);
  });
});
