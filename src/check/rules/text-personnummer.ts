import { findPersonnummer } from "../personnummer.js";
import type { Rule } from "../rule.js";
import { RULE_SPECS } from "../../model/rules.js";

/**
 * A personnummer or samordningsnummer anywhere in the document: the body,
 * the page-1 block, the signatures, in a case every field, in a Word
 * document its headers, footers, notes, text boxes, properties and hidden
 * text, in a draft its front matter and comments. A tjänsteutlåtande is an
 * allmän handling that is published; the number does not belong there. The
 * message does not repeat the number, so that it does not end up in a log.
 */
export const textPersonnummer: Rule = {
  ...RULE_SPECS["text/personnummer"],
  check(document, report) {
    const all = [...document.blocks, ...(document.outside ?? []), ...(document.hidden ?? []), ...(document.unseen ?? [])];
    for (const block of all) {
      for (const match of findPersonnummer(block.text)) {
        const what = match.samordningsnummer ? "ett samordningsnummer" : "ett personnummer";
        report(
          block.at(match.index),
          `Här står ${what}. Utlåtandet blir en allmän handling och publiceras: ta bort numret, eller skriv det som ”ÅÅMMDD-XXXX” i en version som inte publiceras, om det måste framgå vem det gäller.`,
        );
      }
    }
  },
};
