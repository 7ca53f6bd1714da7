/** A link that shows an album or a chosen set of photos to anyone holding its key. */
export interface SharedLink {
  id: string;
  ownerId: string;
  /** Null for a selection link. */
  albumId: string | null;
  /** The album's name, for the public page; null for a selection link. */
  albumName: string | null;
  expiresAt: string | null;
  hasPassword: boolean;
  allowDownload: boolean;
  allowUpload: boolean;
  hideLocation: boolean;
  createdAt: string;
  revokedAt: string | null;
  /** How many photos it shows now. */
  assetCount: number;
}

export interface SharedLinkOptions {
  expiresAt?: string | null;
  password?: string | null;
  allowDownload?: boolean;
  allowUpload?: boolean;
  hideLocation?: boolean;
}

export type SharedLinkTarget = { albumId: string } | { assetIds: readonly string[] };

export interface NewSharedLink {
  id: string;
  ownerId: string;
  keyHash: string;
  /** See: [Note: Shared link keys can be copied again]. */
  keySealed: string;
  albumId: string | null;
  assetIds: readonly string[];
  expiresAt: string | null;
  passwordHash: string | null;
  allowDownload: boolean;
  allowUpload: boolean;
  hideLocation: boolean;
  createdAt: string;
}

/** A link as its owner lists it: its key sealed, or null for a link made before keys were kept. */
export interface OwnedSharedLink extends SharedLink {
  keySealed: string | null;
}

/** A link found by its key, with what is needed to check a guest's password. */
export interface SharedLinkWithSecret extends SharedLink {
  passwordHash: string | null;
  /** False while the owner is disabled or awaiting deletion: the link then opens nothing. */
  ownerActive: boolean;
}
