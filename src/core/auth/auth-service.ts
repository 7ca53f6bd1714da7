import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors.js';
import { normalizeEmail, validatePassword } from '../users/users-service.js';
import type { PasswordHasher, User, UserRepository } from '../users/user.js';
import type { ApiKeyRecord, AuthStore, SessionRecord } from './auth-store.js';
import type { LoginThrottle } from './login-throttle.js';

/** Who is asking. Every use case takes it and scopes its reads and writes to `userId`. */
export interface Principal {
  userId: string;
  isAdmin: boolean;
  sessionId?: string;
  /** Set when the request came with an API key (which may not mint further keys). */
  apiKeyId?: string;
}

/** How a session is described to its owner: which one is the caller's own. */
export type OwnSession = SessionRecord & { current: boolean };

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
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Signs in. `deviceToken` is the browser's device cookie, if it has one: a browser that signed
   * in to this account before passes its lock (see [Note: Sign-in back-off]); a new token is
   * returned when the browser has no valid one, for the caller to keep.
   */
  async login(
    email: string,
    password: string,
    context: { userAgent?: string; deviceToken?: string } = {},
  ): Promise<{ accessToken: string; user: User; newDeviceToken?: string }> {
    const key = normalizeEmail(email);
    const found = await this.users.getCredentials(key);
    const knownDevice =
      found !== undefined &&
      context.deviceToken !== undefined &&
      (await this.store.isLoginDevice(found.user.id, sha256(context.deviceToken)));
    if (!knownDevice) await this.throttle.assertOpen(key);
    this.dummyHash ??= this.hasher.hash(DUMMY_PASSWORD);
    const ok = found
      ? await this.hasher.verify(found.passwordHash, password)
      : await this.hasher.verify(await this.dummyHash, password).then(() => false);
    // See: [Note: A disabled account signs in like a wrong password]
    if (!found || !ok || found.user.disabledAt) {
      await this.throttle.recordFailure(key);
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(key);
    let newDeviceToken: string | undefined;
    if (!knownDevice) {
      newDeviceToken = newSecret();
      await this.store.addLoginDevice(
        found.user.id,
        sha256(newDeviceToken),
        new Date().toISOString(),
      );
    }
    const accessToken = newSecret();
    const expiresAt = new Date(Date.now() + this.options.sessionDays * 86_400_000).toISOString();
    await this.store.createSession({
      id: crypto.randomUUID(),
      userId: found.user.id,
      tokenHash: sha256(accessToken),
      expiresAt,
      userAgent: context.userAgent?.slice(0, 512) || null,
    });
    return { accessToken, user: found.user, newDeviceToken };
  }

  /**
   * A person changes their own password, knowing the current one. Every other session of theirs
   * ends (the one asking stays signed in), and their API keys are revoked unless they keep them.
   */
  async changePassword(
    principal: Principal,
    change: { currentPassword: string; newPassword: string; revokeApiKeys: boolean },
  ): Promise<void> {
    const user = await this.users.get(principal.userId);
    const found = user && (await this.users.getCredentials(user.email));
    if (!found || !(await this.hasher.verify(found.passwordHash, change.currentPassword)))
      throw new AppError('CURRENT_PASSWORD_WRONG', 'The current password is not right.');
    validatePassword(change.newPassword);
    await this.users.setPasswordHash(found.user.id, await this.hasher.hash(change.newPassword));
    await this.store.deleteSessionsOf(found.user.id, principal.sessionId);
    if (change.revokeApiKeys) await this.store.deleteApiKeysOf(found.user.id);
  }

  /** The caller's own sessions, still valid, newest first; `current` marks the one asking. */
  async listSessions(principal: Principal): Promise<OwnSession[]> {
    const sessions = await this.store.listSessions(principal.userId, new Date().toISOString());
    return sessions.map((s) => ({ ...s, current: s.id === principal.sessionId }));
  }

  /** Ends one of the caller's own sessions (someone else's is "not found"). */
  async endSession(principal: Principal, sessionId: string): Promise<void> {
    if (!(await this.store.deleteSessionOf(principal.userId, sessionId)))
      throw new AppError('SESSION_NOT_FOUND', 'No such session.');
  }

  /**
   * Expired sessions can never sign anyone in again; they are only kept until this runs. Failed
   * sign-ins nobody repeated for a day are forgotten at the same time. Returns the sessions
   * removed.
   */
  async purgeExpiredSessions(now = new Date()): Promise<number> {
    await this.throttle.purgeStale();
    return this.store.deleteExpiredSessions(now.toISOString());
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.sessionId) await this.store.deleteSession(principal.sessionId);
  }

  async authenticateToken(token: string): Promise<Principal | undefined> {
    const now = new Date();
    const found = await this.store.findSession(sha256(token), now.toISOString());
    if (found) assertEnabled(found.user);
    // "Last seen" for the account page; a write every few minutes at most, not per request.
    if (found && (!found.lastSeenAt || Date.parse(found.lastSeenAt) < now.getTime() - TOUCH_MS))
      await this.store.touchSession(found.sessionId, now.toISOString());
    return (
      found && { userId: found.user.id, isAdmin: found.user.isAdmin, sessionId: found.sessionId }
    );
  }

  async authenticateApiKey(key: string): Promise<Principal | undefined> {
    const found = await this.store.findApiKey(sha256(key));
    if (found) assertEnabled(found.user);
    return (
      found && { userId: found.user.id, isAdmin: found.user.isAdmin, apiKeyId: found.apiKeyId }
    );
  }

  /** Ends every session of the user (disabled, deleted, or a new password set by an admin). */
  endSessionsOf(userId: string): Promise<void> {
    return this.store.deleteSessionsOf(userId);
  }

  /** Revokes every API key of the user (a password reset, unless the keys are kept). */
  revokeApiKeysOf(userId: string): Promise<void> {
    return this.store.deleteApiKeysOf(userId);
  }

  async createApiKey(
    principal: Principal,
    name: string,
  ): Promise<ApiKeyRecord & { secret: string }> {
    // A leaked key must not be able to outlive its own revocation by minting another.
    if (principal.apiKeyId)
      throw new AppError(
        'API_KEY_CANNOT_CREATE_KEYS',
        'An API key cannot create API keys; sign in to create one.',
      );
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

/*
 * [Note: A disabled account signs in like a wrong password]
 *
 * Answering "disabled" only after a correct password would confirm the password to whoever
 * guessed it; answering it before would tell which emails have (disabled) accounts. A disabled
 * account therefore gets the same 401 INVALID_CREDENTIALS as a wrong password, whatever the
 * password, and the message says that a disabled account is one of the reasons. An API key of a
 * disabled user still gets 403 USER_DISABLED: its holder already has a secret of the account.
 */
const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', 'Wrong email or password, or the account is disabled.');

const TOUCH_MS = 5 * 60_000;
const newSecret = (): string => randomBytes(32).toString('base64url');
const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
