/** The first code point of a string ("" for the empty string). */
function firstCodePoint(s: string): string {
  const cp = s.codePointAt(0);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

/** Upper-cases only the first character: "ärendet" → "Ärendet". */
export function capitalizeFirst(s: string): string {
  const first = firstCodePoint(s);
  return first.toLocaleUpperCase("sv") + s.slice(first.length);
}

/** Lower-cases only the first character: "Ärendet" → "ärendet". */
export function lowercaseFirst(s: string): string {
  const first = firstCodePoint(s);
  return first.toLocaleLowerCase("sv") + s.slice(first.length);
}

/** True for an abbreviation: before any hyphen or colon only capitals (and digits), at least 2 letters ("EU", "EU-stöd", "SL:s"). */
export function isAbbreviation(word: string): boolean {
  const head = (word.split(/[-:]/u)[0] ?? "").replace(/[.,;!?)\]”"’]+$/u, "");
  const letters = head.match(/\p{L}/gu) ?? [];
  return letters.length >= 2 && /^[\p{Lu}\p{Nd}]+$/u.test(head);
}

/** Lower-cases the first letter of a title unless its first word is an abbreviation ("Motion om X" → "motion om X"). */
export function lowercaseTitleStart(title: string): string {
  const firstWord = title.split(/\s/u)[0] ?? "";
  return isAbbreviation(firstWord) ? title : lowercaseFirst(title);
}
