import { joinSwedish } from "./lists.js";

/** One writer of a motion: name and, optionally, party abbreviation. */
export interface Author {
  readonly namn: string;
  readonly parti?: string;
}

/** The writers of a motion: "Andréa Hedin (M)", "A (S), B (V) och C (L)". */
export function formatAuthors(authors: readonly Author[]): string {
  return joinSwedish(
    authors.map((a) => {
      const parti = a.parti?.trim();
      return parti ? `${a.namn.trim()} (${parti})` : a.namn.trim();
    }),
  );
}

/** "Skribenten" for one writer, "Skribenterna" for more (capitalised). */
export function writerNoun(count: number): string {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`writer count must be a positive integer, got ${count}`);
  }
  return count === 1 ? "Skribenten" : "Skribenterna";
}
