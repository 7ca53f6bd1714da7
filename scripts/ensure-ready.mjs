#!/usr/bin/env node
// Makes a fresh clone ready to run: installs dependencies when the lockfile changed (or none are
// installed), installs the system tools Keepsake needs when missing, and builds the server when
// its sources are newer than the build. Plain Node, no dependencies: it runs before any exist.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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
  // JPEG XL: the prebuilt libvips has no JPEG XL decoder either (djxl and jxlinfo, 0.7 on bookworm).
  { tool: 'djxl', pkg: 'libjxl-tools', why: 'JPEG XL thumbnails' },
  // Camera RAWs whose embedded preview is tiny or missing: LibRaw's dcraw_emu develops them.
  { tool: 'dcraw_emu', pkg: 'libraw-bin', why: 'thumbnails of RAWs without a usable preview' },
];

// What only the tests need: the browser the web app's end-to-end tests drive (playwright-core
// drives Debian's chromium; playwright's own browser downloads cannot reach their servers here).
const TEST_TOOLS = [{ tool: 'chromium', pkg: 'chromium', why: 'the web app tests' }];

function ensureTestTools() {
  const missing = TEST_TOOLS.filter(({ tool }) => !has(process.env.KEEPSAKE_CHROMIUM_PATH || tool));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || !has('apt-get')) {
    console.error(
      '[keepsake] Please install chromium (or set KEEPSAKE_CHROMIUM_PATH): the web app tests need it.',
    );
    process.exit(1);
  }
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

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
  } else if (!missing.some(({ pkg }) => pkg === 'ffmpeg') || ensureLocalFfmpeg()) {
    const others = missing.filter(({ pkg }) => pkg !== 'ffmpeg');
    if (others.length > 0)
      console.error(
        `[keepsake] Not installed: ${[...new Set(others.map(({ pkg }) => pkg))].join(', ')} ` +
          `(needed for ${others.map(({ why }) => why).join(', ')}).`,
      );
  } else {
    // Photos work without ffmpeg: say what is missing, and let videos fail with that reason.
    console.error(
      `[keepsake] ffmpeg is not installed: videos will be kept but get no metadata or poster ` +
        `frame until it is (apt-get install ffmpeg, or set KEEPSAKE_FFMPEG_PATH and KEEPSAKE_FFPROBE_PATH).`,
    );
  }
}

// Without root or apt: the npm builds of ffmpeg and ffprobe, installed into .tools/ (git-ignored)
// rather than the project's lockfile, as only such machines need them. Keepsake uses them when no
// ffmpeg is on the PATH: see [Note: Which ffmpeg] in src/adapters/media/media-tool-binaries.ts.
const LOCAL_FFMPEG = ['@ffmpeg-installer/ffmpeg@1.1.0', '@ffprobe-installer/ffprobe@2.1.2'];

function ensureLocalFfmpeg() {
  if (process.env.KEEPSAKE_FFMPEG_PATH || process.env.KEEPSAKE_FFPROBE_PATH) return false;
  const tools = join(root, '.tools');
  const platform = `${process.platform}-${process.arch}`;
  const exe = (tool) => (process.platform === 'win32' ? `${tool}.exe` : tool);
  const binaries = ['ffmpeg', 'ffprobe'].map((tool) =>
    join(tools, 'node_modules', `@${tool}-installer`, platform, exe(tool)),
  );
  if (binaries.every((path) => existsSync(path))) return true;
  console.error('[keepsake] No ffmpeg and no apt-get as root: installing npm builds into .tools/');
  mkdirSync(tools, { recursive: true });
  // Its own package.json, so npm installs here and never climbs to the project's.
  writeFileSync(join(tools, 'package.json'), '{ "private": true }\n');
  const result = spawnSync(
    'npm',
    ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', ...LOCAL_FFMPEG],
    { cwd: tools, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0 || !binaries.every((path) => existsSync(path))) return false;
  for (const path of binaries) chmodSync(path, 0o755); // not every tarball keeps the bit
  console.error(`[keepsake] Videos will use ${binaries.join(' and ')}.`);
  return true;
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

// The web app (web/, React + Vite) into dist/web, which the server serves at `/`.
function ensureWebBuild() {
  const stamp = join(root, 'dist', 'web', '.keepsake-build');
  const sourcesChanged =
    !existsSync(stamp) || newestMtime(join(root, 'web')) > statSync(stamp).mtimeMs;
  if (!sourcesChanged) return;
  run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  writeFileSync(stamp, new Date().toISOString());
}

checkNode();
ensureSystemTools();
ensureDependencies();
if (args.has('--test')) ensureTestTools();
if (args.has('--build')) ensureBuild();
// The server serves it; the browser tests drive it.
if (args.has('--build') || args.has('--test')) ensureWebBuild();
