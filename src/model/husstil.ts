import { z } from "zod";
import { PHRASES, PHRASE_NAMES, type PhraseName } from "./phrases.js";
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
  /** Every phrase, the house style's or the default. */
  readonly fraser: Readonly<Record<PhraseName, string>>;
  /** The PDF/A level of `draft --format pdf`, when not the default pdfa-2b. */
  readonly pdf?: PdfLevel;
}

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
};

const text = (description: string) => z.string().trim().min(1).describe(description);

/** `avsnitt: [- synpunkter: Förvaltningens bedömning]`: a built-in section under another heading. */
const renamed = z
  .strictObject(Object.fromEntries(SECTION_IDS.map((id) => [id, text(`Rubriken för avsnittet ${id}.`).optional()])))
  .describe("Ett inbyggt avsnitt med en annan rubrik: id: Rubrik.");

export const husstilSchema = z
  .strictObject({
    dokument: text("Dokumentets slag, överst till höger på första sidan; standard Tjänsteutlåtande.").optional(),
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
      .strictObject(
        Object.fromEntries(
          PHRASE_NAMES.map((name) => [name, z.string().describe(`${PHRASES[name].beskrivning} Standard: ${PHRASES[name].standard}`).optional()]),
        ),
      )
      .describe("Standardmeningar, med namn; en tom fras tar bort meningen.")
      .optional(),
  })
  .describe("Förvaltningens husstil: dokumentets slag, brevhuvud, typsnitt, avsnitt och standardmeningar.");

export type HusstilConfig = z.infer<typeof husstilSchema>;
