import { AppError } from '../errors.js';
import { fromIsoInstant, isValidLocal } from '../media/capture-time.js';
import type { DescribedAsset } from '../media/sidecar-merge.js';
import type { Asset, CaptureTime, EditedField } from './asset.js';

/*
 * [Note: Metadata edits]
 * An owner may change an asset's capture time (with its offset), position, description and
 * rating. The original is never rewritten: the new values live in the asset's row, the way the
 * metadata step's own results do, and `editedFields` records which ones a person chose. The
 * values a photo is described with then come, for each field, from the first that has one:
 *
 *   1. the owner's edit (an edit that clears a value, a position set to null say, counts too);
 *   2. the XMP sidecar ([Note: XMP sidecars] in core/media/sidecar-merge.ts);
 *   3. the file's own tags ([Note: Capture time]).
 *
 * So the metadata step, run again (reprocess, or a sidecar attached later), reads the file and
 * the sidecar as ever and then keeps every edited field as it stands (`keepEdits`). An edited
 * capture time reads source `edited`; it moves the asset to its new month (the month column
 * follows, and the timeline counts with it); an edited position is named again
 * ([Note: Place names]). `GET /api/assets/{id}/sidecar.xmp` writes the values in effect to a
 * sidecar, for other software.
 */

/** What a client asks to change; an absent field stays as it is. */
export interface MetadataEditInput {
  /** ISO 8601 local time with an optional offset: `2021-07-14T18:30:00+02:00`. */
  takenAt?: string;
  latitude?: number | null;
  longitude?: number | null;
  description?: string | null;
  rating?: number | null;
}

/** An edit checked and read: only the fields it changes are present. */
export interface MetadataEdit {
  takenAt?: CaptureTime;
  location?: { latitude: number; longitude: number } | null;
  description?: string | null;
  rating?: number | null;
}

export const EDITED_SOURCE = 'edited';

/** Checks and reads an edit; throws VALIDATION_FAILED naming what is wrong. */
export function readMetadataEdit(input: MetadataEditInput): MetadataEdit {
  const edit: MetadataEdit = {};
  if (input.takenAt !== undefined) {
    const date = fromIsoInstant(input.takenAt);
    if (!date || !isValidLocal(date.local))
      throw invalid('takenAt must be an ISO 8601 date and time, e.g. 2021-07-14T18:30:00+02:00.');
    edit.takenAt = { local: date.local, offsetMinutes: date.offsetMinutes, source: EDITED_SOURCE };
  }
  if ((input.latitude === undefined) !== (input.longitude === undefined))
    throw invalid('latitude and longitude go together.');
  if (input.latitude !== undefined && input.longitude !== undefined) {
    if ((input.latitude === null) !== (input.longitude === null))
      throw invalid('latitude and longitude are both set or both null.');
    edit.location =
      input.latitude === null || input.longitude === null
        ? null
        : { latitude: input.latitude, longitude: input.longitude };
  }
  if (input.description !== undefined) {
    const text = input.description?.trim() ?? '';
    edit.description = text === '' ? null : text;
  }
  if (input.rating !== undefined) edit.rating = input.rating;
  return edit;
}

export const editedFieldsOf = (edit: MetadataEdit): EditedField[] =>
  (['takenAt', 'location', 'description', 'rating'] as const).filter((f) => f in edit);

export const isEmptyEdit = (edit: MetadataEdit): boolean => editedFieldsOf(edit).length === 0;

/** The described values with the owner's edited fields kept as they stand on the asset. */
export function keepEdits(described: DescribedAsset, asset: Asset): DescribedAsset {
  const edited = new Set(asset.editedFields);
  return {
    ...described,
    ...(edited.has('takenAt') && { takenAt: asset.takenAt }),
    ...(edited.has('location') && { latitude: asset.latitude, longitude: asset.longitude }),
    ...(edited.has('description') && { description: asset.description }),
    ...(edited.has('rating') && { rating: asset.rating }),
  };
}

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message);
