/**
 * Every error the product can answer with, each with a stable code. HTTP maps the `kind` to a
 * status once, at the edge (src/http/error-handler.ts); the core never speaks HTTP.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unsupported'
  | 'too-large'
  | 'rate-limited'
  | 'timed-out'
  | 'unavailable';

const definitions = {
  VALIDATION_FAILED: 'invalid',
  EMPTY_FILE: 'invalid',
  MISSING_FILE: 'invalid',
  INVALID_RANGE: 'invalid',
  INVALID_SIDECAR: 'invalid',
  ALBUM_COVER_NOT_IN_ALBUM: 'invalid',
  ALBUM_SHARE_UNKNOWN_USERS: 'invalid',
  DUPLICATE_KEEP_OUTSIDE_GROUP: 'invalid',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported',
  FILE_TOO_LARGE: 'too-large',
  QUOTA_EXCEEDED: 'too-large',
  UNAUTHENTICATED: 'unauthenticated',
  INVALID_CREDENTIALS: 'unauthenticated',
  CURRENT_PASSWORD_WRONG: 'invalid',
  API_KEY_CANNOT_CREATE_KEYS: 'forbidden',
  FORBIDDEN: 'forbidden',
  ADMIN_REQUIRED: 'forbidden',
  CROSS_SITE_REQUEST: 'forbidden',
  USER_DISABLED: 'forbidden',
  SETUP_ALREADY_DONE: 'conflict',
  EMAIL_TAKEN: 'conflict',
  LAST_ADMIN: 'conflict',
  ASSET_NOT_IN_TRASH: 'conflict',
  ASSET_STILL_PROCESSING: 'conflict',
  USER_NOT_FOUND: 'not-found',
  PARTNER_NOT_FOUND: 'not-found',
  ALBUM_NOT_FOUND: 'not-found',
  ASSET_NOT_FOUND: 'not-found',
  SIDECAR_PHOTO_NOT_FOUND: 'not-found',
  API_KEY_NOT_FOUND: 'not-found',
  SESSION_NOT_FOUND: 'not-found',
  RENDITION_NOT_READY: 'not-found',
  VIDEO_NOT_PLAYABLE: 'not-found',
  UPLOAD_NOT_FOUND: 'not-found',
  SHARED_LINK_NOT_FOUND: 'not-found',
  DUPLICATE_GROUP_NOT_FOUND: 'not-found',
  PERSON_NOT_FOUND: 'not-found',
  FACE_NOT_FOUND: 'not-found',
  STEP_NOT_FOUND: 'not-found',
  TAG_NOT_FOUND: 'not-found',
  STEP_SWITCHED_OFF: 'conflict',
  SMART_SEARCH_OFF: 'conflict',
  SMART_SEARCH_UNAVAILABLE: 'unavailable',
  PASSWORD_REQUIRED: 'unauthenticated',
  PASSWORD_WRONG: 'unauthenticated',
  DOWNLOAD_NOT_ALLOWED: 'forbidden',
  UPLOAD_NOT_ALLOWED: 'forbidden',
  LOCATION_NOT_REMOVABLE: 'unsupported',
  RATE_LIMITED: 'rate-limited',
  LOGIN_LOCKED: 'rate-limited',
  TOO_MANY_UPLOADS: 'rate-limited',
  UPLOAD_STALLED: 'timed-out',
  SERVICE_UNAVAILABLE: 'unavailable',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof definitions;

export class AppError extends Error {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
    this.kind = definitions[code];
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** What went wrong, in words, from anything thrown (not every throw is an Error). */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
