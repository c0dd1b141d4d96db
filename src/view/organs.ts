import { capitalizeFirst, isAbbreviation, lowercaseFirst } from "./words.js";

/** One generic organ noun (as the last part of a compound) in its three forms. */
export interface OrganWord {
  readonly indefinite: string;
  readonly definite: string;
  readonly plural: string;
}

/**
 * The generic nouns for political bodies and their offices. A word that ends
 * in one of these (in either singular form) names a kind of body, not a
 * proper name: "socialnämnden", "stadsdelsnämnd", "kommunstyrelsen".
 */
export const ORGAN_WORDS: readonly OrganWord[] = [
  { indefinite: "nämnd", definite: "nämnden", plural: "nämnder" },
  { indefinite: "styrelse", definite: "styrelsen", plural: "styrelser" },
  { indefinite: "fullmäktige", definite: "fullmäktige", plural: "fullmäktige" },
  { indefinite: "kontor", definite: "kontoret", plural: "kontor" },
  { indefinite: "förvaltning", definite: "förvaltningen", plural: "förvaltningar" },
  { indefinite: "råd", definite: "rådet", plural: "råd" },
  { indefinite: "utskott", definite: "utskottet", plural: "utskott" },
  { indefinite: "revision", definite: "revisionen", plural: "revisioner" },
  { indefinite: "beredning", definite: "beredningen", plural: "beredningar" },
  { indefinite: "grupp", definite: "gruppen", plural: "grupper" },
  { indefinite: "bolag", definite: "bolaget", plural: "bolag" },
  { indefinite: "kommitté", definite: "kommittén", plural: "kommittéer" },
  { indefinite: "delegation", definite: "delegationen", plural: "delegationer" },
  { indefinite: "direktion", definite: "direktionen", plural: "direktioner" },
  { indefinite: "förbund", definite: "förbundet", plural: "förbund" },
  { indefinite: "kansli", definite: "kansliet", plural: "kanslier" },
  { indefinite: "sekretariat", definite: "sekretariatet", plural: "sekretariat" },
  { indefinite: "presidium", definite: "presidiet", plural: "presidier" },
  { indefinite: "avdelning", definite: "avdelningen", plural: "avdelningar" },
  { indefinite: "enhet", definite: "enheten", plural: "enheter" },
  { indefinite: "stab", definite: "staben", plural: "staber" },
];

/**
 * National agencies whose single-word names end in an organ word but are
 * proper names, always written with a capital.
 */
export const PROPER_ORGAN_NAMES: readonly string[] = [
  "Socialstyrelsen",
  "Transportstyrelsen",
  "Rikspolisstyrelsen",
  "Riksrevisionen",
  "Statskontoret",
  "Vetenskapsrådet",
  "Kulturrådet",
  "Språkrådet",
  "Konstnärsnämnden",
];

const PROPER = new Set(PROPER_ORGAN_NAMES.map((n) => n.toLocaleLowerCase("sv")));
const CONJUNCTIONS = new Set(["och", "samt", "eller"]);

const lower = (s: string): string => s.toLocaleLowerCase("sv");

/** The organ word a word ends with in definite form, if any. */
function definiteMatch(word: string): OrganWord | undefined {
  const w = lower(word);
  return ORGAN_WORDS.find((o) => w.endsWith(o.definite));
}

/** The organ word a word ends with in indefinite form, if any. */
function indefiniteMatch(word: string): OrganWord | undefined {
  const w = lower(word);
  return ORGAN_WORDS.find((o) => w.endsWith(o.indefinite));
}

/**
 * True when the words form one compound: a single word, or words like
 * "Kultur- och fritidsnämnden" where all but the last are cut-off parts
 * ("Kultur-") or conjunctions.
 */
function isOneCompound(words: readonly string[]): boolean {
  const head = words.slice(0, -1);
  return head.every((w, i) => /-,?$/u.test(w) || (i > 0 && CONJUNCTIONS.has(lower(w))));
}

/** An organ name as it stands mid-sentence: generic one-word names lower-cased ("Socialnämnden" → "socialnämnden"), proper names kept ("Farsta stadsdelsnämnd"). */
export function organMidSentence(name: string): string {
  const trimmed = name.trim();
  if (PROPER.has(lower(trimmed)) || isAbbreviation(trimmed)) return trimmed;
  const words = trimmed.split(/\s+/u);
  const last = words.at(-1) ?? "";
  if (!isOneCompound(words)) return trimmed;
  return definiteMatch(last) || indefiniteMatch(last) ? lowercaseFirst(trimmed) : trimmed;
}

/** An organ name at the start of a sentence: the mid-sentence form with a capital. */
export function organAtSentenceStart(name: string): string {
  return capitalizeFirst(organMidSentence(name));
}

/**
 * The definite form of a body from its name: the last word, lower-cased,
 * made definite ("Farsta stadsdelsnämnd" → "stadsdelsnämnden"). A name that
 * is already definite and has no genitive before its last word is kept
 * whole, first letter lower-cased: "Tekniska nämnden" → "tekniska nämnden",
 * "Kultur- och fritidsnämnden" → "kultur- och fritidsnämnden".
 */
export function definiteForm(name: string): string {
  const trimmed = name.trim();
  if (PROPER.has(lower(trimmed))) return trimmed;
  const words = trimmed.split(/\s+/u);
  const last = lower(words.at(-1) ?? "");
  if (definiteMatch(last)) {
    const genitive = words.slice(0, -1).some((w) => /s$/u.test(w));
    return words.length > 1 && !genitive ? lowercaseFirst(trimmed) : last;
  }
  const organ = indefiniteMatch(last);
  if (!organ) return last;
  return last.slice(0, last.length - organ.indefinite.length) + organ.definite;
}

/** The indefinite plural of an organ word ("stadsdelsnämnd" → "stadsdelsnämnder"); undefined for any other word. */
export function pluralOrganWord(word: string): string | undefined {
  const organ = indefiniteMatch(word);
  if (!organ) return undefined;
  return word.slice(0, word.length - organ.indefinite.length) + organ.plural;
}
