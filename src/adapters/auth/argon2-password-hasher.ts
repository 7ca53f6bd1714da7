import type { PasswordHasher } from '../../core/users/user.js';

// OWASP's argon2id baseline (19 MiB, 2 passes): memory-hard, ~30 ms here.
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// Loaded on first sign-in rather than at start-up: a native module that an idle server never needs.
const argon2 = () => import('@node-rs/argon2');

export const argon2PasswordHasher: PasswordHasher = {
  hash: async (password) => (await argon2()).hash(password, OPTIONS),
  verify: async (stored, password) => (await argon2()).verify(stored, password).catch(() => false),
};
