/*
 * The info panel's edit fields, to and from the API's values; the selection's Edit dialog reads
 * its fields with the same functions. A date is edited as the local wall-clock time (a
 * datetime-local input) and its UTC offset ("+02:00", or empty: unknown).
 */

/** What to say when `joinTakenAt` answers null. */
export const TAKEN_AT_HINT = 'Give a date, a time and an offset like +02:00.';
/** What to say when `parseCoordinates` answers undefined. */
export const COORDINATES_HINT = 'Give latitude, longitude (e.g. 48.8566, 2.3522), or nothing.';

const TAKEN_AT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const OFFSET = /^[+-](\d{2}):(\d{2})$/;

export function splitTakenAt(takenAt: string): { local: string; offset: string } {
  const m = TAKEN_AT.exec(takenAt);
  if (!m) return { local: '', offset: '' };
  return { local: m[1]!, offset: m[2] === 'Z' ? '+00:00' : (m[2] ?? '') };
}

/** The `takenAt` to send, or null when the fields do not make one. */
export function joinTakenAt(local: string, offset: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const zone = offset.trim();
  if (zone === '') return `${local}:00`;
  const m = OFFSET.exec(zone);
  if (!m || Number(m[1]) > 14 || Number(m[2]) > 59) return null;
  return `${local}:00${zone}`;
}

/** "48.8566, 2.3522" → the pair; "" → null (clears); undefined when it is not a position. */
export function parseCoordinates(
  text: string,
): { latitude: number; longitude: number } | null | undefined {
  if (text.trim() === '') return null;
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [latitude, longitude] = parts as [number, number];
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return { latitude, longitude };
}
