import type { Rule } from "../rule.js";
import { RULE_SPECS } from "../../model/rules.js";

/** An organ treated the case (beredning.behandlats) after the report's date: one of the dates is wrong. */
export const datumBeredning: Rule = {
  ...RULE_SPECS["datum/beredning"],
  check(document, report) {
    const { datum, behandlats } = document.dates;
    if (!datum) return;
    for (const item of behandlats) {
      if (item.value <= datum.value) continue;
      const by = item.organ ? ` i ${item.organ}` : "";
      report(
        item,
        `Ärendet behandlades${by} ${item.value}, efter utlåtandets datum ${datum.value}. Rätta datumet i beredning.behandlats eller utlåtandets datum.`,
      );
    }
  },
};
