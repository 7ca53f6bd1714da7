import { AppError } from '../errors.js';
import type { NewUser, PasswordHasher, User, UserRepository } from './user.js';

const MIN_PASSWORD_LENGTH = 8;

export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Creates the first user, as admin; refused once any user exists. */
  async setup(input: NewUser): Promise<User> {
    const created = await this.users.createFirstAdmin(await this.prepare(input, true));
    if (!created) throw new AppError('SETUP_ALREADY_DONE', 'Keepsake is already set up; sign in.');
    return created;
  }

  async create(input: NewUser): Promise<User> {
    return this.users.create(await this.prepare(input, false));
  }

  async getOrFail(id: string): Promise<User> {
    const user = await this.users.get(id);
    if (!user) throw new AppError('USER_NOT_FOUND', 'No such user.');
    return user;
  }

  list(): Promise<User[]> {
    return this.users.list();
  }

  async isSetUp(): Promise<boolean> {
    return (await this.users.count()) > 0;
  }

  private async prepare(input: NewUser, isAdmin: boolean) {
    const email = validEmail(input.email);
    validatePassword(input.password);
    const name = validName(input.name);
    return {
      id: crypto.randomUUID(),
      email,
      name,
      passwordHash: await this.hasher.hash(input.password),
      isAdmin,
      createdAt: new Date().toISOString(),
    };
  }
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export function validEmail(input: string): string {
  const email = normalizeEmail(input);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new AppError('VALIDATION_FAILED', 'The email address is not valid.');
  }
  return email;
}

export function validatePassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
    );
  }
}

export function validName(input: string): string {
  const name = input.trim();
  if (!name) throw new AppError('VALIDATION_FAILED', 'The name must not be empty.');
  return name;
}
