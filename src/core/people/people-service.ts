import type { AssetRepository } from '../assets/asset-repository.js';
import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import { readBucketPage, type TimelinePage } from '../timeline/timeline-service.js';
import type { TimelineBucket } from '../timeline/timeline.js';
import type { FaceThumbnail, FaceThumbnails } from './face-thumbnails.js';
import type { Face, PeopleRepository, Person, PersonChanges } from './people-repository.js';

/*
 * [Note: People are the owner's]
 * People and faces are the owner's alone: a partner who sees the whole library, or a member of a
 * shared album who sees a photo, does not see who is in it (a name is the owner's judgement, often
 * private: "ex", "neighbour's kid"). Every call here takes the caller's id, and someone else's
 * person, face or asset is answered as not found.
 */
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly assets: AssetRepository,
    private readonly thumbnails: FaceThumbnails,
    private readonly clock: Clock,
  ) {}

  /** Named first, then the most photographed; hidden people only when asked for. */
  async list(ownerId: string, withHidden: boolean): Promise<Person[]> {
    return sortPeople(await this.people.listPeople(ownerId, withHidden));
  }

  async getOrFail(ownerId: string, id: string): Promise<Person> {
    const person = await this.people.getPerson(ownerId, id);
    if (!person) throw new AppError('PERSON_NOT_FOUND', 'No such person.');
    return person;
  }

  async update(ownerId: string, id: string, changes: PersonChanges): Promise<Person> {
    await this.getOrFail(ownerId, id);
    if (changes.featureFaceId) {
      const face = await this.people.getFace(ownerId, changes.featureFaceId);
      if (face?.personId !== id)
        throw new AppError(
          'VALIDATION_FAILED',
          'The feature face must be one of the person’s faces.',
        );
    }
    if (changes.birthDate && !isDay(changes.birthDate))
      throw new AppError('VALIDATION_FAILED', 'A birth date is a day written YYYY-MM-DD.');
    const name = changes.name?.trim();
    await this.people.updatePerson(
      id,
      { ...changes, ...(name !== undefined && { name }) },
      this.clock.now().toISOString(),
    );
    return this.getOrFail(ownerId, id);
  }

  /** The people of `ids` become `id`: their faces move to it and they are gone. */
  async merge(ownerId: string, id: string, ids: readonly string[]): Promise<Person> {
    const others = [...new Set(ids)].filter((other) => other !== id);
    await this.people.exclusive(ownerId, async (people) => {
      for (const personId of [id, ...others])
        if (!(await people.getPerson(ownerId, personId)))
          throw new AppError('PERSON_NOT_FOUND', `No such person: ${personId}.`);
      await people.mergePeople(ownerId, id, others, this.clock.now().toISOString());
    });
    return this.getOrFail(ownerId, id);
  }

  async thumbnail(ownerId: string, id: string): Promise<FaceThumbnail & { faceId: string }> {
    const person = await this.getOrFail(ownerId, id);
    const face = person.coverFaceId && (await this.people.getFace(ownerId, person.coverFaceId));
    if (!face) throw new AppError('PERSON_NOT_FOUND', 'This person has no face to show.');
    return { ...(await this.thumbnails.get(face)), faceId: face.id };
  }

  async buckets(ownerId: string, id: string): Promise<TimelineBucket[]> {
    await this.getOrFail(ownerId, id);
    return this.people.buckets(ownerId, id);
  }

  async bucket(
    ownerId: string,
    id: string,
    bucket: string,
    limit: number,
    cursor?: string,
  ): Promise<TimelinePage> {
    await this.getOrFail(ownerId, id);
    return readBucketPage(bucket, limit, cursor, (size, after) =>
      this.people.bucketPage(ownerId, id, bucket, size, after),
    );
  }

  async facesOfAsset(ownerId: string, assetId: string): Promise<Face[]> {
    if (!(await this.assets.getOwned(ownerId, assetId)))
      throw new AppError('ASSET_NOT_FOUND', 'No such asset.');
    return this.people.facesOfAsset(assetId);
  }

  /**
   * Puts a face with another of the owner's people, or (null) with nobody. Either way it is
   * placed by hand from now on: the faces step keeps it, the clustering leaves it alone.
   */
  async moveFace(ownerId: string, faceId: string, personId: string | null): Promise<Face> {
    await this.people.exclusive(ownerId, async (people) => {
      await this.faceOrFail(people, ownerId, faceId);
      if (personId !== null && !(await people.getPerson(ownerId, personId)))
        throw new AppError('PERSON_NOT_FOUND', 'No such person.');
      await people.assignFaces([{ faceId, personId }], 'user');
      await people.deleteEmptyPeople(ownerId);
    });
    return this.faceOrFail(this.people, ownerId, faceId);
  }

  /** "Who is this?": a face (with a person or not) starts a new person of its own. */
  async startPerson(ownerId: string, faceId: string, name: string): Promise<Person> {
    const id = crypto.randomUUID();
    await this.people.exclusive(ownerId, async (people) => {
      await this.faceOrFail(people, ownerId, faceId);
      await people.createPerson(ownerId, id, name.trim(), this.clock.now().toISOString());
      await people.assignFaces([{ faceId, personId: id }], 'user');
      await people.deleteEmptyPeople(ownerId);
    });
    return this.getOrFail(ownerId, id);
  }

  private async faceOrFail(people: PeopleRepository, ownerId: string, id: string): Promise<Face> {
    const face = await people.getFace(ownerId, id);
    if (!face) throw new AppError('FACE_NOT_FOUND', 'No such face.');
    return face;
  }
}

/** Named people first, then by size (photos, then faces); by name where those are equal. */
export function sortPeople(people: readonly Person[]): Person[] {
  return [...people].sort(
    (a, b) =>
      Number(!a.name) - Number(!b.name) ||
      b.assetCount - a.assetCount ||
      b.faceCount - a.faceCount ||
      a.name.localeCompare(b.name) ||
      a.id.localeCompare(b.id),
  );
}

const isDay = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
