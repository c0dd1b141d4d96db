import { lowercaseTitleStart } from "./words.js";

/** What the remitted document is. */
export type MotionTyp = "motion" | "skrivelse";

/** The nouns for a motion or skrivelse: indefinite mid-sentence, definite at sentence start. */
export function motionNouns(typ: MotionTyp): { indefinite: string; definite: string } {
  return typ === "motion"
    ? { indefinite: "en motion", definite: "Motionen" }
    : { indefinite: "en skrivelse", definite: "Skrivelsen" };
}

/** The phrase after "fått …": "en motion om fler fritidsgårdar i Farsta", or "en " + the title (type word lower-cased) when it starts with "Motion"/"Skrivelse". */
export function motionMidSentence(typ: MotionTyp, titel: string): string {
  const title = titel.trim();
  // The title's own type word wins: "Skrivelse om X" is "en skrivelse om X" whatever typ says.
  const typeWord = /^(motion|skrivelse)(?=\s|$)/iu.exec(title)?.[0];
  if (typeWord !== undefined) return `en ${typeWord.toLocaleLowerCase("sv")}${title.slice(typeWord.length)}`;
  // A title that already starts with a preposition ("Om …", "Angående …") takes no extra "om".
  if (/^(om|angående|gällande|avseende|rörande)(?=\s)/iu.test(title)) {
    return `${motionNouns(typ).indefinite} ${lowercaseTitleStart(title)}`;
  }
  return `${motionNouns(typ).indefinite} om ${lowercaseTitleStart(title)}`;
}
