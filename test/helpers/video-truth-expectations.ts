import type { Truth } from './corpus.js';

/*
 * What the product should show for a corpus video, from ExifTool's reading (truth/), by rules
 * written apart from the product's code. QuickTime stores CreateDate in UTC (the QuickTime spec),
 * while Apple's Keys CreationDate is the local start of the recording with its offset.
 */
const DATE = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d+)?([+-]\d{2}:\d{2})?$/;

export type ExpectedVideoTime =
  /** The wall-clock second where it was filmed, and the offset when the file writes one. */
  | { localSecond: string; offset: string | null }
  /** Only the moment is known (a UTC stamp): the product's local time and offset must name it. */
  | { instant: string };

export function expectedVideoCaptureTime(truth: Truth): ExpectedVideoTime | undefined {
  const find = (suffix: string) => {
    for (const [key, value] of Object.entries(truth)) {
      const m = key.endsWith(suffix) && typeof value === 'string' ? DATE.exec(value) : null;
      if (m && m[1] !== '0000') return m;
    }
    return undefined;
  };
  const local = find(':CreationDate') ?? find(':DateTimeOriginal');
  if (local)
    return {
      localSecond: `${local[1]}-${local[2]}-${local[3]}T${local[4]}:${local[5]}:${local[6]}`,
      offset: local[7] ?? null,
    };
  const utc = truth['QuickTime:CreateDate'];
  const m = typeof utc === 'string' ? DATE.exec(utc) : null;
  if (!m || m[1] === '0000') return undefined;
  return { instant: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` };
}

/** The size a player shows: the video track's size, turned by the rotation it asks for. */
export function expectedVideoDisplaySize(truth: Truth): { width: number; height: number } {
  const dimension = (name: string) =>
    Number(
      Object.entries(truth).find(([key, v]) => key.endsWith(`:${name}`) && Number(v) > 0)?.[1],
    );
  const width = dimension('ImageWidth');
  const height = dimension('ImageHeight');
  const rotation = Number(truth['Composite:Rotation'] ?? 0);
  return rotation === 90 || rotation === 270 ? { width: height, height: width } : { width, height };
}

export function expectedDurationSeconds(truth: Truth): number | null {
  const seconds = Number(truth['QuickTime:Duration'] ?? truth['Composite:Duration']);
  return seconds > 0 ? seconds : null;
}
