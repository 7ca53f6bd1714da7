import type { User } from '../users/user.js';

/** Sessions and API keys, stored by the SHA-256 of their secret, never the secret itself. */
export interface AuthStore {
  createSession(session: {
    id: string;
    userId: string;
    tokenHash: string;
    expiresAt: string;
    userAgent: string | null;
  }): Promise<void>;
  findSession(
    tokenHash: string,
    now: string,
  ): Promise<{ sessionId: string; lastSeenAt: string | null; user: User } | undefined>;
  /** Records that the session was used at `at`. */
  touchSession(sessionId: string, at: string): Promise<void>;
  /** The user's sessions still valid at `now`, newest first. */
  listSessions(userId: string, now: string): Promise<SessionRecord[]>;
  deleteSession(sessionId: string): Promise<void>;
  /** Returns false when the user has no such session. */
  deleteSessionOf(userId: string, sessionId: string): Promise<boolean>;
  /** Signs the user out everywhere, or everywhere but `exceptSessionId`. */
  deleteSessionsOf(userId: string, exceptSessionId?: string): Promise<void>;
  /** Removes sessions that expired before `now`; returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;
  /** Remembers a browser that signed in to the user's account: see [Note: Sign-in back-off]. */
  addLoginDevice(userId: string, tokenHash: string, createdAt: string): Promise<void>;
  isLoginDevice(userId: string, tokenHash: string): Promise<boolean>;
  createApiKey(key: ApiKeyRecord & { keyHash: string; userId: string }): Promise<void>;
  listApiKeys(userId: string): Promise<ApiKeyRecord[]>;
  /** Returns false when the user has no such key. */
  deleteApiKey(userId: string, id: string): Promise<boolean>;
  /** Revokes every API key of the user. */
  deleteApiKeysOf(userId: string): Promise<void>;
  findApiKey(keyHash: string): Promise<{ apiKeyId: string; user: User } | undefined>;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  createdAt: string;
}

export interface SessionRecord {
  id: string;
  createdAt: string;
  lastSeenAt: string | null;
  userAgent: string | null;
}
