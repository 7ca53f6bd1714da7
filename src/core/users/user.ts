export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
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
