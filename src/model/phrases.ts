/**
 * Every sentence the program writes itself, by name, with its default: the
 * built-in house style's wording (Stockholm stad, as in the reference). A
 * phrase is a small Handlebars template over slots that the view model has
 * already inflected and escaped, each in its mid-sentence form; the first
 * letter of a phrase is capitalised, since each starts a sentence. A
 * förvaltning replaces any of them under `husstil.fraser` in
 * remiss.config.yaml; an empty phrase leaves its sentence out. docs/husstil.md
 * lists them, and a test keeps that page and this file in step.
 */

export interface PhraseSpec {
  /** The built-in wording. */
  readonly standard: string;
  /** Where the sentence stands, in Swedish, for docs/husstil.md and the JSON Schema. */
  readonly beskrivning: string;
  /** False for a line that is no sentence (a heading, the addressee): its first letter stays as written. */
  readonly mening?: false;
  /** The built-in sections the sentence stands in; none: it stands outside them (heading, closing), always written. */
  readonly avsnitt?: readonly string[];
}

/**
 * A phrase as a house style writes it: one text, or a text per kind of
 * remitted document (`typ`), with `standard` for the kinds it does not name.
 */
export type PhraseValue = string | Readonly<Record<string, string>>;

/** The text of a phrase for a kind of document: its own, else `standard`. */
export function phraseFor(value: PhraseValue, typ: string, alias?: string): string {
  if (typeof value === "string") return value;
  return value[typ] ?? (alias !== undefined ? value[alias] : undefined) ?? value["standard"] ?? "";
}

export const PHRASES = {
  till_rad: {
    standard: "Till {{namnd_namn}}",
    beskrivning: "Raden ovanför rubriken som säger vem dokumentet vänder sig till; en tom fras tar bort raden.",
  },
  rubrik: {
    standard: "{{titel}}",
    beskrivning: "Dokumentets rubrik.",
    mening: false,
  },
  undertitel: {
    standard: "Remiss från {{remittent_namn}}{{#if remiss_dnr}}, {{remiss_dnr}}{{/if}}",
    beskrivning: "Raden under dokumentets rubrik.",
  },
  inledning: {
    standard: "{{namnd}} har på remiss från {{remittent}} fått {{objekt}}.",
    beskrivning: "Första meningen under Sammanfattning.",
    avsnitt: ["sammanfattning"],
  },
  forfattare: {
    standard: "{{objekt_bestamd}} är {{skriven}} av {{forfattare}}.",
    beskrivning: "Vem som skrivit dokumentet, under Sammanfattning och Bakgrund.",
    avsnitt: ["sammanfattning", "bakgrund"],
  },
  forfattare_partier: {
    standard: "{{objekt_bestamd}} kommer från {{forfattare}}.",
    beskrivning: "I stället för forfattare, när varje författare bara är ett parti.",
    avsnitt: ["sammanfattning", "bakgrund"],
  },
  remitterat: {
    standard: "{{remittent}} har remitterat {{objekt}} för yttrande{{#if svar_senast}} senast {{svar_senast}}{{/if}}.",
    beskrivning: "Första meningen under Bakgrund.",
    avsnitt: ["bakgrund"],
  },
  aven_till: {
    standard: "{{objekt_bestamd}} har även remitterats till {{remissinstanser}}.",
    beskrivning: "Andra remissinstanser, under Bakgrund.",
    avsnitt: ["bakgrund"],
  },
  yrkanden: {
    standard: "{{roll}} föreslår {{till}} att besluta följande:",
    beskrivning: "Före att-satserna i en motion, skrivelse eller ett medborgarförslag, under Ärendet.",
    avsnitt: ["arendet"],
  },
  yrkanden_i_dokumentet: {
    standard: "I {{objekt_bestamd}} föreslås följande:",
    beskrivning: "Före förslagen i andra dokument, t.ex. ett betänkande, under Ärendet.",
    avsnitt: ["arendet"],
  },
  beredning: {
    standard: "Ärendet har beretts i {{beretts_i}}{{#if i_samverkan_med}} i samverkan med {{i_samverkan_med}}{{/if}}.",
    beskrivning: "Första meningen under Ärendets beredning.",
    avsnitt: ["beredning"],
  },
  behandlats: {
    standard: "Ärendet har behandlats {{behandlats}}.",
    beskrivning: "Organ som behandlat ärendet, under Ärendets beredning.",
    avsnitt: ["beredning"],
  },
  forslag_inledning: {
    standard: "",
    beskrivning: "En mening före förslaget till beslut, t.ex. ”Miljönämnden föreslår kommunfullmäktige besluta”.",
    avsnitt: ["forslag-till-beslut"],
  },
  standardforslag: {
    standard: "{{namnd}} överlämnar förvaltningens {{dokument}} som svar på remissen.",
    beskrivning: "Förslaget till beslut när ärendet inte har något eget (forslag_till_beslut).",
    avsnitt: ["forslag-till-beslut"],
  },
  avslutning: {
    standard: "Förvaltningen föreslår att {{namnd}} överlämnar {{dokumentet}} till {{remittent}} som svar på remissen.",
    beskrivning: "Meningen före underskrifterna, när ärendet inte har en egen avslutning.",
  },
} as const satisfies Record<string, PhraseSpec>;

export type PhraseName = keyof typeof PHRASES;
export const PHRASE_NAMES = Object.keys(PHRASES) as PhraseName[];

export interface SlotSpec {
  readonly beskrivning: string;
  /** The case field the slot is written from, when only that field gives it: a phrase with the slot uses the field. */
  readonly falt?: string;
  /** What it holds in the reference case (Södermalm, KS 2025/804). */
  readonly exempel: string;
}

/** The slots a phrase may use: every one already inflected for the middle of a sentence and escaped for Markdown. */
export const SLOTS = {
  forvaltning: { beskrivning: "Förvaltningens namn som det skrivs.", exempel: "Södermalms stadsdelsförvaltning" },
  organisation: { beskrivning: "Organisationen i husstil.organisation, t.ex. Göteborgs Stad; tomt om den saknas.", exempel: "(tom)" },
  dokument: { beskrivning: "Dokumentets slag (husstil.dokument) mitt i en mening, obestämd form.", exempel: "tjänsteutlåtande" },
  dokumentet: { beskrivning: "Dokumentets slag i bestämd form.", exempel: "tjänsteutlåtandet" },
  namnd: { beskrivning: "Nämnden i bestämd form.", exempel: "stadsdelsnämnden" },
  namnd_namn: { beskrivning: "Nämndens namn som det skrivs.", exempel: "Södermalms stadsdelsnämnd" },
  remittent: { beskrivning: "Den som skickat remissen, mitt i en mening.", exempel: "kommunstyrelsen" },
  remittent_namn: { beskrivning: "Den som skickat remissen, som det skrivs i fältet.", exempel: "Kommunstyrelsen" },
  remiss_dnr: { beskrivning: "Remittentens diarienummer; tomt om det saknas.", exempel: "KS 2025/804" },
  objekt: {
    beskrivning: "Det remitterade dokumentet mitt i en mening.",
    exempel: "en motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga",
  },
  objekt_bestamd: { beskrivning: "Dokumentets slag i bestämd form.", exempel: "motionen" },
  titel: { beskrivning: "Dokumentets titel som den skrivs.", exempel: "Motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga" },
  titel_mitt: {
    beskrivning: "Titeln mitt i en mening: liten första bokstav, utom när titeln börjar med en förkortning.",
    exempel: "motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga",
  },
  titel_citerad: {
    beskrivning: "Titeln inom citattecken.",
    exempel: "”Motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga”",
  },
  forfattare: { beskrivning: "Författarna, med parti inom parentes.", exempel: "Andréa Hedin (M)" },
  skriven: { beskrivning: "”skriven”, ”skrivet” eller ”skrivna”, efter dokumentets slag.", exempel: "skriven" },
  roll: {
    beskrivning: "De som föreslår: skribenten, skribenterna, förslagsställaren, förslagsställarna (eller husstil.roller), eller partiet när bara ett parti står som författare.",
    exempel: "skribenten",
  },
  till: { beskrivning: "Den som förslaget vänder sig till: fältet till, annars husstil.fullmaktige (motion, medborgarförslag) eller kommunstyrelsen (skrivelse).", exempel: "kommunfullmäktige" },
  svar_senast: { beskrivning: "Sista dag för svar, skrivet ut; tomt om det saknas.", exempel: "28 oktober 2025" },
  remissinstanser: {
    falt: "remiss.aven_till",
    beskrivning: "Andra remissinstanser, nämnder av samma slag sammanslagna.",
    exempel: "socialnämnden samt Farsta och Hässelby-Vällingby stadsdelsnämnder",
  },
  beretts_i: { beskrivning: "Var ärendet beretts.", exempel: "stadsdelsdirektörens stab och kansli" },
  i_samverkan_med: { falt: "beredning", beskrivning: "De som varit med i beredningen; tomt om inga.", exempel: "avdelningen för individ- och familjeomsorg" },
  behandlats: { falt: "beredning", beskrivning: "Organ och datum.", exempel: "i förvaltningsgruppen den 1 december 2025" },
} as const satisfies Record<string, SlotSpec>;

export type SlotName = keyof typeof SLOTS;
export const SLOT_NAMES = Object.keys(SLOTS) as SlotName[];

/** The slots a phrase's text names (`{{plats}}` and `{{#if plats}}`). */
export function phraseSlotNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(TAG)) {
    const m = /^(?:#(?:if|unless)\s+)?([\p{L}_][\p{L}\p{N}_]*)$/u.exec(match[1]!.trim());
    if (m && m[1] !== "else") names.add(m[1]!);
  }
  return names;
}

/** A problem in a phrase's text, at a character offset. */
export interface PhraseProblem {
  readonly offset: number;
  readonly message: string;
  /** The unknown slot, for "menade du …?". */
  readonly slot?: string;
}

const TAG = /\{\{(.*?)\}\}/gsu;

/**
 * What is wrong with a phrase's text: anything in `{{…}}` other than a known
 * slot, `#if`/`#unless` on a slot, `else` and the matching closing tags.
 * A phrase is data a förvaltning writes, so it may not call helpers or
 * partials; this keeps it to what docs/husstil.md describes.
 */
export function phraseProblems(text: string): PhraseProblem[] {
  const problems: PhraseProblem[] = [];
  const open: { name: string; offset: number }[] = [];
  const known = new Set<string>(SLOT_NAMES);
  for (const match of text.matchAll(TAG)) {
    const inner = match[1]!.trim();
    const offset = match.index;
    let m: RegExpExecArray | null;
    if ((m = /^#(if|unless)\s+([\p{L}_][\p{L}\p{N}_]*)$/u.exec(inner))) {
      open.push({ name: m[1]!, offset });
      if (!known.has(m[2]!)) problems.push({ offset, slot: m[2]!, message: `okänd plats ”${m[2]!}”` });
    } else if (inner === "else") {
      if (open.length === 0) problems.push({ offset, message: "{{else}} utan {{#if …}} före" });
    } else if ((m = /^\/(if|unless)$/u.exec(inner))) {
      const last = open.pop();
      if (!last || last.name !== m[1]) problems.push({ offset, message: `{{/${m[1]!}}} utan {{#${m[1]!} …}} före` });
    } else if (/^[\p{L}_][\p{L}\p{N}_]*$/u.test(inner)) {
      if (!known.has(inner)) problems.push({ offset, slot: inner, message: `okänd plats ”${inner}”` });
    } else {
      problems.push({ offset, message: `”{{${inner}}}” går inte att använda; en fras kan ha {{plats}} och {{#if plats}} … {{/if}}` });
    }
  }
  for (const block of open) problems.push({ offset: block.offset, message: `{{#${block.name} …}} stängs aldrig med {{/${block.name}}}` });
  return problems;
}
