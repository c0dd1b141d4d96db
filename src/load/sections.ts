import type { Finding } from "../diagnostics.js";
import type { HouseStyle } from "../model/husstil.js";
import type { Case } from "../model/schema.js";
import { kindOf } from "../model/kinds.js";
import { PHRASES, PHRASE_NAMES, SLOTS, SLOT_NAMES, phraseSlotNames } from "../model/phrases.js";
import { SECTIONS } from "../model/sections.js";
import type { SourceMap } from "./positions.js";
import { suggest, valueAt } from "./validate.js";

/**
 * What a valid case must also agree with: the house style's section list.
 * Own sections (`egna_avsnitt`) must not take a built-in heading or each
 * other's, must follow a section the document has, and must be there when
 * the house style or `check.avsnitt` requires them. A field that only fed a
 * section the house style leaves out is a warning: it would be lost.
 */
export function sectionFindings(c: Case, data: unknown, style: HouseStyle, map: SourceMap): Finding[] {
  const findings: Finding[] = [];
  const error = (path: (string | number)[], rule: string, message: string) =>
    findings.push({ ...map.locate(path), severity: "error", rule, message });
  const key = (heading: string) => heading.trim().replace(/\s+/gu, " ").toLocaleLowerCase("sv");

  const builtins = style.sections.filter((s) => !s.own);
  const anchors = builtins.filter((s) => s.id !== "bilagor" && s.ordered !== false).map((s) => s.id);
  const seen = new Map<string, number>();
  (c.egna_avsnitt ?? []).forEach((entry, index) => {
    const path = ["egna_avsnitt", index];
    const heading = key(entry.rubrik);
    const builtin = builtins.find((s) => key(s.heading) === heading);
    if (builtin) {
      const where = builtin.field ? `, eller skriv texten i fältet ${builtin.field}` : "";
      error(
        [...path, "rubrik"],
        "schema/eget-avsnitt",
        `”${entry.rubrik}” är rubriken på ett av dokumentets inbyggda avsnitt. Ge det egna avsnittet en annan rubrik${where}. (egna_avsnitt[${index + 1}].rubrik)`,
      );
    }
    const first = seen.get(heading);
    if (first !== undefined) {
      error([...path, "rubrik"], "schema/eget-avsnitt", `Två egna avsnitt heter ”${entry.rubrik}” (post ${first + 1} och ${index + 1}). Ge dem olika rubriker, eller slå ihop dem. (egna_avsnitt[${index + 1}].rubrik)`);
    } else seen.set(heading, index);
    if (entry.efter !== undefined && !anchors.includes(entry.efter)) {
      const suggestion = suggest(entry.efter, anchors);
      const hint = suggestion ? `Menade du ”${suggestion}”?` : `Välj ett av: ${anchors.join(", ")}.`;
      error([...path, "efter"], "schema/eget-avsnitt", `Det finns inget avsnitt ”${entry.efter}” i dokumentet att placera ”${entry.rubrik}” efter. ${hint} (egna_avsnitt[${index + 1}].efter)`);
    }
  });

  for (const spec of style.sections) {
    if (!spec.own || !spec.required || seen.has(key(spec.heading))) continue;
    error(
      ["egna_avsnitt"],
      "schema/saknas",
      `Avsnittet ”${spec.heading}” krävs enligt remiss.config.yaml men saknas. Lägg till det under egna_avsnitt, med rubrik: ${spec.heading} och text: |. (egna_avsnitt)`,
    );
  }

  const objektKey = valueAt(data, ["remissobjekt"]) === undefined ? "motion" : "remissobjekt";
  const usedByPhrases = fieldsUsedByPhrases(style);
  const kind = kindOf(c.remissobjekt.typ);
  for (const spec of SECTIONS) {
    if (style.sections.some((s) => s.id === spec.id)) continue;
    for (const feed of spec.feeds) {
      // A phrase of a section the document has (or of none, like the heading) may use the field through its slot.
      if (usedByPhrases.has(feed)) continue;
      const path = feed.split(".").map((segment) => (segment === "remissobjekt" ? objektKey : segment));
      if (valueAt(data, path) === undefined) continue;
      // Removing a field the kind of document requires would be an error: then only adding the section helps.
      const required = feed === "remissobjekt.yrkanden" && kind.requiresYrkanden;
      const advice = required
        ? `Lägg till ${spec.id} i husstil.avsnitt, annars kommer texten inte med i dokumentet (fältet krävs för typ: ${c.remissobjekt.typ}).`
        : `Ta bort fältet, eller lägg till ${spec.id} i husstil.avsnitt.`;
      findings.push({
        ...map.locate(path, "key"),
        severity: "warning",
        rule: "schema/oanvant",
        message: `”${path.join(".")}” används inte: husstilen i remiss.config.yaml har inget avsnitt ”${spec.heading}”. ${advice} (${path.join(".")})`,
      });
    }
  }
  return findings;
}

/** The case fields that a phrase the document writes reads through its slots (`{{remissinstanser}}` reads remiss.aven_till). */
function fieldsUsedByPhrases(style: HouseStyle): Set<string> {
  const present = new Set(style.sections.map((s) => s.id));
  const fields = new Set<string>();
  for (const name of PHRASE_NAMES) {
    const sections = (PHRASES[name] as { avsnitt?: readonly string[] }).avsnitt;
    if (sections && !sections.some((id) => present.has(id))) continue;
    const value = style.fraser[name];
    for (const text of typeof value === "string" ? [value] : Object.values(value)) {
      for (const slot of phraseSlotNames(text)) {
        const field = SLOT_NAMES.includes(slot as never) ? (SLOTS[slot as keyof typeof SLOTS] as { falt?: string }).falt : undefined;
        if (field) fields.add(field);
      }
    }
  }
  return fields;
}
