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
const run = (label, testFiles, env) => {
  if (testFiles.length === 0) return 0;
  console.log(`\n# ${label}: ${testFiles.length} test file(s)\n`);
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-concurrency=2',
      '--test-timeout=300000',
      ...testFiles,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        KEEPSAKE_LOG_LEVEL: process.env.KEEPSAKE_LOG_LEVEL ?? 'silent',
        ...env,
      },
    },
  );
  return result.status ?? 1;
};

// Everything on the embedded stack, then the HTTP suite again on PostgreSQL, S3 and BullMQ
// (test/helpers/stack.ts). KEEPSAKE_TEST_STACK=embedded|scaleout runs only one of the two.
const only = process.env.KEEPSAKE_TEST_STACK;
const embedded =
  only === 'scaleout' ? 0 : run('embedded stack', files, { KEEPSAKE_TEST_STACK: 'embedded' });
const scaleout =
  only === 'embedded'
    ? 0
    : run(
        'scale-out stack (PostgreSQL, S3, BullMQ)',
        files.filter((f) => f.startsWith('test/http/')),
        { KEEPSAKE_TEST_STACK: 'scaleout' },
      );
process.exit(embedded || scaleout);
