import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DefaultExifToolOptions, ExifTool } from 'exiftool-vendored';
import {
  ExiftoolMetadataReader,
  toFileMetadata,
} from '../../src/adapters/media/exiftool-metadata-reader.js';
import { corpusFiles, corpusPath } from '../helpers/corpus.js';

/*
 * The reader asks ExifTool for a list of tags rather than for all of them ([Note: Reading only
 * the tags Keepsake uses]). Leaving out a tag that exiftool-vendored's time-zone inference or a
 * composite needs would change dates quietly, so every fixture is read both ways here.
 */
let everything: ExifTool;
let reader: ExiftoolMetadataReader;

before(() => {
  everything = new ExifTool({
    maxProcs: 2,
    ignoreZeroZeroLatLon: true,
    numericTags: [
      ...DefaultExifToolOptions.numericTags,
      'ExposureTime',
      'FNumber',
      'FocalLength',
      'ISO',
      'ImageWidth',
      'ImageHeight',
    ],
  });
  reader = new ExiftoolMetadataReader({ maxProcs: 2 });
});

after(async () => {
  await everything.end();
  await reader.close();
});

test('reading the listed tags gives what reading every tag gives, for every fixture', async () => {
  const files = [
    ...(await corpusFiles('jpeg-exif')),
    ...(await corpusFiles('gps')),
    ...(await corpusFiles('orientation')),
  ];
  assert.ok(files.length >= 60, `only ${files.length} fixtures`);
  let withOffset = 0;
  for (const file of files) {
    const path = corpusPath(file);
    const expected = toFileMetadata(await everything.read(path));
    const actual = await reader.read(path);
    // Warnings about what ExifTool skipped for speed (-fast) may name tags not asked for.
    assert.deepEqual({ ...actual, warnings: [] }, { ...expected, warnings: [] }, file);
    if (Object.values(actual.dates).some((d) => d?.offsetMinutes !== null)) withOffset++;
  }
  // The comparison means something only if the fixtures exercise the time-zone inference.
  assert.ok(withOffset >= 20, `only ${withOffset} fixtures with an offset`);
});
