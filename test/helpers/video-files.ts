import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A test video made by ffmpeg's own generators (a test card and a tone): small, quick to make,
 * and any length or codec a test needs.
 */
export async function generateVideo(
  path: string,
  options: { seconds: number; width: number; height: number; fps?: number; codec?: string[] },
): Promise<string> {
  const { seconds, width, height, fps = 10 } = options;
  const codec = options.codec ?? ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];
  await run('ffmpeg', [
    ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc=size=${width}x${height}:rate=${fps}:duration=${seconds}`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
    ...codec,
    ...['-c:a', 'aac', '-shortest', path],
  ]);
  return path;
}

export interface ProbedFile {
  format: { format_name: string; duration: string };
  streams: {
    codec_type: string;
    codec_name: string;
    pix_fmt?: string;
    width?: number;
    height?: number;
  }[];
}

/** ffprobe's reading of some bytes (written to `dir` first). */
export async function probeBytes(dir: string, name: string, bytes: Buffer): Promise<ProbedFile> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const { stdout } = await run('ffprobe', [
    ...['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path],
  ]);
  return JSON.parse(stdout) as ProbedFile;
}

/** The MP4 top-level boxes in order (`ftyp`, `moov`, `mdat`...). */
export function topLevelBoxes(mp4: Buffer): string[] {
  const boxes: string[] = [];
  for (let at = 0; at + 8 <= mp4.length;) {
    let size = mp4.readUInt32BE(at);
    const type = mp4.toString('latin1', at + 4, at + 8);
    if (size === 1) size = Number(mp4.readBigUInt64BE(at + 8));
    else if (size === 0) size = mp4.length - at;
    boxes.push(type);
    if (size < 8) break;
    at += size;
  }
  return boxes;
}
