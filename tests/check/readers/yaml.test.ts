import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runRules } from "../../../src/check/engine.js";
import { readYaml } from "../../../src/check/readers/yaml.js";

const MINIMAL = readFileSync(new URL("../../../fixtures/minimal.yaml", import.meta.url), "utf8");
const bytes = (text: string) => new TextEncoder().encode(text);

describe("readYaml", () => {
  it("makes a section of each Markdown text field, and of each section remiss writes itself, and reads the dates", () => {
    const doc = readYaml(bytes(MINIMAL), "minimal.yaml");
    expect(doc.findings).toEqual([]);
    expect(doc.outline).toBeUndefined();
    expect(doc.sections.map((s) => s.field ?? s.spec?.id)).toEqual([
      "forslag-till-beslut",
      "sammanfattning",
      "bakgrund",
      "motion.beskrivning",
      "beredning",
      "synpunkter",
      "barnrattsanalys",
      "jamstalldhetsanalys",
    ]);
    expect(doc.dates.svarSenast).toEqual({ value: "2025-12-01", line: 8, column: 16 });
    expect(doc.dates.datum).toBeUndefined();
  });

  it("points at the line of the file in block, folded, quoted and list values", () => {
    const text = MINIMAL.replace(
      "  yrkanden:\n    - Att öppna fler fritidsgårdar.\n",
      "  yrkanden:\n    - Att öppna fler fritidsgårdar.\n    - 'Att [ange antal] gårdar öppnas.'\n",
    ).replace(
      "synpunkter: |\n  Förvaltningen delar skribentens bild.\n",
      "synpunkter: >\n  Förvaltningen delar\n  skribentens bild, men XXX\n  måste\n  kontrolleras.\n",
    );
    const lines = text.split("\n");
    const findings = runRules(readYaml(bytes(text), "arende.yaml"));
    expect(findings.map((f) => [f.line, f.column, f.rule])).toEqual([
      [17, 12, "text/platshallare"],
      [22, 25, "text/platshallare"],
    ]);
    expect(lines[16]!.slice(11)).toMatch(/^\[ange antal\]/u);
    expect(lines[21]!.slice(24)).toMatch(/^XXX/u);
  });

  it("passes the loader's findings through and runs no text rule on an invalid case", () => {
    const text = MINIMAL.replace("sammanfattning: |\n  Förvaltningen ser positivt på förslaget.\n", "").replace(
      "Förvaltningen delar skribentens bild.",
      "TODO",
    );
    const findings = runRules(readYaml(bytes(text), "arende.yaml"));
    expect(findings.map((f) => f.rule)).toEqual(["schema/saknas"]);
  });
});
