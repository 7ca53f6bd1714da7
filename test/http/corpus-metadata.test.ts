import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { corpusFiles, readTruth } from '../helpers/corpus.js';
import {
  startTestApp,
  setupAdmin,
  type AssetBody,
  type Session,
  type TestApp,
  uploadCorpus,
  fetchRendition as fetchRenditionOf,
} from '../helpers/test-app.js';
import {
  expectedCaptureTime,
  expectedDisplaySize,
  expectedPosition,
  truthText,
} from '../helpers/truth-expectations.js';

// A client-supplied creation time, used only when the file itself has no valid date.
const FILE_CREATED_AT = '2001-02-03T04:05:06.000Z';

describe('every JPEG of the corpus (jpeg-exif, gps, orientation)', () => {
  let t: TestApp;
  let admin: Session;
  const assets = new Map<string, AssetBody>();

  before(async () => {
    t = await startTestApp();
    admin = await setupAdmin(t.app);
    const files = [
      ...(await corpusFiles('jpeg-exif')),
      ...(await corpusFiles('gps')),
      ...(await corpusFiles('orientation')),
    ];
    const uploaded = await uploadCorpus(t.app, admin, files, {
      fields: { fileCreatedAt: FILE_CREATED_AT },
    });
    for (const [file, asset] of uploaded) assets.set(file, asset);
  });

  after(() => t.close());

  it('processes every file', () => {
    assert.ok(assets.size >= 60, `only ${assets.size} files`);
    for (const [file, asset] of assets)
      assert.equal(asset.status, 'ready', `${file}: ${asset.error}`);
  });

  it('reads the capture time and its UTC offset as ExifTool does, else falls back to fileCreatedAt', async () => {
    for (const [file, asset] of assets) {
      const expected = expectedCaptureTime(await readTruth(file));
      const takenAt = String(asset.takenAt);
      if (!expected) {
        assert.equal(asset.takenAtSource, 'fileCreatedAt', `${file} has no valid date: ${takenAt}`);
        assert.equal(takenAt, '2001-02-03T04:05:06.000+00:00', file);
        continue;
      }
      assert.equal(takenAt.slice(0, 19), expected.localSecond, `${file}: ${takenAt}`);
      if (expected.offset)
        assert.ok(
          takenAt.endsWith(expected.offset),
          `${file}: ${takenAt}, want ${expected.offset}`,
        );
    }
  });

  it('reads GPS positions with their hemisphere, and no position for null island or empty GPS', async () => {
    let withPosition = 0;
    for (const [file, asset] of assets) {
      const expected = expectedPosition(await readTruth(file));
      if (!expected) {
        if (!file.includes('FLIR')) assert.equal(asset.latitude, null, file);
        continue;
      }
      withPosition++;
      assert.ok(
        Math.abs(Number(asset.latitude) - expected.latitude) < 1e-5,
        `${file}: ${asset.latitude}`,
      );
      assert.ok(
        Math.abs(Number(asset.longitude) - expected.longitude) < 1e-5,
        `${file}: ${asset.longitude}`,
      );
    }
    assert.ok(withPosition >= 7, `only ${withPosition} files with a position`);
  });

  it('finds the GPS position that FLIR keeps in its own block, west of Greenwich', () => {
    const flir = assets.get('gps/FLIR iPhone device.jpg')!;
    assert.ok(Math.abs(Number(flir.latitude) - 34.0754) < 1e-3, String(flir.latitude));
    assert.ok(
      Number(flir.longitude) < -118 && Number(flir.longitude) > -119,
      String(flir.longitude),
    );
  });

  it('reads make, model and exposure', async () => {
    for (const [file, asset] of assets) {
      const truth = await readTruth(file);
      const make = truthText(truth, 'IFD0:Make');
      if (make) assert.equal(asset.make, make, file);
      const model = truthText(truth, 'IFD0:Model');
      if (model) assert.equal(asset.model, model, file);
      const fNumber = truth['ExifIFD:FNumber'];
      if (typeof fNumber === 'number' && fNumber > 0)
        assert.ok(Math.abs(Number(asset.fNumber) - fNumber) < 0.05, file);
      const exposure = truth['ExifIFD:ExposureTime'];
      if (typeof exposure === 'number' && exposure > 0) {
        assert.ok(
          Math.abs(Number(asset.exposureTime) - exposure) / exposure < 0.01,
          `${file}: ${asset.exposureTime}`,
        );
      }
    }
    const canon = assets.get('jpeg-exif/_MG_0636.JPG')!;
    assert.equal(canon.lensModel, 'RF35mm F1.8 MACRO IS STM');
    assert.equal(canon.iso, 100);
    assert.equal(canon.focalLength, 35);
  });

  it('reports width and height as displayed, after EXIF orientation', async () => {
    for (const [file, asset] of assets) {
      const expected = expectedDisplaySize(await readTruth(file));
      assert.deepEqual({ width: asset.width, height: asset.height }, expected, file);
    }
  });

  it('makes thumbnails and previews that decode, upright, in sRGB, at the right size and aspect ratio', async () => {
    for (const [file, asset] of assets) {
      const display = expectedDisplaySize(await readTruth(file));
      for (const [size, check] of [
        [
          'thumbnail',
          (w: number, h: number) => Math.min(w, h) === Math.min(250, display.width, display.height),
        ],
        [
          'preview',
          (w: number, h: number) =>
            Math.max(w, h) === Math.min(1440, Math.max(display.width, display.height)),
        ],
      ] as const) {
        const res = await fetchRenditionOf(t.app, admin, asset.id, size);
        assert.equal(res.statusCode, 200, `${file} ${size}: ${res.body}`);
        const meta = await sharp(res.rawPayload).metadata();
        assert.equal(meta.format, size === 'thumbnail' ? 'webp' : 'jpeg');
        // Whatever the original's colour space (CMYK, Adobe RGB, grey...), browsers get sRGB.
        assert.equal(meta.space, 'srgb', `${file} ${size}: ${meta.space}`);
        assert.ok(
          check(meta.width!, meta.height!),
          `${file} ${size}: ${meta.width}x${meta.height}`,
        );
        const ratio = meta.width! / meta.height!;
        const want = display.width / display.height;
        assert.ok(
          Math.abs(ratio - want) / want < 0.02,
          `${file} ${size}: ratio ${ratio} want ${want}`,
        );
      }
      assert.match(String(asset.thumbhash), /^[A-Za-z0-9+/]+=*$/, file);
    }
  });

  it('turns every orientation upright: each Landscape_N looks like Landscape_1', async () => {
    const grey = async (file: string) => {
      const res = await fetchRenditionOf(t.app, admin, assets.get(file)!.id, 'preview');
      return sharp(res.rawPayload).resize(48, 32, { fit: 'fill' }).greyscale().raw().toBuffer();
    };
    for (const shape of ['Landscape', 'Portrait']) {
      const reference = await grey(`orientation/${shape}_1.jpg`);
      for (let n = 0; n <= 8; n++) {
        const pixels = await grey(`orientation/${shape}_${n}.jpg`);
        let diff = 0;
        for (let i = 0; i < pixels.length; i++) diff += Math.abs(pixels[i]! - reference[i]!);
        assert.ok(
          diff / pixels.length < 12,
          `${shape}_${n} differs from ${shape}_1 by ${diff / pixels.length}`,
        );
      }
    }
  });
});
