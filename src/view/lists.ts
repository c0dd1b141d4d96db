import { organMidSentence, pluralOrganWord } from "./organs.js";

/** Joins items Swedish style, without a serial comma: ["A", "B", "C"] → "A, B och C". */
export function joinSwedish(items: readonly string[], conjunction = "och"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1) ?? ""}`;
}

/** A name split into the words before its organ word and the organ word, if it has both. */
function organTail(name: string): { prefix: string; word: string } | undefined {
  const words = name.trim().split(/\s+/u);
  const word = words.at(-1) ?? "";
  if (words.length < 2 || pluralOrganWord(word) === undefined) return undefined;
  return { prefix: words.slice(0, -1).join(" "), word };
}

/** The list of other remissinstanser, bodies of the same kind merged: "socialnämnden samt Farsta och Hässelby-Vällingby stadsdelsnämnder". */
export function formatRemissinstanser(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) {
    const tail = organTail(name);
    if (tail) counts.set(tail.word.toLocaleLowerCase("sv"), (counts.get(tail.word.toLocaleLowerCase("sv")) ?? 0) + 1);
  }
  const others: string[] = [];
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const tail = organTail(name);
    const key = tail?.word.toLocaleLowerCase("sv");
    if (tail && key !== undefined && (counts.get(key) ?? 0) >= 2) {
      const members = groups.get(key) ?? [];
      members.push(tail.prefix);
      groups.set(key, members);
    } else {
      others.push(organMidSentence(name));
    }
  }
  const parts = others.length > 0 ? [joinSwedish(others)] : [];
  for (const [word, prefixes] of groups) {
    parts.push(`${joinSwedish(prefixes)} ${pluralOrganWord(word) ?? word}`);
  }
  return parts.join(" samt ");
}
