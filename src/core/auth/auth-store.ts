import type { User } from '../users/user.js';

/** Sessions and API keys, stored by the SHA-256 of their secret, never the secret itself. */
export interface AuthStore {
  createSession(session: {
    id: string;
    userId: string;
    tokenHash: string;
    expiresAt: string;
  }): Promise<void>;
  findSession(
    tokenHash: string,
    now: string,
  ): Promise<{ sessionId: string; user: User } | undefined>;
  deleteSession(sessionId: string): Promise<void>;
  /** Signs the user out everywhere. */
  deleteSessionsOf(userId: string): Promise<void>;
  /** Removes sessions that expired before `now`; returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;
  createApiKey(key: ApiKeyRecord & { keyHash: string; userId: string }): Promise<void>;
  listApiKeys(userId: string): Promise<ApiKeyRecord[]>;
  /** Returns false when the user has no such key. */
  deleteApiKey(userId: string, id: string): Promise<boolean>;
  findApiKey(keyHash: string): Promise<{ apiKeyId: string; user: User } | undefined>;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  createdAt: string;
}
