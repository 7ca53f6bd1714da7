import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import sharp, { type Sharp } from 'sharp';
import { decodeHeic } from '../../src/adapters/media/heic-decoder.js';
import { corpusFiles, corpusPath, readTruth } from '../helpers/corpus.js';
import {
  startTestApp,
  setupAdmin,
  uploadBytes,
  waitForAsset,
  type AssetBody,
  type Session,
  type TestApp,
  uploadCorpus,
  fetchRendition as fetchRenditionOf,
} from '../helpers/test-app.js';
import { expectedCaptureTime, expectedDisplaySize } from '../helpers/truth-expectations.js';

/*
 * iPhone HEICs are grids of 512 px HEVC tiles with their rotation in an 'irot' box (and the same
 * rotation again in EXIF); the Samsung one has only the EXIF Orientation. Decoded by heif-convert
 * (Debian's libheif-examples), see src/adapters/media/heic-decoder.ts.
 */
describe('every HEIC of the corpus (iPhone grids, Samsung)', () => {
  let t: TestApp;
  let admin: Session;
  const assets = new Map<string, AssetBody>();

  before(async () => {
    t = await startTestApp();
    admin = await setupAdmin(t.app);
    const uploaded = await uploadCorpus(t.app, admin, await corpusFiles('heic', /\.heic$/i));
    for (const [file, asset] of uploaded) assets.set(file, asset);
  });

  after(() => t.close());

  const fetchRendition = (asset: AssetBody, size: 'thumbnail' | 'preview') =>
    fetchRenditionOf(t.app, admin, asset.id, size);

  it('processes every file, reading its capture time as ExifTool does', async () => {
    assert.equal(assets.size, 4);
    for (const [file, asset] of assets) {
      assert.equal(asset.status, 'ready', `${file}: ${asset.error}`);
      assert.equal(asset.mimeType, 'image/heic', file);
      const expected = expectedCaptureTime(await readTruth(file))!;
      assert.equal(String(asset.takenAt).slice(0, 19), expected.localSecond, file);
    }
  });

  it('reports width and height as displayed: rotated once, by irot or else by EXIF', async () => {
    for (const [file, asset] of assets) {
      const expected = expectedDisplaySize(await readTruth(file));
      assert.deepEqual({ width: asset.width, height: asset.height }, expected, file);
    }
    const samsung = assets.get('heic/Samsung Galaxy S24 FE (Issue 437).heic')!;
    assert.deepEqual([samsung.width, samsung.height], [1848, 4000]);
  });

  it('makes an upright thumbnail and an sRGB preview, at the displayed aspect ratio', async () => {
    for (const [file, asset] of assets) {
      const display = expectedDisplaySize(await readTruth(file));
      const want = display.width / display.height;
      for (const size of ['thumbnail', 'preview'] as const) {
        const res = await fetchRendition(asset, size);
        assert.equal(res.statusCode, 200, `${file} ${size}: ${res.body}`);
        const meta = await sharp(res.rawPayload).metadata();
        assert.equal(meta.format, size === 'thumbnail' ? 'webp' : 'jpeg', file);
        const longSide = Math.max(meta.width!, meta.height!);
        const shortSide = Math.min(meta.width!, meta.height!);
        if (size === 'preview')
          assert.equal(longSide, 1440, `${file}: ${meta.width}x${meta.height}`);
        else assert.equal(shortSide, 250, `${file}: ${meta.width}x${meta.height}`);
        const ratio = meta.width! / meta.height!;
        assert.ok(Math.abs(ratio - want) / want < 0.02, `${file} ${size}: ${ratio}, want ${want}`);
        // Display P3 originals are converted to sRGB, as JPEGs with a profile are; none is kept.
        assert.equal(meta.space, 'srgb', file);
        assert.equal(meta.icc, undefined, `${file} ${size} keeps no ICC profile`);
      }
      assert.match(String(asset.thumbhash), /^[A-Za-z0-9+/]+=*$/, file);
    }
  });

  it('converts Display P3 to sRGB rather than relabelling it', async () => {
    const file = 'heic/IMG_2682.heic';
    assert.equal((await readTruth(file))['ICC_Profile:ProfileDescription'], 'Display P3');
    const preview = (await fetchRendition(assets.get(file)!, 'preview')).rawPayload;
    const decoded = await decodeHeic(corpusPath(file), { maxInputPixels: 1e8, timeoutSeconds: 60 });
    try {
      const pixels = (image: Sharp) =>
        image.resize(360, 270, { fit: 'fill' }).toColourspace('srgb').raw().toBuffer();
      const shown = await pixels(sharp(preview));
      const converted = await pixels(sharp(decoded.jpegPath));
      const relabelled = await pixels(sharp(decoded.jpegPath, { ignoreIcc: true }));
      const distance = (a: Buffer, b: Buffer) => {
        let sum = 0;
        for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
        return sum / a.length;
      };
      const toConverted = distance(shown, converted);
      const toRelabelled = distance(shown, relabelled);
      assert.ok(toConverted < toRelabelled, `${toConverted} vs ${toRelabelled}`);
    } finally {
      await decoded.dispose();
    }
  });

  it('fails a truncated HEIC with a readable reason, keeping the original downloadable', async () => {
    const whole = await readFile(corpusPath('heic/IMG_8565.HEIC'));
    const truncated = whole.subarray(0, Math.floor(whole.length * 0.6));
    const res = await uploadBytes(t.app, admin, truncated, 'truncated.heic');
    assert.equal(res.statusCode, 201, res.body);
    const asset = await waitForAsset(t.app, admin, res.json<{ id: string }>().id, 60_000);
    assert.equal(asset.status, 'failed');
    // A sentence for people; the decoder's own words stay in the log and the job record.
    assert.match(String(asset.error), /The picture could not be read: the file is damaged/);
    assert.doesNotMatch(String(asset.error), /\/|heif|libheif/i, 'no path and no tool output');
    const original = await t.app.inject({
      url: `/api/assets/${asset.id}/original`,
      headers: admin.headers,
    });
    assert.equal(original.statusCode, 200);
    assert.ok(original.rawPayload.equals(truncated), 'original byte for byte');
  });
});
