import type { paths } from '../api/schema';
import {
  COORDINATES_HINT,
  joinTakenAt,
  parseCoordinates,
  TAKEN_AT_HINT,
} from '../viewer/edit-values';

/*
 * The selection's "Edit": one change for many of my photos, sent as PATCH /api/assets (the
 * server's [Note: Metadata edits]). Each field is ticked to change it; an unticked one stays as
 * each photo has it. The fields read the way the info panel's do (viewer/edit-values.ts), so a
 * date, a place or an empty field means the same in both.
 */

type BulkRequest = paths['/api/assets']['patch']['requestBody']['content']['application/json'];

/** The change itself, the same for every id. */
export type BulkPatch = Omit<BulkRequest, 'ids'>;

export type BulkField = 'date' | 'place' | 'description' | 'rating';

/** The dialog's fields, as typed; `set` is the tick that says "change this". */
export interface BulkEditForm {
  date: { set: boolean; local: string; offset: string };
  place: { set: boolean; text: string };
  description: { set: boolean; text: string };
  /** 0: no rating. */
  rating: { set: boolean; stars: number };
}

export const EMPTY_BULK_EDIT: BulkEditForm = {
  date: { set: false, local: '', offset: '' },
  place: { set: false, text: '' },
  description: { set: false, text: '' },
  rating: { set: false, stars: 0 },
};

export const NOTHING_TO_CHANGE = 'Tick at least one thing to change.';

/** The patch the ticked fields make, or what is wrong with them, field by field. */
export function patchOfForm(
  form: BulkEditForm,
): { patch: BulkPatch } | { errors: Partial<Record<BulkField | 'form', string>> } {
  const patch: BulkPatch = {};
  const errors: Partial<Record<BulkField, string>> = {};
  if (form.date.set) {
    const takenAt = joinTakenAt(form.date.local, form.date.offset);
    if (takenAt) patch.takenAt = takenAt;
    else errors.date = TAKEN_AT_HINT;
  }
  if (form.place.set) {
    const position = parseCoordinates(form.place.text);
    if (position === undefined) errors.place = COORDINATES_HINT;
    else Object.assign(patch, position ?? { latitude: null, longitude: null });
  }
  // Empty clears it, as the server reads it.
  if (form.description.set) patch.description = form.description.text;
  if (form.rating.set) patch.rating = form.rating.stars;
  if (Object.keys(errors).length > 0) return { errors };
  if (Object.keys(patch).length === 0) return { errors: { form: NOTHING_TO_CHANGE } };
  return { patch };
}

/** The list cut into runs of at most `size`, in order. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}

/** How a bulk edit went, counted per id. */
export interface BulkEditOutcome {
  total: number;
  updated: number;
  /** The server no longer has it as mine (trashed or deleted meanwhile, elsewhere). */
  notFound: number;
  /** In a request that failed. */
  failed: number;
  /** The first failure's readable message. */
  error?: string;
}

const items = (n: number) => (n === 1 ? '1 item' : `${n} items`);

/** The sentence the grid shows afterwards, and whether it is a failure. */
export function bulkEditNotice(o: BulkEditOutcome): { message: string; failed: boolean } {
  if (o.failed > 0)
    return {
      message: `${o.failed} of ${items(o.total)} could not be changed: ${o.error ?? ''}`.trim(),
      failed: true,
    };
  if (o.notFound > 0)
    return {
      message: `${items(o.updated)} changed; ${o.notFound} no longer found.`,
      failed: o.updated === 0,
    };
  return { message: `${items(o.updated)} changed.`, failed: false };
}
