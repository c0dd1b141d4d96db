import Handlebars from "handlebars";
import { PHRASES as PRECOMPILED } from "remiss:precompiled";
import { kindOf } from "../model/kinds.js";
import { PHRASES, phraseFor, type PhraseName, type PhraseValue, type SlotName } from "../model/phrases.js";
import { withoutSecondMark } from "./remissobjekt.js";
import { capitalizeFirst } from "./words.js";

/** The slots one sentence is written from; a missing slot is empty (and false for `{{#if}}`). */
export type Slots = Partial<Record<SlotName, string>>;

/** Writes the named stock sentence from its slots; "" when the house style has left the sentence out. */
export type Phraser = (name: PhraseName, slots: Slots) => string;

const hbs = Handlebars.create();
/** Compiled phrases by their text: the default ones precompiled at build time (in the bundle), others compiled when first used. */
const compiled = new Map<string, HandlebarsTemplateDelegate>(Object.entries(PRECOMPILED ?? {}).map(([text, spec]) => [text, hbs.template(spec)]));

/**
 * The phrases of a house style as a function. A phrase's text was checked
 * when the config was loaded (only known slots, `#if`/`#unless`), so
 * compiling cannot fail on a förvaltning's text; slot values are data, so
 * `{{…}}` in a case's own text stays literal. The sentence gets a capital
 * first letter and never a second mark after a title's own ? or !.
 */
export function createPhraser(fraser: Readonly<Record<PhraseName, PhraseValue>>, typ = "motion"): Phraser {
  const kind = kindOf(typ);
  return (name, slots) => {
    const source = phraseFor(fraser[name], kind.typ, kind.alias);
    if (source.trim() === "") return "";
    let template = compiled.get(source);
    if (!template) {
      template = hbs.compile(source, { noEscape: true, strict: false, knownHelpersOnly: true, knownHelpers: { if: true, unless: true } });
      compiled.set(source, template);
    }
    const sentence = template(slots).replace(/[ \t\r\n]+/gu, " ").trim();
    if (sentence === "") return "";
    // A heading is no sentence: it keeps its first letter and its marks as written.
    return "mening" in PHRASES[name] ? sentence : withoutSecondMark(capitalizeFirst(sentence));
  };
}
