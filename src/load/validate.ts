import { closest, distance } from "fastest-levenshtein";
import type { z } from "zod";
import type { Finding } from "../diagnostics.js";
import type { HouseStyle } from "../model/husstil.js";
import { kindOf } from "../model/kinds.js";
import { buildCaseSchema, caseSchema, type Case } from "../model/schema.js";
import type { FieldPath, SourceMap } from "./positions.js";

/** A field path as a user reads it: `motion.forfattare[1].namn`, lists counted from 1. */
export function formatPath(path: FieldPath): string {
  let out = "";
  for (const segment of path) {
    out += typeof segment === "number" ? `[${segment + 1}]` : out ? `.${segment}` : segment;
  }
  return out;
}

export type Validated<T = Case> = { ok: true; value: T } | { ok: false; findings: Finding[] };

/** Plain data → a valid case under a house style, or Swedish findings placed at the offending key or value. */
export function validateCase(data: unknown, map: SourceMap, style?: HouseStyle): Validated<Case> {
  return validateWith(schemaFor(style), data, map, "Filen ska bestå av nycklar som forvaltning:, remiss: och remissobjekt:");
}

const schemas = new WeakMap<HouseStyle, typeof caseSchema>();

/**
 * The case schema for a house style: a built-in section's text field may be
 * missing when the style leaves the section out or makes it optional.
 */
function schemaFor(style: HouseStyle | undefined): typeof caseSchema {
  if (!style) return caseSchema;
  let schema = schemas.get(style);
  if (!schema) {
    const optionalFields = new Set<string>();
    for (const field of ["sammanfattning", "synpunkter", "barnrattsanalys", "jamstalldhetsanalys", "remissobjekt.beskrivning"]) {
      const spec = style.sections.find((s) => s.field === field);
      if (!spec?.required) optionalFields.add(field.replace(/^remissobjekt\./u, ""));
    }
    schema = optionalFields.size === 0 ? caseSchema : (buildCaseSchema({ optionalFields }) as typeof caseSchema);
    schemas.set(style, schema);
  }
  return schema;
}

/** Plain data → a valid value of `schema`, or Swedish findings placed at the offending key or value. */
export function validateWith<T>(schema: z.ZodType<T>, data: unknown, map: SourceMap, shape: string): Validated<T> {
  if (data === undefined || data === null) {
    return {
      ok: false,
      findings: [
        finding(
          { line: 1, column: 1 },
          "schema/tom-fil",
          "Filen är tom. Skriv ärendet som YAML, t.ex. med ”remiss init” som mall.",
        ),
      ],
    };
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    const what = Array.isArray(data) ? "en lista" : "en ensam text";
    return {
      ok: false,
      findings: [
        finding(
          map.locate([]),
          "schema/typ",
          `${shape}, men den är ${what}.`,
        ),
      ],
    };
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  // A misspelt key also makes the right one "missing": say only "menade du …?".
  const suggested = new Set(
    result.error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => suggest(key, knownKeys(schema, keyPath(issue.path)))).filter(Boolean).map((s) => formatPath([...keyPath(issue.path), s!]))
        : [],
    ),
  );
  const findings = result.error.issues
    .filter((issue) => !(isMissing(issue) && suggested.has(formatPath(keyPath(issue.path)))))
    .flatMap((issue) => issueFindings(schema, issue, data, map));
  return { ok: false, findings };
}

/** An issue that says a field is missing: a misspelt key makes the right one missing too. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === "invalid_type" || (issue.code === "custom" && (issue.params as { remiss?: string } | undefined)?.remiss === "kravs-for-typ");
}

function keyPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.filter((p): p is string | number => typeof p !== "symbol");
}

function issueFindings(schema: z.ZodType, issue: z.core.$ZodIssue, data: unknown, map: SourceMap): Finding[] {
  const path = keyPath(issue.path);
  const field = formatPath(path);
  const last = path.at(-1);
  const label = fieldLabel(path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => {
        const known = knownKeys(schema, path);
        const suggestion = suggest(key, known);
        const where = path.length ? ` under ”${formatPath(path)}”` : "";
        const hint = suggestion
          ? `Menade du ”${suggestion}”?`
          : `Tillåtna nycklar${where}: ${known.join(", ")}.`;
        return finding(
          map.locate([...path, key], "key"),
          "schema/okand-nyckel",
          `Okänd nyckel ”${key}”${where}. ${hint} (${formatPath([...path, key])})`,
        );
      });
    case "invalid_type": {
      const value = valueAt(data, path);
      if (value === undefined) {
        const parent = path.slice(0, -1);
        const under = parent.length ? ` under ”${formatPath(parent)}”` : "";
        if (map.has(path)) {
          return [finding(map.locate(path), "schema/tom", `${capitalize(label)} är ${emptyWord(path)}. Fyll i ${describeExpected(issue.expected)}. (${field})`)];
        }
        return [finding(map.locate(path), "schema/saknas", `${capitalize(label)} saknas. Lägg till ”${String(last)}:”${under}. (${field})`)];
      }
      // "namn:Alva Berg" (no space after the colon) is text to YAML, not a key and its value.
      const glued = typeof value === "string" && issue.expected === "object" ? /^([\p{L}\p{N}_-]+):(\u00a0|\S)(.*)$/su.exec(value) : null;
      if (glued) {
        const advice =
          glued[2] === "\u00a0"
            ? `Efter kolonet i ”${glued[1]!}:” står ett hårt mellanslag (no-break space), som YAML inte räknar. Skriv ett vanligt mellanslag efter kolonet.`
            : `Skriv ett mellanslag efter kolonet: ${glued[1]!}: ${(glued[2]! + glued[3]!).trim()}`;
        return [finding(map.locate(path), "schema/typ", `${advice} (${field})`)];
      }
      return [
        finding(
          map.locate(path),
          "schema/typ",
          `${capitalize(label)} ska vara ${describeExpected(issue.expected)}, inte ${describeValue(value)}. (${field})`,
        ),
      ];
    }
    case "too_small":
    case "custom":
      if (issue.code === "custom" && typeof issue.params?.remiss === "string") {
        return [crossFieldFinding(issue.params as CrossFieldParams, path, map)];
      }
      if (issue.code === "custom" && issue.message === "inget riktigt datum") {
        return [
          finding(
            map.locate(path),
            "schema/datum",
            `${String(valueAt(data, path))} finns inte i kalendern. Skriv ett riktigt datum som ÅÅÅÅ-MM-DD. (${field})`,
          ),
        ];
      }
      if (issue.code === "too_small" && issue.origin === "array") {
        return [
          finding(
            map.locate(path),
            "schema/tom-lista",
            `${capitalize(label)} behöver minst ${issue.minimum.toString()} ${issue.minimum === 1 ? "post" : "poster"} (rader som börjar med ”- ”). (${field})`,
          ),
        ];
      }
      return [finding(map.locate(path), "schema/tom", `${capitalize(label)} är ${emptyWord(path)}. Skriv en text. (${field})`)];
    case "invalid_format":
      if (issue.message === "heltal") {
        return [
          finding(
            map.locate(path),
            "schema/tal",
            `${capitalize(label)} ska vara ett heltal, t.ex. 60, inte ”${String(valueAt(data, path))}”. (${field})`,
          ),
        ];
      }
      if (issue.message === "e-postadress") {
        return [
          finding(
            map.locate(path),
            "schema/epost",
            `${capitalize(label)} ska vara en e-postadress, en enda och utan mellanslag, t.ex. kim.lindqvist@stockholm.se, inte ”${String(valueAt(data, path))}”. (${field})`,
          ),
        ];
      }
      if (issue.message === "telefonnummer") {
        return [
          finding(
            map.locate(path),
            "schema/telefon",
            `${capitalize(label)} ska vara ett telefonnummer av siffror, mellanslag, -, + och parenteser, t.ex. 08-508 12 345, inte ”${String(valueAt(data, path))}”. (${field})`,
          ),
        ];
      }
      return [
        finding(
          map.locate(path),
          "schema/datum",
          `${capitalize(label)} ska vara ett datum som ÅÅÅÅ-MM-DD, t.ex. 2025-10-28, inte ”${String(valueAt(data, path))}”. (${field})`,
        ),
      ];
    case "invalid_value": {
      // Spellings with å/ä/ö are accepted too, but listed once.
      const values = issue.values.map(String).filter((v) => !/[åäö]/u.test(v));
      const allowed = values.map((v) => `”${v}”`);
      const value = String(valueAt(data, path));
      const suggestion = suggest(value, values);
      const list = allowed.length <= 2 ? allowed.join(" eller ") : `${allowed.slice(0, -1).join(", ")} eller ${allowed.at(-1)!}`;
      return [
        finding(
          map.locate(path),
          "schema/varde",
          `${capitalize(label)} ska vara ${list}, inte ”${value}”.${suggestion ? ` Menade du ”${suggestion}”?` : ""} (${field})`,
        ),
      ];
    }
    default:
      return [finding(map.locate(path), "schema/ogiltig", `Ogiltigt värde. (${field})`)];
  }
}

/** What a check across fields (in the schema's refinements) says went wrong. */
interface CrossFieldParams {
  readonly remiss: string;
  readonly typ?: string;
}

function crossFieldFinding(params: CrossFieldParams, path: (string | number)[], map: SourceMap): Finding {
  const field = formatPath(path);
  const parent = formatPath(path.slice(0, -1));
  const kind = params.typ ? kindOf(params.typ) : undefined;
  const article = kind?.nouns && kind.gender ? `${kind.gender} ${kind.nouns.obestamd}` : "dokumentet";
  switch (params.remiss) {
    case "namn-eller-parti":
      return finding(map.locate(path), "schema/saknas", `${capitalize(fieldLabel(path))} har varken namn eller parti. Skriv namn:, parti: eller båda. (${field})`);
    case "benamning-saknas":
      return finding(
        map.locate(path),
        "schema/saknas",
        `”benamning” saknas. När typ är annat, skriv vad dokumentet heter mitt i en mening, t.ex. benamning: {obestamd: riktlinjer, bestamd: riktlinjerna}. (${field})`,
      );
    case "benamning-overflodig":
      return finding(map.locate(path, "key"), "schema/okand-nyckel", `”benamning” behövs bara när typ är annat; för ${article} skriver remiss orden själv. Ta bort benamning. (${field})`);
    case "kravs-for-typ": {
      const what = path.at(-1) === "forfattare" ? "minst en författare (namn, parti eller båda)" : "sina att-satser, en per rad";
      const under = parent ? ` under ”${parent}”` : "";
      const written = map.has(path);
      return finding(
        map.locate(path),
        written ? "schema/tom-lista" : "schema/saknas",
        `${capitalize(fieldLabel(path))} ${written ? `är ${emptyWord(path)}` : "saknas"}: ${article} ska ha ${what}. Lägg till dem${under}. (${field})`,
      );
    }
    case "motion-och-remissobjekt":
      return finding(
        map.locate(path, "key"),
        "schema/dubblett",
        "Filen har både ”motion” och ”remissobjekt”. Behåll det ena: remissobjekt (motion är det äldre namnet på samma fält).",
      );
    case "remissobjekt-saknas":
      return finding(map.locate(path), "schema/saknas", "”remissobjekt” saknas. Lägg till remissobjekt: med det remitterade dokumentets typ, titel och beskrivning. (remissobjekt)");
    default:
      return finding(map.locate(path), "schema/ogiltig", `Ogiltigt värde. (${field})`);
  }
}

/** "tom" for a list item (en post), "tomt" for a field (ett fält). */
function emptyWord(path: FieldPath): string {
  return typeof path.at(-1) === "number" ? "tom" : "tomt";
}

function finding(position: { line: number; column: number }, rule: string, message: string): Finding {
  return { ...position, severity: "error", rule, message };
}

function describeExpected(expected: string): string {
  switch (expected) {
    case "string":
      return "en text";
    case "object":
      return "en grupp av nycklar (på egna, indragna rader)";
    case "array":
      return "en lista (rader som börjar med ”- ”, eller [a, b])";
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "en lista";
  if (typeof value === "object" && value !== null) return "en grupp av nycklar";
  return `texten ”${String(value)}”`;
}

/** The plain value at a field path, if any. */
export function valueAt(data: unknown, path: FieldPath): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** How a message names a field: ”titel”, or ”post 2 i underskrifter” for a list item. */
function fieldLabel(path: FieldPath): string {
  const last = path.at(-1);
  if (typeof last === "number") return `post ${last + 1} i ”${String(path.at(-2) ?? "")}”`;
  return `”${String(last ?? "")}”`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The keys the schema allows at an object path, for "menade du …?". */
export function knownKeys(root: z.ZodType, path: FieldPath): string[] {
  let schema: unknown = root;
  for (const segment of [...path, undefined]) {
    schema = unwrap(schema);
    const def = (schema as { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } } })._zod
      ?.def;
    if (segment === undefined) return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
    if (def?.type === "object" && def.shape && typeof segment === "string") schema = def.shape[segment];
    else if (def?.type === "array" && typeof segment === "number") schema = def.element;
    else return [];
  }
  return [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { _zod?: { def?: { type?: string; innerType?: unknown; in?: unknown } } } | undefined;
  while (current?._zod?.def) {
    const def = current._zod.def;
    if (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "prefault") {
      current = def.innerType as typeof current;
    } else if (def.type === "pipe") {
      current = def.in as typeof current;
    } else break;
  }
  return current;
}

/** The known word closest to what was typed, if it is close enough to be a typo. */
export function suggest(typed: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const fold = (s: string) =>
    s
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[\s-]+/g, "_");
  const folded = fold(typed);
  const exact = known.find((k) => fold(k) === folded);
  if (exact) return exact;
  const best = closest(folded, [...known]);
  const limit = Math.max(1, Math.floor(Math.max(folded.length, best.length) / 3));
  return distance(folded, best) <= limit ? best : undefined;
}
