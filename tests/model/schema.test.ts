import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaText } from "../../src/commands/schema.js";
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
    expect(objects).toBe(9);
  });

  it("gives dates their format and the motion type its values", () => {
    const properties = schema.properties as Record<string, Record<string, any>>;
    expect(properties.datum).toMatchObject({ type: "string", format: "date" });
    expect(properties.remiss!.properties.svar_senast).toMatchObject({ format: "date" });
    expect(properties.motion!.properties.typ).toMatchObject({ enum: ["motion", "skrivelse"], default: "motion" });
    expect(schema.required).toEqual(expect.arrayContaining(["remiss", "motion", "sammanfattning"]));
    expect(schema.required).not.toContain("forvaltning");
  });
});
