import type { Diagnostic } from "../diagnostics.js";
import { extractRemissbrev } from "./remissbrev.js";
import { extractRemissobjekt } from "./remissobjekt.js";
import type { Intake } from "./starter.js";

/** A body's name compared as a name: case and the definite ending aside. */
function sameBody(a: string, b: string): boolean {
  const norm = (name: string) => name.toLowerCase().replace(/\s+/gu, " ").replace(/(nämnd|styrelse|förvaltning)(en)\b/gu, "$1").trim();
  return norm(a) === norm(b);
}

/** Whether a document reads as a remittent's letter: a Dnr with a last day for the answer or a list of remissinstanser, and no att-satser. */
function looksLikeLetter(intake: Intake["objekt"]): boolean {
  if (!intake) return false;
  const asLetter = extractRemissbrev(intake.source);
  return intake.found.yrkanden === undefined && asLetter.dnr !== undefined && (asLetter.svarSenast !== undefined || asLetter.avenTill !== undefined);
}

/** Whether a letter reads as a remitted document: it has att-satser or names itself a motion or medborgarförslag, and gives no Dnr, last day or remissinstanser. */
function looksLikeObjekt(intake: Intake["brev"]): boolean {
  if (!intake) return false;
  const asObjekt = extractRemissobjekt(intake.source);
  return intake.found.dnr === undefined && intake.found.svarSenast === undefined && intake.found.avenTill === undefined && (asObjekt.yrkanden !== undefined || asObjekt.typ !== undefined);
}

/**
 * What looks odd in what init read, as warnings (the starter is written
 * all the same): the remittent is the writer's own nämnd, the two
 * documents look swapped, a letter names no remittent.
 */
export function intakeWarnings(intake: Intake, ownNamnd: string | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (file: string, rule: string, message: string) => out.push({ file, line: 0, column: 0, severity: "warning", rule, message });
  const { objekt, brev } = intake;
  const letterAsObjekt = looksLikeLetter(objekt);
  const objektAsLetter = looksLikeObjekt(brev);
  if (objekt && brev && letterAsObjekt && objektAsLetter) {
    warn(objekt.source.file, "init/forvaxlade", `dokumenten ser ut att ha bytt plats: ${objekt.source.file} liknar ett remissbrev och ${brev.source.file} ett remitterat dokument. Ange motionen eller förslaget med --fran och remittentens brev med --remissbrev.`);
  } else if (letterAsObjekt) {
    warn(objekt!.source.file, "init/forvaxlade", "dokumentet liknar ett remissbrev (diarienummer, svarsdag eller remissinstanser, inga att-satser), inte det remitterade dokumentet. Remittentens brev anges med --remissbrev.");
  } else if (objektAsLetter) {
    warn(brev!.source.file, "init/forvaxlade", "dokumentet liknar ett remitterat dokument (att-satser eller en motion), inte remittentens brev. Det remitterade dokumentet anges med --fran.");
  }
  if (brev) {
    const fran = brev.found.fran;
    if (!fran) warn(brev.source.file, "init/ingen-remittent", "remissbrevet säger inte vem remissen kommer från. Fyll i remiss.fran själv.");
    else if (fran.uncertain) warn(brev.source.file, "init/ingen-remittent", `remissbrevet säger inte säkert vem remissen kommer från; kanske ${fran.value} (se kommentaren i ärendet). Fyll i remiss.fran själv.`);
    else if (ownNamnd && sameBody(fran.value, ownNamnd)) warn(brev.source.file, "init/egen-remittent", `remittenten ${fran.value} är er egen nämnd (forvaltning.namnd). Kontrollera att remissbrevet är remittentens brev och inte ett eget dokument.`);
  }
  return out;
}
