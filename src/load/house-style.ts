import { dirname, resolve } from "node:path";
import type { Finding } from "../diagnostics.js";
import { DEFAULT_HOUSE_STYLE, DEFAULT_LABELS, DEFAULT_PHRASES, type HouseStyle, type HusstilConfig, type Logo } from "../model/husstil.js";
import { BUILTIN_STYLES, BUILTIN_STYLE_NAMES, mergeHusstil } from "../model/husstil-bas.js";
import { kindOf } from "../model/kinds.js";
import { SLOT_NAMES, phraseProblems, type PhraseName, type PhraseValue } from "../model/phrases.js";
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
  own: HusstilConfig | undefined,
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

  let husstil = own;
  if (own?.bas !== undefined) {
    const base = BUILTIN_STYLES[own.bas];
    if (base) husstil = mergeHusstil(base.husstil, own);
    else {
      const suggestion = suggest(own.bas, BUILTIN_STYLE_NAMES);
      report(["husstil", "bas"], "husstil/bas", `Det finns ingen inbyggd husstil ”${own.bas}”. ${suggestion ? `Menade du ”${suggestion}”?` : `Välj bland: ${BUILTIN_STYLE_NAMES.join(", ")}.`}`);
    }
  }

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
    etiketter: { ...DEFAULT_LABELS, ...husstil?.etiketter },
    ...(husstil?.dokument_bestamd ? { dokumentBestamd: husstil.dokument_bestamd } : {}),
    roller: roles(husstil?.roller),
    inledningIStycke: husstil?.inledning_i_stycke ?? DEFAULT_HOUSE_STYLE.inledningIStycke,
    forslagForm: husstil?.forslag_form ?? DEFAULT_HOUSE_STYLE.forslagForm,
    fullmaktige: husstil?.fullmaktige ?? DEFAULT_HOUSE_STYLE.fullmaktige,
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
      const heading = entry[id]!;
      if (heading === "" && id === "bilagor") {
        report([...path, id], "husstil/avsnitt", "Bilagor står efter underskrifterna och har alltid en rubrik. Skriv en rubrik, eller bara - bilagor.");
        return;
      }
      // `- sammanfattning: ""`: the section's text without a heading; messages still name it by its built-in heading.
      spec = heading === "" ? { ...base, untitled: true } : { ...base, heading };
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

/** The house style's phrases over the defaults, each text checked for unknown slots. */
function phrases(own: Partial<Record<string, PhraseValue | undefined>>, report: Reporter): Record<PhraseName, PhraseValue> {
  const result: Record<PhraseName, PhraseValue> = { ...DEFAULT_PHRASES };
  for (const [name, value] of Object.entries(own)) {
    if (value === undefined) continue;
    const texts: [(string | number)[], string][] =
      typeof value === "string"
        ? [[["husstil", "fraser", name], value]]
        : Object.entries(value).map(([typ, text]) => [["husstil", "fraser", name, typ], text]);
    let ok = true;
    if (typeof value !== "string" && value["standard"] === undefined) {
      report(["husstil", "fraser", name], "husstil/fras", `Frasen ”${name}” har en text per slag av dokument men ingen standard. Lägg till standard: med texten för de andra slagen.`, "key");
      ok = false;
    }
    for (const [path, text] of texts) {
      const problems = phraseProblems(text);
      for (const problem of problems) {
        const suggestion = problem.slot ? suggest(problem.slot, SLOT_NAMES) : undefined;
        const hint = problem.slot
          ? suggestion
            ? ` Menade du ”{{${suggestion}}}”?`
            : ` Platserna finns i docs/husstil.md.`
          : "";
        report(path, "husstil/fras", `Frasen ”${name}”: ${problem.message}.${hint}`, "value", problem.offset);
      }
      if (problems.length > 0) ok = false;
    }
    if (ok) result[name as PhraseName] = typeof value === "string" ? value : normalizeKinds(value);
  }
  return result;
}

/** A phrase's texts per kind keyed by the plain `typ` (medborgarförslag → medborgarforslag), so the view finds them. */
function normalizeKinds(value: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).map(([typ, text]) => [typ === "standard" ? typ : kindOf(typ).typ, text]));
}

/** `roller`, keyed by the plain `typ`. */
function roles(own: HusstilConfig["roller"]): Record<string, readonly [string, string]> {
  const result: Record<string, readonly [string, string]> = {};
  for (const [typ, words] of Object.entries(own ?? {})) if (words) result[kindOf(typ).typ] = words;
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
