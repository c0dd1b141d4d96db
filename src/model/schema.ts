import { z } from "zod";
import { KIND_VALUES, kindOf, type KindTyp } from "./kinds.js";

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

/**
 * For editors (yaml-language-server, VS Code's YAML extension): completing a
 * Markdown field inserts `|` and an indented line, the block a text needs,
 * rather than a one-line value that the first colon would break.
 */
const MARKDOWN_SNIPPETS = [{ label: "Text (Markdown)", description: "Ett textblock, indraget under nyckeln.", body: "|\n  ${1:Skriv texten här.}" }];

const markdown = (description: string) =>
  z
    .string()
    .refine((s) => s.trim().length > 0, { message: "tom" })
    .describe(`${description.replace(/\.$/, "")} (Markdown).`)
    .meta({ defaultSnippets: MARKDOWN_SNIPPETS });

const date = (description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { abort: true })
    .refine(isCalendarDate, { message: "inget riktigt datum" })
    .describe(`${description.replace(/\.$/, "")}, ÅÅÅÅ-MM-DD.`)
    .meta({ format: "date" });

/**
 * A placeholder in brackets, as `init` writes it (`[Fyll i e-postadress]`),
 * passes: `check` and `draft --strict` flag what is not filled in.
 */
const PLACEHOLDER = String.raw`\[[^\]]*\]`;
const WHOLE_PLACEHOLDER = new RegExp(`^${PLACEHOLDER}$`);
/** One address, no spaces, nothing a mail program would read as a second address or a name. */
const NOT_IN_ADDRESS = String.raw`\s@<>()\[\],;:"`;
const EMAIL_ADDRESS = new RegExp(`^(?:${PLACEHOLDER}|[^${NOT_IN_ADDRESS}]+@[^${NOT_IN_ADDRESS}]+\\.[^${NOT_IN_ADDRESS}.]+)$`);
/** Digits, spaces, -, + and parentheses, at least one digit. */
const PHONE_NUMBER = new RegExp(`^(?:${PLACEHOLDER}|(?=[^\\d]*\\d)[\\d\\s+()-]+)$`);

const email = (description: string) => text(description).regex(EMAIL_ADDRESS, { message: "e-postadress" });
const phone = (description: string) => text(description).regex(PHONE_NUMBER, { message: "telefonnummer" });

const textList = (description: string) => z.array(text("En rad.")).describe(description);

export const forvaltningSchema = z
  .strictObject({
    namn: text("Förvaltningens namn, t.ex. Södermalms stadsdelsförvaltning."),
    avdelning: text("Avdelningen som skrivit utlåtandet, t.ex. Stadsdelsdirektörens stab och kansli.").optional(),
    namnd: text("Nämnden som utlåtandet går till, t.ex. Södermalms stadsdelsnämnd."),
    adress: textList("Förvaltningens postadress, en rad per post.").optional(),
    vaxel: phone("Växelns telefonnummer.").optional(),
    epost: email("Förvaltningens e-postadress.").optional(),
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

/** Sections whose text field a house style has left out, or made optional: their fields may be missing. */
export interface CaseSchemaOptions {
  /** Top-level text fields (`synpunkter`) and `beskrivning` (Ärendet) that need not be there. */
  readonly optionalFields?: ReadonlySet<string>;
}

const author = z
  .strictObject({
    namn: text("Författarens namn.").optional(),
    parti: text("Partiet, förkortat eller utskrivet, t.ex. M eller Moderaterna.").optional(),
  })
  .refine((a) => a.namn !== undefined || a.parti !== undefined, { message: "namn eller parti", params: { remiss: "namn-eller-parti" } })
  .describe("En författare: namn, parti eller båda.");

function remissobjektSchema(optional: ReadonlySet<string>) {
  const beskrivning = markdown("Dokumentet med förvaltningens ord, till avsnittet Ärendet.");
  return z
    .strictObject({
      // init's placeholder (`[Fyll i typ]`) drafts as the default, and check flags it.
      typ: z.preprocess(
        (value) => (typeof value === "string" && WHOLE_PLACEHOLDER.test(value.trim()) ? undefined : value),
        z
          .enum(KIND_VALUES as [string, ...string[]])
          .default("motion")
          .describe(
            "Vad som remitterats: motion (standard), skrivelse, medborgarforslag, betankande, rapport, program, plan, promemoria, forslag eller annat.",
          ),
      ),
      benamning: z
        .strictObject({
          obestamd: text("Ordet i obestämd form, t.ex. riktlinjer."),
          bestamd: text("Ordet i bestämd form, t.ex. riktlinjerna."),
        })
        .describe("Vad dokumentet heter mitt i en mening, när typ är annat.")
        .optional(),
      titel: text("Dokumentets titel, ordagrant."),
      datum: date(
        "Dagen då dokumentet är daterat eller väcktes; för en motion eller ett medborgarförslag räknar remiss lista ettårsgränsen för beredningen från den.",
      ).optional(),
      forfattare: z.array(author).describe("Den eller de som skrivit dokumentet; krävs för motion, skrivelse och medborgarförslag.").optional(),
      till: text(
        "Vem förslaget vänder sig till; standard är kommunfullmäktige för en motion eller ett medborgarförslag och kommunstyrelsen för en skrivelse.",
      ).optional(),
      beskrivning: optional.has("beskrivning") ? beskrivning.optional() : beskrivning,
      yrkanden: z.array(text("En att-sats.")).describe("Att-satserna, ordagrant; krävs för motion och skrivelse.").optional(),
    })
    .superRefine(
      (o, ctx) => {
      // Runs also when a field has failed (`when`), so that every problem is reported together: only sound values are looked at.
      if (typeof o.typ !== "string" || !KIND_VALUES.includes(o.typ)) return;
      const kind = kindOf(o.typ);
      if (kind.typ === "annat" && o.benamning === undefined) {
        ctx.addIssue({ code: "custom", path: ["benamning"], message: "benamning saknas", params: { remiss: "benamning-saknas" } });
      }
      if (kind.typ !== "annat" && o.benamning !== undefined) {
        ctx.addIssue({ code: "custom", path: ["benamning"], message: "benamning bara för annat", params: { remiss: "benamning-overflodig", typ: o.typ } });
      }
      if (kind.requiresAuthors && (o.forfattare === undefined || (Array.isArray(o.forfattare) && o.forfattare.length === 0))) {
        ctx.addIssue({ code: "custom", path: ["forfattare"], message: "forfattare krävs", params: { remiss: "kravs-for-typ", typ: o.typ } });
      }
      if (kind.requiresYrkanden && (o.yrkanden === undefined || (Array.isArray(o.yrkanden) && o.yrkanden.length === 0))) {
        ctx.addIssue({ code: "custom", path: ["yrkanden"], message: "yrkanden krävs", params: { remiss: "kravs-for-typ", typ: o.typ } });
      }
      },
      { when: () => true },
    )
    .describe("Det remitterade dokumentet: motionen, skrivelsen, medborgarförslaget, betänkandet eller annat.");
}

const ownSection = z
  .strictObject({
    rubrik: text("Avsnittets rubrik, t.ex. Ekonomiska konsekvenser."),
    text: markdown("Avsnittets text."),
    efter: text("Id för avsnittet som det ska stå efter, t.ex. synpunkter (standard) eller barnrattsanalys.").optional(),
  })
  .describe("Ett eget avsnitt.");

/** The case's keys as an object, before the checks across fields: what the JSON Schema describes. */
function buildCaseObject(options: CaseSchemaOptions) {
  const optional = options.optionalFields ?? new Set<string>();
  const section = (field: string, description: string) => (optional.has(field) ? markdown(description).optional() : markdown(description));
  const objekt = remissobjektSchema(optional);
  return z
    .strictObject({
      forvaltning: forvaltningSchema,
      dnr: text("Förvaltningens eget diarienummer, t.ex. SÖD 2025/1234.").optional(),
      datum: date("Utlåtandets datum.").optional(),
      handlaggare: z
        .strictObject({
          namn: text("Handläggarens namn."),
          telefon: phone("Handläggarens telefonnummer.").optional(),
          epost: email("Handläggarens e-postadress.").optional(),
        })
        .describe("Handläggaren som kan svara på frågor om ärendet.")
        .optional(),
      remiss: z
        .strictObject({
          fran: text("Vem remissen kommer från, t.ex. Kommunstyrelsen."),
          dnr: text("Remittentens diarienummer, t.ex. KS 2025/804.").optional(),
          svar_senast: date("Sista dag för svar.").optional(),
          aven_till: textList("Andra remissinstanser som fått samma remiss.").optional(),
        })
        .describe("Remissen som utlåtandet svarar på."),
      remissobjekt: objekt.optional(),
      motion: objekt.describe("Samma som remissobjekt (så hette fältet i version 1).").optional(),
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
      sammanfattning: section("sammanfattning", "Förvaltningens slutsats, efter den genererade inledningen."),
      synpunkter: section("synpunkter", "Förvaltningens synpunkter och förslag."),
      barnrattsanalys: section("barnrattsanalys", "Barnrättsanalysen."),
      jamstalldhetsanalys: section("jamstalldhetsanalys", "Jämställdhetsanalysen."),
      egna_avsnitt: z.array(ownSection).describe("Ärendets egna avsnitt, t.ex. Ekonomiska konsekvenser.").optional(),
      avslutning: z
        .string()
        .describe("Text i stället för den genererade avslutande meningen (Markdown); en tom text tar bort den.")
        .optional(),
      underskrifter: underskrifterSchema,
      bilagor: textList("Bilagor, i ordning.").optional(),
    })
    .describe("Ett tjänsteutlåtande över en remiss.");
}

/** The case schema, with the text fields of sections that a house style leaves out made optional. */
export function buildCaseSchema(options: CaseSchemaOptions = {}) {
  return buildCaseObject(options)
    .superRefine(
      (c, ctx) => {
      if (c.remissobjekt !== undefined && c.motion !== undefined) {
        ctx.addIssue({ code: "custom", path: ["motion"], message: "både motion och remissobjekt", params: { remiss: "motion-och-remissobjekt" } });
      } else if (c.remissobjekt === undefined && c.motion === undefined) {
        ctx.addIssue({ code: "custom", path: ["remissobjekt"], message: "remissobjekt saknas", params: { remiss: "remissobjekt-saknas" } });
      }
      },
      { when: (payload) => payload.value !== null && typeof payload.value === "object" },
    )
    .transform(({ motion, remissobjekt, ...rest }) => {
      const objekt = (remissobjekt ?? motion)!;
      return {
        ...rest,
        remissobjekt: { ...objekt, typ: kindOf(objekt.typ).typ as KindTyp },
        /** 1 when the file says `motion:`, as version-1 files do. */
        formatVersion: (motion ? 1 : 2) as 1 | 2,
      };
    });
}

export const caseSchema = buildCaseSchema();

export type Case = z.output<typeof caseSchema>;
export type RemissObjekt = Case["remissobjekt"];

/** The version of the input format that this schema describes: 2 added `remissobjekt`, `egna_avsnitt` and `avslutning`. */
export const FORMAT_VERSION = 2;

/**
 * The JSON Schema (draft 2020-12) that editors use for completion and red
 * squiggles. Generated, never written by hand. The letterhead and the
 * signatories may come from remiss.config.yaml, so a case need not have them.
 */
export function caseJsonSchema(): Record<string, unknown> {
  const editable = buildCaseObject({}).partial({ forvaltning: true, underskrifter: true });
  return {
    ...z.toJSONSchema(editable, { target: "draft-2020-12", io: "input" }),
    title: `remiss: ett ärende (version ${FORMAT_VERSION})`,
  };
}

/** The Markdown fields of a case as written (the remitted document under whichever key the file uses), for the loader's heading check and for `check`. */
export function markdownFieldPaths(data: unknown): (string | number)[][] {
  const record = (value: unknown): Record<string, unknown> =>
    value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const top = record(data);
  const paths: (string | number)[][] = [];
  for (const key of ["remissobjekt", "motion"]) if (key in top) paths.push([key, "beskrivning"]);
  paths.push(["sammanfattning"], ["synpunkter"], ["barnrattsanalys"], ["jamstalldhetsanalys"]);
  const own = top["egna_avsnitt"];
  if (Array.isArray(own)) own.forEach((_, index) => paths.push(["egna_avsnitt", index, "text"]));
  paths.push(["avslutning"]);
  return paths;
}
