import myndigheter from "./myndigheter.json" with { type: "json" };
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
 * Names of Swedish authorities (SCB's register of authorities; the source and
 * its date are in myndigheter.json): proper names, written with a capital in
 * the middle of a sentence too, whatever organ word they end in.
 */
export const AUTHORITY_NAMES: readonly string[] = myndigheter.namn;

/**
 * Proper names the register does not hold that end in an organ word: short
 * and former names, and bodies with public tasks that are no authority.
 */
export const PROPER_ORGAN_NAMES: readonly string[] = [
  "Folkbildningsrådet",
  "Kulturrådet",
  "Språkrådet",
  "Rikspolisstyrelsen",
  "Nämnden för prövning av oredlighet i forskning",
];

const lower = (s: string): string => s.toLocaleLowerCase("sv");
const PROPER = new Set([...AUTHORITY_NAMES, ...PROPER_ORGAN_NAMES].map((n) => lower(n.replace(/\s+/gu, " "))));
const CONJUNCTIONS = new Set(["och", "samt", "eller"]);
/** Words that after an organ word start its complement: "Nämnden för funktionsstöd". */
const PREPOSITIONS = new Set(["för", "i", "vid", "mot", "över", "om", "med", "av", "på", "inom"]);

/**
 * Kinds of names that are proper names by their form: "Arboga kommun",
 * "Göteborgs Stad", "Stockholms läns landsting", "Region Uppsala",
 * "Länsstyrelsen i Stockholms län".
 */
const PROPER_NAME_FORMS: readonly RegExp[] = [
  /^(?:\p{Lu}[\p{L}.-]*\s+)+(?:läns\s+)?(?:kommun|stad|Stad|landsting)$/u,
  /^Region\s+\p{Lu}/u,
  /^Länsstyrelsen\s+i\s+\p{Lu}/u,
];

/** True for the name of an authority or organisation, which keeps its capitals in the middle of a sentence. */
export function isProperName(name: string): boolean {
  const trimmed = name.trim().replace(/\s+/gu, " ");
  return PROPER.has(lower(trimmed)) || PROPER_NAME_FORMS.some((form) => form.test(trimmed));
}

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

/** True for a generic organ word, also in the genitive: "Stadsdelsnämnden", "nämnd", "Kommunstyrelsens". */
function isOrganWord(word: string): boolean {
  const w = lower(word);
  return [w, w.replace(/s$/u, "")].some((form) => ORGAN_WORDS.some((o) => form.endsWith(o.definite) || form.endsWith(o.indefinite)));
}

/** True for an adjective in its weak form, as before a definite organ word: "Tekniska", "allmänpolitiska", "Sociala". */
function isWeakAdjective(word: string): boolean {
  return /^\p{L}+(?:a|e)$/u.test(word) && !isAbbreviation(word);
}

/**
 * True when a name is a common noun phrase, written in lower case in the
 * middle of a sentence: it starts with an organ word ("Stadsdelsnämnden
 * Västra Hisingen", "Nämnden för funktionsstöd", "Kommunstyrelsens
 * arbetsutskott"), is one compound ending in one ("Kultur- och
 * fritidsnämnden"), or is adjectives before a definite one ("Tekniska
 * nämnden", "Allmänpolitiska utskottet").
 */
function isCommonNoun(words: readonly string[]): boolean {
  const first = words[0] ?? "";
  const last = words.at(-1) ?? "";
  if (isOrganWord(first)) return true;
  if (!definiteMatch(last) && !indefiniteMatch(last)) return false;
  if (isOneCompound(words)) return true;
  return Boolean(definiteMatch(last)) && words.slice(0, -1).every((w, i) => isWeakAdjective(w) && (i === 0 || w === lower(w)));
}

/**
 * An organ name as it stands mid-sentence: a common noun with its first
 * letter lower-cased ("Socialnämnden" → "socialnämnden", "Tekniska nämnden"
 * → "tekniska nämnden", "Stadsdelsnämnden Västra Hisingen" → "stadsdelsnämnden
 * Västra Hisingen"); a proper name kept ("Skogsstyrelsen", "Region Uppsala",
 * "Farsta stadsdelsnämnd").
 */
export function organMidSentence(name: string): string {
  const trimmed = name.trim();
  if (isProperName(trimmed) || isAbbreviation(trimmed)) return trimmed;
  const words = trimmed.split(/\s+/u);
  const first = words[0] ?? "";
  if (isAbbreviation(first)) return trimmed;
  return isCommonNoun(words) ? lowercaseFirst(trimmed) : trimmed;
}

/** An organ name at the start of a sentence: the mid-sentence form with a capital. */
export function organAtSentenceStart(name: string): string {
  return capitalizeFirst(organMidSentence(name));
}

/** One word of a name lower-cased for the middle of a sentence, an abbreviation before a hyphen kept: "Kommunstyrelsen" → "kommunstyrelsen", "IT-nämnden" → "IT-nämnden". */
function lowerWord(word: string): string {
  return isAbbreviation(word) ? word : lower(word);
}

/**
 * The definite form of a body from its name, as "{{namnd}}" stands in a
 * sentence. The organ word that ends the name, made definite, with the weak
 * adjectives before it: "Farsta stadsdelsnämnd" → "stadsdelsnämnden",
 * "Kommunstyrelsens allmänpolitiska utskott" → "allmänpolitiska utskottet". A
 * name already definite with no genitive before its last word is kept whole,
 * first letter lower-cased: "Tekniska nämnden" → "tekniska nämnden",
 * "Kultur- och fritidsnämnden" → "kultur- och fritidsnämnden". A name that
 * starts with its organ word and goes on is that word: "Nämnden för
 * funktionsstöd" → "nämnden", "Stadsdelsnämnden Västra Hisingen" →
 * "stadsdelsnämnden". A proper name, or a name with no organ word, is kept
 * as written: "Skogsstyrelsen", "Region Uppsala", "Arboga kommun".
 */
export function definiteForm(name: string): string {
  const trimmed = name.trim();
  if (isProperName(trimmed)) return trimmed;
  const words = trimmed.split(/\s+/u);
  const [first = "", second = ""] = words;
  if (second !== "" && (definiteMatch(first) || indefiniteMatch(first)) && (PREPOSITIONS.has(second) || /^\p{Lu}/u.test(second))) {
    return definiteForm(first);
  }
  const lastWord = words.at(-1) ?? "";
  if (!definiteMatch(lastWord) && !indefiniteMatch(lastWord)) {
    const at = words.findIndex((w, i) => i < words.length - 1 && (definiteMatch(w) || indefiniteMatch(w)));
    return at === -1 ? trimmed : definiteForm(words.slice(0, at + 1).join(" "));
  }
  const last = lowerWord(lastWord);
  const head = words.slice(0, -1);
  if (definiteMatch(last)) {
    const genitive = head.some((w) => /s$/u.test(w));
    return head.length > 0 && !genitive ? lowercaseFirst(trimmed) : last;
  }
  const organ = indefiniteMatch(last)!;
  let adjectives = head.length;
  while (adjectives > 0 && isWeakAdjective(head[adjectives - 1]!) && head[adjectives - 1] === lower(head[adjectives - 1]!)) adjectives--;
  const definite = last.slice(0, last.length - organ.indefinite.length) + organ.definite;
  return [...head.slice(adjectives), definite].join(" ");
}

/** The indefinite plural of an organ word ("stadsdelsnämnd" → "stadsdelsnämnder"); undefined for any other word. */
export function pluralOrganWord(word: string): string | undefined {
  const organ = indefiniteMatch(word);
  if (!organ) return undefined;
  return word.slice(0, word.length - organ.indefinite.length) + organ.plural;
}
