import { z } from "zod";
import { BUILTIN_STYLE_NAMES } from "./husstil-bas.js";
import { KIND_VALUES, kindOf } from "./kinds.js";
import { PHRASES, PHRASE_NAMES, type PhraseName, type PhraseValue } from "./phrases.js";
import { SECTIONS, SECTION_IDS, type SectionSpec } from "./sections.js";

/**
 * A förvaltning's house style: the label, the letterhead's organisation
 * line and logo, the fonts, the sections in order with their headings, and
 * every stock phrase. `husstil:` in remiss.config.yaml overrides the
 * built-in style (Stockholm stad's, as in the reference) key by key;
 * docs/husstil.md lists every key with its default.
 */
/** The PDF/A levels a house style can ask `draft --format pdf` for (`husstil.pdf`); the default is pdfa-2b. */
export const PDF_LEVELS = ["pdfa-1b", "pdfa-2b", "pdfa-2u", "pdfa-3b"] as const;
export type PdfLevel = (typeof PDF_LEVELS)[number];

export interface HouseStyle {
  /** The label top right on page 1 and in the metadata block. */
  readonly dokument: string;
  /** A line above the förvaltning's name in the letterhead. */
  readonly organisation?: string;
  /** The logo at the top left of page 1. */
  readonly logotyp?: Logo;
  /** Fonts; a missing one is the DOCX writer's default. */
  readonly typsnitt: { readonly brodtext?: string; readonly rubriker?: string };
  /** The document's sections in order (Bilagor, when listed, always comes after the signatures). */
  readonly sections: readonly SectionSpec[];
  /** Every phrase, the house style's or the default: one text, or one per kind of document. */
  readonly fraser: Readonly<Record<PhraseName, PhraseValue>>;
  /** The fixed words of the page, by name. */
  readonly etiketter: Readonly<Record<LabelName, string>>;
  /** The label mid-sentence in its definite form ("tjänsteutlåtandet"); derived from `dokument` when the style does not say. */
  readonly dokumentBestamd?: string;
  /** Who proposes, per kind of document (`typ`), singular and plural; the kinds' own words for the rest. */
  readonly roller: Readonly<Record<string, readonly [string, string]>>;
  /** The opening sentence starts the section's first paragraph instead of standing as a paragraph of its own. */
  readonly inledningIStycke: boolean;
  /** How the förslag till beslut of several att-satser is set out. */
  readonly forslagForm: ForslagForm;
  /** Whom a motion or medborgarförslag addresses when the case does not say (`till`). */
  readonly fullmaktige: string;
  /** The PDF/A level of `draft --format pdf`, when not the default pdfa-2b. */
  readonly pdf?: PdfLevel;
}

/** How several att-satser of the förslag till beslut stand: numbered (as before), bulleted, or one paragraph each. */
export const FORSLAG_FORMS = ["numrerad", "punktlista", "stycken"] as const;
export type ForslagForm = (typeof FORSLAG_FORMS)[number];

export interface LabelSpec {
  readonly standard: string;
  readonly beskrivning: string;
}

/**
 * Every fixed word the program writes on the page outside the section
 * headings and the phrases: data, so a förvaltning can say "Vår referens"
 * for the handläggare. docs/husstil.md lists them, kept in step by its test.
 */
export const LABELS = {
  handlaggare: { standard: "Handläggare", beskrivning: "Före handläggarens namn överst i dokumentet." },
  telefon: { standard: "Telefon", beskrivning: "Före handläggarens telefonnummer." },
  epost: { standard: "E-post", beskrivning: "Före handläggarens e-postadress." },
  dnr: { standard: "Dnr", beskrivning: "Före diarienumret, överst på första sidan och i sidhuvudet på följande sidor." },
  sida: { standard: "Sida", beskrivning: "Före sidnumret i sidhuvudet, ”Sida 1 (3)”." },
  vaxel: { standard: "Växel", beskrivning: "Före växelns telefonnummer i sidfoten på första sidan." },
  underskrifter: { standard: "Underskrifter", beskrivning: "Namnet på tabellen med underskrifterna, för skärmläsare." },
  underskrifter_beskrivning: {
    standard: "De som skriver under utlåtandet, två i bredd.",
    beskrivning: "Beskrivningen av tabellen med underskrifterna, för skärmläsare.",
  },
  logotyp: { standard: "Logotyp", beskrivning: "Namnet på logotypens bild i Word-dokumentet, för skärmläsare." },
  beretts_i: {
    standard: "förvaltningen",
    beskrivning: "Var ärendet beretts ({{beretts_i}}) när ärendet inte säger det och förvaltningen inte har någon avdelning.",
  },
} as const satisfies Record<string, LabelSpec>;

export type LabelName = keyof typeof LABELS;
export const LABEL_NAMES = Object.keys(LABELS) as LabelName[];
export const DEFAULT_LABELS = Object.fromEntries(LABEL_NAMES.map((name) => [name, LABELS[name].standard])) as Record<LabelName, string>;

/** The addressee of a motion or medborgarförslag without `till` in the built-in style. */
export const DEFAULT_FULLMAKTIGE = "kommunfullmäktige";

export interface Logo {
  /** The file, as the config names it (for messages). */
  readonly file: string;
  readonly type: "png" | "jpg";
  readonly data: Uint8Array;
  /** Size in pixels, from the file's header. */
  readonly width: number;
  readonly height: number;
}

/** The label of the built-in style. */
export const DEFAULT_DOCUMENT_LABEL = "Tjänsteutlåtande";

export const DEFAULT_PHRASES = Object.fromEntries(PHRASE_NAMES.map((name) => [name, PHRASES[name].standard])) as Record<
  PhraseName,
  string
>;

/** The built-in house style: with it, every output is what remiss wrote before house styles existed. */
export const DEFAULT_HOUSE_STYLE: HouseStyle = {
  dokument: DEFAULT_DOCUMENT_LABEL,
  typsnitt: {},
  sections: SECTIONS,
  fraser: DEFAULT_PHRASES,
  etiketter: DEFAULT_LABELS,
  roller: {},
  inledningIStycke: false,
  forslagForm: "numrerad",
  fullmaktige: DEFAULT_FULLMAKTIGE,
};

const text = (description: string) => z.string().trim().min(1).describe(description);

/** `avsnitt: [- synpunkter: Förvaltningens bedömning]`: a built-in section under another heading. */
const renamed = z
  .strictObject(
    Object.fromEntries(
      SECTION_IDS.map((id) => [id, z.string().trim().describe(`Rubriken för avsnittet ${id}; "" ger avsnittets text utan rubrik.`).optional()]),
    ),
  )
  .describe("Ett inbyggt avsnitt med en annan rubrik: id: Rubrik, eller id: \"\" för texten utan rubrik.");

/** The kinds a phrase may be given for: every `typ` value, with and without å/ä/ö. */
const KIND_KEYS = KIND_VALUES;
/** The kinds whose writers propose (motion, skrivelse, medborgarförslag): the ones a role may be given for. */
const ROLE_KEYS = KIND_VALUES.filter((typ) => kindOf(typ).role !== undefined);

/** A phrase: one text, or a text per `typ` with `standard` for the rest. */
const phrase = (name: PhraseName) =>
  z
    .union([
      z.string(),
      z
        .strictObject({
          // Required; the house style's loader says so in its own words (a union's error would only say "invalid").
          standard: z.string().describe("Texten för de slag av dokument som inte står här (krävs).").optional(),
          ...Object.fromEntries(KIND_KEYS.map((typ) => [typ, z.string().describe(`Texten när typ är ${typ}.`).optional()])),
        })
        .describe("En text per slag av dokument (typ), med standard för resten."),
    ])
    .describe(`${PHRASES[name].beskrivning} Standard: ${PHRASES[name].standard === "" ? "ingen" : PHRASES[name].standard}`)
    .optional();

export const husstilSchema = z
  .strictObject({
    bas: text("En inbyggd husstil att utgå från (se docs/husstil.md); övriga nycklar ändrar den nyckel för nyckel.")
      .meta({ examples: [...BUILTIN_STYLE_NAMES] })
      .optional(),
    dokument: text("Dokumentets slag, överst till höger på första sidan; standard Tjänsteutlåtande.").optional(),
    dokument_bestamd: text("Dokumentets slag i bestämd form mitt i en mening, om den inte blir rätt av sig själv, t.ex. missivet.").optional(),
    organisation: text("En rad ovanför förvaltningens namn i brevhuvudet, t.ex. Malmö stad.").optional(),
    logotyp: text("Logotypen överst till vänster på första sidan: en PNG- eller JPEG-fil, relativt till den här filen.").optional(),
    typsnitt: z
      .strictObject({
        brodtext: text("Typsnittet för brödtexten; standard Times New Roman.").optional(),
        rubriker: text("Typsnittet för rubriker och brevhuvud; standard Arial.").optional(),
      })
      .describe("Typsnitten i Word-dokumentet.")
      .optional(),
    avsnitt: z
      .array(z.union([text("Ett inbyggt avsnitts id, t.ex. synpunkter, eller rubriken för ett eget avsnitt."), renamed]))
      .describe("Dokumentets avsnitt i ordning; ersätter den inbyggda listan.")
      .optional(),
    valfria: z
      .array(text("Ett avsnitts id eller rubrik."))
      .describe("Avsnitt som får saknas; övriga i listan krävs (Bilagor är alltid valfritt).")
      .optional(),
    pdf: z
      .enum(PDF_LEVELS)
      .describe(
        "PDF/A-nivån för draft --format pdf, som kommunens arkivregler säger: pdfa-1b, pdfa-2b (standard), pdfa-2u eller pdfa-3b. Med pdfa-1b märks PDF-filen inte som PDF/UA.",
      )
      .optional(),
    fraser: z
      .strictObject(Object.fromEntries(PHRASE_NAMES.map((name) => [name, phrase(name)])))
      .describe("Standardmeningar, med namn; en tom fras tar bort meningen.")
      .optional(),
    etiketter: z
      .strictObject(Object.fromEntries(LABEL_NAMES.map((name) => [name, text(`${LABELS[name].beskrivning} Standard: ${LABELS[name].standard}`).optional()])))
      .describe("De fasta orden på sidan, t.ex. Handläggare och Dnr.")
      .optional(),
    roller: z
      .strictObject(
        Object.fromEntries(
          ROLE_KEYS.map((typ) => [
            typ,
            z.tuple([text("Ental, bestämd form."), text("Flertal, bestämd form.")]).describe(`De som föreslår när typ är ${typ}: [ental, flertal].`).optional(),
          ]),
        ),
      )
      .describe("Orden för de som föreslår, per slag av dokument, t.ex. motion: [motionären, motionärerna].")
      .optional(),
    inledning_i_stycke: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .describe("true: den inledande meningen börjar avsnittets första stycke i stället för att stå som ett eget stycke.")
      .optional(),
    forslag_form: z.enum(FORSLAG_FORMS).describe("Hur förslaget till beslut med flera att-satser ställs upp: numrerad (standard), punktlista eller stycken.").optional(),
    fullmaktige: text("Vem en motion eller ett medborgarförslag utan fältet till vänder sig till; standard kommunfullmäktige.").optional(),
  })
  .describe("Förvaltningens husstil: dokumentets slag, brevhuvud, typsnitt, avsnitt och standardmeningar.");

/** `husstil:` as read: the schema's type, with the maps built from lists typed by their keys. */
export type HusstilConfig = Omit<z.infer<typeof husstilSchema>, "fraser" | "etiketter" | "roller"> & {
  readonly fraser?: Partial<Record<PhraseName, PhraseValue>>;
  readonly etiketter?: Partial<Record<LabelName, string>>;
  readonly roller?: Partial<Record<string, readonly [string, string]>>;
};
