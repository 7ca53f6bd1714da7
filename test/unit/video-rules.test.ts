import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chooseCaptureTime,
  formatCaptureTime,
  VIDEO_CAPTURE_DATE_TAGS,
} from '../../src/core/media/capture-time.js';
import { posterFrameSeconds } from '../../src/core/media/video-frame-extractor.js';

const client = { fileCreatedAt: null, fileModifiedAt: null, uploadedAt: '2026-11-25T10:00:00Z' };

describe('video rules', () => {
  it("prefers Apple's CreationDate, with its written offset, over QuickTime's UTC CreateDate", () => {
    // As ExifTool reads test/fixtures/corpus/video/iPhone 6 with-gps.mov.
    const dates = {
      CreateDate: { local: '2019-07-24T11:25:57.000', offsetMinutes: 180, offsetInferred: true },
      CreationDate: { local: '2019-07-24T11:25:40.000', offsetMinutes: 180 },
    };
    const time = chooseCaptureTime(dates, client, VIDEO_CAPTURE_DATE_TAGS);
    assert.equal(formatCaptureTime(time), '2019-07-24T11:25:40.000+03:00');
    assert.equal(time.source, 'CreationDate');
    assert.equal(chooseCaptureTime(dates, client).source, 'CreateDate', 'stills keep their order');
  });

  it('takes the poster frame a second in, a tenth of the way into shorter clips', () => {
    assert.equal(posterFrameSeconds(60_000), 1);
    assert.equal(posterFrameSeconds(4_000), 0.4);
    assert.equal(posterFrameSeconds(null), 0);
    assert.equal(posterFrameSeconds(0), 0);
  });
});
