import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chooseCaptureTime,
  formatCaptureTime,
  fromIsoInstant,
  isValidLocal,
  monthOf,
} from '../../src/core/media/capture-time.js';

const client = {
  fileCreatedAt: null,
  fileModifiedAt: null,
  uploadedAt: '2026-11-25T10:00:00.000Z',
};

describe('capture time', () => {
  it('prefers DateTimeOriginal over CreateDate, with the offset the file gives', () => {
    const time = chooseCaptureTime(
      {
        CreateDate: { local: '2002-12-08T12:00:00.000', offsetMinutes: null },
        DateTimeOriginal: { local: '2014-09-12T17:20:30.000', offsetMinutes: 120 },
      },
      client,
    );
    assert.deepEqual(time, {
      local: '2014-09-12T17:20:30.000',
      offsetMinutes: 120,
      source: 'DateTimeOriginal',
    });
    assert.equal(formatCaptureTime(time), '2014-09-12T17:20:30.000+02:00');
    assert.equal(monthOf(time), '2014-09');
  });

  it('lets a written offset for the same moment beat an inferred one', () => {
    const time = chooseCaptureTime(
      {
        DateTimeOriginal: {
          local: '2022-01-10T15:15:44.310',
          offsetMinutes: -420,
          offsetInferred: true,
        },
        DateTimeCreated: { local: '2022-01-10T15:15:44.000', offsetMinutes: -240 },
      },
      client,
    );
    assert.equal(formatCaptureTime(time), '2022-01-10T15:15:44.310-04:00');
  });

  it('skips invalid dates and falls back to the client’s dates, then the upload time', () => {
    const invalid = { DateTimeOriginal: { local: '0000-00-00T00:00:00.000', offsetMinutes: null } };
    assert.deepEqual(
      chooseCaptureTime(invalid, { ...client, fileModifiedAt: '2019-05-01T08:00:00+05:30' }),
      {
        local: '2019-05-01T08:00:00.000',
        offsetMinutes: 330,
        source: 'fileModifiedAt',
      },
    );
    assert.deepEqual(
      chooseCaptureTime(invalid, {
        ...client,
        fileCreatedAt: '2018-01-01T00:00:00Z',
        fileModifiedAt: '2019-05-01T08:00:00Z',
      }).source,
      'fileCreatedAt',
    );
    assert.deepEqual(chooseCaptureTime({}, client), {
      local: '2026-11-25T10:00:00.000',
      offsetMinutes: 0,
      source: 'uploadedAt',
    });
  });

  it('knows a valid local time from an impossible one', () => {
    assert.ok(isValidLocal('2038-05-05T01:29:24.000'));
    assert.ok(isValidLocal('2024-02-29T23:59:59.999'));
    for (const bad of [
      '2023-02-29T10:00:00.000',
      '1800-01-01T00:00:00.000',
      '2020-13-01T00:00:00.000',
      '    -  -  ',
      '2020-01-01T24:00:00.000',
    ]) {
      assert.ok(!isValidLocal(bad), bad);
    }
  });

  it('reads ISO 8601 from clients: with an offset, Z, or none', () => {
    assert.deepEqual(fromIsoInstant('2020-06-01T12:34:56.789-07:00'), {
      local: '2020-06-01T12:34:56.789',
      offsetMinutes: -420,
    });
    assert.deepEqual(fromIsoInstant('2020-06-01T12:34Z'), {
      local: '2020-06-01T12:34:00.000',
      offsetMinutes: 0,
    });
    assert.deepEqual(fromIsoInstant('2020-06-01T12:34:56'), {
      local: '2020-06-01T12:34:56.000',
      offsetMinutes: null,
    });
    assert.equal(fromIsoInstant('June 1st'), undefined);
    assert.equal(
      formatCaptureTime({ local: '2020-06-01T12:34:56.000', offsetMinutes: null }),
      '2020-06-01T12:34:56.000',
    );
    assert.equal(
      formatCaptureTime({ local: '2020-06-01T12:34:56.000', offsetMinutes: 330 }),
      '2020-06-01T12:34:56.000+05:30',
    );
  });
});
