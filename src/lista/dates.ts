import { isCalendarDate } from "../model/schema.js";

/**
 * Days as `remiss lista` counts them: calendar days written ÅÅÅÅ-MM-DD, with
 * no time of day and no time zone, so that a list made for a day says the
 * same wherever and whenever it is made.
 */

const DAY_MS = 86_400_000;

/** The day as a number of days since 1970-01-01; undefined for anything but a real ÅÅÅÅ-MM-DD date. */
export function dayNumber(date: string): number | undefined {
  if (!isCalendarDate(date)) return undefined;
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Days from `per` to `deadline`: 0 on the day itself, negative when the day has passed. */
export function daysLeft(deadline: string, per: string): number {
  const end = dayNumber(deadline);
  const start = dayNumber(per);
  if (end === undefined || start === undefined) throw new Error(`daysLeft: not a date: ${deadline} or ${per}`);
  return end - start;
}

/**
 * The same day a year later: a motion väckt 2025-03-04 is to be answered by
 * 2026-03-04 (kommunallagen 5 kap. 35 §). From 29 February the year after
 * has no such day, and the limit is 28 February.
 */
export function oneYearLater(date: string): string {
  if (!isCalendarDate(date)) throw new Error(`oneYearLater: not a date: ${date}`);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const next = isCalendarDate(formatDay(year + 1, month, day)) ? day : day - 1;
  return formatDay(year + 1, month, next);
}

/** Today in the local time zone, as ÅÅÅÅ-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return formatDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** ÅÅÅÅ-MM-DD without the dashes, as iCalendar writes a date: 20251028. */
export function basicDate(date: string): string {
  return date.replaceAll("-", "");
}

/** The day after, as iCalendar ends an all-day event. */
export function nextDay(date: string): string {
  const number = dayNumber(date);
  if (number === undefined) throw new Error(`nextDay: not a date: ${date}`);
  return new Date((number + 1) * DAY_MS).toISOString().slice(0, 10);
}

function formatDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
