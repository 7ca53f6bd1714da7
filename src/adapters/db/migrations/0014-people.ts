import type { Kysely } from 'kysely';

// Faces found in photos and the people they are grouped into. See: [Note: Faces into people] in
// core/people/face-recorder.ts.
// - `people`: one owner's person; `feature_face_id` names the face shown for them. It is not a
//   foreign key: `faces` references `people`, and a copy (installation-move) writes people
//   before faces; a face that went away is noticed on read, and another face is shown.
// - `faces`: a face on an asset, its box as fractions of the upright preview, the detector's
//   score and its embedding (1024 float32, little-endian, base64 text: the same on SQLite and
//   PostgreSQL, and no vector extension needed). `assigned_by` 'user' marks a face a person put
//   where it is: running the faces step again keeps those and replaces the 'auto' ones.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('birth_date', 'text')
    .addColumn('feature_face_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_owner_idx').on('people').column('owner_id').execute();

  await db.schema
    .createTable('faces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('x', 'double precision', (c) => c.notNull())
    .addColumn('y', 'double precision', (c) => c.notNull())
    .addColumn('width', 'double precision', (c) => c.notNull())
    .addColumn('height', 'double precision', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('embedding', 'text', (c) => c.notNull())
    // auto | user
    .addColumn('assigned_by', 'text', (c) => c.notNull().defaultTo('auto'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('faces_asset_idx').on('faces').column('asset_id').execute();
  // A person's faces, and an owner's faces with or without a person (the clustering's input).
  await db.schema
    .createIndex('faces_owner_person_idx')
    .on('faces')
    .columns(['owner_id', 'person_id'])
    .execute();
  await db.schema.createIndex('faces_person_idx').on('faces').column('person_id').execute();
}
