import type { TimelineBucket, TimelineCursor, TimelineItem } from '../timeline/timeline.js';
import type { RelativeBox } from '../vision/vision-ports.js';
import type { FaceVector } from './face-clustering.js';

/** One owner's person, with what a list of people shows. */
export interface Person {
  id: string;
  ownerId: string;
  /** '' until someone names them. */
  name: string;
  hidden: boolean;
  /** `YYYY-MM-DD`. */
  birthDate: string | null;
  featureFaceId: string | null;
  /** Faces and assets counted on visible assets (not trashed, not a hidden motion part). */
  faceCount: number;
  assetCount: number;
  /** The face the person is shown by: the feature face while it is theirs, else the best-scored. */
  coverFaceId: string | null;
}

/** Who put a face with its person: the clustering, or someone by hand (kept on a re-run). */
export type FaceAssignment = 'auto' | 'user';

export interface Face {
  id: string;
  assetId: string;
  ownerId: string;
  personId: string | null;
  personName: string | null;
  box: RelativeBox;
  score: number;
  assignedBy: FaceAssignment;
}

export interface NewFace {
  id: string;
  box: RelativeBox;
  score: number;
  embedding: Float32Array;
  personId: string | null;
}

export interface PersonChanges {
  name?: string;
  hidden?: boolean;
  birthDate?: string | null;
  featureFaceId?: string | null;
}

/**
 * Faces and people. Reads by id are not scoped: the service checks the owner first, and every
 * method that takes `ownerId` works only on that owner's rows.
 */
export interface PeopleRepository {
  /**
   * Runs `work` so that no other `exclusive` work of the same owner interleaves with it, and all
   * of it or nothing is written (a transaction, locked on the owner). See: [Note: Faces into people].
   */
  exclusive<T>(ownerId: string, work: (people: PeopleRepository) => Promise<T>): Promise<T>;

  /**
   * The owner's faces with their embeddings: those with a person, or those the clustering may
   * still group (without a person and not detached by hand).
   */
  faceVectors(ownerId: string, which: 'assigned' | 'groupable'): Promise<FaceVector[]>;
  facesOfAsset(assetId: string): Promise<Face[]>;
  getFace(ownerId: string, faceId: string): Promise<Face | undefined>;
  /** Replaces the asset's faces found by the step; faces placed by hand stay. Answers the ids gone. */
  replaceAutoFaces(
    ownerId: string,
    assetId: string,
    faces: readonly NewFace[],
    now: string,
  ): Promise<string[]>;
  /** Puts faces with people; `by` 'user' marks them as placed by hand. */
  assignFaces(
    moves: readonly { faceId: string; personId: string | null }[],
    by: FaceAssignment,
  ): Promise<void>;
  /** Removes the owner's people left without a face. */
  deleteEmptyPeople(ownerId: string): Promise<void>;

  createPerson(ownerId: string, id: string, name: string, now: string): Promise<void>;
  getPerson(ownerId: string, id: string): Promise<Person | undefined>;
  listPeople(ownerId: string, withHidden: boolean): Promise<Person[]>;
  updatePerson(id: string, changes: PersonChanges, now: string): Promise<void>;
  /** Moves every face of `fromIds` to `intoId` and removes those people (all the owner's). */
  mergePeople(
    ownerId: string,
    intoId: string,
    fromIds: readonly string[],
    now: string,
  ): Promise<void>;

  /** Months with a visible photo of the person, newest first (as the library's timeline). */
  buckets(ownerId: string, personId: string): Promise<TimelineBucket[]>;
  bucketPage(
    ownerId: string,
    personId: string,
    bucket: string,
    limit: number,
    after?: TimelineCursor,
  ): Promise<TimelineItem[]>;
}
