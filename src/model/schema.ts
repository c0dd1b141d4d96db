import { z } from "zod";

/**
 * The input format, version 1: the one definition of a case. Validation,
 * the TypeScript type `Case` and (later) the JSON Schema for editors all come
 * from here. Every object is strict, so a misspelt key is an error, and every
 * field carries a Swedish description.
 */

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const text = (description: string) => z.string().trim().min(1).describe(description);

const markdown = (description: string) =>
  z
    .string()
    .refine((s) => s.trim().length > 0, { message: "tom" })
    .describe(`${description.replace(/\.$/, "")} (Markdown).`);

const date = (description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { abort: true })
    .refine(isCalendarDate, { message: "inget riktigt datum" })
    .describe(`${description.replace(/\.$/, "")}, ÅÅÅÅ-MM-DD.`)
    .meta({ format: "date" });

const textList = (description: string) => z.array(text("En rad.")).describe(description);

export const forvaltningSchema = z
  .strictObject({
    namn: text("Förvaltningens namn, t.ex. Södermalms stadsdelsförvaltning."),
    avdelning: text("Avdelningen som skrivit utlåtandet, t.ex. Stadsdelsdirektörens stab och kansli.").optional(),
    namnd: text("Nämnden som utlåtandet går till, t.ex. Södermalms stadsdelsnämnd."),
    adress: textList("Förvaltningens postadress, en rad per post.").optional(),
    vaxel: text("Växelns telefonnummer.").optional(),
    epost: text("Förvaltningens e-postadress.").optional(),
    webb: text("Förvaltningens webbadress.").optional(),
  })
  .describe("Förvaltningen som svarar: brevhuvudet.");

export const underskrifterSchema = z
  .array(
    z.strictObject({
      namn: text("Namnet på den som skriver under."),
      titel: text("Titeln, t.ex. Stadsdelsdirektör."),
    }),
  )
  .min(1)
  .describe("De som skriver under utlåtandet.");

export const caseSchema = z
  .strictObject({
    forvaltning: forvaltningSchema,
    dnr: text("Förvaltningens eget diarienummer, t.ex. SÖD 2025/1234.").optional(),
    datum: date("Utlåtandets datum.").optional(),
    handlaggare: z
      .strictObject({
        namn: text("Handläggarens namn."),
        telefon: text("Handläggarens telefonnummer.").optional(),
        epost: text("Handläggarens e-postadress.").optional(),
      })
      .describe("Handläggaren som kan svara på frågor om ärendet.")
      .optional(),
    remiss: z
      .strictObject({
        fran: text("Vem remissen kommer från, t.ex. Kommunstyrelsen."),
        dnr: text("Remittentens diarienummer, t.ex. KS 2025/804."),
        svar_senast: date("Sista dag för svar."),
        aven_till: textList("Andra remissinstanser som fått samma remiss.").optional(),
      })
      .describe("Remissen som utlåtandet svarar på."),
    motion: z
      .strictObject({
        typ: z.enum(["motion", "skrivelse"]).default("motion").describe("Vad som remitterats: motion (standard) eller skrivelse."),
        titel: text("Motionens eller skrivelsens titel, ordagrant."),
        forfattare: z
          .array(
            z.strictObject({
              namn: text("Författarens namn."),
              parti: text("Partiets förkortning, t.ex. S, M eller V.").optional(),
            }),
          )
          .min(1)
          .describe("Den eller de som skrivit motionen."),
        till: text(
          "Vem skribenterna vänder sig till; standard är kommunfullmäktige för en motion och kommunstyrelsen för en skrivelse.",
        ).optional(),
        beskrivning: markdown("Motionen med förvaltningens ord, till avsnittet Ärendet."),
        yrkanden: z.array(text("En att-sats.")).min(1).describe("Att-satserna, ordagrant."),
      })
      .describe("Motionen eller skrivelsen som remitterats."),
    beredning: z
      .strictObject({
        beretts_i: text("Var ärendet beretts; standard är avdelningen med liten begynnelsebokstav.").optional(),
        i_samverkan_med: textList("Avdelningar eller enheter som varit med i beredningen.").optional(),
        behandlats: z
          .array(
            z.strictObject({
              organ: text("Organet, t.ex. förvaltningsgruppen eller pensionärsrådet."),
              datum: date("Dagen då organet behandlade ärendet."),
            }),
          )
          .describe("Organ som behandlat ärendet, med datum.")
          .optional(),
      })
      .describe("Hur ärendet har beretts.")
      .optional(),
    forslag_till_beslut: z
      .array(text("En beslutspunkt."))
      .min(1)
      .describe("Förvaltningens förslag till beslut; standard är att nämnden överlämnar utlåtandet som svar.")
      .optional(),
    sammanfattning: markdown("Förvaltningens slutsats, efter den genererade inledningen."),
    synpunkter: markdown("Förvaltningens synpunkter och förslag."),
    barnrattsanalys: markdown("Barnrättsanalysen."),
    jamstalldhetsanalys: markdown("Jämställdhetsanalysen."),
    underskrifter: underskrifterSchema,
    bilagor: textList("Bilagor, i ordning.").optional(),
  })
  .describe("Ett tjänsteutlåtande över en remiss, version 1.");

export type Case = z.infer<typeof caseSchema>;

/** The version of the input format that this schema describes. */
export const FORMAT_VERSION = 1;

/**
 * The JSON Schema (draft 2020-12) that editors use for completion and red
 * squiggles. Generated, never written by hand. The letterhead and the
 * signatories may come from remiss.config.yaml, so a case need not have them.
 */
export function caseJsonSchema(): Record<string, unknown> {
  const editable = caseSchema.partial({ forvaltning: true, underskrifter: true });
  return {
    ...z.toJSONSchema(editable, { target: "draft-2020-12", io: "input" }),
    title: `remiss: ett ärende (version ${FORMAT_VERSION})`,
  };
}

/** The names of the Markdown fields, for the loader's heading check and for `check`. */
export const MARKDOWN_FIELDS = [
  ["motion", "beskrivning"],
  ["sammanfattning"],
  ["synpunkter"],
  ["barnrattsanalys"],
  ["jamstalldhetsanalys"],
] as const;
