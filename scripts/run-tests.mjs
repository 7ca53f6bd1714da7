#!/usr/bin/env node
// Runs every test file (test/**/*.test.ts) with Node's own test runner, TypeScript through tsx.
// Usage: node scripts/run-tests.mjs [path filter...]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
const files = readdirSync(join(root, 'test'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
  .map((e) => relative(root, join(e.parentPath, e.name)))
  .filter((f) => filters.length === 0 || filters.some((filter) => f.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-concurrency=2',
    '--test-timeout=300000',
    ...files,
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, KEEPSAKE_LOG_LEVEL: process.env.KEEPSAKE_LOG_LEVEL ?? 'silent' },
  },
);
process.exit(result.status ?? 1);
