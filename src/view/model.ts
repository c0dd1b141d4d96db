import { DEFAULT_HOUSE_STYLE, type HouseStyle, type LabelName } from "../model/husstil.js";
import { kindOf } from "../model/kinds.js";
import type { Case } from "../model/schema.js";
import { CLOSING_MARKER, DEFAULT_OWN_SECTION_AFTER, FIELD_MARKER, SECTION_MARKER, SIGNATURES_MARKER, ownSection, type SectionSpec } from "../model/sections.js";
import { formatAuthors, onlyParties } from "./authors.js";
import { formatBehandlats } from "./beredning.js";
import { formatLongDate } from "./dates.js";
import { escapeMarkdownInline } from "./escape.js";
import { formatRemissinstanser, joinSwedish } from "./lists.js";
import { definiteForm, organMidSentence } from "./organs.js";
import { createPhraser, type Phraser, type Slots } from "./phrases.js";
import { defaultTill, objektMidSentence, objektNouns, quoted, roleNoun, skriven } from "./remissobjekt.js";
import { documentDefinite } from "./document-label.js";
import { reflowMarkdown, reflowParagraphText } from "./sentences.js";
import { lowercaseFirst, lowercaseTitleStart } from "./words.js";

/**
 * The case in Swedish: every sentence the template writes is decided here,
 * from small phrasing functions and the house style's phrases. Paragraphs
 * come one sentence per line; everything taken from plain fields is escaped
 * for Markdown. The templates only place these strings.
 */
export interface ViewModel {
  /** The case's metadata, written as YAML front matter: what the DOCX letterhead and properties read. */
  metadata: Record<string, unknown>;
  huvud: {
    /** The house style's label: "Tjänsteutlåtande". */
    dokument: string;
    dnr?: string;
    datum?: string;
    handlaggare?: { namn: string; telefon?: string; epost?: string };
    namnd: string;
    /** The line above the heading saying whom the document is for ("Till Södermalms stadsdelsnämnd"); empty when the house style leaves it out. */
    tillRad: string;
  };
  /** The house style's fixed words of the page, by name, escaped. */
  etiketter: Record<LabelName, string>;
  /** The document's main heading (the phrase `rubrik`, by default the title). */
  rubrik: string;
  titel: string;
  undertitel: string;
  /** The sections before the closing sentence, in the house style's order. */
  sektioner: SectionView[];
  /** The closing sentence (Markdown); empty when the case leaves it out. */
  avslutning: string;
  /** The line that marks where the sections end and the closing sentence begins. */
  avslutningsmarkering: string;
  /** The line that marks where the signatures begin. */
  underskriftsmarkering: string;
  underskrifter: { namn: string; titel: string; forvaltning: string }[];
  bilagor?: SectionView;
  /** Every stock sentence the house style's phrases gave, by phrase name: for `import`, which says where a changed sentence came from. */
  fraser: { namn: string; text: string }[];
  /** With `inledning_i_stycke`: the opening sentences written into a field's first paragraph, which `import` leaves out of the field. */
  iStycke?: { path: string; text: string }[];
}

export interface SectionView {
  /** The section's id: a built-in one, or `egen:<heading>`. */
  id: string;
  /** The heading; empty for a section the house style sets without one. */
  rubrik: string;
  /** For a section without a heading: the line that marks where it begins (SECTION_MARKER). */
  markering?: string;
  /** The partial that renders the section's body. */
  partial: string;
  /** The section's named parts, each a Markdown block (paragraphs one sentence per line, lists). */
  data: Record<string, string>;
}

/** The partial of every own section. */
export const OWN_SECTION_PARTIAL = "sektioner/eget-avsnitt";

const ORDERED = (items: readonly string[]) => items.map((item, i) => listItem(`${i + 1}.`, item));
const BULLETED = (items: readonly string[]) => items.map((item) => listItem("-", item));

/** One list item: the marker, then the text one sentence per line, continuation lines indented under it. */
export function listItem(marker: string, text: string): string {
  const indent = " ".repeat(marker.length + 1);
  return `${marker} ${reflowParagraphText(text).split("\n").join(`\n${indent}`)}`;
}

/**
 * A case field's text between its markers (FIELD_MARKER), so that the
 * draft says which field each block came from; nothing for an empty text.
 */
export function fieldText(path: string, markdown: string): string {
  return markdown === "" ? "" : `${FIELD_MARKER.open(path)}\n\n${markdown}\n\n${FIELD_MARKER.close(path)}`;
}

/** Sentences → one paragraph, one sentence per line; sentences a house style left out are dropped. */
function paragraph(...sentences: string[]): string {
  return sentences.filter((s) => s !== "").join("\n");
}

/** A list item that does not end a sentence gets a full stop ("Motionen" → "Motionen."). */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?:)”"’»]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The slots every phrase is written from, escaped for Markdown (or raw, for the front matter). */
export function phraseSlots(c: Case, escape: (text: string) => string = escapeMarkdownInline, style: HouseStyle = DEFAULT_HOUSE_STYLE): Slots {
  const o = c.remissobjekt;
  const e = escape;
  const authors = o.forfattare ?? [];
  const kind = kindOf(o.typ);
  const ownRole = style.roller[kind.typ];
  // A party proposes in its own name: "Staffanstorpspartiet föreslår kommunfullmäktige …".
  const role = onlyParties(authors)
    ? formatAuthors(authors)
    : ownRole && kind.role
      ? authors.length === 1
        ? ownRole[0]
        : ownRole[1]
      : roleNoun(o.typ, authors.length);
  const builtinTill = defaultTill(o.typ);
  // The house style's fullmäktige stands in for the built-in kommunfullmäktige ("regionfullmäktige").
  const till = o.till ?? (builtinTill === DEFAULT_HOUSE_STYLE.fullmaktige ? style.fullmaktige : builtinTill);
  const beredning = c.beredning;
  const label = lowercaseTitleStart(style.dokument);
  return {
    forvaltning: e(c.forvaltning.namn),
    ...(style.organisation ? { organisation: e(style.organisation) } : {}),
    dokument: e(label),
    dokumentet: e(style.dokumentBestamd ?? documentDefinite(label)),
    namnd: e(definiteForm(c.forvaltning.namnd)),
    namnd_namn: e(c.forvaltning.namnd),
    remittent: e(organMidSentence(c.remiss.fran)),
    remittent_namn: e(c.remiss.fran),
    ...(c.remiss.dnr ? { remiss_dnr: e(c.remiss.dnr) } : {}),
    objekt: e(objektMidSentence(o, c.formatVersion)),
    objekt_bestamd: e(objektNouns(o).bestamd),
    titel: e(o.titel),
    titel_mitt: e(lowercaseTitleStart(o.titel.trim())),
    titel_citerad: e(quoted(o.titel.trim())),
    ...(authors.length ? { forfattare: e(formatAuthors(authors)) } : {}),
    skriven: skriven(o),
    ...(role ? { roll: e(role) } : {}),
    ...(till ? { till: e(organMidSentence(till)) } : {}),
    ...(c.remiss.svar_senast ? { svar_senast: formatLongDate(c.remiss.svar_senast) } : {}),
    ...(c.remiss.aven_till?.length ? { remissinstanser: e(formatRemissinstanser(c.remiss.aven_till)) } : {}),
    beretts_i: e(beredning?.beretts_i ?? (c.forvaltning.avdelning ? lowercaseFirst(c.forvaltning.avdelning) : style.etiketter.beretts_i)),
    ...(beredning?.i_samverkan_med?.length ? { i_samverkan_med: e(joinSwedish(beredning.i_samverkan_med)) } : {}),
    ...(beredning?.behandlats?.length ? { behandlats: e(formatBehandlats(beredning.behandlats)) } : {}),
  };
}

export function buildViewModel(c: Case, style: HouseStyle = DEFAULT_HOUSE_STYLE): ViewModel {
  const e = escapeMarkdownInline;
  const phraser = createPhraser(style.fraser, c.remissobjekt.typ);
  const plainPhraser = createPhraser(style.fraser, c.remissobjekt.typ, { markdown: false });
  const fraser: ViewModel["fraser"] = [];
  const recorded =
    (write: Phraser): Phraser =>
    (name, slots) => {
      const text = write(name, slots);
      if (text !== "") fraser.push({ namn: name, text });
      return text;
    };
  const say = recorded(phraser);
  const slots = phraseSlots(c, e, style);
  const o = c.remissobjekt;
  const authors = o.forfattare ?? [];
  const openings: { path: string; text: string }[] = [];
  /** The opening sentences and the field's text: a paragraph and the text, or with `inledning_i_stycke` one paragraph. */
  const opened = (path: string, opening: string, markdown: string | undefined): { inledning: string; text: string } => {
    if (markdown === undefined) return { inledning: opening, text: "" };
    const text = reflowMarkdown(markdown);
    if (!style.inledningIStycke || opening === "" || !startsWithParagraph(text)) return { inledning: opening, text: fieldText(path, text) };
    openings.push({ path, text: opening });
    return { inledning: "", text: fieldText(path, `${opening}\n${text}`) };
  };

  const writtenBy = authors.length === 0 ? "" : say(onlyParties(authors) ? "forfattare_partier" : "forfattare", slots);
  const yrkanden = o.yrkanden ?? [];
  const yrkandenInledning = yrkanden.length === 0 ? "" : say(slots.roll ? "yrkanden" : "yrkanden_i_dokumentet", slots);
  const own = c.forslag_till_beslut;
  const forslag = own
    ? fieldText("forslag_till_beslut", own.length === 1 ? reflowParagraphText(e(own[0]!)) : forslagList(own.map(e), style))
    : reflowParagraphText(say("standardforslag", slots));
  const forslagInledning = reflowParagraphText(say("forslag_inledning", slots));
  const sammanfattning = opened("sammanfattning", paragraph(say("inledning", slots), writtenBy), c.sammanfattning);

  const parts: Record<string, Record<string, string> | undefined> = {
    "forslag-till-beslut": { ...(forslagInledning ? { inledning: forslagInledning } : {}), forslag },
    sammanfattning,
    bakgrund: {
      remiss: paragraph(say("remitterat", slots), writtenBy),
      ...(slots.remissinstanser ? { avenTill: say("aven_till", slots) } : {}),
    },
    arendet: {
      beskrivning: o.beskrivning === undefined ? "" : fieldText("remissobjekt.beskrivning", reflowMarkdown(o.beskrivning)),
      yrkandenInledning,
      yrkanden: fieldText("remissobjekt.yrkanden", BULLETED(yrkanden.map(e)).join("\n")),
    },
    beredning: { beredning: paragraph(say("beredning", slots), slots.behandlats ? say("behandlats", slots) : "") },
    synpunkter: textPart("synpunkter", c.synpunkter),
    barnrattsanalys: textPart("barnrattsanalys", c.barnrattsanalys),
    jamstalldhetsanalys: textPart("jamstalldhetsanalys", c.jamstalldhetsanalys),
  };

  const sektioner = documentSections(c, style).flatMap((spec): SectionView[] => {
    if (spec.own) {
      const entry = ownEntry(c, spec.heading);
      const index = entry ? c.egna_avsnitt!.indexOf(entry) : -1;
      return entry ? [{ id: spec.id, rubrik: e(spec.heading), partial: OWN_SECTION_PARTIAL, data: { text: fieldText(`egna_avsnitt.${index}.text`, reflowMarkdown(entry.text)) } }] : [];
    }
    const data = parts[spec.id];
    if (!data || !Object.values(data).some((part) => part !== "")) return [];
    return [
      spec.untitled
        ? { id: spec.id, rubrik: "", markering: SECTION_MARKER(spec.id), partial: `sektioner/${spec.id}`, data }
        : { id: spec.id, rubrik: spec.heading, partial: `sektioner/${spec.id}`, data },
    ];
  });
  const bilagorSpec = style.sections.find((s) => s.id === "bilagor");
  const bilagor =
    bilagorSpec && c.bilagor?.length
      ? {
          id: bilagorSpec.id,
          rubrik: bilagorSpec.heading,
          partial: `sektioner/${bilagorSpec.id}`,
          data: { lista: fieldText("bilagor", ORDERED(c.bilagor.map((b) => e(asSentence(b)))).join("\n")) },
        }
      : undefined;

  // The heading and the addressee line are the case's data unless the house style words them itself: only then are they its phrases for import.
  const line = (name: "rubrik" | "till_rad") => (style.fraser[name] === DEFAULT_HOUSE_STYLE.fraser[name] ? phraser : say)(name, slots);
  const etiketter = Object.fromEntries(Object.entries(style.etiketter).map(([name, label]) => [name, e(label)])) as Record<LabelName, string>;
  return {
    metadata: metadata(c, recorded(plainPhraser), style),
    etiketter,
    rubrik: line("rubrik"),
    huvud: {
      tillRad: line("till_rad"),
      dokument: e(style.dokument),
      ...(c.dnr ? { dnr: e(c.dnr) } : {}),
      ...(c.datum ? { datum: c.datum } : {}),
      ...(c.handlaggare
        ? {
            handlaggare: {
              namn: e(c.handlaggare.namn),
              ...(c.handlaggare.telefon ? { telefon: e(c.handlaggare.telefon) } : {}),
              ...(c.handlaggare.epost ? { epost: e(c.handlaggare.epost) } : {}),
            },
          }
        : {}),
      namnd: e(c.forvaltning.namnd),
    },
    titel: e(o.titel),
    undertitel: say("undertitel", slots),
    sektioner,
    avslutningsmarkering: CLOSING_MARKER,
    underskriftsmarkering: SIGNATURES_MARKER,
    avslutning: c.avslutning === undefined ? say("avslutning", slots) : c.avslutning.trim() === "" ? "" : fieldText("avslutning", reflowMarkdown(c.avslutning)),
    underskrifter: c.underskrifter.map((u) => ({ namn: e(u.namn), titel: e(u.titel), forvaltning: e(c.forvaltning.namn) })),
    ...(bilagor ? { bilagor } : {}),
    fraser,
    ...(openings.length > 0 ? { iStycke: openings } : {}),
  };
}

/** Whether a field's Markdown begins with a paragraph of text (not a list, heading, quote, table or code). */
function startsWithParagraph(markdown: string): boolean {
  return /^[\p{L}\p{N}”"(*_]/u.test(markdown) && !/^\d{1,9}[.)]\s/u.test(markdown);
}

/** Several att-satser, as the house style sets them out. */
function forslagList(items: readonly string[], style: HouseStyle): string {
  if (style.forslagForm === "punktlista") return BULLETED(items).join("\n");
  if (style.forslagForm === "stycken") return items.map((item) => reflowParagraphText(item)).join("\n\n");
  return ORDERED(items).join("\n");
}

function textPart(path: string, text: string | undefined): Record<string, string> | undefined {
  return text === undefined ? undefined : { text: fieldText(path, reflowMarkdown(text)) };
}

/** The case's own section with this heading (compared as check compares headings). */
function ownEntry(c: Case, heading: string): { rubrik: string; text: string } | undefined {
  const key = normalize(heading);
  return c.egna_avsnitt?.find((entry) => normalize(entry.rubrik) === key);
}

function normalize(heading: string): string {
  return heading.trim().replace(/\s+/gu, " ").toLocaleLowerCase("sv");
}

/**
 * The document's sections before the signatures, in order: the house
 * style's list, with each of the case's own sections that the list does not
 * place after the section its entry names (`efter`, default synpunkter),
 * in the file's order.
 */
export function documentSections(c: Case, style: HouseStyle): SectionSpec[] {
  const placed = style.sections.filter((s) => s.id !== "bilagor" && s.ordered !== false);
  const placedOwn = new Set(placed.filter((s) => s.own).map((s) => normalize(s.heading)));
  const loose = (c.egna_avsnitt ?? []).filter((entry) => !placedOwn.has(normalize(entry.rubrik)));
  const out: SectionSpec[] = [];
  for (const spec of placed) {
    out.push(spec);
    if (spec.own) continue;
    for (const entry of loose) {
      if ((entry.efter ?? DEFAULT_OWN_SECTION_AFTER) === spec.id) out.push(ownSection(entry.rubrik));
    }
  }
  return out;
}

/** The case's metadata for the front matter: what the DOCX letterhead and properties need. */
function metadata(c: Case, say: Phraser, style: HouseStyle): Record<string, unknown> {
  const o = c.remissobjekt;
  return {
    titel: o.titel,
    undertitel: say("undertitel", phraseSlots(c, (text) => text, style)),
    forvaltning: c.forvaltning,
    ...(c.dnr ? { dnr: c.dnr } : {}),
    ...(c.datum ? { datum: c.datum } : {}),
    ...(c.handlaggare ? { handlaggare: c.handlaggare } : {}),
    remiss: {
      fran: c.remiss.fran,
      ...(c.remiss.dnr ? { dnr: c.remiss.dnr } : {}),
      ...(c.remiss.svar_senast ? { svar_senast: c.remiss.svar_senast } : {}),
    },
    // The organs' dates, so that check can compare them with the report's date in the draft and in the DOCX.
    ...(c.beredning?.behandlats?.length ? { beredning: { behandlats: c.beredning.behandlats } } : {}),
    underskrifter: c.underskrifter.map((u) => ({ ...u, forvaltning: c.forvaltning.namn })),
  };
}
