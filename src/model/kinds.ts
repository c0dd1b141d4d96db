/**
 * The kinds of remitted document (`remissobjekt.typ`) and how Swedish names
 * them. Data, not code: the phrasing functions in src/view/ read this table,
 * and adding a kind is one entry here and one in the schema's list.
 */

/** Grammatical gender: en-words ("en motion") or ett-words ("ett betänkande"). */
export type Gender = "en" | "ett";

export interface KindNouns {
  /** Mid-sentence, indefinite: "motion". */
  readonly obestamd: string;
  /** Mid-sentence, definite: "motionen". */
  readonly bestamd: string;
}

export interface KindSpec {
  /** The value of `typ`, without å/ä/ö. */
  readonly typ: string;
  /** The same value as a Swedish writer would type it, when it has å/ä/ö. */
  readonly alias?: string;
  /** Undefined for `annat`, whose nouns come from the case (`benamning`). */
  readonly nouns?: KindNouns;
  readonly gender?: Gender;
  /** The word a title starting "Motion om …" begins with, compared without case. */
  readonly titleWord?: string;
  /** Who proposes the att-satser: singular and plural, definite. Undefined: the document proposes ("I betänkandet föreslås följande:"). */
  readonly role?: { readonly singular: string; readonly plural: string };
  /** Whom the proposers address when the case does not say (`till`). */
  readonly defaultTill?: string;
  /** `forfattare` must have at least one entry. */
  readonly requiresAuthors: boolean;
  /** `yrkanden` must have at least one entry. */
  readonly requiresYrkanden: boolean;
}

const WRITER = { singular: "skribenten", plural: "skribenterna" } as const;
const PROPOSER = { singular: "förslagsställaren", plural: "förslagsställarna" } as const;

export const KINDS = [
  { typ: "motion", nouns: { obestamd: "motion", bestamd: "motionen" }, gender: "en", titleWord: "motion", role: WRITER, defaultTill: "kommunfullmäktige", requiresAuthors: true, requiresYrkanden: true },
  { typ: "skrivelse", nouns: { obestamd: "skrivelse", bestamd: "skrivelsen" }, gender: "en", titleWord: "skrivelse", role: WRITER, defaultTill: "kommunstyrelsen", requiresAuthors: true, requiresYrkanden: true },
  { typ: "medborgarforslag", alias: "medborgarförslag", nouns: { obestamd: "medborgarförslag", bestamd: "medborgarförslaget" }, gender: "ett", titleWord: "medborgarförslag", role: PROPOSER, defaultTill: "kommunfullmäktige", requiresAuthors: true, requiresYrkanden: false },
  { typ: "betankande", alias: "betänkande", nouns: { obestamd: "betänkande", bestamd: "betänkandet" }, gender: "ett", requiresAuthors: false, requiresYrkanden: false },
  { typ: "rapport", nouns: { obestamd: "rapport", bestamd: "rapporten" }, gender: "en", requiresAuthors: false, requiresYrkanden: false },
  { typ: "program", nouns: { obestamd: "program", bestamd: "programmet" }, gender: "ett", requiresAuthors: false, requiresYrkanden: false },
  { typ: "plan", nouns: { obestamd: "plan", bestamd: "planen" }, gender: "en", requiresAuthors: false, requiresYrkanden: false },
  { typ: "promemoria", nouns: { obestamd: "promemoria", bestamd: "promemorian" }, gender: "en", requiresAuthors: false, requiresYrkanden: false },
  { typ: "forslag", alias: "förslag", nouns: { obestamd: "förslag", bestamd: "förslaget" }, gender: "ett", requiresAuthors: false, requiresYrkanden: false },
  { typ: "annat", requiresAuthors: false, requiresYrkanden: false },
] as const satisfies readonly KindSpec[];

export type KindTyp = (typeof KINDS)[number]["typ"];

/** Every value `typ` accepts: the plain ones and the spellings with å/ä/ö. */
export const KIND_VALUES: readonly string[] = KINDS.flatMap((k) => ("alias" in k ? [k.typ, k.alias] : [k.typ]));

/** The kind a `typ` value names (with or without å/ä/ö). */
export function kindOf(typ: string): KindSpec {
  const found = (KINDS as readonly KindSpec[]).find((k) => k.typ === typ || k.alias === typ);
  if (!found) throw new RangeError(`unknown kind of remitted document: ${typ}`);
  return found;
}
