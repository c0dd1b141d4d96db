import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCaseText } from "../../../src/load/index.js";
import { createMarkdownRenderer } from "../../../src/render/markdown/render.js";
import { buildViewModel } from "../../../src/view/model.js";

/** Every valid case under fixtures/ drafts to its committed Markdown, byte for byte. */
const FIXTURES = new URL("../../../fixtures/", import.meta.url);
const cases = readdirSync(FIXTURES).filter((name) => name.endsWith(".yaml")).sort();
const render = createMarkdownRenderer();

function draft(name: string): string {
  const loaded = loadCaseText(readFileSync(new URL(name, FIXTURES)), name);
  expect(loaded.diagnostics).toEqual([]);
  return render(buildViewModel(loaded.case!));
}

describe("golden Markdown", () => {
  it("covers the reference case and the others", () => {
    expect(cases).toEqual(["minimal.yaml", "skrivelse-flera-forfattare.yaml", "sodermalm-ks-2025-804.yaml"]);
  });

  for (const name of cases) {
    it(`drafts ${name} exactly as the golden file`, () => {
      const golden = readFileSync(new URL(name.replace(/\.yaml$/, ".md"), FIXTURES), "utf8");
      expect(draft(name)).toBe(golden);
    });
  }

  it("gives the same bytes every time", () => {
    expect(draft("sodermalm-ks-2025-804.yaml")).toBe(draft("sodermalm-ks-2025-804.yaml"));
  });
});
