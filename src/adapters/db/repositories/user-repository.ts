import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../../core/errors.js';
import type {
  StorageUsage,
  StoredUserInput,
  User,
  UserChanges,
  UserRepository,
} from '../../../core/users/user.js';
import type { Database, UsersTable } from '../schema.js';
import { isUniqueViolation } from './unique-violation.js';

export const toUser = (
  row: Pick<
    Selectable<UsersTable>,
    | 'id'
    | 'email'
    | 'name'
    | 'is_admin'
    | 'created_at'
    | 'quota_bytes'
    | 'disabled_at'
    | 'delete_after'
  >,
): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  isAdmin: row.is_admin === 1,
  createdAt: row.created_at,
  // PostgreSQL answers a bigint as text.
  quotaBytes: row.quota_bytes === null ? null : Number(row.quota_bytes),
  disabledAt: row.disabled_at,
  deleteAfter: row.delete_after,
});

export const USER_COLUMNS = [
  'users.id',
  'users.email',
  'users.name',
  'users.is_admin',
  'users.created_at',
  'users.quota_bytes',
  'users.disabled_at',
  'users.delete_after',
] as const;

export class KyselyUserRepository implements UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createFirstAdmin(user: StoredUserInput): Promise<User | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
      if (existing) return undefined;
      await trx.insertInto('users').values(toRow(user)).execute();
      return toUser(toRow(user));
    });
  }

  async create(user: StoredUserInput): Promise<User> {
    try {
      await this.db.insertInto('users').values(toRow(user)).execute();
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('EMAIL_TAKEN', 'A user with this email exists.');
      throw error;
    }
    return toUser(toRow(user));
  }

  async get(id: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async getCredentials(email: string): Promise<{ user: User; passwordHash: string } | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst();
    return row && { user: toUser(row), passwordHash: row.password_hash };
  }

  async list(): Promise<User[]> {
    const rows = await this.db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .orderBy('created_at')
      .execute();
    return rows.map(toUser);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async update(id: string, changes: UserChanges): Promise<User | undefined> {
    const values = {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.email !== undefined && { email: changes.email }),
      ...(changes.isAdmin !== undefined && { is_admin: changes.isAdmin ? 1 : 0 }),
      ...(changes.quotaBytes !== undefined && { quota_bytes: changes.quotaBytes }),
      ...(changes.disabledAt !== undefined && { disabled_at: changes.disabledAt }),
      ...(changes.deleteAfter !== undefined && { delete_after: changes.deleteAfter }),
    };
    if (Object.keys(values).length > 0) {
      try {
        await this.db.updateTable('users').set(values).where('id', '=', id).execute();
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('EMAIL_TAKEN', 'A user with this email exists.');
        throw error;
      }
    }
    return this.get(id);
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', id)
      .execute();
  }

  async countActiveAdmins(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_admin', '=', 1)
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async storageOf(id: string): Promise<StorageUsage> {
    return (await this.storage(id)).get(id) ?? { usedBytes: 0, assetCount: 0 };
  }

  storageByUser(): Promise<Map<string, StorageUsage>> {
    return this.storage();
  }

  // Every asset row counts, trashed and hidden motion parts too: they take space until purged.
  private async storage(ownerId?: string): Promise<Map<string, StorageUsage>> {
    let q = this.db
      .selectFrom('assets')
      .select((eb) => [
        'owner_id',
        eb.fn.sum<number | string>('file_size').as('used'),
        eb.fn.countAll<number | string>().as('n'),
      ])
      .groupBy('owner_id');
    if (ownerId) q = q.where('owner_id', '=', ownerId);
    const rows = await q.execute();
    return new Map(
      rows.map((r) => [r.owner_id, { usedBytes: Number(r.used), assetCount: Number(r.n) }]),
    );
  }

  async ownsContent(id: string, checksum: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('assets')
      .select('id')
      .where('owner_id', '=', id)
      .where('checksum', '=', checksum)
      .executeTakeFirst();
    return row !== undefined;
  }

  async listDueForDeletion(now: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('users')
      .select('id')
      .where('delete_after', '<=', now)
      .execute();
    return rows.map((r) => r.id);
  }

  async trashAllAssets(id: string, at: string): Promise<void> {
    await this.db
      .updateTable('assets')
      .set({ trashed_at: at })
      .where('owner_id', '=', id)
      .where('trashed_at', 'is', null)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('users').where('id', '=', id).execute();
  }
}

const toRow = (user: StoredUserInput) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  password_hash: user.passwordHash,
  is_admin: user.isAdmin ? 1 : 0,
  created_at: user.createdAt,
  quota_bytes: null,
  disabled_at: null,
  delete_after: null,
});
