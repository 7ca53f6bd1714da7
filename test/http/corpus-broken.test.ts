import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { corpusFiles, corpusPath } from '../helpers/corpus.js';
import {
  startTestApp,
  setupAdmin,
  uploadBytes,
  uploadFile,
  waitForAsset,
  type AssetBody,
  type Session,
  type TestApp,
  uploadCorpus,
} from '../helpers/test-app.js';

// Every file must leave "processing" within this, whatever is wrong with it.
const BOUND_MS = 60_000;

// What each broken file ends as; a RegExp is the failure reason expected.
const EXPECTED: Record<string, 'ready' | RegExp | 'ready or failed'> = {
  'broken/Canon 1000D endless_loop.jpg': 'ready', // looping EXIF pointers, fine pixels
  'broken/Canon EOS R6 truncated.cr3': 'ready or failed', // a RAW: its embedded preview may survive
  'broken/Pixel 6 Ultra HDR truncated (ultrahdr.jpg).jpg': /picture could not be read: .*cut short/,
  'broken/Sony XAVC header-only.MP4': /video could not be read/,
  'broken/broken1.jpg': 'ready', // broken GPS and XMP only
  'broken/google_motion_photo_broken.jpg': 'ready', // its embedded video is broken, not the photo
  'broken/iPhone XR 1x1 (Issue 508).jpg': 'ready',
  'broken/invalid-iCCP-missing-adler32-checksum.png': 'ready',
};

/** A valid 1 x 1 PNG whose header then claims 100,000 x 100,000 pixels, CRC fixed. */
async function decompressionBomb(): Promise<Buffer> {
  const png = await sharp({
    create: { width: 1, height: 1, channels: 3, background: '#808080' },
  })
    .png()
    .toBuffer();
  const ihdr = 8; // after the signature: length (4), 'IHDR' (4), width (4), height (4), ...
  assert.equal(png.toString('latin1', ihdr + 4, ihdr + 8), 'IHDR');
  png.writeUInt32BE(100_000, ihdr + 8);
  png.writeUInt32BE(100_000, ihdr + 12);
  png.writeUInt32BE(crc32(png.subarray(ihdr + 4, ihdr + 8 + 13)), ihdr + 8 + 13);
  return png;
}

describe('broken files (corpus broken/) and a decompression bomb', () => {
  let t: TestApp;
  let admin: Session;
  const assets = new Map<string, AssetBody>();

  before(async () => {
    t = await startTestApp();
    admin = await setupAdmin(t.app);
    const uploaded = await uploadCorpus(t.app, admin, await corpusFiles('broken', /./), {
      timeoutMs: BOUND_MS,
    });
    for (const [file, asset] of uploaded) assets.set(file, asset);
  });

  after(() => t.close());

  it('ends every file ready, or failed with a reason a person can read', () => {
    assert.deepEqual([...assets.keys()].sort(), Object.keys(EXPECTED).sort());
    for (const [file, asset] of assets) {
      const expected = EXPECTED[file]!;
      if (expected === 'ready') assert.equal(asset.status, 'ready', `${file}: ${asset.error}`);
      else if (expected instanceof RegExp) {
        assert.equal(asset.status, 'failed', file);
        assert.match(String(asset.error), expected, file);
      }
      if (asset.status === 'failed') {
        const reason = String(asset.error);
        assert.ok(reason.length > 10 && reason.length < 300, `${file}: ${reason}`);
        assert.doesNotMatch(reason, /\n|\bat \S+:\d+|undefined|\[object/, `${file}: ${reason}`);
      }
    }
  });

  it('lists every file and returns each original byte for byte', async () => {
    const listed = await t.app.inject({ url: '/api/assets?limit=100', headers: admin.headers });
    assert.equal(listed.statusCode, 200, listed.body);
    const ids = new Set(listed.json<{ assets: { id: string }[] }>().assets.map((a) => a.id));
    for (const [file, asset] of assets) {
      assert.ok(ids.has(asset.id), `${file} is listed`);
      const original = await t.app.inject({
        url: `/api/assets/${asset.id}/original`,
        headers: admin.headers,
      });
      assert.equal(original.statusCode, 200, file);
      assert.ok(original.rawPayload.equals(await readFile(corpusPath(file))), file);
    }
  });

  it('refuses a decompression bomb quickly, with the pixel-limit reason', async () => {
    const bomb = await decompressionBomb();
    const claimed = await sharp(bomb, { limitInputPixels: false }).metadata();
    assert.deepEqual([claimed.width, claimed.height], [100_000, 100_000]);
    const started = Date.now();
    const res = await uploadBytes(t.app, admin, bomb, 'bomb.png');
    assert.equal(res.statusCode, 201, res.body);
    const asset = await waitForAsset(t.app, admin, res.json<{ id: string }>().id, 20_000);
    assert.equal(asset.status, 'failed');
    assert.match(String(asset.error), /claims more pixels than Keepsake will decode/);
    assert.ok(Date.now() - started < 20_000);
  });

  it('gives reasons without server paths or raw tool output', async () => {
    // A TIFF cut short: libvips names the file it read in its complaint ("<path>: bad seek").
    const tiff = await readFile(corpusPath('png-webp-gif-tiff/P3110005.TIF'));
    const res = await uploadBytes(t.app, admin, tiff.subarray(0, 3000), 'cut.tif');
    assert.equal(res.statusCode, 201, res.body);
    const cut = await waitForAsset(t.app, admin, res.json<{ id: string }>().id, BOUND_MS);
    assert.equal(cut.status, 'failed');
    assert.equal(cut.error, 'The picture could not be read: the file is damaged or cut short.');

    const video = assets.get('broken/Sony XAVC header-only.MP4')!;
    const shown = (
      await t.app.inject({ url: `/api/assets/${video.id}`, headers: admin.headers })
    ).json<AssetBody & { playback: { error: string | null } | null }>();
    assert.equal(shown.error, 'The video could not be read: the file is damaged or cut short.');
    for (const asset of [...assets.values(), cut, shown]) {
      const reasons = [asset.error, (asset as typeof shown).playback?.error];
      for (const reason of reasons.filter(Boolean).map(String)) {
        assert.doesNotMatch(reason, /\/[\w.-]+\/|originals|blobs|staging/, reason);
        assert.doesNotMatch(
          reason,
          /ffmpeg|ffprobe|tiff2vips|EOF|marking filters|stream \d/,
          reason,
        );
      }
    }
  });

  it('still serves and processes a good photo afterwards', async () => {
    const res = await uploadFile(t.app, admin, corpusPath('png-webp-gif-tiff/denali.webp'));
    assert.equal(res.statusCode, 201, res.body);
    const asset = await waitForAsset(t.app, admin, res.json<{ id: string }>().id, BOUND_MS);
    assert.equal(asset.status, 'ready', String(asset.error));
    const buckets = await t.app.inject({ url: '/api/timeline/buckets', headers: admin.headers });
    assert.equal(buckets.statusCode, 200);
  });
});
