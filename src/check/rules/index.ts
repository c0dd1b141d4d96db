import { RULE_IDS } from "../../model/rules.js";
import type { Rule } from "../rule.js";
import { datumBeredning } from "./datum-beredning.js";
import { datumSen } from "./datum-sen.js";
import { dokumentKommentarer } from "./dokument-kommentarer.js";
import { dokumentSparadeAndringar } from "./dokument-sparade-andringar.js";
import { sektionDubblett } from "./sektion-dubblett.js";
import { sektionOrdning } from "./sektion-ordning.js";
import { sektionSaknas } from "./sektion-saknas.js";
import { sektionTom } from "./sektion-tom.js";
import { strukturRubrikniva } from "./struktur-rubrikniva.js";
import { textDatum } from "./text-datum.js";
import { textDoldText } from "./text-dold-text.js";
import { textKlarsprak } from "./text-klarsprak.js";
import { textLangMening } from "./text-lang-mening.js";
import { textLix } from "./text-lix.js";
import { textPersonnummer } from "./text-personnummer.js";
import { textPlatshallare } from "./text-platshallare.js";

/**
 * Every rule `check` runs, in the order of `docs/check.md`. A new rule is one
 * file here, one line in this list and its spec in src/model/rules.ts, fixtures under `fixtures/check/<id>/`
 * and a paragraph in the docs. (`schema/…`, `yaml/…` and `fil/…` findings
 * come from the readers, not from rules.)
 */
const IMPLEMENTATIONS: readonly Rule[] = [
  sektionSaknas,
  sektionOrdning,
  sektionTom,
  sektionDubblett,
  strukturRubrikniva,
  textPlatshallare,
  textDoldText,
  textPersonnummer,
  textLix,
  textLangMening,
  textKlarsprak,
  textDatum,
  datumSen,
  datumBeredning,
  dokumentSparadeAndringar,
  dokumentKommentarer,
];

/**
 * The implementations registered for the rules the model knows
 * (src/model/rules.ts), in its order: a rule without an implementation, or
 * one the model does not list, stops the program at start-up, not in use.
 */
export const RULES: readonly Rule[] = RULE_IDS.map((id) => {
  const rule = IMPLEMENTATIONS.find((r) => r.id === id);
  if (!rule) throw new Error(`check rule ${id} has no implementation`);
  return rule;
});
if (IMPLEMENTATIONS.length !== RULES.length) throw new Error("a check rule is not listed in src/model/rules.ts");
