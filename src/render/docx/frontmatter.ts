import type { Root } from "mdast";
import { parse as parseYaml } from "yaml";
import { EXIT_INVALID, RemissError } from "../../errors.js";

/**
 * What the DOCX writer reads from the Markdown's YAML front matter: the
 * letterhead, the header fields and the document properties. Every field is
 * optional; the writer leaves out what is missing.
 */
export interface FrontMatter {
  readonly titel?: string;
  readonly undertitel?: string;
  readonly forvaltning: {
    readonly namn?: string;
    readonly avdelning?: string;
    readonly namnd?: string;
    readonly adress: readonly string[];
    readonly vaxel?: string;
    readonly epost?: string;
    readonly webb?: string;
  };
  readonly dnr?: string;
  /** ISO date, as written in the front matter. */
  readonly datum?: string;
  readonly handlaggare: {
    readonly namn?: string;
    readonly telefon?: string;
    readonly epost?: string;
  };
  readonly remiss: {
    readonly fran?: string;
    readonly dnr?: string;
    readonly svar_senast?: string;
  };
  /** `beredning.behandlats`: the organs that treated the case, with ISO dates. */
  readonly behandlats: readonly { readonly organ?: string; readonly datum?: string }[];
  readonly underskrifter: readonly {
    readonly namn?: string;
    readonly titel?: string;
    readonly forvaltning?: string;
  }[];
}

/** Reads the `yaml` node at the start of the tree, if any. */
export function readFrontMatter(root: Root): FrontMatter {
  const node = root.children[0];
  if (node?.type !== "yaml") return toFrontMatter({});
  let data: unknown;
  try {
    data = parseYaml(node.value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RemissError(`Markdown-filens front matter är inte giltig YAML: ${reason}`, EXIT_INVALID);
  }
  return toFrontMatter(data);
}

/** Lenient conversion: wrong types and missing keys become absent fields, never errors. */
export function toFrontMatter(data: unknown): FrontMatter {
  const top = record(data);
  const forvaltning = record(top["forvaltning"]);
  const handlaggare = record(top["handlaggare"]);
  const remiss = record(top["remiss"]);
  return {
    titel: text(top["titel"]),
    undertitel: text(top["undertitel"]),
    forvaltning: {
      namn: text(forvaltning["namn"]),
      avdelning: text(forvaltning["avdelning"]),
      namnd: text(forvaltning["namnd"]),
      adress: texts(forvaltning["adress"]),
      vaxel: text(forvaltning["vaxel"]),
      epost: text(forvaltning["epost"]),
      webb: text(forvaltning["webb"]),
    },
    dnr: text(top["dnr"]),
    datum: text(top["datum"]),
    handlaggare: {
      namn: text(handlaggare["namn"]),
      telefon: text(handlaggare["telefon"]),
      epost: text(handlaggare["epost"]),
    },
    remiss: {
      fran: text(remiss["fran"]),
      dnr: text(remiss["dnr"]),
      svar_senast: text(remiss["svar_senast"]),
    },
    behandlats: list(record(top["beredning"])["behandlats"]).map((entry) => {
      const item = record(entry);
      return { organ: text(item["organ"]), datum: text(item["datum"]) };
    }),
    underskrifter: list(top["underskrifter"]).map((entry) => {
      const signatory = record(entry);
      return {
        namn: text(signatory["namn"]),
        titel: text(signatory["titel"]),
        forvaltning: text(signatory["forvaltning"]),
      };
    }),
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** A scalar as trimmed text; dates (YAML 1.1 timestamps) as ISO dates. Empty → undefined. */
function text(value: unknown): string | undefined {
  let result: string | undefined;
  if (typeof value === "string") result = value.trim();
  else if (typeof value === "number" || typeof value === "boolean") result = String(value);
  else if (value instanceof Date && !Number.isNaN(value.getTime())) result = value.toISOString().slice(0, 10);
  return result === "" ? undefined : result;
}

function texts(value: unknown): string[] {
  return list(value)
    .map(text)
    .filter((line): line is string => line !== undefined);
}

