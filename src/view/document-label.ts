/**
 * The house style's document label in its definite form, mid-sentence:
 * "tjänsteutlåtande" → "tjänsteutlåtandet", "tjänsteskrivelse" →
 * "tjänsteskrivelsen". A label this does not get right is written under
 * `husstil.dokument_bestamd`.
 */

/** Endings of ett-words a kansli names its documents with: "missiv", "remissvar", "underlag", "beslut", "protokoll", "brev". */
const NEUTER_ENDINGS = ["svar", "lag", "iv", "beslut", "protokoll", "brev", "utkast"] as const;

export function documentDefinite(label: string): string {
  const lower = label.toLocaleLowerCase("sv");
  // -ande/-ende are ett-words: "ett utlåtande", "ett yttrande", "ett meddelande".
  if (/(?:ande|ende)$/u.test(lower)) return `${label}t`;
  if (/[ae]$/u.test(lower)) return `${label}n`;
  if (/[^aeiouyåäö]um$/u.test(lower)) return `${label.slice(0, -2)}et`;
  if (NEUTER_ENDINGS.some((ending) => lower.endsWith(ending))) return `${label}et`;
  return `${label}en`;
}
