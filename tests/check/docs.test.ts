import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/check/rules/index.js";
import { fixtures } from "./support/fixtures.js";

/**
 * docs/check.md and the rules cannot drift apart: every rule has its
 * heading there with its severity and description, and every example
 * finding the page shows is one that a fixture expects, word for word.
 */
const DOCS = readFileSync(new URL("../../docs/check.md", import.meta.url), "utf8");
const SEVERITY = { error: "fel", warning: "varning" } as const;
const EXPECTED = fixtures().flatMap((f) => f.expected.split("\n").filter(Boolean));

/** The docs split at rule headings: rule id → its text. */
const sections = new Map(
  DOCS.split(/^### /mu)
    .slice(1)
    .map((part) => [/^`([^`]+)`/u.exec(part)?.[1] ?? "", part] as const),
);

describe("docs/check.md", () => {
  it.each(RULES.map((r) => [r.id, r] as const))("documents %s with its severity and description", (id, rule) => {
    const section = sections.get(id);
    expect(section, `### \`${id}\` in docs/check.md`).toBeDefined();
    expect(section!.split("\n")[0]).toBe(`\`${id}\` (${SEVERITY[rule.severity]})`);
    expect(section).toContain(rule.description);
  });

  it("shows only findings that the fixtures expect", () => {
    let examples = 0;
    for (const [id, section] of sections) {
      for (const match of section.matchAll(/^(\d+):(\d+) {2}(fel|varning) {2}(.+)$/gmu)) {
        const severity = match[3] === "fel" ? "error" : "warning";
        expect(EXPECTED).toContain(`${match[1]}:${match[2]} ${severity} ${id} ${match[4]}`);
        examples++;
      }
    }
    expect(examples).toBeGreaterThanOrEqual(RULES.length - 3);
  });
});
