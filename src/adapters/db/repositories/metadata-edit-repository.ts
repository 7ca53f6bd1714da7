import type { Kysely, Updateable } from 'kysely';
import type { EditedField } from '../../../core/assets/asset.js';
import type { MetadataEditRepository } from '../../../core/assets/metadata-edit-repository.js';
import type { MetadataEdit } from '../../../core/assets/metadata-edits.js';
import { monthOf } from '../../../core/media/capture-time.js';
import type { Place } from '../../../core/places/place-resolver.js';
import type { AssetsTable, Database } from '../schema.js';

export class KyselyMetadataEditRepository implements MetadataEditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async saveEdit(
    ownerId: string,
    id: string,
    edit: MetadataEdit,
    derived: { place: Place | null | undefined; editedFields: EditedField[] },
  ): Promise<boolean> {
    const values: Updateable<AssetsTable> = {
      edited_fields: JSON.stringify(derived.editedFields),
      updated_at: new Date().toISOString(),
    };
    if (edit.takenAt) {
      values.taken_local = edit.takenAt.local;
      values.taken_offset_minutes = edit.takenAt.offsetMinutes;
      values.taken_source = edit.takenAt.source;
      // The bucket triggers follow `month`: the asset moves in the timeline's counts.
      values.month = monthOf(edit.takenAt);
    }
    if (edit.location !== undefined) {
      values.latitude = edit.location?.latitude ?? null;
      values.longitude = edit.location?.longitude ?? null;
    }
    if (derived.place !== undefined) values.place = derived.place && JSON.stringify(derived.place);
    if (edit.description !== undefined) values.description = edit.description;
    if (edit.rating !== undefined) values.rating = edit.rating;
    const result = await this.db
      .updateTable('assets')
      .set(values)
      .where('id', '=', id)
      .where('owner_id', '=', ownerId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
