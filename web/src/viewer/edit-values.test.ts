import { describe, expect, it } from 'vitest';
import { joinTakenAt, parseCoordinates, splitTakenAt } from './edit-values';

describe('info panel edit values', () => {
  it('splits a capture time into its local time and offset, and joins them back', () => {
    expect(splitTakenAt('2021-07-14T18:30:00.000+02:00')).toEqual({
      local: '2021-07-14T18:30',
      offset: '+02:00',
    });
    expect(splitTakenAt('2021-07-14T18:30:00.000')).toEqual({
      local: '2021-07-14T18:30',
      offset: '',
    });
    expect(joinTakenAt('2021-07-14T18:30', '+02:00')).toBe('2021-07-14T18:30:00+02:00');
    expect(joinTakenAt('2021-07-14T18:30', '')).toBe('2021-07-14T18:30:00');
    expect(joinTakenAt('2021-07-14T18:30', '2 hours')).toBeNull();
    expect(joinTakenAt('', '+02:00')).toBeNull();
  });

  it('reads a position typed as "lat, lon"; empty clears it', () => {
    expect(parseCoordinates('48.8566, 2.3522')).toEqual({ latitude: 48.8566, longitude: 2.3522 });
    expect(parseCoordinates('  ')).toBeNull();
    expect(parseCoordinates('91, 0')).toBeUndefined();
    expect(parseCoordinates('Paris')).toBeUndefined();
  });
});
