import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.js";

/**
 * Every kind of remiss, drafted and then checked as CI would: the case, its
 * Markdown and its DOCX pass `remiss check` (warnings allowed, no errors),
 * also where remiss.config.yaml requires own sections (`check.avsnitt`).
 */
const CASES = [
  "medborgarforslag-giftfri-forskola",
  "betankande-lat-fler-forma-framtiden",
  "motion-fraga-vardval",
  "motion-fran-parti",
  "egna-avsnitt/spanga",
];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-drafts-"));
  for (const name of CASES.filter((c) => !c.includes("/"))) cpSync(join(ROOT, "fixtures", `${name}.yaml`), join(dir, `${name}.yaml`));
  cpSync(join(ROOT, "fixtures", "egna-avsnitt"), join(dir, "egna-avsnitt"), { recursive: true });
  rmSync(join(dir, "egna-avsnitt", "spanga.md"));
  const drafted = runCli(["draft", ...CASES.map((c) => `${c}.yaml`)], { cwd: dir });
  expect(drafted.stderr).toBe("5 utkast skrivna\n");
  expect(drafted.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("check on the drafts of every kind of remiss", () => {
  it("has drafted each case to Markdown and DOCX", () => {
    const written = [...readdirSync(dir), ...readdirSync(join(dir, "egna-avsnitt")).map((f) => `egna-avsnitt/${f}`)];
    for (const name of CASES) expect(written).toEqual(expect.arrayContaining([`${name}.yaml`, `${name}.md`, `${name}.docx`]));
  });

  for (const name of CASES) {
    it(`finds no error in ${name} as YAML, Markdown and DOCX`, () => {
      const result = runCli(["check", `${name}.yaml`, `${name}.md`, `${name}.docx`, "--format", "json"], { cwd: dir });
      const errors = (JSON.parse(result.stdout) as { severity: string }[]).filter((d) => d.severity === "error");
      expect(errors).toEqual([]);
      expect(result.code).toBe(0);
    });
  }

  it("meets check.avsnitt with the case's own sections, and fails without them", () => {
    const text = runCli(["check", "egna-avsnitt/spanga.md", "--format", "json"], { cwd: dir });
    expect(JSON.parse(text.stdout)).toEqual([]);
    const config = runCli(["check", "egna-avsnitt/spanga.yaml", "--format", "json"], { cwd: dir });
    expect(JSON.parse(config.stdout)).toEqual([]);
    const minimal = join(dir, "egna-avsnitt", "utan.yaml");
    cpSync(join(ROOT, "fixtures", "minimal.yaml"), minimal);
    const without = runCli(["check", "egna-avsnitt/utan.yaml", "--format", "json"], { cwd: dir });
    expect((JSON.parse(without.stdout) as { message: string }[]).map((d) => d.message)).toEqual([
      "Avsnittet ”Ekonomiska konsekvenser” krävs enligt remiss.config.yaml men saknas. Lägg till det under egna_avsnitt, med rubrik: Ekonomiska konsekvenser och text: |. (egna_avsnitt)",
      "Avsnittet ”Risker” krävs enligt remiss.config.yaml men saknas. Lägg till det under egna_avsnitt, med rubrik: Risker och text: |. (egna_avsnitt)",
    ]);
  });
});

describe("check over a folder of cases and their drafts", () => {
  it("checks every draft in full, and finds none stale when each is what its case gives", () => {
    const result = runCli(["check", ".", "--format", "json"], { cwd: dir });
    const findings = JSON.parse(result.stdout) as { file: string; rule: string }[];
    // The medborgarförslag's two text warnings stand on the case and on each of its drafts.
    expect(findings.filter((f) => f.rule.startsWith("text/")).map((f) => f.file)).toEqual([
      "medborgarforslag-giftfri-forskola.docx",
      "medborgarforslag-giftfri-forskola.docx",
      "medborgarforslag-giftfri-forskola.md",
      "medborgarforslag-giftfri-forskola.md",
      "medborgarforslag-giftfri-forskola.yaml",
      "medborgarforslag-giftfri-forskola.yaml",
    ]);
    expect(findings.filter((f) => f.rule === "utkast/inaktuellt")).toEqual([]);
    expect(result.stderr).toBe("");
  });

  it("says that an edited draft is not what its case gives, and checks it in full", () => {
    const md = join(dir, "motion-fran-parti.md");
    const text = readFileSync(md, "utf8");
    writeFileSync(md, text.replace("Barn som går till och från skolan över Torget berörs av trafiken.", "TODO"));
    const result = runCli(["check", ".", "--format", "json"], { cwd: dir });
    const findings = JSON.parse(result.stdout) as { file: string; rule: string }[];
    expect(findings.filter((f) => f.rule === "text/platshallare" || f.rule === "utkast/inaktuellt").map((f) => `${f.file} ${f.rule}`)).toEqual([
      "motion-fran-parti.md text/platshallare",
      "motion-fran-parti.md utkast/inaktuellt",
    ]);
    writeFileSync(md, text);
  });
});
