import type { Generated } from 'kysely';

/*
 * Table shapes as Kysely sees them. Portable choices so SQLite and PostgreSQL share every query:
 * booleans are integers 0/1, instants are ISO 8601 UTC text (which sorts by time), ids are UUIDs.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  assets: AssetsTable;
  timeline_buckets: TimelineBucketsTable;
  jobs: JobsTable;
  job_outbox: JobOutboxTable;
  albums: AlbumsTable;
  album_assets: AlbumAssetsTable;
  album_users: AlbumUsersTable;
  album_activity: AlbumActivityTable;
  shared_links: SharedLinksTable;
  shared_link_assets: SharedLinkAssetsTable;
  partners: PartnersTable;
  memories: MemoriesTable;
  memory_runs: MemoryRunsTable;
  login_failures: LoginFailuresTable;
  login_devices: LoginDevicesTable;
  asset_steps: AssetStepsTable;
  asset_embeddings: AssetEmbeddingsTable;
  asset_tags: AssetTagsTable;
  asset_texts: AssetTextsTable;
  people: PeopleTable;
  faces: FacesTable;
  asset_fingerprints: AssetFingerprintsTable;
  duplicate_dismissals: DuplicateDismissalsTable;
}

/** One asset's fingerprint for near-duplicates. See: [Note: Near-duplicates]. */
export interface AssetFingerprintsTable {
  id: string;
  asset_id: string;
  version: string;
  /** 16 hex digits. */
  hash: string;
  /** base64 of an 8×8 RGB grid. */
  layout: string;
  sharpness: number;
  computed_at: string;
}

/** A group of near-duplicates its owner keeps whole. */
export interface DuplicateDismissalsTable {
  id: string;
  owner_id: string;
  group_id: string;
  /** JSON array of the member ids. */
  asset_ids: string;
  dismissed_at: string;
}

/** One owner's person. See: [Note: Faces into people]. */
export interface PeopleTable {
  id: string;
  owner_id: string;
  /** '' until named. */
  name: Generated<string>;
  hidden: Generated<number>;
  /** `YYYY-MM-DD`. */
  birth_date: string | null;
  /** The face shown for the person (not a foreign key; see migration 0014). */
  feature_face_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A face on an asset. See: [Note: Faces into people]. */
export interface FacesTable {
  id: string;
  asset_id: string;
  owner_id: string;
  person_id: string | null;
  /** The box, as fractions of the upright preview. */
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
  /** Float32 little-endian, base64. */
  embedding: string;
  /** 'auto' | 'user' */
  assigned_by: Generated<string>;
  created_at: string;
}

/** The text read in an asset (ocr step). See: [Note: Text in photos]. */
export interface AssetTextsTable {
  id: string;
  asset_id: string;
  /** Lines of words, a blank line between paragraphs; '' when none was read. */
  text: string;
  /** JSON: [{text, box: {x, y, width, height}, confidence}], boxes as fractions of the preview. */
  words: string;
  created_at: string;
}

/** A thing found in an asset (objects step). See: [Note: Tags]. */
export interface AssetTagsTable {
  id: string;
  asset_id: string;
  /** A COCO class name: "dog", "dining table". */
  name: string;
  /** The detector's highest score for it in the photo, 0..1. */
  confidence: number;
}

/** See: [Note: Backfilling a step]. */
export interface AssetStepsTable {
  id: string;
  asset_id: string;
  step: string;
  version: string;
  state: 'queued' | 'done' | 'failed';
  reason: string | null;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
  /** Null: unlimited. */
  quota_bytes: number | string | null;
  disabled_at: string | null;
  /** Deletion scheduled: maintenance deletes the user's data after this instant. */
  delete_after: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  user_agent: string | null;
  last_seen_at: string | null;
}

/** Consecutive failed sign-ins per normalised email: see [Note: Sign-in back-off]. */
export interface LoginFailuresTable {
  email: string;
  failures: number;
  last_failed_at: string;
  locked_until: string | null;
}

/** Browsers that signed in to the account before: they pass its sign-in lock. */
export interface LoginDevicesTable {
  token_hash: string;
  user_id: string;
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  user_id: string;
  name: string;
  key_hash: string;
  created_at: string;
}

export interface AssetsTable {
  id: string;
  owner_id: string;
  type: string;
  original_file_name: string;
  mime_type: string;
  file_size: number;
  checksum: string;
  original_key: string;
  device_id: string | null;
  device_asset_id: string | null;
  file_created_at: string | null;
  file_modified_at: string | null;
  uploaded_at: string;
  taken_local: string;
  taken_offset_minutes: number | null;
  taken_source: string;
  month: string;
  width: number | null;
  height: number | null;
  latitude: number | null;
  longitude: number | null;
  make: string | null;
  model: string | null;
  lens_model: string | null;
  f_number: number | null;
  exposure_time: number | null;
  iso: number | null;
  focal_length: number | null;
  duration_ms: number | null;
  thumbhash: string | null;
  thumbnail_key: string | null;
  preview_key: string | null;
  renditions_version: string | null;
  is_favorite: Generated<number>;
  is_archived: Generated<number>;
  trashed_at: string | null;
  status: Generated<string>;
  error: string | null;
  updated_at: string;
  video_codec: string | null;
  audio_codec: string | null;
  frame_rate: number | null;
  playback_status: string | null;
  playback_key: string | null;
  hls_key: string | null;
  playback_error: string | null;
  content_id: string | null;
  burst_id: string | null;
  live_photo_video_id: string | null;
  is_hidden: Generated<number>;
  sidecar_key: string | null;
  description: string | null;
  rating: number | null;
  /** A JSON array of strings, or null for none. */
  keywords: string | null;
  /** The place at the GPS position as JSON ({ city, region?, country, countryCode }), or null. */
  place: string | null;
  /** Described values the owner edited, as a JSON array (see [Note: Metadata edits]); null: none. */
  edited_fields: string | null;
}

export interface TimelineBucketsTable {
  owner_id: string;
  month: string;
  count: number;
}

export interface JobsTable {
  id: Generated<number>;
  queue: string;
  name: string;
  payload: string;
  status: string;
  attempts: Generated<number>;
  max_attempts: number;
  run_at: string;
  locked_until: string | null;
  /** Set when a worker takes the job; only that worker may finish it. */
  lock_token: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

/** Jobs waiting to be relayed to a queue outside the database. See: [Note: Job outbox]. */
export interface JobOutboxTable {
  id: Generated<number>;
  queue: string;
  name: string;
  /** The payload as JSON. */
  payload: string;
  /** Null: the queue's default. */
  max_attempts: number | null;
  delay_ms: number | null;
  created_at: string;
}

export interface AlbumsTable {
  id: string;
  owner_id: string;
  name: string;
  description: Generated<string>;
  cover_asset_id: string | null;
  /** 'newest-first' | 'oldest-first' */
  sort_order: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface AlbumAssetsTable {
  id: string;
  album_id: string;
  asset_id: string;
  added_by: string;
  added_at: string;
}

export interface AlbumUsersTable {
  id: string;
  album_id: string;
  user_id: string;
  /** 'viewer' | 'editor' */
  role: string;
  added_at: string;
}

export interface AlbumActivityTable {
  id: string;
  album_id: string;
  user_id: string;
  asset_id: string | null;
  /** 'comment' | 'like' */
  kind: string;
  text: string | null;
  created_at: string;
}

export interface PartnersTable {
  id: string;
  /** Shares their whole library, read-only… */
  owner_id: string;
  /** …with this user. */
  partner_id: string;
  /** The partner's choice: show the owner's photos in the partner's own timeline. */
  in_timeline: Generated<number>;
  created_at: string;
}

export interface SharedLinksTable {
  id: string;
  owner_id: string;
  /** SHA-256 of the key, hex; the key itself is shown once. */
  key_hash: string;
  /** The key sealed with the server's secret; null for links made before it was kept. */
  key_sealed: string | null;
  album_id: string | null;
  expires_at: string | null;
  password_hash: string | null;
  allow_download: number;
  allow_upload: number;
  hide_location: number;
  created_at: string;
  revoked_at: string | null;
}

export interface SharedLinkAssetsTable {
  id: string;
  link_id: string;
  asset_id: string;
}

/** One owner's stored memories of one day. See: [Note: Daily memories]. */
export interface MemoriesTable {
  id: string;
  owner_id: string;
  /** `YYYY-MM-DD`, the server's local date. */
  day: string;
  /** JSON: `[{ year, assetIds }]`, newest year first, each in the order shown. */
  years: string;
  /** Fingerprint of the candidate assets the pick was chosen from. */
  candidates: string;
  computed_at: string;
}

/** A day whose memories job was queued; `id` is the day (`YYYY-MM-DD`). */
export interface MemoryRunsTable {
  id: string;
  queued_at: string;
}

/** An asset's CLIP vector. See: [Note: One vector index per process]. */
export interface AssetEmbeddingsTable {
  id: string;
  asset_id: string;
  /** The vector's key in each process's index; a new or renewed vector takes the next one. */
  key: number;
  /** The embedder's version: vectors of different models are never compared. */
  model: string;
  /** Float32 little-endian, base64. */
  vector: string;
  created_at: string;
}
