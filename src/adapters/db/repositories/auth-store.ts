import type { Kysely } from 'kysely';
import type { ApiKeyRecord, AuthStore, SessionRecord } from '../../../core/auth/auth-store.js';
import type { User } from '../../../core/users/user.js';
import type { Database } from '../schema.js';
import { toUser, USER_COLUMNS } from './user-repository.js';

export class KyselyAuthStore implements AuthStore {
  constructor(private readonly db: Kysely<Database>) {}

  async createSession(session: {
    id: string;
    userId: string;
    tokenHash: string;
    expiresAt: string;
    userAgent: string | null;
  }): Promise<void> {
    const now = new Date().toISOString();
    await this.db
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        token_hash: session.tokenHash,
        created_at: now,
        expires_at: session.expiresAt,
        user_agent: session.userAgent,
        last_seen_at: now,
      })
      .execute();
  }

  async findSession(
    tokenHash: string,
    now: string,
  ): Promise<{ sessionId: string; lastSeenAt: string | null; user: User } | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([...USER_COLUMNS, 'sessions.id as session_id', 'sessions.last_seen_at'])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst();
    return row && { sessionId: row.session_id, lastSeenAt: row.last_seen_at, user: toUser(row) };
  }

  async touchSession(sessionId: string, at: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: at })
      .where('id', '=', sessionId)
      .execute();
  }

  async listSessions(userId: string, now: string): Promise<SessionRecord[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .select(['id', 'created_at', 'last_seen_at', 'user_agent'])
      .where('user_id', '=', userId)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      userAgent: r.user_agent,
    }));
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  }

  async deleteSessionOf(userId: string, sessionId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('id', '=', sessionId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async deleteSessionsOf(userId: string, exceptSessionId?: string): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
    await query.execute();
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async addLoginDevice(userId: string, tokenHash: string, createdAt: string): Promise<void> {
    await this.db
      .insertInto('login_devices')
      .values({ token_hash: tokenHash, user_id: userId, created_at: createdAt })
      .onConflict((oc) => oc.column('token_hash').doNothing())
      .execute();
  }

  async isLoginDevice(userId: string, tokenHash: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('login_devices')
      .select('token_hash')
      .where('token_hash', '=', tokenHash)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async createApiKey(key: ApiKeyRecord & { keyHash: string; userId: string }): Promise<void> {
    await this.db
      .insertInto('api_keys')
      .values({
        id: key.id,
        user_id: key.userId,
        name: key.name,
        key_hash: key.keyHash,
        created_at: key.createdAt,
      })
      .execute();
  }

  async listApiKeys(userId: string): Promise<ApiKeyRecord[]> {
    const rows = await this.db
      .selectFrom('api_keys')
      .select(['id', 'name', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
  }

  async deleteApiKey(userId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('api_keys')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async deleteApiKeysOf(userId: string): Promise<void> {
    await this.db.deleteFrom('api_keys').where('user_id', '=', userId).execute();
  }

  async findApiKey(keyHash: string): Promise<{ apiKeyId: string; user: User } | undefined> {
    const row = await this.db
      .selectFrom('api_keys')
      .innerJoin('users', 'users.id', 'api_keys.user_id')
      .select([...USER_COLUMNS, 'api_keys.id as api_key_id'])
      .where('api_keys.key_hash', '=', keyHash)
      .executeTakeFirst();
    return row && { apiKeyId: row.api_key_id, user: toUser(row) };
  }
}
