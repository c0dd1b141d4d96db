// Types for bench/lib/korpus-score.mjs, so that its unit tests (TypeScript) can import it.
export type Outcome = "ratt" | "ratt-tomt" | "delvis" | "fel" | "saknas";
export interface Author {
  namn?: string;
  parti?: string;
}
export interface ObjektFields {
  typ: string | null;
  titel: string | null;
  forfattare: Author[];
  till: string | null;
  yrkanden: string[];
  beskrivning_stycken: number;
}
export interface BrevFields {
  fran: string | null;
  dnr: string | null;
  svar_senast: string | null;
  aven_till: string[] | null;
}
export interface Tally {
  fields: Record<string, Record<Outcome, number>>;
  total: Record<Outcome, number>;
}
export const OBJEKT_FIELDS: readonly ["typ", "titel", "forfattare", "till", "yrkanden", "beskrivning_stycken"];
export const BREV_FIELDS: readonly ["fran", "dnr", "svar_senast", "aven_till"];
export const OUTCOMES: readonly ["ratt", "ratt-tomt", "delvis", "fel", "saknas"];
export function normalise(text: unknown): string;
export function scoreObjekt(expected: ObjektFields, found: ObjektFields): Record<(typeof OBJEKT_FIELDS)[number], Outcome>;
export function scoreBrev(expected: BrevFields, found: BrevFields): Record<(typeof BREV_FIELDS)[number], Outcome>;
export function objektFromStarter(yaml: string): ObjektFields;
export function brevFromStarter(yaml: string): BrevFields;
export function emptyTally(): Tally;
export function addOutcomes(tally: Tally, outcomes: Record<string, Outcome>): void;
export function shares(counts: Record<Outcome, number>): { all: number; right: number; wrong: number };
