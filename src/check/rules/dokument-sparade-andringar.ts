import type { ReviewChange } from "../document.js";
import { firstWords } from "../text.js";
import { quote, type Rule } from "../rule.js";
import { RULE_SPECS } from "../../model/rules.js";

/** How many words of a changed text the message quotes. */
const QUOTE_WORDS = 8;

/**
 * Tracked changes in a Word document that no one has accepted or rejected
 * (ECMA-376 §17.13.5: w:ins, w:del, w:moveFrom and w:moveTo, a paragraph
 * mark's revision, w:rPrChange and w:pPrChange). Word keeps the deleted
 * text and the reviewer's name in the file, and anyone can show them: a
 * document with them is not ready to be filed or published. One finding per
 * paragraph that holds changes, at the first of them; `remiss import`
 * brings them into the case.
 */
export const dokumentSparadeAndringar: Rule = {
  ...RULE_SPECS["dokument/sparade-andringar"],
  check(document, report) {
    const changes = document.review?.changes ?? [];
    const byPlace = new Map<string, ReviewChange[]>();
    for (const change of changes) {
      const key = `${change.position.part ?? ""}\u0000${change.position.line}`;
      byPlace.set(key, [...(byPlace.get(key) ?? []), change]);
    }
    for (const group of byPlace.values()) {
      const what = describe(group);
      const count = group.length === changes.length ? (group.length === 1 ? "en spårad ändring" : `${group.length} spårade ändringar`) : `${group.length} av dokumentets ${changes.length} spårade ändringar`;
      const them = group.length === 1 && changes.length === 1 ? "ändringen" : "ändringarna";
      const deleted = group.some((c) => c.kind === "borttagning" || c.kind === "borttaget stycke") ? " Den borttagna texten finns kvar i filen, och den som får filen kan visa den." : "";
      report(
        group[0]!.position,
        `Här finns ${count} som ingen har godkänt eller avvisat: ${what}.${deleted} Kör remiss import med dokumentet och --godkann eller --avvisa, så kommer ${them} in i ärendet; eller godkänn eller avvisa ${them === "ändringen" ? "den" : "dem"} i Word (Granska).`,
      );
    }
  },
};

/** "Eva Granskare har lagt till ”…” och tagit bort ”…”", one clause per author in the order they come. */
function describe(changes: readonly ReviewChange[]): string {
  const clauses: { author: string; actions: string[] }[] = [];
  for (const change of changes) {
    const author = change.author?.trim() || "någon";
    const last = clauses.at(-1);
    const action = actionOf(change);
    if (last && last.author === author) {
      if (!last.actions.includes(action)) last.actions.push(action);
    } else clauses.push({ author, actions: [action] });
  }
  const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase("sv") + text.slice(1);
  return clauses.map(({ author, actions }, index) => `${index === 0 ? capitalized(author) : author} har ${list(actions)}`).join("; ");
}

function actionOf(change: ReviewChange): string {
  const text = change.text.replace(/\s+/gu, " ").trim();
  switch (change.kind) {
    case "insättning":
      return text === "" ? "lagt till blanksteg" : `lagt till ${quote(firstWords(text, QUOTE_WORDS))}`;
    case "borttagning":
      return text === "" ? "tagit bort blanksteg" : `tagit bort ${quote(firstWords(text, QUOTE_WORDS))}`;
    case "nytt stycke":
      return "delat stycket i två";
    case "borttaget stycke":
      return "slagit ihop stycket med nästa";
    case "formatering":
      return "ändrat formateringen";
  }
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} och ${items.at(-1)!}`;
}
