#!/usr/bin/env node
// Makes a fresh clone ready to run: installs dependencies when the lockfile changed (or none are
// installed), installs the system tools Keepsake needs when missing, and builds the server when
// its sources are newer than the build. Plain Node, no dependencies: it runs before any exist.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));

function run(command, commandArgs, options = {}) {
  console.error(`[keepsake] ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    ...options,
  });
  if (result.status !== 0) {
    console.error(`[keepsake] ${command} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

const has = (tool) =>
  spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`[keepsake] Node.js 20.19 or newer is needed; this is ${process.versions.node}.`);
    process.exit(1);
  }
}

function ensureSystemTools() {
  // exiftool-vendored runs ExifTool, a Perl program.
  const missing = ['perl'].filter((tool) => !has(tool));
  if (missing.length === 0) return;
  if (process.getuid?.() === 0 && has('apt-get')) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', ...missing], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.error(
      `[keepsake] Please install: ${missing.join(', ')} (needed for reading photo metadata).`,
    );
    process.exit(1);
  }
}

function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  const stamp = join(root, 'node_modules', '.keepsake-install');
  const digest = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, digest);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function ensureBuild() {
  const stamp = join(root, 'dist', '.keepsake-build');
  const sourcesChanged =
    !existsSync(stamp) || newestMtime(join(root, 'src')) > statSync(stamp).mtimeMs;
  if (!sourcesChanged) return;
  run('npx', ['tsc', '-p', 'tsconfig.build.json']);
  writeFileSync(stamp, new Date().toISOString());
}

checkNode();
ensureSystemTools();
ensureDependencies();
if (args.has('--build')) ensureBuild();
