#!/usr/bin/env node
// Runs every test: the web app's unit tests in Vitest (web/src/**/*.test.ts), then every test
// file under test/ with Node's own test runner, TypeScript through tsx.
// Usage: node scripts/run-tests.mjs [path filter...]   (a filter starting with `web` picks Vitest)
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
const wantsWeb = filters.length === 0 || filters.some((f) => f.startsWith('web'));
if (files.length === 0 && !wantsWeb) {
  console.error('no test files matched');
  process.exit(1);
}

const runVitest = () => {
  console.log('\n# web app unit tests (Vitest)\n');
  const result = spawnSync('npx', ['vitest', 'run', '--config', 'web/vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  return result.status ?? 1;
};

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

const web = wantsWeb ? runVitest() : 0;
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
process.exit(web || embedded || scaleout);
