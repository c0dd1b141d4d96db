import { dirname, resolve } from "node:path";
import type { Finding } from "../diagnostics.js";
import { DEFAULT_HOUSE_STYLE, DEFAULT_PHRASES, type HouseStyle, type HusstilConfig, type Logo } from "../model/husstil.js";
import { SLOT_NAMES, phraseProblems, type PhraseName } from "../model/phrases.js";
import { SECTIONS, SECTION_IDS, ownSection, withExtraSections, type SectionSpec } from "../model/sections.js";
import { readImage } from "../images.js";
import type { FieldPath, SourceMap } from "./positions.js";
import { suggest } from "./validate.js";

/**
 * `husstil:` and `check.avsnitt` of a valid remiss.config.yaml → the house
 * style every command follows, or the findings that stop it, each at its
 * line. `configFile` is the config's absolute path: the logo is named
 * relative to it.
 */
export async function resolveHouseStyle(
  husstil: HusstilConfig | undefined,
  checkAvsnitt: readonly string[] | undefined,
  configFile: string,
  map: SourceMap,
): Promise<{ style: HouseStyle; findings: Finding[] }> {
  const findings: Finding[] = [];
  const report = (path: FieldPath, rule: string, message: string, at: "key" | "value" = "value", offset?: number) =>
    findings.push({
      ...(offset === undefined ? map.locate(path, at) : map.locateInValue(path, offset)),
      severity: "error",
      rule,
      message,
    });

  const sections = husstil?.avsnitt ? sectionList(husstil.avsnitt, husstil.valfria ?? [], report) : defaultSections(husstil?.valfria, report);
  const fraser = phrases(husstil?.fraser ?? {}, report);
  const logotyp = husstil?.logotyp ? await readLogo(husstil.logotyp, configFile, (message) => report(["husstil", "logotyp"], "husstil/logotyp", message)) : undefined;

  if (!husstil && !checkAvsnitt?.length) return { style: DEFAULT_HOUSE_STYLE, findings };
  const style: HouseStyle = {
    dokument: husstil?.dokument ?? DEFAULT_HOUSE_STYLE.dokument,
    ...(husstil?.organisation ? { organisation: husstil.organisation } : {}),
    ...(logotyp ? { logotyp } : {}),
    typsnitt: { ...husstil?.typsnitt },
    sections: withExtraSections(sections, checkAvsnitt ?? []),
    fraser,
    ...(husstil?.pdf && husstil.pdf !== "pdfa-2b" ? { pdf: husstil.pdf } : {}),
  };
  return { style, findings };
}

type Reporter = (path: FieldPath, rule: string, message: string, at?: "key" | "value", offset?: number) => void;

/** The built-in list, with `valfria` applied when the house style gives only that. */
function defaultSections(valfria: readonly string[] | undefined, report: Reporter): readonly SectionSpec[] {
  if (!valfria?.length) return SECTIONS;
  const optional = new Set<string>();
  valfria.forEach((name, index) => {
    const id = builtinId(name);
    if (id) optional.add(id);
    else report(["husstil", "valfria", index], "husstil/avsnitt", unknownSection(name, SECTION_IDS, "i den inbyggda listan"));
  });
  return SECTIONS.map((s) => (optional.has(s.id) ? { ...s, required: false } : s));
}

/** `avsnitt` and `valfria` → the section list. */
function sectionList(entries: NonNullable<HusstilConfig["avsnitt"]>, valfria: readonly string[], report: Reporter): SectionSpec[] {
  const list: SectionSpec[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const path = ["husstil", "avsnitt", index];
    let spec: SectionSpec | undefined;
    if (typeof entry === "string") {
      const id = builtinId(entry);
      if (id) spec = SECTIONS.find((s) => s.id === id);
      else if (/^[a-z][a-z-]*$/u.test(entry)) {
        // Written like an id, not like a heading: most likely a misspelt one.
        report(path, "husstil/avsnitt", unknownSection(entry, SECTION_IDS, "bland de inbyggda"));
        return;
      } else spec = ownSection(entry);
    } else {
      const keys = Object.keys(entry);
      if (keys.length !== 1) {
        report(path, "husstil/avsnitt", "Skriv ett avsnitt per rad: antingen ett id (synpunkter), ett id med ny rubrik (synpunkter: Förvaltningens bedömning) eller rubriken för ett eget avsnitt.");
        return;
      }
      const id = keys[0]!;
      const base = SECTIONS.find((s) => s.id === id);
      if (!base) return; // the schema has reported the unknown key already
      spec = { ...base, heading: entry[id]! };
    }
    if (!spec) return;
    const key = spec.heading.toLocaleLowerCase("sv");
    const twice = list.find((s) => s.id === spec.id || s.heading.toLocaleLowerCase("sv") === key);
    if (twice) {
      report(path, "husstil/avsnitt", `Avsnittet ”${spec.heading}” står två gånger i listan (post ${(seen.get(twice.id) ?? 0) + 1} och ${index + 1}). Ta bort det ena.`);
      return;
    }
    seen.set(spec.id, index);
    list.push(spec);
  });
  const optional = new Set<string>();
  valfria.forEach((name, index) => {
    const id = builtinId(name);
    const found = list.find((s) => (id ? s.id === id : s.heading.toLocaleLowerCase("sv") === name.toLocaleLowerCase("sv")));
    if (found) optional.add(found.id);
    else {
      const names = list.map((s) => (s.own ? s.heading : s.id));
      report(["husstil", "valfria", index], "husstil/avsnitt", unknownSection(name, names, "i husstil.avsnitt"));
    }
  });
  return list.map((s) => (optional.has(s.id) || s.id === "bilagor" ? { ...s, required: false } : s));
}

/** A built-in id, also when written as the built-in heading ("Sammanfattning"). */
function builtinId(name: string): string | undefined {
  const lower = name.toLocaleLowerCase("sv");
  return SECTIONS.find((s) => s.id === name || s.heading.toLocaleLowerCase("sv") === lower)?.id;
}

function unknownSection(name: string, known: readonly string[], where: string): string {
  const suggestion = suggest(name, known);
  const hint = suggestion ? `Menade du ”${suggestion}”?` : `Välj bland: ${known.join(", ")}.`;
  return `Det finns inget avsnitt ”${name}” ${where}. ${hint}`;
}

/** The house style's phrases over the defaults, each checked for unknown slots. */
function phrases(own: Partial<Record<string, string | undefined>>, report: Reporter): Record<PhraseName, string> {
  const result = { ...DEFAULT_PHRASES };
  for (const [name, text] of Object.entries(own)) {
    if (text === undefined) continue;
    const problems = phraseProblems(text);
    for (const problem of problems) {
      const suggestion = problem.slot ? suggest(problem.slot, SLOT_NAMES) : undefined;
      const hint = problem.slot
        ? suggestion
          ? ` Menade du ”{{${suggestion}}}”?`
          : ` Platserna finns i docs/husstil.md.`
        : "";
      report(["husstil", "fraser", name], "husstil/fras", `Frasen ”${name}”: ${problem.message}.${hint}`, "value", problem.offset);
    }
    if (problems.length === 0) result[name as PhraseName] = text;
  }
  return result;
}

/** Reads the logo and its size in pixels; PNG and JPEG only. */
async function readLogo(file: string, configFile: string, fail: (message: string) => void): Promise<Logo | undefined> {
  const path = resolve(dirname(configFile), file);
  const image = readImage(path);
  if (typeof image !== "string") return { file, ...image };
  fail(
    image === "unknown"
      ? `Logotypen ”${file}” är inte en PNG- eller JPEG-bild. Spara den som PNG eller JPEG.`
      : image === "special"
        ? `Logotypen ”${file}” är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och läses inte. Ange en PNG- eller JPEG-fil.`
        : image === "large"
          ? `Logotypen ”${file}” är större än ett Word-dokument får vara. Spara bilden i lägre upplösning.`
          : `Logotypen ”${file}” finns inte eller går inte att läsa. Ange en PNG- eller JPEG-fil, relativt till remiss.config.yaml.`,
  );
  return undefined;
}
