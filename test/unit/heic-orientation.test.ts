import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import {
  readExifOrientation,
  type ExifOrientation,
} from '../../src/adapters/media/exif-orientation.js';
import { primaryImageHasTransforms } from '../../src/adapters/media/heif-container.js';
import { renderRenditions } from '../../src/adapters/media/sharp-image-renderer.js';
import { corpusPath, readTruth } from '../helpers/corpus.js';

/*
 * A decoded HEIC is turned by an orientation the decoder chose, not by the file's own EXIF: these
 * check the pieces of that choice against the corpus and ExifTool's reading of it.
 */
describe('HEIC orientation', () => {
  it('finds irot/imir on iPhone grids and none on the Samsung file', async () => {
    for (const [file, hasTransforms] of [
      ['heic/IMG_8565.HEIC', true],
      ['heic/iPhone 11 Pro (exif-at-eof).heic', true],
      ['heic/Samsung Galaxy S24 FE (Issue 437).heic', false],
    ] as const)
      assert.equal(await primaryImageHasTransforms(corpusPath(file)), hasTransforms, file);
  });

  it('reads the EXIF Orientation as ExifTool does, from HEIF ("Exif\\0\\0" prefix) and JPEG', async () => {
    for (const file of [
      'heic/IMG_8565.HEIC',
      'heic/Samsung Galaxy S24 FE (Issue 437).heic',
      'heic/IMG_2682.heic',
      'orientation/Portrait_5.jpg',
      'orientation/Landscape_8.jpg',
    ]) {
      const { exif } = await sharp(corpusPath(file)).metadata();
      const truth = Number((await readTruth(file))['IFD0:Orientation'] ?? 1);
      assert.equal(readExifOrientation(exif), truth, file);
    }
    assert.equal(readExifOrientation(undefined), 1);
    assert.equal(readExifOrientation(Buffer.from('Exif\0\0junk')), 1);
  });

  it('turns pixels by an explicit orientation exactly as EXIF autorotation does', async () => {
    for (const shape of ['Landscape', 'Portrait'])
      for (let n = 1; n <= 8; n++) {
        const file = corpusPath(`orientation/${shape}_${n}.jpg`);
        const auto = await renderRenditions(sharp(file));
        const explicit = await renderRenditions(sharp(file), n as ExifOrientation);
        assert.deepEqual([explicit.width, explicit.height], [auto.width, auto.height]);
        const grey = (data: Buffer) =>
          sharp(data).resize(48, 32, { fit: 'fill' }).greyscale().raw().toBuffer();
        const [a, b] = await Promise.all([grey(auto.preview.data), grey(explicit.preview.data)]);
        let diff = 0;
        for (let i = 0; i < a.length; i++) diff += Math.abs(a[i]! - b[i]!);
        assert.ok(diff / a.length < 1, `${shape}_${n}: ${diff / a.length}`);
      }
  });
});
