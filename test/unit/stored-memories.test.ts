import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  daysBefore,
  isRealDay,
  localDayOf,
  msUntilNextLocalDay,
} from '../../src/core/memories/days.js';
import { fingerprintOf, servedFrom } from '../../src/core/memories/stored-memories.js';
import type { TimelineItem } from '../../src/core/timeline/timeline.js';

const item = (id: string, local: string, isFavorite = false): TimelineItem => ({
  id,
  local,
  offsetMinutes: 0,
  width: 8,
  height: 6,
  thumbhash: null,
  thumbnailVersion: null,
  type: 'image',
  status: 'ready',
  durationMs: null,
  isFavorite,
  place: null,
});

describe('stored memories (see [Note: Daily memories])', () => {
  it('names a set of candidates whatever their order, and tells sets apart', () => {
    const [a, b, c] = [
      item('a', '2025-07-14T10:00:00'),
      item('b', '2024-07-14T10:00:00'),
      item('c', '2023-07-14T10:00:00'),
    ];
    assert.equal(fingerprintOf([a, b]), fingerprintOf([b, a]));
    assert.notEqual(fingerprintOf([a, b]), fingerprintOf([a, b, c]));
    assert.notEqual(fingerprintOf([a, b]), fingerprintOf([a]));
    assert.notEqual(fingerprintOf([]), fingerprintOf([a]));
  });

  it('serves the stored order, each asset as it is now, years following their dates', () => {
    const stored = [
      { year: 2025, assetIds: ['a', 'b'] },
      { year: 2020, assetIds: ['gone', 'c'] },
    ];
    // b is a favorite now (a fresh pick would put it first); c was re-dated to 2022.
    const now = [
      item('b', '2025-07-14T16:00:00', true),
      item('a', '2025-07-14T10:00:00'),
      item('c', '2022-07-14T08:00:00'),
    ];
    const served = servedFrom(stored, now, 2026);
    assert.deepEqual(
      served.map((y) => [y.year, y.yearsAgo, y.assets.map((x) => x.id)]),
      [
        [2025, 1, ['a', 'b']],
        [2022, 4, ['c']],
      ],
    );
    assert.equal(served[0]!.assets[1]!.isFavorite, true);
  });
});

describe('days', () => {
  it('counts back across months and years, leap days included', () => {
    assert.equal(daysBefore('2026-07-14', 3), '2026-07-11');
    assert.equal(daysBefore('2026-01-02', 3), '2025-12-30');
    assert.equal(daysBefore('2024-03-01', 1), '2024-02-29');
  });

  it('knows real days and the local date', () => {
    assert.ok(isRealDay('2024-02-29'));
    assert.ok(!isRealDay('2026-02-29'));
    assert.ok(!isRealDay('2026-7-14'));
    assert.equal(localDayOf(new Date(2026, 6, 14, 23, 59)), '2026-07-14');
  });
  it('counts the time to the next local midnight', () => {
    const evening = new Date(2026, 2, 14, 23, 59, 30);
    assert.equal(msUntilNextLocalDay(evening), 30_000);
    const midnight = new Date(2026, 2, 15, 0, 0, 0);
    assert.equal(
      localDayOf(new Date(midnight.getTime() + msUntilNextLocalDay(midnight))),
      '2026-03-16',
    );
    const noon = new Date(2026, 11, 31, 12, 0, 0);
    assert.equal(localDayOf(new Date(noon.getTime() + msUntilNextLocalDay(noon))), '2027-01-01');
  });
});
