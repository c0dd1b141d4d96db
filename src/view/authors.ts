import { joinSwedish } from "./lists.js";

/** One writer of a remitted document: a name, a party, or both. */
export interface Author {
  readonly namn?: string;
  readonly parti?: string;
}

/** One author as the documents write them: "Andréa Hedin (M)", "Monica Rapp", "Moderaterna". */
export function formatAuthor(a: Author): string {
  const namn = a.namn?.trim();
  const parti = a.parti?.trim();
  if (namn && parti) return `${namn} (${parti})`;
  return namn || parti || "";
}

/** The writers: "Andréa Hedin (M)", "A (S), B (V) och C (L)". */
export function formatAuthors(authors: readonly Author[]): string {
  return joinSwedish(authors.map(formatAuthor));
}

/** True when every author is a party without a person's name: "Motionen kommer från Moderaterna." */
export function onlyParties(authors: readonly Author[]): boolean {
  return authors.length > 0 && authors.every((a) => !a.namn?.trim() && Boolean(a.parti?.trim()));
}
