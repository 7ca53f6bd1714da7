/** Days as `YYYY-MM-DD`, the way memories are asked for and stored. */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date `at` falls on in this process's time zone (the server's "today"). */
export function localDayOf(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Milliseconds from `at` to the next local midnight (the server's next "today"). */
export function msUntilNextLocalDay(at: Date): number {
  const next = new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1);
  return next.getTime() - at.getTime();
}

/** The day `count` days before `day`. */
export function daysBefore(day: string, count: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - count);
  return at.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` naming a day that exists (no 30 February). */
export function isRealDay(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === day;
}
