import { firstWords } from "../text.js";
import { quote, type Rule } from "../rule.js";
import { RULE_SPECS } from "../../model/rules.js";

/** How many words of the hidden text the message quotes. */
const QUOTE_WORDS = 8;

/**
 * Hidden text in a Word document (the character format Dold, `w:vanish`,
 * set on the text or through its character or paragraph style): Word and
 * LibreOffice do not show it, nor does the PDF, but it is in the file that
 * is sent and anyone can show it. The readers leave it out of the blocks,
 * so a section with only hidden text is empty; this rule says where it is.
 */
export const textDoldText: Rule = {
  ...RULE_SPECS["text/dold-text"],
  check(document, report) {
    for (const block of document.hidden ?? []) {
      const text = block.text.replace(/\s+/gu, " ").trim();
      report(
        block.at(0),
        text === ""
          ? "Här finns dold text (teckenformatet Dold). Ta bort den, eller visa den genom att ta bort formatet Dold."
          : `Texten ${quote(firstWords(text, QUOTE_WORDS))} är dold (teckenformatet Dold) och syns inte i dokumentet, men finns kvar i filen. Ta bort den, eller visa den genom att ta bort formatet Dold.`,
      );
    }
  },
};
