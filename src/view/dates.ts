/** Swedish month names, lower-case, January first. */
export const MONTH_NAMES = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
] as const;

/** "2025-10-28" → "28 oktober 2025": an ISO date (YYYY-MM-DD) as written in Swedish running text. */
export function formatLongDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTH_NAMES[Number(match[2]) - 1] : undefined;
  const day = match ? Number(match[3]) : 0;
  if (!match || month === undefined || day < 1 || day > 31) {
    throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  }
  return `${day} ${month} ${match[1]}`;
}
