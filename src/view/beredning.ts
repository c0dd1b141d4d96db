import { formatLongDate } from "./dates.js";
import { joinSwedish } from "./lists.js";
import { organMidSentence } from "./organs.js";

/** One step of the case's preparation: the body that dealt with it and the ISO date. */
export interface Behandling {
  readonly organ: string;
  readonly datum: string;
}

/** The text after "Ärendet har behandlats ": consecutive bodies on the same date share it ("i A och B den 1 december 2025 och i C den 3 december 2025"). */
export function formatBehandlats(items: readonly Behandling[]): string {
  const groups: { datum: string; organs: string[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.datum === item.datum) last.organs.push(organMidSentence(item.organ));
    else groups.push({ datum: item.datum, organs: [organMidSentence(item.organ)] });
  }
  return joinSwedish(groups.map((g) => `i ${joinSwedish(g.organs)} den ${formatLongDate(g.datum)}`));
}
