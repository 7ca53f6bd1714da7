import { describe, expect, it } from 'vitest';
import type { UploadItem, UploadStatus } from './upload-item';
import { formatBytes, statusText, summarizeUploads, visibleUploads } from './upload-summary';

const item = (status: UploadStatus, size: number, bytesSent = 0): UploadItem => ({
  key: Math.random().toString(36),
  name: 'IMG.jpg',
  size,
  bytesSent,
  status,
});

describe('formatBytes', () => {
  it('reads like a file manager', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(980_000)).toBe('980 KB');
    expect(formatBytes(2_450_000)).toBe('2.5 MB');
    expect(formatBytes(230_000_000)).toBe('230 MB');
    expect(formatBytes(1_200_000_000)).toBe('1.2 GB');
  });
});

describe('summarizeUploads', () => {
  it('counts files and bytes while uploading; skipped duplicates count as sent', () => {
    const s = summarizeUploads([
      item('ready', 100_000_000),
      item('duplicate', 100_000_000),
      item('uploading', 1_000_000_000, 30_000_000),
      item('checking', 200_000_000),
    ]);
    expect(s.headline).toBe('Uploading 2 of 4 · 230 MB of 1.4 GB');
    expect(s.fraction).toBeCloseTo(230 / 1400);
    expect(s.active).toBe(true);
  });

  it('says what is still processing once everything is sent', () => {
    const s = summarizeUploads([item('processing', 10), item('processing', 10), item('ready', 10)]);
    expect(s.headline).toBe('Processing 2 photos and videos…');
    expect(s.active).toBe(true);
    expect(s.fraction).toBe(1);
  });

  it('sums up when done, naming duplicates and failures', () => {
    const s = summarizeUploads([
      item('ready', 10),
      item('ready', 10),
      item('duplicate', 10),
      item('failed', 10, 4),
    ]);
    expect(s.headline).toBe('2 items added · 1 already in your library · 1 failed');
    expect(s.active).toBe(false);
    expect(s).toMatchObject({ total: 4, sent: 3, ready: 2, duplicates: 1, failed: 1 });
  });

  it('reaches the end when a batch ends with failed files, and says how many failed', () => {
    // Six refused before a byte was sent, as in a batch of 62 camera files.
    const batch = [
      ...Array.from({ length: 56 }, () => item('ready', 1_000_000)),
      ...Array.from({ length: 6 }, () => item('failed', 1_000_000)),
    ];
    const s = summarizeUploads(batch);
    expect(s.fraction).toBe(1);
    expect(s.active).toBe(false);
    expect(s.headline).toBe('56 items added · 6 failed');
  });

  it('leaves failed files out of the bytes still to go, and names them while uploading', () => {
    const s = summarizeUploads([
      item('ready', 100),
      item('failed', 300, 120),
      item('uploading', 100, 50),
    ]);
    expect(s.fraction).toBeCloseTo(150 / 200);
    expect(s.headline).toBe('Uploading 1 of 2 · 150 B of 200 B · 1 failed');
    expect(summarizeUploads([item('processing', 10), item('failed', 10)]).headline).toBe(
      'Processing 1 photo or video… · 1 failed',
    );
  });

  it('is at its end when every file failed', () => {
    const s = summarizeUploads([item('failed', 10), item('failed', 20, 5)]);
    expect(s.fraction).toBe(1);
    expect(s.headline).toBe('2 failed');
  });

  it('handles an empty list and empty files', () => {
    expect(summarizeUploads([]).headline).toBe('Nothing uploaded');
    expect(summarizeUploads([item('ready', 0)]).fraction).toBe(1);
  });
});

describe('statusText', () => {
  it('shows percent while uploading and the reason when failed', () => {
    expect(statusText(item('uploading', 200, 50))).toBe('25%');
    expect(statusText({ ...item('failed', 1), message: 'Not a photo' })).toBe('Not a photo');
    expect(statusText(item('duplicate', 1))).toBe('Already in your library');
  });
});

describe('visibleUploads', () => {
  it('shows everything when the list is short', () => {
    const items = [item('ready', 1), item('uploading', 1)];
    expect(visibleUploads(items, 5)).toBe(items);
  });

  it('past the limit, keeps moving and failed files, in upload order', () => {
    const items = [
      item('ready', 1),
      item('ready', 1),
      item('failed', 1),
      item('duplicate', 1),
      item('uploading', 1),
      item('checking', 1),
    ];
    expect(visibleUploads(items, 4).map((i) => i.status)).toEqual([
      'ready',
      'failed',
      'uploading',
      'checking',
    ]);
    expect(visibleUploads(items, 2).map((i) => i.status)).toEqual(['failed', 'uploading']);
  });
});
