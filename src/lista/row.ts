import { z } from "zod";

/**
 * One row of `remiss lista`: a case, its deadlines and what is left to do.
 * The zod schema is the one definition of `--format json`: the TypeScript
 * type and the shipped JSON Schema (schema/remiss.lista.schema.json, from
 * `npm run schema`) come from it, and the CSV has the same columns in the
 * same order.
 */

export const DRAFT_STATES = ["saknas", "inaktuellt", "aktuellt", "andrat"] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

const day = (description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/u)
    .describe(`${description}, ÅÅÅÅ-MM-DD.`)
    .meta({ format: "date" });
const count = (description: string) => z.number().int().min(0).describe(description);

export const listRowSchema = z
  .strictObject({
    fil: z.string().describe("Ärendets YAML-fil, relativt mappen där remiss lista kördes."),
    dnr: z.string().describe("Förvaltningens eget diarienummer (dnr).").optional(),
    remiss_dnr: z.string().describe("Remittentens diarienummer (remiss.dnr).").optional(),
    titel: z.string().describe("Det remitterade dokumentets titel (remissobjekt.titel).").optional(),
    typ: z.string().describe("Vad som remitterats (remissobjekt.typ), t.ex. motion eller betankande.").optional(),
    remittent: z.string().describe("Vem remissen kommer från (remiss.fran).").optional(),
    svar_senast: day("Sista dag för svar (remiss.svar_senast)").optional(),
    dagar_kvar: z.number().int().describe("Dagar från --per till svar_senast; 0 på dagen, negativt när dagen har passerat.").optional(),
    forsenad: z.boolean().describe("Sant när svar_senast har passerat.").optional(),
    utkast: z
      .enum(DRAFT_STATES)
      .describe("Utkastet som remiss draft --check ser det: saknas, inaktuellt (inte vad ärendet ger i dag), aktuellt, eller andrat (ändrat för hand; kör remiss import)."),
    platshallare: count("Platshållare som står kvar i ärendet, räknade med regeln text/platshallare.").optional(),
    fel: count("Fel i ärendet enligt remiss check, platshållarna oräknade; en fil som inte går att läsa har ett."),
    datum: day("Dagen då dokumentet är daterat eller väcktes (remissobjekt.datum)").optional(),
    beredas_senast: day("För en motion eller ett medborgarförslag: ett år efter datum, då ärendet ska vara berett").optional(),
  })
  .describe("Ett ärende i remiss lista.");

export type ListRow = z.infer<typeof listRowSchema>;

/** The JSON Schema of `remiss lista --format json`, as the package ships it. */
export function listJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(z.array(listRowSchema).describe("Ärendena, sorterade efter sista svarsdag."), { target: "draft-2020-12" }),
    title: "remiss: remiss lista --format json",
  };
}
