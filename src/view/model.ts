import type { Case } from "../model/schema.js";
import { CLOSING_MARKER, SECTIONS, SIGNATURES_MARKER, sectionById, type SectionId } from "../model/sections.js";
import { formatAuthors, writerNoun } from "./authors.js";
import { formatBehandlats } from "./beredning.js";
import { formatLongDate } from "./dates.js";
import { escapeMarkdownInline } from "./escape.js";
import { joinSwedish, formatRemissinstanser } from "./lists.js";
import { motionMidSentence, motionNouns } from "./motion.js";
import { definiteForm, organMidSentence } from "./organs.js";
import { reflowMarkdown, reflowParagraphText } from "./sentences.js";
import { capitalizeFirst, lowercaseFirst } from "./words.js";

/**
 * The case in Swedish: every sentence the template writes is decided here,
 * from small phrasing functions. Paragraphs come one sentence per line;
 * everything taken from plain fields is escaped for Markdown. The templates
 * only place these strings.
 */
export interface ViewModel {
  /** The case's metadata, written as YAML front matter: what the DOCX letterhead and properties read. */
  metadata: Record<string, unknown>;
  huvud: {
    dnr?: string;
    datum?: string;
    handlaggare?: { namn: string; telefon?: string };
    namnd: string;
  };
  titel: string;
  undertitel: string;
  /** The sections before the closing sentence, in the order of SECTIONS. */
  sektioner: SectionView[];
  avslutning: string;
  /** The line that marks where the sections end and the closing sentence begins. */
  avslutningsmarkering: string;
  /** The line that marks where the signatures begin. */
  underskriftsmarkering: string;
  underskrifter: { namn: string; titel: string; forvaltning: string }[];
  bilagor?: SectionView;
}

export interface SectionView {
  id: SectionId;
  rubrik: string;
  /** The partial that renders the section's body. */
  partial: string;
  /** The section's named parts, each a Markdown block (paragraphs one sentence per line, lists). */
  data: Record<string, string>;
}

const ORDERED = (items: readonly string[]) => items.map((item, i) => listItem(`${i + 1}.`, item));
const BULLETED = (items: readonly string[]) => items.map((item) => listItem("-", item));

/** One list item: the marker, then the text one sentence per line, continuation lines indented under it. */
export function listItem(marker: string, text: string): string {
  const indent = " ".repeat(marker.length + 1);
  return `${marker} ${reflowParagraphText(text).split("\n").join(`\n${indent}`)}`;
}

/** A plain-text sentence list → one paragraph, one sentence per line. */
function paragraph(...sentences: string[]): string {
  return sentences.join("\n");
}

/** A list item that does not end a sentence gets a full stop ("Motionen" → "Motionen."). */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?:)”"]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function buildViewModel(c: Case): ViewModel {
  const e = escapeMarkdownInline;
  const namndDefinite = e(definiteForm(c.forvaltning.namnd));
  const fran = e(organMidSentence(c.remiss.fran));
  const nouns = motionNouns(c.motion.typ);
  const motion = e(motionMidSentence(c.motion.typ, c.motion.titel));
  const authors = e(formatAuthors(c.motion.forfattare));
  const writtenBy = `${nouns.definite} är skriven av ${authors}.`;
  const till = e(organMidSentence(c.motion.till ?? (c.motion.typ === "skrivelse" ? "kommunstyrelsen" : "kommunfullmäktige")));

  const forslag = c.forslag_till_beslut ?? [`${capitalizeFirst(definiteForm(c.forvaltning.namnd))} överlämnar förvaltningens tjänsteutlåtande som svar på remissen.`];
  const bakgrund = [
    paragraph(
      `${capitalizeFirst(fran)} har remitterat ${motion} för yttrande senast ${formatLongDate(c.remiss.svar_senast)}.`,
      writtenBy,
    ),
  ];
  if (c.remiss.aven_till?.length) {
    bakgrund.push(`${nouns.definite} har även remitterats till ${e(formatRemissinstanser(c.remiss.aven_till))}.`);
  }

  const beredning = c.beredning;
  const berettsI = e(beredning?.beretts_i ?? (c.forvaltning.avdelning ? lowercaseFirst(c.forvaltning.avdelning) : "förvaltningen"));
  const samverkan = beredning?.i_samverkan_med?.length ? ` i samverkan med ${e(joinSwedish(beredning.i_samverkan_med))}` : "";
  const beredningSentences = [`Ärendet har beretts i ${berettsI}${samverkan}.`];
  if (beredning?.behandlats?.length) {
    beredningSentences.push(`Ärendet har behandlats ${e(formatBehandlats(beredning.behandlats))}.`);
  }

  const parts: Record<Exclude<SectionId, "bilagor">, Record<string, string>> = {
    "forslag-till-beslut": {
      forslag: forslag.length === 1 ? reflowParagraphText(e(forslag[0]!)) : ORDERED(forslag.map(e)).join("\n"),
    },
    sammanfattning: {
      inledning: paragraph(`${capitalizeFirst(namndDefinite)} har på remiss från ${fran} fått ${motion}.`, writtenBy),
      text: reflowMarkdown(c.sammanfattning),
    },
    bakgrund: {
      remiss: paragraph(
        `${capitalizeFirst(fran)} har remitterat ${motion} för yttrande senast ${formatLongDate(c.remiss.svar_senast)}.`,
        writtenBy,
      ),
      ...(c.remiss.aven_till?.length
        ? { avenTill: `${nouns.definite} har även remitterats till ${e(formatRemissinstanser(c.remiss.aven_till))}.` }
        : {}),
    },
    arendet: {
      beskrivning: reflowMarkdown(c.motion.beskrivning),
      yrkandenInledning: `${writerNoun(c.motion.forfattare.length)} föreslår ${till} att besluta följande:`,
      yrkanden: BULLETED(c.motion.yrkanden.map(e)).join("\n"),
    },
    beredning: { beredning: paragraph(...beredningSentences) },
    synpunkter: { text: reflowMarkdown(c.synpunkter) },
    barnrattsanalys: { text: reflowMarkdown(c.barnrattsanalys) },
    jamstalldhetsanalys: { text: reflowMarkdown(c.jamstalldhetsanalys) },
  };

  const sektioner = SECTIONS.filter((s) => s.id !== "bilagor").map((s) => sectionView(s.id, parts[s.id as keyof typeof parts]));
  const bilagor = c.bilagor?.length
    ? sectionView("bilagor", { lista: ORDERED(c.bilagor.map((b) => e(asSentence(b)))).join("\n") })
    : undefined;

  return {
    metadata: metadata(c),
    huvud: {
      ...(c.dnr ? { dnr: e(c.dnr) } : {}),
      ...(c.datum ? { datum: c.datum } : {}),
      ...(c.handlaggare
        ? { handlaggare: { namn: e(c.handlaggare.namn), ...(c.handlaggare.telefon ? { telefon: e(c.handlaggare.telefon) } : {}) } }
        : {}),
      namnd: e(c.forvaltning.namnd),
    },
    titel: e(c.motion.titel),
    undertitel: e(subtitle(c)),
    sektioner,
    avslutningsmarkering: CLOSING_MARKER,
    underskriftsmarkering: SIGNATURES_MARKER,
    avslutning: `Förvaltningen föreslår att ${namndDefinite} överlämnar tjänsteutlåtandet till ${fran} som svar på remissen.`,
    underskrifter: c.underskrifter.map((u) => ({ namn: e(u.namn), titel: e(u.titel), forvaltning: e(c.forvaltning.namn) })),
    ...(bilagor ? { bilagor } : {}),
  };
}

/** "Remiss från Kommunstyrelsen, KS 2025/804": the organ as the remittent writes it. */
export function subtitle(c: Case): string {
  return `Remiss från ${c.remiss.fran}, ${c.remiss.dnr}`;
}

function sectionView(id: SectionId, data: Record<string, string>): SectionView {
  return { id, rubrik: sectionById(id).heading, partial: `sektioner/${id}`, data };
}

/** The case's metadata for the front matter: what the DOCX letterhead and properties need. */
function metadata(c: Case): Record<string, unknown> {
  return {
    titel: c.motion.titel,
    undertitel: subtitle(c),
    forvaltning: c.forvaltning,
    ...(c.dnr ? { dnr: c.dnr } : {}),
    ...(c.datum ? { datum: c.datum } : {}),
    ...(c.handlaggare ? { handlaggare: c.handlaggare } : {}),
    remiss: { fran: c.remiss.fran, dnr: c.remiss.dnr, svar_senast: c.remiss.svar_senast },
    underskrifter: c.underskrifter.map((u) => ({ ...u, forvaltning: c.forvaltning.namn })),
  };
}
