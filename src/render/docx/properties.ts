import { EXIT_USAGE, RemissError } from "../../errors.js";
import type { FrontMatter } from "./frontmatter.js";
import { DOCUMENT_LANGUAGE } from "./styles.js";

/** The document properties written to docProps/core.xml. */
export interface CoreProperties {
  readonly title?: string;
  readonly subject?: string;
  readonly creator?: string;
  readonly lastModifiedBy?: string;
  readonly keywords?: string;
  readonly language: string;
  /** W3C date-time, such as 2025-10-07T00:00:00Z. */
  /** Absent when the case has no datum and SOURCE_DATE_EPOCH is not set: the clock never reaches the bytes. */
  readonly created?: string | undefined;
  readonly modified?: string | undefined;
}

/** The extended properties in docProps/app.xml: what wrote the file, and for whom. */
export interface AppProperties {
  /** "remiss 0.2.0". */
  readonly application: string;
  /** The organisation of the house style, else the förvaltning. */
  readonly company?: string;
}

/**
 * The custom properties in docProps/custom.xml, by the names a records
 * system and Word's DOCPROPERTY fields read, in this order; only those the
 * case gives. Dates are ISO dates (YYYY-MM-DD). `Behandlats` lists the
 * organs that treated the case, "DATUM ORGAN" separated by "; ".
 */
export function customProperties(front: FrontMatter): { name: string; value: string }[] {
  const values: [string, string | undefined][] = [
    ["Dnr", front.dnr],
    ["RemissDnr", front.remiss.dnr],
    ["Remittent", front.remiss.fran],
    ["SvarSenast", front.remiss.svar_senast],
    ["Datum", front.datum],
    ["Handlaggare", front.handlaggare.namn],
    ["Namnd", front.forvaltning.namnd],
    ["Behandlats", behandlats(front)],
  ];
  return values.filter((entry): entry is [string, string] => entry[1] !== undefined).map(([name, value]) => ({ name, value }));
}

/** "2025-10-06 förvaltningsgruppen; 2025-10-06 pensionärsrådet": the organs' dates, each date first. */
function behandlats(front: FrontMatter): string | undefined {
  const items = front.behandlats.filter((b) => b.datum !== undefined).map((b) => (b.organ ? `${b.datum} ${b.organ}` : b.datum!));
  return items.length > 0 ? items.join("; ") : undefined;
}

export interface TimestampSources {
  /** SOURCE_DATE_EPOCH: seconds since the epoch, as a string. */
  readonly sourceDateEpoch?: string | undefined;
}

/**
 * Title, subject, author and keywords from the front matter: title = titel
 * (else the `# ` heading), subject = undertitel, creator and
 * lastModifiedBy = the förvaltning, keywords = the diarienummer.
 */
export function coreProperties(front: FrontMatter, headingTitle: string | undefined, sources: TimestampSources): CoreProperties {
  const timestamp = documentTimestamp(front.datum, sources);
  const keywords = [...new Set([front.dnr, front.remiss.dnr].filter((dnr): dnr is string => dnr !== undefined))];
  return {
    title: front.titel ?? headingTitle,
    subject: front.undertitel,
    creator: front.forvaltning.namn,
    lastModifiedBy: front.forvaltning.namn,
    keywords: keywords.length > 0 ? keywords.join(", ") : undefined,
    language: DOCUMENT_LANGUAGE,
    created: timestamp,
    modified: timestamp,
  };
}

/**
 * The one timestamp of the document: the front matter's datum at midnight
 * UTC; else SOURCE_DATE_EPOCH; else none, and the DOCX has no creation date,
 * so that the same input gives the same bytes on any day.
 */
export function documentTimestamp(datum: string | undefined, sources: TimestampSources): string | undefined {
  const fromDatum = datum === undefined ? undefined : isoDate(datum);
  if (fromDatum) return `${fromDatum}T00:00:00Z`;
  const epoch = sources.sourceDateEpoch?.trim();
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) {
      throw new RemissError(`SOURCE_DATE_EPOCH ska vara ett heltal (sekunder sedan 1970-01-01 UTC), inte "${epoch}".`, EXIT_USAGE);
    }
    const date = new Date(Number(epoch) * 1000);
    if (Number.isNaN(date.getTime())) throw new RemissError(`SOURCE_DATE_EPOCH ligger utanför tillåtna datum: "${epoch}".`, EXIT_USAGE);
    return w3cdtf(date);
  }
  return undefined;
}

/** The date part of an ISO date (YYYY-MM-DD) that exists in the calendar, else undefined. */
function isoDate(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const date = new Date(`${match[0]}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === match[0] ? match[0] : undefined;
}

function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
