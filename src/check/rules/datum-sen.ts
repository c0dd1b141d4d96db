import type { Rule } from "../rule.js";
import { RULE_SPECS } from "../../model/rules.js";

/** The report is dated after the last day to answer the remiss. */
export const datumSen: Rule = {
  ...RULE_SPECS["datum/sen"],
  check(document, report) {
    const { datum, svarSenast } = document.dates;
    if (!datum || !svarSenast || datum.value <= svarSenast.value) return;
    report(
      datum,
      `Utlåtandets datum ${datum.value} är efter sista svarsdag ${svarSenast.value} (remiss.svar_senast). Kontrollera datumet, eller be om anstånd hos den som skickat remissen.`,
    );
  },
};
