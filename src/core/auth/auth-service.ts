import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors.js';
import { normalizeEmail } from '../users/users-service.js';
import type { PasswordHasher, User, UserRepository } from '../users/user.js';
import type { ApiKeyRecord, AuthStore } from './auth-store.js';

/** Who is asking. Every use case takes it and scopes its reads and writes to `userId`. */
export interface Principal {
  userId: string;
  isAdmin: boolean;
  sessionId?: string;
}

export interface AuthServiceOptions {
  sessionDays: number;
}

// Verifying against a real hash even for unknown emails keeps the answer time the same, so the
// timing does not tell which emails have accounts.
const DUMMY_PASSWORD = 'keepsake-timing-equalizer';

export class AuthService {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly users: UserRepository,
    private readonly store: AuthStore,
    private readonly hasher: PasswordHasher,
    private readonly options: AuthServiceOptions,
  ) {}

  async login(email: string, password: string): Promise<{ accessToken: string; user: User }> {
    const found = await this.users.getCredentials(normalizeEmail(email));
    this.dummyHash ??= this.hasher.hash(DUMMY_PASSWORD);
    const ok = found
      ? await this.hasher.verify(found.passwordHash, password)
      : await this.hasher.verify(await this.dummyHash, password).then(() => false);
    if (!found || !ok) throw new AppError('INVALID_CREDENTIALS', 'Wrong email or password.');
    assertEnabled(found.user);
    const accessToken = newSecret();
    const expiresAt = new Date(Date.now() + this.options.sessionDays * 86_400_000).toISOString();
    await this.store.createSession({
      id: crypto.randomUUID(),
      userId: found.user.id,
      tokenHash: sha256(accessToken),
      expiresAt,
    });
    return { accessToken, user: found.user };
  }

  /** Expired sessions can never sign anyone in again; they are only kept until this runs. */
  purgeExpiredSessions(now = new Date()): Promise<number> {
    return this.store.deleteExpiredSessions(now.toISOString());
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.sessionId) await this.store.deleteSession(principal.sessionId);
  }

  async authenticateToken(token: string): Promise<Principal | undefined> {
    const found = await this.store.findSession(sha256(token), new Date().toISOString());
    if (found) assertEnabled(found.user);
    return (
      found && { userId: found.user.id, isAdmin: found.user.isAdmin, sessionId: found.sessionId }
    );
  }

  async authenticateApiKey(key: string): Promise<Principal | undefined> {
    const found = await this.store.findApiKey(sha256(key));
    if (found) assertEnabled(found.user);
    return found && { userId: found.user.id, isAdmin: found.user.isAdmin };
  }

  /** Ends every session of the user (disabled, deleted, or a new password set by an admin). */
  endSessionsOf(userId: string): Promise<void> {
    return this.store.deleteSessionsOf(userId);
  }

  async createApiKey(
    principal: Principal,
    name: string,
  ): Promise<ApiKeyRecord & { secret: string }> {
    const secret = newSecret();
    const record = {
      id: crypto.randomUUID(),
      name: name.trim() || 'API key',
      createdAt: new Date().toISOString(),
    };
    await this.store.createApiKey({ ...record, userId: principal.userId, keyHash: sha256(secret) });
    return { ...record, secret };
  }

  listApiKeys(principal: Principal): Promise<ApiKeyRecord[]> {
    return this.store.listApiKeys(principal.userId);
  }

  async revokeApiKey(principal: Principal, id: string): Promise<void> {
    if (!(await this.store.deleteApiKey(principal.userId, id))) {
      throw new AppError('API_KEY_NOT_FOUND', 'No such API key.');
    }
  }
}

// Sessions end when a user is disabled, but an API key stays: it must be refused, and clearly.
function assertEnabled(user: User): void {
  if (user.disabledAt)
    throw new AppError('USER_DISABLED', 'This account is disabled; ask an administrator.');
}

const newSecret = (): string => randomBytes(32).toString('base64url');
const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
