import { sql, type Kysely, type Selectable } from 'kysely';
import type { FaceVector } from '../../../core/people/face-clustering.js';
import type {
  Face,
  FaceAssignment,
  NewFace,
  PeopleRepository,
  Person,
  PersonChanges,
} from '../../../core/people/people-repository.js';
import type {
  TimelineBucket,
  TimelineCursor,
  TimelineItem,
} from '../../../core/timeline/timeline.js';
import type { DatabaseConnection } from '../dialect-features.js';
import type { Database, FacesTable } from '../schema.js';
import { afterCursor } from './newest-first.js';
import { TIMELINE_ITEM_COLUMNS, toTimelineItem } from './timeline-repository.js';
import { vectorFromColumn, vectorToColumn } from './vector-column.js';

/** See: [Note: Faces into people]. */
export class KyselyPeopleRepository implements PeopleRepository {
  constructor(
    private readonly connection: DatabaseConnection,
    private readonly db: Kysely<Database> = connection.db,
  ) {}

  async exclusive<T>(ownerId: string, work: (people: PeopleRepository) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return work(this);
    return this.db.transaction().execute(async (trx) => {
      await this.connection.features.lockContent(trx, `people:${ownerId}`);
      return work(new KyselyPeopleRepository(this.connection, trx));
    });
  }

  async faceVectors(ownerId: string, which: 'assigned' | 'groupable'): Promise<FaceVector[]> {
    const rows = await this.db
      .selectFrom('faces')
      .select(['id', 'embedding', 'person_id'])
      .where('owner_id', '=', ownerId)
      .where((eb) =>
        which === 'assigned'
          ? eb('person_id', 'is not', null)
          : eb.and([eb('person_id', 'is', null), eb('assigned_by', '=', 'auto')]),
      )
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      embedding: vectorFromColumn(r.embedding),
      personId: r.person_id,
    }));
  }

  async facesOfAsset(assetId: string): Promise<Face[]> {
    const rows = await this.faces().where('f.asset_id', '=', assetId).orderBy('f.x').execute();
    return rows.map(toFace);
  }

  async getFace(ownerId: string, faceId: string): Promise<Face | undefined> {
    const row = await this.faces()
      .where('f.owner_id', '=', ownerId)
      .where('f.id', '=', faceId)
      .executeTakeFirst();
    return row && toFace(row);
  }

  async replaceAutoFaces(
    ownerId: string,
    assetId: string,
    faces: readonly NewFace[],
    now: string,
  ): Promise<string[]> {
    const gone = await this.db
      .deleteFrom('faces')
      .where('asset_id', '=', assetId)
      .where('assigned_by', '=', 'auto')
      .returning('id')
      .execute();
    if (faces.length > 0)
      await this.db
        .insertInto('faces')
        .values(
          faces.map((face) => ({
            id: face.id,
            asset_id: assetId,
            owner_id: ownerId,
            person_id: face.personId,
            ...face.box,
            score: face.score,
            embedding: vectorToColumn(face.embedding),
            assigned_by: 'auto',
            created_at: now,
          })),
        )
        .execute();
    return gone.map((r) => r.id);
  }

  async assignFaces(
    moves: readonly { faceId: string; personId: string | null }[],
    by: FaceAssignment,
  ): Promise<void> {
    for (const { faceId, personId } of moves)
      await this.db
        .updateTable('faces')
        .set({ person_id: personId, assigned_by: by })
        .where('id', '=', faceId)
        .execute();
  }

  async deleteEmptyPeople(ownerId: string): Promise<void> {
    await this.db
      .deleteFrom('people')
      .where('owner_id', '=', ownerId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('faces').select('faces.id').whereRef('faces.person_id', '=', 'people.id'),
          ),
        ),
      )
      .execute();
  }

  async createPerson(ownerId: string, id: string, name: string, now: string): Promise<void> {
    await this.db
      .insertInto('people')
      .values({ id, owner_id: ownerId, name, created_at: now, updated_at: now })
      .execute();
  }

  async getPerson(ownerId: string, id: string): Promise<Person | undefined> {
    const row = await this.people(ownerId).where('p.id', '=', id).executeTakeFirst();
    return row && toPerson(row);
  }

  async listPeople(ownerId: string, withHidden: boolean): Promise<Person[]> {
    let query = this.people(ownerId).having((eb) => eb.fn.count('a.id'), '>', 0);
    if (!withHidden) query = query.where('p.hidden', '=', 0);
    return (await query.execute()).map(toPerson);
  }

  async updatePerson(id: string, changes: PersonChanges, now: string): Promise<void> {
    await this.db
      .updateTable('people')
      .set({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.hidden !== undefined && { hidden: changes.hidden ? 1 : 0 }),
        ...(changes.birthDate !== undefined && { birth_date: changes.birthDate }),
        ...(changes.featureFaceId !== undefined && { feature_face_id: changes.featureFaceId }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }

  async mergePeople(
    ownerId: string,
    intoId: string,
    fromIds: readonly string[],
    now: string,
  ): Promise<void> {
    if (fromIds.length === 0) return;
    // Put together by hand: a later run of the faces step keeps them where they are now.
    await this.db
      .updateTable('faces')
      .set({ person_id: intoId, assigned_by: 'user' })
      .where('owner_id', '=', ownerId)
      .where('person_id', 'in', fromIds)
      .execute();
    await this.db
      .deleteFrom('people')
      .where('owner_id', '=', ownerId)
      .where('id', 'in', fromIds)
      .execute();
    await this.db.updateTable('people').set({ updated_at: now }).where('id', '=', intoId).execute();
  }

  async buckets(ownerId: string, personId: string): Promise<TimelineBucket[]> {
    const rows = await this.photosOf(ownerId, personId)
      .select(['month', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('month')
      .orderBy('month', 'desc')
      .execute();
    return rows.map((r) => ({ bucket: r.month, count: Number(r.count) }));
  }

  async bucketPage(
    ownerId: string,
    personId: string,
    bucket: string,
    limit: number,
    after?: TimelineCursor,
  ): Promise<TimelineItem[]> {
    let query = this.photosOf(ownerId, personId)
      .select(TIMELINE_ITEM_COLUMNS)
      .where('month', '=', bucket);
    if (after) query = query.where(afterCursor(after));
    const rows = await query
      .orderBy('taken_local', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toTimelineItem);
  }

  /** The owner's visible assets (as in the library's timeline) with a face of the person. */
  private photosOf(ownerId: string, personId: string) {
    return this.db
      .selectFrom('assets')
      .where('owner_id', '=', ownerId)
      .where('id', 'in', (eb) =>
        eb.selectFrom('faces').select('faces.asset_id').where('faces.person_id', '=', personId),
      )
      .where('is_archived', '=', 0)
      .where('trashed_at', 'is', null)
      .where('is_hidden', '=', 0);
  }

  private faces() {
    return this.db
      .selectFrom('faces as f')
      .leftJoin('people as p', 'p.id', 'f.person_id')
      .select([
        'f.id',
        'f.asset_id',
        'f.owner_id',
        'f.person_id',
        'f.x',
        'f.y',
        'f.width',
        'f.height',
        'f.score',
        'f.assigned_by',
        'p.name as person_name',
      ]);
  }

  /**
   * The owner's people with their counts over visible assets (not trashed, not a hidden motion
   * part), and the face each is shown by: the feature face while it is still theirs and visible,
   * else their best-scored visible face.
   */
  private people(ownerId: string) {
    return this.db
      .selectFrom('people as p')
      .leftJoin('faces as f', 'f.person_id', 'p.id')
      .leftJoin('assets as a', (join) =>
        join
          .onRef('a.id', '=', 'f.asset_id')
          .on('a.trashed_at', 'is', null)
          .on('a.is_hidden', '=', 0),
      )
      .where('p.owner_id', '=', ownerId)
      .groupBy('p.id')
      .select((eb) => [
        'p.id',
        'p.owner_id',
        'p.name',
        'p.hidden',
        'p.birth_date',
        'p.feature_face_id',
        eb.fn.count<number | string>('a.id').as('face_count'),
        eb.fn.count<number | string>('a.id').distinct().as('asset_count'),
        eb
          .selectFrom('faces as c')
          .innerJoin('assets as ca', 'ca.id', 'c.asset_id')
          .select('c.id')
          .whereRef('c.person_id', '=', 'p.id')
          .where('ca.trashed_at', 'is', null)
          .where('ca.is_hidden', '=', 0)
          .orderBy(sql`case when c.id = p.feature_face_id then 0 else 1 end`)
          .orderBy('c.score', 'desc')
          .orderBy('c.id')
          .limit(1)
          .as('cover_face_id'),
      ]);
  }
}

type FaceRow = Pick<
  Selectable<FacesTable>,
  'id' | 'asset_id' | 'owner_id' | 'person_id' | 'x' | 'y' | 'width' | 'height' | 'score'
> & { assigned_by: string; person_name: string | null };

const toFace = (r: FaceRow): Face => ({
  id: r.id,
  assetId: r.asset_id,
  ownerId: r.owner_id,
  personId: r.person_id,
  personName: r.person_name || null,
  box: { x: Number(r.x), y: Number(r.y), width: Number(r.width), height: Number(r.height) },
  score: Number(r.score),
  assignedBy: r.assigned_by === 'user' ? 'user' : 'auto',
});

const toPerson = (r: {
  id: string;
  owner_id: string;
  name: string;
  hidden: number;
  birth_date: string | null;
  feature_face_id: string | null;
  face_count: number | string;
  asset_count: number | string;
  cover_face_id: string | null;
}): Person => ({
  id: r.id,
  ownerId: r.owner_id,
  name: r.name,
  hidden: Number(r.hidden) === 1,
  birthDate: r.birth_date,
  featureFaceId: r.feature_face_id,
  faceCount: Number(r.face_count),
  assetCount: Number(r.asset_count),
  coverFaceId: r.cover_face_id,
});
