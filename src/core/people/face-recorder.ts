import type { DetectedFace, RelativeBox } from '../vision/vision-ports.js';
import {
  clusterUnassigned,
  linkedFaces,
  personForNewFace,
  type ClusteringOptions,
  type FaceVector,
} from './face-clustering.js';
import type { NewFace, PeopleRepository } from './people-repository.js';

/*
 * [Note: Faces into people]
 * The faces step finds an asset's faces and records them here, in one piece of work locked on the
 * owner (PeopleRepository.exclusive: a transaction, and on PostgreSQL an advisory lock, so two
 * workers never group the same faces twice):
 * 1. The asset's faces from an earlier run that the step put there ('auto') are replaced; faces
 *    someone placed by hand ('user': moved to a person, detached, or starting a person) stay,
 *    and a newly found face on the same spot (IoU ≥ 0.5) is not added a second time.
 * 2. Each new face joins an existing person at once where `personForNewFace` finds one among the
 *    owner's faces that have a person (incremental).
 * 3. When some new face found nobody, the batch (`clusterUnassigned`) runs, right away and inside
 *    the same lock, over the owner's faces without a person that are linked to this photo's faces
 *    (`linkedFaces`): new people appear as soon as `minFaces` similar faces exist. Only faces
 *    linked to a new one can form a group that did not exist before, so the batch's cost follows
 *    the faces near this photo, not the square of every stranger's face in the library. Running it
 *    only when a face was left over keeps it off the common path (a photo of people known).
 * A face detached by hand is never grouped again by the clustering (it is 'user', no person);
 * people left without a face are removed.
 *
 * Cost: the embeddings of the owner's faces with a person (4 KiB a face, 5.5 KiB as stored) are
 * read once per photo, and those without a person when the batch runs. Measured on SQLite: 20,000
 * faces read and decoded in ~1.5-2 s, against ~0.5 s for the models on one photo; fine for a
 * family library, not for 100,000 faces, where "the nearest faces with a person" should come from
 * a vector index (core/search's port) rather than from reading them all.
 */
export class FaceRecorder {
  constructor(
    private readonly people: PeopleRepository,
    private readonly options: ClusteringOptions,
    private readonly now: () => Date,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** Records the faces found on an asset; answers the ids of the faces it replaced. */
  async record(
    ownerId: string,
    assetId: string,
    found: readonly DetectedFace[],
  ): Promise<string[]> {
    return this.people.exclusive(ownerId, async (people) => {
      const now = this.now().toISOString();
      const placedByHand = (await people.facesOfAsset(assetId)).filter(
        (face) => face.assignedBy === 'user',
      );
      const assigned = await people.faceVectors(ownerId, 'assigned');
      const faces: NewFace[] = found
        .filter((face) => !placedByHand.some((kept) => overlap(kept.box, face.box) >= 0.5))
        .map((face) => ({
          id: this.newId(),
          box: face.box,
          score: face.score,
          embedding: face.embedding,
          personId: personForNewFace(face, assigned, this.options),
        }));
      const gone = await people.replaceAutoFaces(ownerId, assetId, faces, now);
      if (faces.some((face) => face.personId === null)) {
        // The faces with a person as they are now, without reading every embedding again.
        const replaced = new Set(gone);
        const assignedNow = [
          ...assigned.filter((face) => !replaced.has(face.id)),
          ...faces.filter((face) => face.personId !== null),
        ];
        await this.group(people, ownerId, faces, assignedNow, now);
      }
      await people.deleteEmptyPeople(ownerId);
      return gone;
    });
  }

  /** The batch: the owner's faces without a person near `found` join people, or form new ones. */
  private async group(
    people: PeopleRepository,
    ownerId: string,
    found: readonly NewFace[],
    assigned: readonly FaceVector[],
    now: string,
  ): Promise<void> {
    const groupable = await people.faceVectors(ownerId, 'groupable');
    const result = clusterUnassigned(
      linkedFaces(found, groupable, this.options),
      assigned,
      this.options,
    );
    const moves = [...result.joins];
    for (const faceIds of result.newPeople) {
      const personId = this.newId();
      await people.createPerson(ownerId, personId, '', now);
      for (const faceId of faceIds) moves.push({ faceId, personId });
    }
    if (moves.length > 0) await people.assignFaces(moves, 'auto');
  }
}

/** Intersection over union of two boxes. */
export function overlap(a: RelativeBox, b: RelativeBox): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (width <= 0 || height <= 0) return 0;
  const common = width * height;
  return common / (a.width * a.height + b.width * b.height - common);
}
