const GB = 1024 ** 3;

/** "1.2 GB", "340 MB", "12 KB": storage as a person reads it. */
export function formatStorage(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** A quota typed in GB (empty: no limit) as the API's bytes, or undefined when not a number. */
export function quotaBytesFromGb(text: string): number | null | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return null;
  const gb = Number(trimmed);
  if (!Number.isFinite(gb) || gb < 0) return undefined;
  return Math.round(gb * GB);
}

/** The API's quota in GB for an input field ('' when unlimited). */
export const quotaGbText = (bytes: number | null): string =>
  bytes === null ? '' : String(Math.round((bytes / GB) * 100) / 100);

/** "3.1 GB of 10 GB", or "3.1 GB" without a quota. */
export const storageText = (usedBytes: number, quotaBytes: number | null): string =>
  quotaBytes === null
    ? formatStorage(usedBytes)
    : `${formatStorage(usedBytes)} of ${formatStorage(quotaBytes)}`;

/**
 * What deleting a user does, with the server's grace period (KEEPSAKE_USER_DELETE_GRACE_DAYS);
 * without it (not loaded, or not answered) the sentence names no number rather than a wrong one.
 */
export function deletionText(graceDays: number | undefined): string {
  const when =
    graceDays === undefined
      ? 'after the grace period'
      : graceDays === 0
        ? 'at the next maintenance run'
        : `in ${graceDays === 1 ? '1 day' : `${graceDays} days`}`;
  return (
    'They are signed out and disabled now. Their photos and account are deleted ' +
    `${when}; until then, Restore brings everything back.`
  );
}
