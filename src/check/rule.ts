import type { Severity } from "../diagnostics.js";
import type { CaseDefaults } from "../load/index.js";
import type { HouseStyle } from "../model/husstil.js";
import { SECTIONS, type SectionSpec } from "../model/sections.js";
import type { CheckDocument, Position } from "./document.js";
import type { KlarsprakEntry } from "./klarsprak.js";

/** The limits the text rules use. Defaults below; a config file can change them later. */
export interface RuleParams {
  /** `text/lix`: a section above this LIX is reported. */
  readonly lixMax: number;
  /** `text/lix`: sections with fewer words are too short for LIX to mean anything. */
  readonly lixMinWords: number;
  /** `text/lang-mening`: a sentence with more words than this is reported. */
  readonly sentenceMaxWords: number;
  /** `text/klarsprak`: the word list, when the förvaltning's config changes the built-in one. */
  readonly klarsprak?: readonly KlarsprakEntry[];
  /** The section list: the built-in one, or the house style's from the förvaltning's config. */
  readonly sections: readonly SectionSpec[];
  /** For the YAML reader: the house style a case is loaded under, when not the built-in one. */
  readonly style?: HouseStyle;
  /** For the YAML reader: the letterhead and signatories the config gives every case. */
  readonly defaults?: CaseDefaults;
  /** The förvaltning's severities (`check.regler`): a rule switched off, or made a warning or an error. */
  readonly severities?: Readonly<Record<string, "off" | Severity>>;
  /** Only these rules (by id), when not all. */
  readonly rules?: readonly string[];
}

export const DEFAULT_PARAMS: RuleParams = { lixMax: 60, lixMinWords: 50, sentenceMaxWords: 35, sections: SECTIONS };

/** What a rule reports: where, and what in Swedish. The engine adds the rule, the severity and the file. */
export type Report = (position: Position, message: string) => void;

/**
 * One rule, one file (markdownlint's shape). A rule reads the format-neutral
 * document and reports; it never builds a Diagnostic itself.
 */
export interface Rule {
  /** Stable id, `area/name`, e.g. `sektion/saknas`. */
  readonly id: string;
  readonly severity: Severity;
  /** One Swedish sentence for `docs/check.md` and `--help`. */
  readonly description: string;
  check(document: CheckDocument, report: Report, params: RuleParams): void;
}

/** The quotation marks Swedish typography uses around a quoted name or text. */
export function quote(text: string): string {
  return `”${text}”`;
}

/** A line as a message refers to it: "på rad 7" in text files, "i stycke 7" in a Word document. */
export function lineReference(document: CheckDocument, line: number): string {
  return document.lineUnit === "stycke" ? `i stycke ${line}` : `på rad ${line}`;
}
