import { describe, expect, it } from 'vitest';
import {
  deletionText,
  formatStorage,
  quotaBytesFromGb,
  quotaGbText,
  storageText,
} from './user-text';

describe('user storage text', () => {
  it('formats sizes in the largest fitting unit', () => {
    expect(formatStorage(512)).toBe('512 B');
    expect(formatStorage(76_764)).toBe('75.0 KB');
    expect(formatStorage(5 * 1024 ** 3)).toBe('5.0 GB');
    expect(formatStorage(250 * 1024 ** 2)).toBe('250 MB');
  });

  it('reads a quota typed in GB, empty meaning no limit', () => {
    expect(quotaBytesFromGb('')).toBeNull();
    expect(quotaBytesFromGb('2')).toBe(2 * 1024 ** 3);
    expect(quotaBytesFromGb('0,5')).toBe(1024 ** 3 / 2);
    expect(quotaBytesFromGb('-1')).toBeUndefined();
    expect(quotaBytesFromGb('lots')).toBeUndefined();
    expect(quotaGbText(2 * 1024 ** 3)).toBe('2');
    expect(quotaGbText(null)).toBe('');
  });

  it('shows used storage against the quota', () => {
    expect(storageText(1024 ** 3, 10 * 1024 ** 3)).toBe('1.0 GB of 10.0 GB');
    expect(storageText(2048, null)).toBe('2.0 KB');
  });
});

describe('user deletion text', () => {
  it('names the server’s grace period, and no number before it is known', () => {
    expect(deletionText(30)).toContain('deleted in 30 days; until then, Restore');
    expect(deletionText(1)).toContain('deleted in 1 day;');
    expect(deletionText(0)).toContain('deleted at the next maintenance run;');
    expect(deletionText(undefined)).toContain('deleted after the grace period;');
    expect(deletionText(undefined)).not.toMatch(/\d/);
  });
});
