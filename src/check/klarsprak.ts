import LIST from "./data/klarsprak.json" with { type: "json" };

/** One word or phrase of the klarspråk list: what to write instead, and the forms that are matched. */
export interface KlarsprakEntry {
  /** The word as the message names it, in its base form (`erhålla`). */
  readonly ord: string;
  /** What to write instead (`få`); several choices separated by commas (`om, när det gäller`). */
  readonly forslag: string;
  /** Every form that is matched, the base form among them (`erhåller`, `erhöll`, …); a phrase's words stand with single spaces. */
  readonly former: readonly string[];
  /** Words that, right before it, make it another word (`i detta avseende` is a noun, not the preposition). */
  readonly utom_efter?: readonly string[];
  /** Where the advice comes from: a key of the list's `kallor`, or absent for a förvaltning's own word. */
  readonly kalla?: string;
}

/** The built-in list (src/check/data/klarsprak.json), each entry with its source. */
export const KLARSPRAK: readonly KlarsprakEntry[] = LIST.ord;
/** The sources the built-in list cites, by key. */
export const KLARSPRAK_SOURCES: Readonly<Record<string, { readonly namn: string; readonly url: string }>> = LIST.kallor;

/** A förvaltning's changes to the list (`check.klarsprak` in remiss.config.yaml). */
export interface KlarsprakChanges {
  readonly lagg_till?: readonly { ord: string; forslag: string; former?: readonly string[] | undefined }[] | undefined;
  readonly ta_bort?: readonly string[] | undefined;
}

/**
 * The list with a förvaltning's changes: words taken away (by their base
 * form, any case) and words added (a word the list has already is replaced).
 * An added word without forms is matched as written.
 */
export function withChanges(list: readonly KlarsprakEntry[], changes: KlarsprakChanges): KlarsprakEntry[] {
  const key = (word: string) => word.trim().replace(/\s+/gu, " ").toLocaleLowerCase("sv");
  const added = (changes.lagg_till ?? []).map((entry) => ({
    ord: entry.ord.trim(),
    forslag: entry.forslag.trim(),
    former: entry.former && entry.former.length > 0 ? entry.former : [entry.ord],
  }));
  const gone = new Set([...(changes.ta_bort ?? []), ...added.map((entry) => entry.ord)].map(key));
  return [...list.filter((entry) => !gone.has(key(entry.ord))), ...added];
}

export interface KlarsprakMatch {
  readonly index: number;
  /** The text as written (`erhöll`). */
  readonly text: string;
  readonly entry: KlarsprakEntry;
}

const patterns = new WeakMap<readonly KlarsprakEntry[], { entry: KlarsprakEntry; pattern: RegExp }[]>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

function compiled(list: readonly KlarsprakEntry[]): { entry: KlarsprakEntry; pattern: RegExp }[] {
  let result = patterns.get(list);
  if (!result) {
    result = list.map((entry) => {
      // Longest forms first, so that `erhållits` is not read as `erhållit`; a phrase's spaces match any white space.
      const forms = [...entry.former].sort((a, b) => b.length - a.length).map((form) => escape(form.trim()).replace(/\s+/gu, "\\s+"));
      return { entry, pattern: new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${forms.join("|")})(?![\\p{L}\\p{N}_-])`, "giu") };
    });
    patterns.set(list, result);
  }
  return result;
}

/** Quotation marks that open and close a quotation, whose words are someone else's. */
const QUOTED = /”[^”]*”|“[^”“]*”|"[^"]*"|«[^»]*»/gu;

/**
 * The listed words in a text, in order; not inside quotation marks (a
 * quotation is someone else's wording), nor after a word of `utom_efter`.
 */
export function findKlarsprak(text: string, list: readonly KlarsprakEntry[] = KLARSPRAK): KlarsprakMatch[] {
  const quoted = [...text.matchAll(QUOTED)].map((m) => [m.index, m.index + m[0].length] as const);
  const found: KlarsprakMatch[] = [];
  for (const { entry, pattern } of compiled(list)) {
    for (const match of text.matchAll(pattern)) {
      if (quoted.some(([from, to]) => match.index >= from && match.index < to)) continue;
      if (entry.utom_efter) {
        const before = /([\p{L}]+)[^\p{L}\p{N}]*$/u.exec(text.slice(Math.max(0, match.index - 30), match.index))?.[1];
        if (before && entry.utom_efter.includes(before.toLocaleLowerCase("sv"))) continue;
      }
      found.push({ index: match.index, text: match[0], entry });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
