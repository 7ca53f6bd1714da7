export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
  /** Bytes of originals the user may own; null: no limit. */
  quotaBytes: number | null;
  /** Set while the user may not sign in or use a session or API key. */
  disabledAt: string | null;
  /** Set when an admin deleted the user: their data goes after this instant unless restored. */
  deleteAfter: string | null;
}

/** What an admin may change about a user (absent: unchanged). */
export interface UserChanges {
  name?: string;
  email?: string;
  isAdmin?: boolean;
  quotaBytes?: number | null;
  disabledAt?: string | null;
  deleteAfter?: string | null;
}

/** The sum of a user's own assets (each owner counts their copy; see [Note: Content locks]). */
export interface StorageUsage {
  usedBytes: number;
  assetCount: number;
}

export interface NewUser {
  email: string;
  password: string;
  name: string;
}

export interface UserRepository {
  /** Inserts the user unless any user exists (the first one becomes admin); atomic. */
  createFirstAdmin(user: StoredUserInput): Promise<User | undefined>;
  /** Throws AppError EMAIL_TAKEN when the email is in use. */
  create(user: StoredUserInput): Promise<User>;
  get(id: string): Promise<User | undefined>;
  getCredentials(email: string): Promise<{ user: User; passwordHash: string } | undefined>;
  list(): Promise<User[]>;
  count(): Promise<number>;
  /** Throws AppError EMAIL_TAKEN when the new email is in use; undefined when there is no user. */
  update(id: string, changes: UserChanges): Promise<User | undefined>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
  /** Admins who are not disabled. */
  countActiveAdmins(): Promise<number>;
  storageOf(id: string): Promise<StorageUsage>;
  /** Every user's usage, by user id (users without assets are absent). */
  storageByUser(): Promise<Map<string, StorageUsage>>;
  /** Whether the user already owns an asset with this content. */
  ownsContent(id: string, checksum: string): Promise<boolean>;
  /** Users whose deletion is due at `now`. */
  listDueForDeletion(now: string): Promise<string[]>;
  /** Moves every asset of the user to the trash, for the purge path to delete. */
  trashAllAssets(id: string, at: string): Promise<void>;
  /** Deletes the row; what references it (sessions, keys, albums, partners) goes with it. */
  delete(id: string): Promise<void>;
}

export interface StoredUserInput {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  isAdmin: boolean;
  createdAt: string;
}

/** A memory-hard password KDF. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
