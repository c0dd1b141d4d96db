import { LABEL_NAMES } from "../../src/model/husstil.js";
import { BUILTIN_STYLE_NAMES } from "../../src/model/husstil-bas.js";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaText } from "../../src/commands/schema.js";
import { PHRASE_NAMES } from "../../src/model/phrases.js";
import { SECTIONS } from "../../src/model/sections.js";
import { runCli } from "../support/cli.js";

/** The shipped JSON Schema is generated from the zod schema and must not drift from it. */
const shipped = readFileSync(new URL("../../schema/remiss.schema.json", import.meta.url), "utf8");
const schema = JSON.parse(shipped) as Record<string, unknown>;

function walk(node: unknown, visit: (node: Record<string, unknown>, path: string) => void, path = ""): void {
  if (node === null || typeof node !== "object") return;
  visit(node as Record<string, unknown>, path);
  for (const [key, value] of Object.entries(node)) walk(value, visit, `${path}/${key}`);
}

describe("JSON Schema", () => {
  it("is in sync with the zod schema (regenerate with: npm run schema)", () => {
    expect(shipped).toBe(schemaText());
  });

  it("is what `remiss schema` prints", () => {
    const result = runCli(["schema"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(shipped);
  });

  it("is draft 2020-12, closes every object and describes every field in Swedish", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    let objects = 0;
    walk(schema, (node, path) => {
      if (node.type === "object") {
        objects++;
        expect(node.additionalProperties, path).toBe(false);
        for (const [key, property] of Object.entries(node.properties as Record<string, Record<string, unknown>>)) {
          expect(property.description, `${path}/${key}`).toMatch(/^[A-ZÅÄÖ].*\.$/);
        }
      }
    });
    expect(objects).toBeGreaterThanOrEqual(12);
  });

  it("gives dates their format and the remitted document's kind its values", () => {
    const properties = schema.properties as Record<string, Record<string, any>>;
    expect(properties.datum).toMatchObject({ type: "string", format: "date" });
    expect(properties.remiss!.properties.svar_senast).toMatchObject({ format: "date" });
    for (const key of ["remissobjekt", "motion"]) {
      expect(properties[key]!.properties.typ.enum).toEqual(expect.arrayContaining(["motion", "skrivelse", "medborgarforslag", "medborgarförslag", "betankande", "annat"]));
      expect(properties[key]!.properties.typ.default).toBe("motion");
    }
    expect(properties.egna_avsnitt!.items.required).toEqual(["rubrik", "text"]);
    expect(schema.required).toEqual(expect.arrayContaining(["remiss", "sammanfattning"]));
    // remissobjekt or (in version-1 files) motion: one of them, which the loader checks.
    expect(schema.required).not.toContain("remissobjekt");
    expect(schema.required).not.toContain("forvaltning");
    expect(properties.remiss!.required).toEqual(["fran"]);
  });
});

describe("JSON Schema of remiss.config.yaml", () => {
  const shippedConfig = readFileSync(new URL("../../schema/remiss.config.schema.json", import.meta.url), "utf8");

  it("is in sync with the zod schema (regenerate with: npm run schema)", () => {
    expect(shippedConfig).toBe(schemaText({ config: true }));
  });

  it("is what `remiss schema --config` prints", () => {
    const result = runCli(["schema", "--config"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(shippedConfig);
  });

  it("describes the house style: every phrase by name, every built-in section id", () => {
    const config = JSON.parse(shippedConfig) as Record<string, any>;
    const husstil = config.properties.husstil;
    expect(Object.keys(husstil.properties)).toEqual([
      "bas",
      "dokument",
      "dokument_bestamd",
      "organisation",
      "logotyp",
      "typsnitt",
      "avsnitt",
      "valfria",
      "pdf",
      "fraser",
      "etiketter",
      "roller",
      "inledning_i_stycke",
      "forslag_form",
      "fullmaktige",
    ]);
    expect(Object.keys(husstil.properties.fraser.properties)).toEqual(PHRASE_NAMES);
    expect(husstil.properties.fraser.additionalProperties).toBe(false);
    // A phrase is one text, or one per kind of document with `standard` for the rest.
    const perKind = husstil.properties.fraser.properties.yrkanden.anyOf.find((s: Record<string, unknown>) => s.type === "object");
    expect(Object.keys(perKind.properties)[0]).toBe("standard");
    expect(Object.keys(perKind.properties)).toContain("medborgarforslag");
    expect(Object.keys(husstil.properties.etiketter.properties)).toEqual(LABEL_NAMES);
    expect(husstil.properties.bas.examples).toEqual(BUILTIN_STYLE_NAMES);
    // YAML's true is a boolean to an editor, though remiss reads it as text.
    expect(husstil.properties.inledning_i_stycke.type).toBe("boolean");
    const renamed = husstil.properties.avsnitt.items.anyOf.find((s: Record<string, unknown>) => s.type === "object");
    expect(Object.keys(renamed.properties)).toEqual(SECTIONS.map((s) => s.id));
  });
});
