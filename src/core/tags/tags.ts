import type { DetectedObject } from '../vision/vision-ports.js';

/*
 * [Note: Tags]
 * A tag is a thing the objects step found in a photo: a name from the detector's vocabulary (COCO's
 * 80 classes, docs/vision.md) and how sure it was. One per name and asset, however many boxes the
 * detector drew (three dogs are one `dog`, at the best box's confidence): tags answer "photos with
 * a dog", not "how many". They are the owner's: a partner or an album member sees the photo, not
 * its tags. A run replaces the asset's tags, so running the step again never adds twice.
 */
export interface Tag {
  name: string;
  /** 0..1. */
  confidence: number;
}

/** One of an owner's tags, over the photos its timeline shows. */
export interface TagSummary {
  name: string;
  count: number;
  /** The newest of those photos (by capture time). */
  coverAssetId: string;
}

export interface TagRepository {
  /** The asset's tags become these (none: the asset has none). */
  replaceTags(assetId: string, tags: readonly Tag[]): Promise<void>;
  /** Most confident first. */
  tagsOf(assetId: string): Promise<Tag[]>;
  /**
   * The owner's tags over their assets that the timeline shows (not trashed, archived or a hidden
   * motion part), most photos first, then by name.
   */
  summaries(ownerId: string): Promise<TagSummary[]>;
  /** Whether one of those assets has the tag. */
  hasTag(ownerId: string, name: string): Promise<boolean>;
}

/** One tag per name, at the highest confidence of its boxes; most confident first. */
export function tagsFromObjects(objects: readonly DetectedObject[]): Tag[] {
  const best = new Map<string, number>();
  for (const { name, confidence } of objects)
    best.set(name, Math.max(best.get(name) ?? 0, confidence));
  return [...best]
    .map(([name, confidence]) => ({ name, confidence }))
    .sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
}
