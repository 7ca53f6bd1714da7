import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickSidecarTarget, sidecarBaseName } from '../../src/core/assets/sidecars.js';
import {
  chooseDescription,
  mergeKeywords,
  toRating,
} from '../../src/core/media/descriptive-metadata.js';
import {
  applySidecar,
  type DescribedAsset,
  type SidecarValues,
} from '../../src/core/media/sidecar-merge.js';

const embedded: DescribedAsset = {
  takenAt: { local: '2015-06-11T10:29:26.690', offsetMinutes: -420, source: 'DateTimeOriginal' },
  latitude: 37.87,
  longitude: -122.26,
  description: 'From the camera',
  rating: 3,
  keywords: ['Berkeley'],
};

const silent: SidecarValues = {
  dates: {},
  latitude: null,
  longitude: null,
  description: null,
  rating: null,
  keywords: [],
};

describe('applying an XMP sidecar', () => {
  it('keeps every embedded value where the sidecar is silent', () => {
    assert.deepEqual(applySidecar(embedded, silent), embedded);
  });

  it('lets the sidecar win where it says something', () => {
    const merged = applySidecar(embedded, {
      dates: {
        DateTimeOriginal: { local: '2016-01-02T03:04:05.000', offsetMinutes: 60 },
        CreateDate: { local: '1999-01-01T00:00:00.000', offsetMinutes: null },
      },
      latitude: 53.13,
      longitude: 8.72,
      description: 'Squirrel at Berkeley',
      rating: 5,
      keywords: ['Alvin', 'USA'],
    });
    assert.deepEqual(merged, {
      takenAt: {
        local: '2016-01-02T03:04:05.000',
        offsetMinutes: 60,
        source: 'XMP sidecar DateTimeOriginal',
      },
      latitude: 53.13,
      longitude: 8.72,
      description: 'Squirrel at Berkeley',
      rating: 5,
      keywords: ['Alvin', 'USA'],
    });
  });

  it('takes DateCreated, then CreateDate, when the sidecar has no DateTimeOriginal', () => {
    const merged = applySidecar(embedded, {
      ...silent,
      dates: {
        CreateDate: { local: '2001-01-01T00:00:00.000', offsetMinutes: null },
        DateCreated: { local: '2002-02-02T00:00:00.000', offsetMinutes: null },
      },
    });
    assert.equal(merged.takenAt.source, 'XMP sidecar DateCreated');
    assert.equal(merged.takenAt.local, '2002-02-02T00:00:00.000');
  });

  it('skips an invalid sidecar date, keeping the photo’s own when none is valid', () => {
    const merged = applySidecar(embedded, {
      ...silent,
      dates: { DateTimeOriginal: { local: '0000-00-00T00:00:00.000', offsetMinutes: null } },
    });
    assert.deepEqual(merged.takenAt, embedded.takenAt);
  });

  it('gives a sidecar date without an offset the photo’s offset for the same second', () => {
    const merged = applySidecar(embedded, {
      ...silent,
      dates: { DateCreated: { local: '2015-06-11T10:29:26.690', offsetMinutes: null } },
    });
    assert.deepEqual(merged.takenAt, {
      local: '2015-06-11T10:29:26.690',
      offsetMinutes: -420,
      source: 'XMP sidecar DateCreated',
    });
  });

  it('prefers an offset written in the sidecar; else one worked out from its position', () => {
    const written = applySidecar(embedded, {
      ...silent,
      dates: { DateTimeOriginal: { local: '2015-06-11T10:29:26.690', offsetMinutes: 120 } },
    });
    assert.equal(written.takenAt.offsetMinutes, 120);
    const otherMoment = applySidecar(embedded, {
      ...silent,
      dates: {
        DateTimeOriginal: {
          local: '2014-04-27T12:42:47.000',
          offsetMinutes: 120,
          offsetInferred: true,
        },
      },
    });
    assert.equal(otherMoment.takenAt.offsetMinutes, 120);
    const unknown = applySidecar(embedded, {
      ...silent,
      dates: { DateTimeOriginal: { local: '2014-04-27T12:42:47.000', offsetMinutes: null } },
    });
    assert.equal(unknown.takenAt.offsetMinutes, null);
  });

  it('keeps a rating of 0 from the sidecar: clearing the stars is newer information', () => {
    assert.equal(applySidecar(embedded, { ...silent, rating: 0 }).rating, 0);
  });

  it('needs both coordinates to move the photo', () => {
    const merged = applySidecar(embedded, { ...silent, latitude: 1, longitude: null });
    assert.equal(merged.latitude, embedded.latitude);
    assert.equal(merged.longitude, embedded.longitude);
  });
});

describe('description, rating and keywords', () => {
  it('takes the first real description, ignoring camera placeholders and blanks', () => {
    assert.equal(chooseDescription(['  ', 'OLYMPUS DIGITAL CAMERA', ' Dunes ']), 'Dunes');
    assert.equal(chooseDescription([undefined, 'SONY DSC', 'KONICA MINOLTA DIGITAL CAMERA']), null);
    assert.equal(chooseDescription([undefined, null]), null);
    for (const placeholder of [
      'EPSON DSC picture',
      'KODAK Action Cam',
      'P003913',
      'IMG_1234.JPG',
      'C:\\DCIM\\100GOPRO\\GOPR8513.GPR',
      'palette:Arctic;mediaType:video;emissivity:0.95;',
    ])
      assert.equal(chooseDescription([placeholder]), null, placeholder);
    assert.equal(chooseDescription(['SAMSUNG', 'Harbour'], 'Samsung'), 'Harbour');
    assert.equal(chooseDescription(['Fall 2023 Week 3']), 'Fall 2023 Week 3');
  });

  it('reads ratings from -1 to 5 only', () => {
    assert.deepEqual([-1, 0, 3, 5, '4', 4.6].map(toRating), [-1, 0, 3, 5, 4, 5]);
    assert.deepEqual([6, -2, 'x', null, undefined, ''].map(toRating), [
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('merges keyword lists once each, numbers as text', () => {
    assert.deepEqual(mergeKeywords(['Gobi', 2019, ' gobi '], 'Mongolia', ['Gobi', '']), [
      'Gobi',
      '2019',
      'Mongolia',
    ]);
    assert.deepEqual(mergeKeywords(undefined, undefined), []);
  });
});

describe('matching a sidecar to its photo by name', () => {
  const assets = [
    { id: 'newest', originalFileName: 'img_5910.JPG' },
    { id: 'exact', originalFileName: 'IMG_5910.jpg.png' },
    { id: 'older', originalFileName: 'IMG_5910.CR2' },
  ];

  it('strips .xmp to find the name it points at', () => {
    assert.equal(sidecarBaseName('IMG_5910.jpg.xmp'), 'IMG_5910.jpg');
    assert.equal(sidecarBaseName('IMG_5910.XMP'), 'IMG_5910');
  });

  it('prefers an exact name, then the newest photo with that stem, without case', () => {
    assert.equal(pickSidecarTarget('IMG_5910', assets)?.id, 'newest');
    assert.equal(pickSidecarTarget('IMG_5910.jpg', assets)?.id, 'newest');
    assert.equal(pickSidecarTarget('IMG_5910.jpg.png', assets)?.id, 'exact');
    assert.equal(pickSidecarTarget('IMG_5910.cr2', assets)?.id, 'older');
    assert.equal(pickSidecarTarget('IMG_591', assets), undefined);
  });
});
