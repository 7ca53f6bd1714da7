import { describe, expect, it } from 'vitest';
import { altText } from './alt-text';
import { item } from './test-items';

describe('tile alt text', () => {
  it('names the local capture day, and the place when the server named one', () => {
    const photo = item('a', '2026-11-25T23:30:00.000-10:00');
    expect(altText(photo, 'en-GB')).toBe('Photo taken on 25 November 2026');
    const inRome = { ...photo, place: { city: 'Rome', country: 'Italy', countryCode: 'IT' } };
    expect(altText(inRome, 'en-GB')).toBe('Photo taken on 25 November 2026 in Rome, Italy');
    expect(altText({ ...inRome, type: 'video' }, 'en-GB')).toBe(
      'Video taken on 25 November 2026 in Rome, Italy',
    );
  });
});
