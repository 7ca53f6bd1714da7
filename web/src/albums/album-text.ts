/** Words for album cards and notices; pure, so they are tested without a browser. */

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
// Local capture days are calendar days where the photo was taken: formatted as UTC to stay so.
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** "12 Mar 2020" for one day; "Mar 2020 – Jun 2021" for a span; "" without photos. */
export function albumDates(start: string | null, end: string | null): string {
  if (!start || !end) return '';
  if (start === end) return dayFormat.format(utc(start));
  const [from, to] = [monthFormat.format(utc(start)), monthFormat.format(utc(end))];
  return from === to ? from : `${from} – ${to}`;
}

export const itemCount = (n: number): string => (n === 1 ? '1 item' : `${n} items`);

/** When a comment or like was made, in the reader's time: "12 Mar 2026, 14:05". */
export const activityTime = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type AddResult = 'added' | 'already-there' | 'not-allowed';

/** What adding did, in a sentence: "2 items added to Trips (1 was there already)." */
export function addedNotice(
  albumName: string,
  results: readonly { result: AddResult }[],
): { message: string; failed: boolean } {
  const count = (r: AddResult) => results.filter((x) => x.result === r).length;
  const [added, there, refused] = [count('added'), count('already-there'), count('not-allowed')];
  const notes = [
    there > 0 && `${there} ${there === 1 ? 'was' : 'were'} there already`,
    refused > 0 && `${refused} could not be added`,
  ].filter(Boolean);
  return {
    message:
      `${itemCount(added)} added to ${albumName}` +
      (notes.length > 0 ? ` (${notes.join('; ')}).` : '.'),
    failed: refused > 0,
  };
}
