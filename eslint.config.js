// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The core holds the product's rules; it must not know HTTP, SQL, files or media libraries.
// See docs/architecture.md.
const forbiddenInCore = [
  'fastify',
  '@fastify/*',
  'kysely',
  'better-sqlite3',
  'pg',
  'sharp',
  'exiftool-vendored',
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'http',
  'node:http',
  '@tus/*',
  // Model runtimes load on the worker pool only (adapters/vision/), never in the core.
  '@vladmandic/*',
  '@tensorflow/*',
  'tesseract.js',
  '@tesseract.js-data/*',
  'onnxruntime-node',
  'usearch',
  '**/adapters/**',
  '**/http/**',
];

const modelRuntimes = [
  '@vladmandic/*',
  '@tensorflow/*',
  'tesseract.js',
  'onnxruntime-node',
  '**/*-task.js',
  '**/*-runtime.js',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'data/',
      'test/fixtures/',
      'bench/.work/',
      'scratch/',
      'web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through src/config.ts only.',
        },
      ],
    },
  },
  {
    // The service worker runs in the browser, outside the bundle.
    files: ['web/public/sw.js'],
    languageOptions: {
      globals: { self: 'readonly', caches: 'readonly', fetch: 'readonly' },
    },
  },
  {
    files: ['src/config.ts', 'scripts/**', 'bench/**', 'test/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbiddenInCore.map((group) => ({
            group: [group],
            message: 'core/ depends only on its ports.',
          })),
        },
      ],
    },
  },
  {
    // See: [Note: One pool for heavy compute]. A model runtime is imported by the modules that run
    // on the pool's threads only, so the main thread (and an API-only process) never loads one.
    files: ['src/**/*.ts'],
    ignores: ['src/core/**', 'src/adapters/vision/*-task.ts', 'src/adapters/vision/*-runtime.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: modelRuntimes.map((group) => ({
            group: [group],
            allowTypeImports: true,
            message: 'Model runtimes load on the worker pool: import them from a *-task.ts module.',
          })),
        },
      ],
    },
  },
);
