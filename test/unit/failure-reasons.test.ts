import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reasonForPeople } from '../../src/core/jobs/failure-reasons.js';

describe('failure reasons shown to people', () => {
  it('never show a path of the server', () => {
    const shown = reasonForPeople(
      'The picture could not be read: corrupt header: /var/lib/keepsake/blobs/originals/cf/26/cf26ab.jpg: bad seek',
    );
    assert.equal(shown, 'The picture could not be read: the file is damaged or cut short.');
    for (const raw of [
      "thumbnails failed: ENOENT: no such file or directory, open '/tmp/keepsake/blobs/staging/x'",
      'metadata failed: cannot read …/blobs/originals/cf/26/…',
      'metadata failed: cannot read C:\\keepsake\\blobs\\originals\\cf\\26\\cf26',
      'playback failed: GET s3://bucket/originals/cf/26/cf26 answered 500',
    ]) {
      const reason = reasonForPeople(raw);
      assert.doesNotMatch(
        reason,
        /originals|blobs|staging|keepsake\/|s3:|\\/,
        `${raw} → ${reason}`,
      );
    }
  });

  it('put tool output as a sentence', () => {
    assert.equal(
      reasonForPeople(
        'The video could not be read: ffmpeg: Cannot determine format of input stream 0:0 after EOF; Error marking filters as finished',
      ),
      'The video could not be read: the file is damaged or cut short.',
    );
    assert.equal(
      reasonForPeople('The video could not be read: ffprobe: Unknown thing 0x0'),
      'The video could not be read: the file is damaged or in a form Keepsake cannot read.',
    );
    assert.equal(
      reasonForPeople(
        'The picture could not be read: the file is cut short (premature end of JPEG image)',
      ),
      'The picture could not be read: the file is damaged or cut short.',
    );
  });

  it('leave a sentence as it is, and give the same sentence again', () => {
    for (const reason of [
      'The picture could not be read: the image claims more pixels than Keepsake will decode.',
      'The video could not be read: the file has no video stream.',
      'The video could not be read: the file is damaged or cut short.',
    ]) {
      assert.equal(reasonForPeople(reason), reason);
      assert.equal(reasonForPeople(reasonForPeople(reason)), reason);
    }
  });
});

describe('failure reasons that are already for people', () => {
  it('keep what they say', () => {
    const missing =
      'ffmpeg is not installed: ffprobe could not be run as "/usr/bin/ffprobe" (ENOENT); install Debian\'s ffmpeg package or set KEEPSAKE_FFPROBE_PATH';
    assert.equal(reasonForPeople(missing), missing);
    assert.equal(
      reasonForPeople('Transcoding was stopped after 600 s'),
      'Transcoding was stopped after 600 s',
    );
    assert.equal(
      reasonForPeople('The video could not be read: ffprobe: took longer than 60 s, timed out'),
      'The video could not be read: reading it took too long.',
    );
  });
});
