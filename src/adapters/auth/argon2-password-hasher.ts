import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../core/users/user.js';

// OWASP's argon2id baseline (19 MiB, 2 passes): memory-hard, ~30 ms here.
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const argon2PasswordHasher: PasswordHasher = {
  hash: (password) => hash(password, OPTIONS),
  verify: (stored, password) => verify(stored, password).catch(() => false),
};
