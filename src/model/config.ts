import { z } from "zod";
import { husstilSchema } from "./husstil.js";
import { RULE_LIST } from "./rules.js";
import { forvaltningSchema, underskrifterSchema } from "./schema.js";

export { CONFIG_FILE } from "./config-file.js";

/** A whole number written in the YAML (every scalar is read as text). */
const count = (description: string) =>
  z
    .string()
    .regex(/^\d+$/, { message: "heltal", abort: true })
    .transform(Number)
    .describe(description);

/**
 * remiss.config.yaml: what is the same for every case of a förvaltning. Found
 * in the input's folder or the nearest parent folder.
 */
export const configSchema = z
  .strictObject({
    forvaltning: forvaltningSchema
      .partial()
      .describe("Brevhuvudet för alla ärenden; ett ärendes egna fält under forvaltning går före.")
      .optional(),
    underskrifter: underskrifterSchema.describe("Standardunderskrifter, när ärendet inte har egna.").optional(),
    husstil: husstilSchema.optional(),
    templates: z
      .string()
      .trim()
      .min(1)
      .describe("Mapp med förvaltningens egna mallar, relativt till den här filen.")
      .optional(),
    check: z
      .strictObject({
        avsnitt: z
          .array(z.string().trim().min(1).describe("En rubrik."))
          .describe("Fler avsnitt som krävs, var som helst i dokumentet; ett ärende skriver dem under egna_avsnitt.")
          .optional(),
        lix: count("Högsta LIX-värde för ett avsnitt innan remiss check varnar (standard 60).").optional(),
        meningslangd: count("Högsta antal ord i en mening innan remiss check varnar (standard 35).").optional(),
        klarsprak: z
          .strictObject({
            lagg_till: z
              .array(
                z.strictObject({
                  ord: z.string().trim().min(1).describe("Ordet eller uttrycket i grundform, t.ex. verkställa."),
                  forslag: z.string().trim().min(1).describe("Det som ska skrivas i stället, t.ex. genomföra."),
                  former: z
                    .array(z.string().trim().min(1))
                    .describe("Alla former som ska hittas, t.ex. verkställa, verkställer, verkställde (standard: bara ordet som det står).")
                    .optional(),
                }),
              )
              .describe("Ord och uttryck som text/klarsprak ska varna för, utöver den inbyggda listan.")
              .optional(),
            ta_bort: z
              .array(z.string().trim().min(1).describe("Ett ord i grundform, som det står i listan, t.ex. inkomma."))
              .describe("Ord i den inbyggda listan som text/klarsprak inte ska varna för.")
              .optional(),
          })
          .describe("Förvaltningens ändringar i ordlistan för text/klarsprak (docs/check.md).")
          .optional(),
        ignorera: z
          .array(z.string().trim().min(1).describe("Ett mönster, t.ex. arkiv/** eller *-utkast.md."))
          .describe("Filer som remiss check hoppar över, som mönster relativt till den här filen.")
          .optional(),
        regler: z
          .strictObject(
            Object.fromEntries(
              RULE_LIST.map((rule) => [rule.id, z.enum(["av", "varning", "fel"]).describe(`${rule.description} Standard: ${rule.severity === "error" ? "fel" : "varning"}.`).optional()]),
            ),
          )
          .describe("Regler som stängs av (av) eller ges en annan nivå (varning, fel).")
          .optional(),
      })
      .describe("Inställningar för remiss check.")
      .optional(),
    diff: z
      .strictObject({
        forfattare: z
          .string()
          .trim()
          .min(1)
          .describe("Vem ändringarna i remiss diffs dokument står på, som Word visar det (standard: förvaltningens namn). Flaggan --forfattare går före.")
          .optional(),
      })
      .describe("Inställningar för remiss diff.")
      .optional(),
  })
  .describe("Förvaltningens gemensamma inställningar för remiss.");

export type Config = z.infer<typeof configSchema>;

/** The JSON Schema of remiss.config.yaml, for editors: generated, shipped as schema/remiss.config.schema.json. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { target: "draft-2020-12", io: "input" }) as Record<string, any>;
  // Every scalar is read as text, so zod sees "true"; an editor sees YAML's true, a boolean.
  const flag = schema.properties?.husstil?.properties?.inledning_i_stycke;
  if (flag) schema.properties.husstil.properties.inledning_i_stycke = { description: flag.description, type: "boolean" };
  return { ...schema, title: "remiss: remiss.config.yaml" };
}
