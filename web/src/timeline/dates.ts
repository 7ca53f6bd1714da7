/**
 * Headings from local capture dates ("2026-11-25"). The dates are calendar dates in
 * the time zone the photo was taken in, so they are formatted as UTC to stay that very day.
 */
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

const monthFormat = new Intl.DateTimeFormat(undefined, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const dayWithYearFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "November 2026" from "2026-11". */
export const monthLabel = (month: string): string => monthFormat.format(utc(`${month}-01`));

/** The browser's own calendar day, "YYYY-MM-DD". */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "Today", "Yesterday", "Wed, Nov 25", or with the year when it is not this year's. */
export function dayLabel(day: string, today: string = localDay()): string {
  if (day === today) return 'Today';
  const yesterday = new Date(utc(today).getTime() - 86_400_000).toISOString().slice(0, 10);
  if (day === yesterday) return 'Yesterday';
  return (day.slice(0, 4) === today.slice(0, 4) ? dayFormat : dayWithYearFormat).format(utc(day));
}

/** "0:07", "12:03", "1:02:03". */
export function durationLabel(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}
