import type { Severity } from "../diagnostics.js";

/**
 * What the config knows of `check`'s rules: each rule's id, default
 * severity and one Swedish sentence, in the order of docs/check.md.
 * remiss.config.yaml's `check.regler` is built from this list; the
 * implementations in src/check/rules/ take their id, severity and
 * description from here, so that the layers point one way (check → model).
 */
export interface RuleSpec {
  /** Stable id, `area/name`, e.g. `sektion/saknas`. */
  readonly id: string;
  readonly severity: Severity;
  /** One Swedish sentence for `docs/check.md` and `--help`. */
  readonly description: string;
}

const spec = <const Id extends string>(id: Id, severity: Severity, description: string) => ({ id, severity, description }) as const;

export const RULE_LIST = [
  spec("sektion/saknas", "error", "Ett obligatoriskt avsnitt saknas. Fyndet står där avsnittet borde ha stått."),
  spec("sektion/ordning", "error", "Ett obligatoriskt avsnitt står på fel plats. Fyndet står vid rubriken och säger vilket avsnitt det ska komma efter."),
  spec("sektion/tom", "error", "Ett obligatoriskt avsnitt har rubrik men ingen text."),
  spec("sektion/dubblett", "error", "Ett obligatoriskt avsnitt finns två gånger. Fyndet står vid den andra rubriken."),
  spec("struktur/rubrikniva", "error", "En rubrik hoppar över en nivå, t.ex. nivå 4 direkt under ett avsnitts rubrik på nivå 2."),
  spec("text/platshallare", "error", "Platshållartext står kvar: TODO, FIXME, XXX, instruktioner inom hakparentes som [fyll i …], Lorem ipsum eller en rad med bara ”…”."),
  spec("text/dold-text", "error", "Ett Word-dokument har dold text (teckenformatet Dold): den syns inte i dokumentet eller i PDF-filen, men finns kvar i filen som skickas."),
  spec("text/personnummer", "error", "Ett personnummer eller samordningsnummer (med rätt kontrollsiffra och ett datum som finns) står i dokumentet, som blir en allmän handling och publiceras."),
  spec("text/lix", "warning", "Ett avsnitt är svårläst: LIX (ord per mening + andelen ord med fler än sex bokstäver i procent) är över gränsen, 60 om inget annat anges."),
  spec("text/lang-mening", "warning", "En mening har fler ord än gränsen, 35 om inget annat anges."),
  spec("text/klarsprak", "warning", "Ett ord eller uttryck som klarspråksråden byter mot ett enklare står i texten, t.ex. ”erhålla” i stället för ”få”."),
  spec("text/datum", "warning", "Ett datum i sifferform (2025-10-07) står i en löpande mening, där skrivreglerna skriver ”7 oktober 2025”."),
  spec("datum/sen", "warning", "Utlåtandets datum är efter sista svarsdag (remiss.svar_senast)."),
  spec("datum/beredning", "error", "Ärendet har behandlats (beredning.behandlats) efter utlåtandets datum."),
  spec("dokument/sparade-andringar", "error", "Ett Word-dokument har spårade ändringar som ingen har godkänt eller avvisat: den borttagna texten och granskarens namn finns kvar i filen."),
  spec("dokument/kommentarer", "error", "Ett Word-dokument har kommentarer: de följer med filen som diarieförs eller publiceras, med granskarens namn."),
] as const satisfies readonly RuleSpec[];

export type RuleId = (typeof RULE_LIST)[number]["id"];

/** The rules' specs by id. */
export const RULE_SPECS = Object.fromEntries(RULE_LIST.map((r) => [r.id, r])) as Readonly<Record<RuleId, RuleSpec>>;

/** Every rule id, in order. */
export const RULE_IDS: readonly RuleId[] = RULE_LIST.map((r) => r.id);
