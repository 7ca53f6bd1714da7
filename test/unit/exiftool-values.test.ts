import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toNumber } from '../../src/adapters/media/exiftool-metadata-reader.js';

describe('numbers as ExifTool prints them', () => {
  it('reads fractions, units and f-stops', () => {
    assert.equal(toNumber('1/125'), 0.008);
    assert.equal(toNumber('35.0 mm'), 35);
    assert.equal(toNumber('f/2.8'), 2.8);
    assert.equal(toNumber(0.3448), 0.3448);
    assert.equal(toNumber('1/0'), null);
    assert.equal(toNumber('undef'), null);
    assert.equal(toNumber(undefined), null);
  });
});
