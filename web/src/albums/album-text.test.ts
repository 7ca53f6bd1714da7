import { describe, expect, it } from 'vitest';
import { addedNotice, albumDates, itemCount } from './album-text';

describe('albumDates', () => {
  it('is empty without photos', () => {
    expect(albumDates(null, null)).toBe('');
  });

  it('names the day of a one-day album, on that very day in any time zone', () => {
    expect(albumDates('2020-03-12', '2020-03-12')).toContain('12');
    expect(albumDates('2020-03-12', '2020-03-12')).toContain('2020');
  });

  it('spans months, or names one month', () => {
    const span = albumDates('2019-12-31', '2021-01-01');
    expect(span).toContain('2019');
    expect(span).toContain('2021');
    expect(span).toContain('–');
    expect(albumDates('2020-03-01', '2020-03-31')).not.toContain('–');
  });
});

describe('addedNotice', () => {
  it('counts what was added, there already or refused', () => {
    expect(addedNotice('Trips', [{ result: 'added' }, { result: 'added' }])).toEqual({
      message: '2 items added to Trips.',
      failed: false,
    });
    expect(
      addedNotice('Trips', [
        { result: 'added' },
        { result: 'already-there' },
        { result: 'not-allowed' },
      ]),
    ).toEqual({
      message: '1 item added to Trips (1 was there already; 1 could not be added).',
      failed: true,
    });
  });

  it('says items', () => {
    expect(itemCount(0)).toBe('0 items');
    expect(itemCount(1)).toBe('1 item');
  });
});
