import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadProfile } from "../../../src/load/config.js";
import { loadCaseText } from "../../../src/load/index.js";
import { createMarkdownRenderer } from "../../../src/render/markdown/render.js";
import { buildViewModel } from "../../../src/view/model.js";

/**
 * Every valid case under fixtures/ (and in its folders with their own
 * remiss.config.yaml) drafts to its committed Markdown, byte for byte.
 */
const FIXTURES = fileURLToPath(new URL("../../../fixtures/", import.meta.url));
const FOLDERS = ["egna-avsnitt", "husstil-malmo", "markdown-alla"];
const cases = [
  ...readdirSync(FIXTURES).filter((name) => name.endsWith(".yaml")),
  ...FOLDERS.flatMap((folder) =>
    readdirSync(join(FIXTURES, folder))
      .filter((name) => name.endsWith(".yaml") && name !== "remiss.config.yaml")
      .map((name) => `${folder}/${name}`),
  ),
].sort();
const render = createMarkdownRenderer();

async function draft(name: string): Promise<string> {
  const config = join(FIXTURES, dirname(name), "remiss.config.yaml");
  const profile = existsSync(config) ? await loadProfile(config) : undefined;
  expect(profile?.diagnostics ?? []).toEqual([]);
  const loaded = loadCaseText(readFileSync(join(FIXTURES, name)), name, profile?.config, profile?.style);
  expect(loaded.diagnostics).toEqual([]);
  return render(buildViewModel(loaded.case!, profile?.style));
}

describe("golden Markdown", () => {
  it("covers the reference case, every kind of remiss and the house styles", () => {
    expect(cases).toEqual([
      "betankande-lat-fler-forma-framtiden.yaml",
      "egna-avsnitt/spanga.yaml",
      "husstil-malmo/temperatur-inomhus.yaml",
      "markdown-alla/arende.yaml",
      "medborgarforslag-giftfri-forskola.yaml",
      "minimal.yaml",
      "motion-fraga-vardval.yaml",
      "motion-fran-parti.yaml",
      "skrivelse-flera-forfattare.yaml",
      "sodermalm-ks-2025-804.yaml",
    ]);
  });

  for (const name of cases) {
    it(`drafts ${name} exactly as the golden file`, async () => {
      const golden = readFileSync(join(FIXTURES, name.replace(/\.yaml$/, ".md")), "utf8");
      expect(await draft(name)).toBe(golden);
    });
  }

  it("gives the same bytes every time", async () => {
    expect(await draft("sodermalm-ks-2025-804.yaml")).toBe(await draft("sodermalm-ks-2025-804.yaml"));
  });
});
