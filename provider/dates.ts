/**
 * Dates as Affise takes them (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`), checked for being real
 * calendar dates, and a new start date for not being in the past (Affise refuses those).
 */

const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;

/** Why `text` (already of the right shape) is not a real date and time, or undefined. */
export function impossibleDate(text: string): string | undefined {
  const parts = DATE_PARTS.exec(text);
  if (!parts) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = parts.slice(1).map(Number);
  if (month < 1 || month > 12) return `has no month ${parts[2]} (months are 01 to 12)`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days)
    return `is not a day of the calendar (${parts[1]}-${parts[2]} has ${days} days)`;
  if (hour > 23 || minute > 59 || second > 59)
    return "has no such time of day (00:00:00 to 23:59:59)";
  return undefined;
}

/**
 * The earliest day that is not yet over anywhere on Earth (UTC-12): a date before it is past in
 * every Affise account's time zone.
 */
export function earliestToday(now: Date): string {
  return new Date(now.getTime() - 12 * 3600_000).toISOString().slice(0, 10);
}

/** A start date that is new or changed and already over: Affise would refuse the offer. */
export function pastStartProblem(
  declared: unknown,
  previous: unknown,
  now: Date,
): string | undefined {
  if (typeof declared !== "string" || declared === previous) return undefined;
  const day = declared.slice(0, 10);
  const today = earliestToday(now);
  return day < today
    ? `must be today or later (got ${day}; today is ${today} or later everywhere)`
    : undefined;
}
