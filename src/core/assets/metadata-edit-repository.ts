import type { EditedField } from './asset.js';
import type { MetadataEdit } from './metadata-edits.js';
import type { Place } from '../places/place-resolver.js';

/** Writes an owner's edit. See: [Note: Metadata edits] in core/assets/metadata-edits.ts. */
export interface MetadataEditRepository {
  /**
   * Sets the edited values (the month with the capture time, the place with the position) and
   * the asset's edited fields; false when the owner has no such asset.
   *
   * @example
   *   await edits.saveEdit(ownerId, id, { rating: 5 }, { place: undefined, editedFields: ['rating'] });
   */
  saveEdit(
    ownerId: string,
    id: string,
    edit: MetadataEdit,
    derived: { place: Place | null | undefined; editedFields: EditedField[] },
  ): Promise<boolean>;
}
