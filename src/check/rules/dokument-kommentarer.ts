import { firstWords } from "../text.js";
import { quote, type Rule } from "../rule.js";
import { RULE_SPECS } from "../../model/rules.js";

/** How many words of the comment and of the text it is anchored to the message quotes. */
const QUOTE_WORDS = 8;

/**
 * Comments in a Word document (ECMA-376 §17.13.4). They travel with the
 * file that is filed or published, with the reviewer's name: a document
 * with comments is not ready. One finding per comment, at the text it is
 * anchored to; `remiss import` reports each against the case's field, and a
 * new `remiss draft` writes the document without them.
 */
export const dokumentKommentarer: Rule = {
  ...RULE_SPECS["dokument/kommentarer"],
  check(document, report) {
    const comments = document.review?.comments ?? [];
    comments.forEach((comment, index) => {
      const number = comments.length === 1 ? "En kommentar" : `Kommentar ${index + 1} av ${comments.length}`;
      const author = comment.author?.trim() ? `, av ${comment.author.trim()},` : "";
      const anchor = comment.anchor.trim() === "" ? "" : ` till ${quote(firstWords(comment.anchor, QUOTE_WORDS))}`;
      const text = comment.text.replace(/\s+/gu, " ").trim();
      report(
        comment.position,
        `${number}${author}${anchor}: ${text === "" ? "(tom)" : quote(firstWords(text, QUOTE_WORDS))}. Kommentarer följer med filen när den diarieförs eller publiceras. Kör remiss import med dokumentet, så visas varje kommentar vid ärendets fält, och skriv sedan utkastet på nytt med remiss draft; eller ta bort kommentarerna i Word (Granska › Ta bort).`,
      );
    });
  },
};
