import type { Rule } from "../rule.js";

/** The report is dated after the last day to answer the remiss. */
export const datumSen: Rule = {
  id: "datum/sen",
  severity: "warning",
  description: "Utlåtandets datum är efter sista svarsdag (remiss.svar_senast).",
  check(document, report) {
    const { datum, svarSenast } = document.dates;
    if (!datum || !svarSenast || datum.value <= svarSenast.value) return;
    report(
      datum,
      `Utlåtandets datum ${datum.value} är efter sista svarsdag ${svarSenast.value} (remiss.svar_senast). Kontrollera datumet, eller be om anstånd hos den som skickat remissen.`,
    );
  },
};
