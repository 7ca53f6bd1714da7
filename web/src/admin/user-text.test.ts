import { describe, expect, it } from 'vitest';
import { formatStorage, quotaBytesFromGb, quotaGbText, storageText } from './user-text';

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
