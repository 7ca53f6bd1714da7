import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseMimeType } from '../../src/core/media/mime-type.js';
import { isPassiveMediaType } from '../../src/core/media/passive-media-types.js';

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

describe('an active type read by ExifTool', () => {
  it('never replaces the sniffed media type', () => {
    assert.equal(chooseMimeType('video/mp2t', 'text/html'), 'video/mp2t');
    assert.equal(chooseMimeType('image/x-canon-crw', 'image/svg+xml'), 'image/x-canon-crw');
    assert.equal(chooseMimeType('image/jpeg', 'application/xml'), 'image/jpeg');
    assert.equal(chooseMimeType('image/jpeg', 'text/javascript'), 'image/jpeg');
  });
});

describe('passive media types', () => {
  it('admits photos and videos, never markup or script', () => {
    for (const type of ['image/jpeg', 'image/x-canon-crw', 'video/mp2t', 'video/quicktime'])
      assert.equal(isPassiveMediaType(type), true, type);
    for (const type of [
      'text/html',
      'image/svg+xml',
      'application/xml',
      'text/xml',
      'application/xhtml+xml',
      'text/javascript',
      'application/octet-stream',
      'image/x-svg',
      'video/x+xml',
    ])
      assert.equal(isPassiveMediaType(type), false, type);
  });
});
