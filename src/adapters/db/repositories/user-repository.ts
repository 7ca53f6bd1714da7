import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../../core/errors.js';
import type { StoredUserInput, User, UserRepository } from '../../../core/users/user.js';
import type { Database, UsersTable } from '../schema.js';
import { isUniqueViolation } from './unique-violation.js';

export const toUser = (
  row: Pick<Selectable<UsersTable>, 'id' | 'email' | 'name' | 'is_admin' | 'created_at'>,
): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  isAdmin: row.is_admin === 1,
  createdAt: row.created_at,
});

export const USER_COLUMNS = [
  'users.id',
  'users.email',
  'users.name',
  'users.is_admin',
  'users.created_at',
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
}

const toRow = (user: StoredUserInput) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  password_hash: user.passwordHash,
  is_admin: user.isAdmin ? 1 : 0,
  created_at: user.createdAt,
});
