import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseMimeType } from '../../src/core/media/mime-type.js';

describe('media type after the metadata step', () => {
  it('keeps a RAW type from the upload where ExifTool reads only TIFF', () => {
    assert.equal(chooseMimeType('image/x-kodak-kdc', 'image/tiff'), 'image/x-kodak-kdc');
  });
  it('otherwise takes what ExifTool read from the content', () => {
    assert.equal(chooseMimeType('image/tiff', 'image/tiff'), 'image/tiff');
    assert.equal(chooseMimeType('image/x-gopro-gpr', 'image/x-adobe-dng'), 'image/x-adobe-dng');
    assert.equal(chooseMimeType('image/jpeg', 'image/png'), 'image/png'); // a misnamed file
    assert.equal(chooseMimeType('video/mp4', undefined), 'video/mp4');
  });
});
