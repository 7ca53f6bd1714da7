import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * [Note: Which ffmpeg]
 * Keepsake runs the system's ffmpeg and ffprobe (Debian's package, which `npm start` installs
 * when it runs as root). Where that is impossible (not root, not Debian), scripts/ensure-ready.mjs
 * installs the npm packages @ffmpeg-installer/ffmpeg and @ffprobe-installer/ffprobe into
 * `.tools/` (git-ignored, outside the project's lockfile), and those binaries are used when no
 * ffmpeg is on the PATH. KEEPSAKE_FFMPEG_PATH and KEEPSAKE_FFPROBE_PATH override both.
 */
export type MediaTool = 'ffmpeg' | 'ffprobe';

/** The folder, under the project root, where ensure-ready installs the npm builds. */
export const LOCAL_TOOLS_DIR = '.tools';

export interface ToolLookup {
  /** The PATH to search; undefined when unknown (then the name on the PATH is trusted). */
  searchPath: string | undefined;
  /** The project root, which holds `.tools/`. */
  root: string;
  platform: string;
  arch: string;
  isExecutable(path: string): boolean;
}

/**
 * The name (`ffmpeg`) when it is on the PATH, else the npm build's path when ensure-ready
 * installed one, else the name again (so the error says it is not installed).
 */
export function chooseMediaTool(tool: MediaTool, lookup: ToolLookup): string {
  const exe = lookup.platform === 'win32' ? `${tool}.exe` : tool;
  if (lookup.searchPath === undefined) return tool;
  const onPath = lookup.searchPath
    .split(delimiter)
    .filter(Boolean)
    .some((dir) => lookup.isExecutable(join(dir, exe)));
  if (onPath) return tool;
  const local = localToolPath(tool, lookup);
  return lookup.isExecutable(local) ? local : tool;
}

/** Where @ffmpeg-installer/ffmpeg (@ffprobe-installer/ffprobe) puts this platform's binary. */
export function localToolPath(
  tool: MediaTool,
  lookup: Pick<ToolLookup, 'root' | 'platform' | 'arch'>,
): string {
  const exe = lookup.platform === 'win32' ? `${tool}.exe` : tool;
  return join(
    lookup.root,
    LOCAL_TOOLS_DIR,
    'node_modules',
    `@${tool}-installer`,
    `${lookup.platform}-${lookup.arch}`,
    exe,
  );
}

/** This machine, searching `searchPath` (the PATH, which config.ts reads). */
export function systemLookup(searchPath: string | undefined): ToolLookup {
  return {
    searchPath,
    root: projectRoot(),
    platform: process.platform,
    arch: process.arch,
    isExecutable: (path) => {
      try {
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** The nearest folder above this file with a package.json: the same from src/ and dist/src/. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
