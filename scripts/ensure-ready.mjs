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

// A name on the PATH, or a path (KEEPSAKE_FFMPEG_PATH may name one); passed as an argument, not
// pasted into the shell command.
const has = (tool) =>
  spawnSync('sh', ['-c', 'command -v "$1"', 'sh', tool], { stdio: 'ignore' }).status === 0;

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`[keepsake] Node.js 20.19 or newer is needed; this is ${process.versions.node}.`);
    process.exit(1);
  }
}

// Each program Keepsake runs, and the Debian package that brings it.
const SYSTEM_TOOLS = [
  // exiftool-vendored runs ExifTool, a Perl program.
  { tool: 'perl', pkg: 'perl', why: 'reading photo metadata' },
  // Video metadata and poster frames. Debian's build (5.1 on bookworm) has every decoder phones
  // and cameras need; npm's ffmpeg packages download binaries or are years old.
  { tool: process.env.KEEPSAKE_FFMPEG_PATH || 'ffmpeg', pkg: 'ffmpeg', why: 'video poster frames' },
  {
    tool: process.env.KEEPSAKE_FFPROBE_PATH || 'ffprobe',
    pkg: 'ffmpeg',
    why: 'reading video metadata',
  },
  // iPhone and Samsung HEIC photos: sharp's prebuilt libvips cannot decode HEVC.
  { tool: 'heif-convert', pkg: 'libheif-examples', why: 'HEIC thumbnails' },
];

function ensureSystemTools() {
  const missing = SYSTEM_TOOLS.filter(({ tool }) => !has(tool));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map(({ pkg }) => pkg))];
  if (process.getuid?.() === 0 && has('apt-get')) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else if (missing.some(({ pkg }) => pkg === 'perl')) {
    console.error(
      `[keepsake] Please install: ${packages.join(', ')} (needed for ${missing.map(({ why }) => why).join(', ')}).`,
    );
    process.exit(1);
  } else {
    // Photos work without ffmpeg: say what is missing, and let videos fail with that reason.
    console.error(
      `[keepsake] ffmpeg is not installed: videos will be kept but get no metadata or poster ` +
        `frame until it is (apt-get install ffmpeg, or set KEEPSAKE_FFMPEG_PATH and KEEPSAKE_FFPROBE_PATH).`,
    );
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
