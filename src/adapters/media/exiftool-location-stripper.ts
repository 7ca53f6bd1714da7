import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LocationStripper, StrippedCopy } from '../../core/shared-links/location-stripper.js';
import { runTool } from './run-tool.js';

/** Rewriting metadata copies the file once; generous for a long video on a slow disk. */
const TIMEOUT_MS = 120_000;
/*
 * `GPS` is the EXIF GPS directory; family-2 `Location` adds XMP's exif:GPS*, IPTC/XMP places and
 * QuickTime's GPSCoordinates (©xyz, Keys), which is where phones put a video's location.
 */
const DELETE_ARGS = ['-gps:all=', '-location:all='];

let scriptPath: Promise<string> | undefined;
// The same vendored ExifTool the metadata step runs; found through exiftool-vendored's own lookup.
const exiftoolScript = () =>
  (scriptPath ??= import('exiftool-vendored').then(({ exiftoolPath }) => exiftoolPath()));

/**
 * Strips location with ExifTool into a temporary copy (`-o`, so the stored original is only read),
 * then reads the copy back: only a copy in which ExifTool finds no location tag is served.
 */
export class ExiftoolLocationStripper implements LocationStripper {
  async strip(original: Readable, fileName: string): Promise<StrippedCopy | undefined> {
    const dir = await mkdtemp(join(tmpdir(), 'keepsake-strip-'));
    const dispose = () => rm(dir, { recursive: true, force: true });
    try {
      // ExifTool writes the format it reads; the extension only keeps the names readable.
      const ext = /^\.[a-z0-9]{1,8}$/i.test(extname(fileName)) ? extname(fileName) : '';
      const source = join(dir, `original${ext}`);
      const copy = join(dir, `stripped${ext}`);
      await pipeline(original, createWriteStream(source));
      const exiftool = await exiftoolScript();
      const limits = { timeoutMs: TIMEOUT_MS, maxStdoutBytes: 1024 * 1024 };
      const written = await runTool(exiftool, [...DELETE_ARGS, '-o', copy, source], limits);
      if (written.code !== 0) return void (await dispose());
      const check = await runTool(exiftool, ['-json', '-n', '-location:all', copy], limits);
      if (check.code !== 0 || hasLocation(check.stdout)) return void (await dispose());
      const { size } = await stat(copy);
      return {
        size,
        open: async (range) => createReadStream(copy, range),
        dispose,
      };
    } catch (error) {
      await dispose();
      throw error;
    }
  }
}

function hasLocation(json: Buffer): boolean {
  const [tags] = JSON.parse(json.toString('utf8')) as Record<string, unknown>[];
  return Object.keys(tags ?? {}).some((name) => name !== 'SourceFile');
}
