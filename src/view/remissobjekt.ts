import { kindOf, type KindNouns } from "../model/kinds.js";
import { lowercaseTitleStart } from "./words.js";

/** What the view needs of the remitted document. */
export interface ObjektInput {
  readonly typ: string;
  readonly titel: string;
  readonly benamning?: KindNouns;
}

/** The document's nouns, mid-sentence: from the kind, or the case's own (`annat`). */
export function objektNouns(o: ObjektInput): KindNouns {
  const nouns = kindOf(o.typ).nouns ?? o.benamning;
  if (!nouns) throw new RangeError(`a document of kind ${o.typ} needs its own nouns (benamning)`);
  return nouns;
}

/** "en motion", "ett medborgarförslag": the indefinite noun with its article. Only kinds with a gender have one. */
export function indefiniteWithArticle(typ: string): string | undefined {
  const kind = kindOf(typ);
  return kind.nouns && kind.gender ? `${kind.gender} ${kind.nouns.obestamd}` : undefined;
}

/** True when a title ends in ? or ! (a question or an exclamation keeps its own mark). */
export function endsInQuestionOrExclamation(title: string): boolean {
  return /[!?][”"’»]*$/u.test(title.trim());
}

/** "Motion: Hur …?" → "Hur …?": a leading kind word with a colon says nothing the noun does not. */
export function withoutKindPrefix(title: string): string {
  return title.trim().replace(/^(motion|skrivelse|medborgarförslag)\s*:\s*/iu, "");
}

/**
 * The remitted document as it stands mid-sentence (OBJ). A motion, skrivelse
 * or medborgarförslag whose title starts with its kind's word and a space,
 * and does not end in ? or !, reads as the indefinite noun and the rest of
 * the title: "en motion angående stärkta insatser …". Every other document
 * reads as its definite noun and its title in Swedish quotation marks:
 * "betänkandet ”Låt fler forma framtiden! (SOU 2016:5)”".
 *
 * `formatVersion` 1 (a file with `motion:`) keeps version 1's reading of a
 * motion or skrivelse title without the kind word, "en motion om fler
 * fritidsgårdar", so that committed drafts do not change.
 */
export function objektMidSentence(o: ObjektInput, formatVersion: 1 | 2 = 2): string {
  const title = o.titel.trim();
  const kind = kindOf(o.typ);
  const article = indefiniteWithArticle(o.typ);
  if (kind.titleWord && article && !endsInQuestionOrExclamation(title)) {
    const word = new RegExp(`^${kind.titleWord}(?=\\s)`, "iu").exec(title)?.[0];
    if (word !== undefined) return `${article}${title.slice(word.length)}`;
    if (formatVersion === 1 && (o.typ === "motion" || o.typ === "skrivelse")) return legacyMidSentence(o.typ, title);
  }
  return `${objektNouns(o).bestamd} ${quoted(withoutKindPrefix(title))}`;
}

/** A title in Swedish quotation marks. */
export function quoted(title: string): string {
  return `”${title.replace(INNER_QUOTE, "’$1’")}”`;
}

/** A quotation inside a title, in any of the marks writers use ("…", ”…”, “…”, „…“, «…»): inside ”…” it becomes ’…’. */
const INNER_QUOTE = /["”“„«]([^"”“„«»\n]*)["”“»]/gu;

/** Version 1's reading of a motion or skrivelse title (the title's own type word wins; "om" added unless a preposition starts it). */
function legacyMidSentence(typ: "motion" | "skrivelse", title: string): string {
  const typeWord = /^(motion|skrivelse)(?=\s|$)/iu.exec(title)?.[0];
  if (typeWord !== undefined) return `en ${typeWord.toLocaleLowerCase("sv")}${title.slice(typeWord.length)}`;
  if (/^(om|angående|gällande|avseende|rörande)(?=\s)/iu.test(title)) return `en ${typ} ${lowercaseTitleStart(title)}`;
  return `en ${typ} om ${lowercaseTitleStart(title)}`;
}

/**
 * The participle that agrees with the document's noun: en-words "skriven",
 * ett-words "skrivet". For `annat`, the definite noun tells: a plural
 * ("riktlinjerna") is "skrivna", an ett-word, whose definite form ends in t
 * ("underlaget", "schemat"), "skrivet".
 */
export function skriven(o: ObjektInput): string {
  const gender = kindOf(o.typ).gender;
  if (gender) return gender === "ett" ? "skrivet" : "skriven";
  const definite = objektNouns(o).bestamd.toLocaleLowerCase("sv");
  if (/na$/u.test(definite)) return "skrivna";
  return /t$/u.test(definite) ? "skrivet" : "skriven";
}

/** Who proposes the att-satser ("skribenten", "förslagsställarna"); undefined when the document itself proposes. */
export function roleNoun(typ: string, authors: number): string | undefined {
  const role = kindOf(typ).role;
  if (!role) return undefined;
  return authors === 1 ? role.singular : role.plural;
}

/** Whom the proposers address when the case does not say. */
export function defaultTill(typ: string): string | undefined {
  return kindOf(typ).defaultTill;
}

/**
 * A sentence that ends in a title's own mark gets no second one: "…
 * förskolan!." → "… förskolan!", "… vårdval?”." → "… vårdval?”".
 */
export function withoutSecondMark(sentence: string): string {
  return /[.!?][”"’»)\]]*\.$/u.test(sentence) ? sentence.slice(0, -1) : sentence;
}
