import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_DOCUMENT_LABEL, DEFAULT_FULLMAKTIGE, LABELS, LABEL_NAMES, husstilSchema } from "../../src/model/husstil.js";
import { BUILTIN_STYLES, BUILTIN_STYLE_NAMES } from "../../src/model/husstil-bas.js";
import { PHRASES, PHRASE_NAMES, SLOTS, SLOT_NAMES } from "../../src/model/phrases.js";
import { SECTIONS } from "../../src/model/sections.js";
import { FONTS } from "../../src/render/docx/typography.js";

/**
 * docs/husstil.md and the code cannot drift apart: its tables list every
 * key of `husstil`, every built-in section, every phrase with its default
 * text and every slot with its example, in the code's order, and its
 * Malmö example is the fixture, byte for byte.
 */
const DOCS = readFileSync(new URL("../../docs/husstil.md", import.meta.url), "utf8");
const MALMO = readFileSync(new URL("../../fixtures/husstil-malmo/remiss.config.yaml", import.meta.url), "utf8");

/** The rows of the table whose header row has these columns, as cells; `code` cells lose their backticks. */
function table(...columns: string[]): string[][] {
  const lines = DOCS.split("\n");
  const header = `| ${columns.join(" | ")} |`;
  const start = lines.indexOf(header);
  expect(start, `a table headed ${header} in docs/husstil.md`).toBeGreaterThanOrEqual(0);
  expect(lines[start + 1]).toMatch(/^\|( ?:?-+:? ?\|)+$/u);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const cells = line.slice(1, line.endsWith("|") ? -1 : undefined).split("|").map((cell) => cell.trim());
    expect(cells, line).toHaveLength(columns.length);
    rows.push(cells);
  }
  return rows;
}

/** `text` → text; anything else as it stands. */
function unquote(cell: string): string {
  const m = /^`([^`]*)`$/u.exec(cell);
  return m ? m[1]! : cell;
}

/** The keys with a table of their own: each is one row in the key table. */
const OWN_TABLES = new Set(["fraser", "etiketter", "roller"]);

/** The key table's rows for `husstil`: `typsnitt` by its own keys; `fraser`, `etiketter` and `roller` as one (they have their own tables). */
function expectedKeys(): string[] {
  return Object.entries(husstilSchema.shape).flatMap(([key, schema]) => {
    const inner = schema.unwrap();
    return !OWN_TABLES.has(key) && "shape" in inner ? Object.keys(inner.shape).map((sub) => `${key}.${sub}`) : [key];
  });
}

describe("docs/husstil.md", () => {
  it("lists every key of husstil with its default", () => {
    const rows = table("Nyckel", "Standard", "Vad den gör");
    expect(rows.map((r) => unquote(r[0]!))).toEqual(expectedKeys());
    for (const key of Object.keys(husstilSchema.shape)) expect(rows.some((r) => unquote(r[0]!).split(".")[0] === key), key).toBe(true);
    const standard = new Map(rows.map((r) => [unquote(r[0]!), r[1]!]));
    expect(standard.get("dokument")).toBe(DEFAULT_DOCUMENT_LABEL);
    expect(standard.get("typsnitt.brodtext")).toBe(FONTS.body);
    expect(standard.get("typsnitt.rubriker")).toBe(FONTS.heading);
    expect(standard.get("fullmaktige")).toBe(DEFAULT_FULLMAKTIGE);
    expect(standard.get("forslag_form")).toBe("`numrerad`");
    expect(standard.get("inledning_i_stycke")).toBe("`false`");
  });

  it("lists every label with its default and where it stands", () => {
    const rows = table("Etikett", "Standard", "Var den står");
    expect(rows.map((r) => unquote(r[0]!))).toEqual(LABEL_NAMES);
    rows.forEach((row, index) => {
      const name = LABEL_NAMES[index]!;
      expect(row[1], name).toBe(LABELS[name].standard);
      expect(row[2], name).toBe(LABELS[name].beskrivning);
    });
  });

  it("lists every built-in style with its name and its fixture", () => {
    const rows = table("Bas", "Husstil", "Exempel");
    expect(rows.map((r) => unquote(r[0]!))).toEqual(BUILTIN_STYLE_NAMES);
    rows.forEach((row, index) => {
      const name = BUILTIN_STYLE_NAMES[index]!;
      expect(row[1], name).toBe(BUILTIN_STYLES[name]!.namn);
      expect(row[2], name).toBe(`\`fixtures/husstil-bas/${name}/\``);
    });
  });

  it("lists the built-in sections in order with their headings and the fields only they use", () => {
    const rows = table("Id", "Rubrik", "Fält som bara det här avsnittet använder");
    expect(rows.map((r) => unquote(r[0]!))).toEqual(SECTIONS.map((s) => s.id));
    rows.forEach((row, index) => {
      const spec = SECTIONS[index]!;
      expect(row[1], spec.id).toBe(spec.heading);
      expect(row[2]!.split(",").map((f) => unquote(f.trim())), spec.id).toEqual([...spec.feeds]);
    });
  });

  it("lists every phrase in order with its default text and where it stands", () => {
    const rows = table("Namn", "Standard", "Var den står");
    expect(rows.map((r) => unquote(r[0]!))).toEqual(PHRASE_NAMES);
    rows.forEach((row, index) => {
      const name = PHRASE_NAMES[index]!;
      expect(row[1], name).toBe(PHRASES[name].standard === "" ? "ingen" : `\`${PHRASES[name].standard}\``);
      expect(row[2], name).toBe(PHRASES[name].beskrivning);
    });
  });

  it("lists every slot in order with its example and description", () => {
    const rows = table("Plats", "Exempel", "Vad den innehåller");
    expect(rows.map((r) => unquote(r[0]!))).toEqual(SLOT_NAMES);
    rows.forEach((row, index) => {
      const name = SLOT_NAMES[index]!;
      expect(row[1], name).toBe(SLOTS[name].exempel);
      expect(row[2], name).toBe(SLOTS[name].beskrivning);
    });
  });

  it("shows the Malmö example exactly as the fixture has it", () => {
    const section = DOCS.split(/^## /mu).find((part) => part.startsWith("Exempel: Malmö stad"));
    expect(section, "## Exempel: Malmö stad").toBeDefined();
    const block = /^```yaml\n([\s\S]*?)^```$/mu.exec(section!);
    expect(block, "a yaml block under ## Exempel: Malmö stad").not.toBeNull();
    expect(block![1]).toBe(MALMO);
  });
});
