import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { exiftoolPath } from 'exiftool-vendored';
import sharp from 'sharp';
import { corpusFiles, corpusPath, readTruth, type Truth } from '../helpers/corpus.js';
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

/*
 * Camera RAW is shown by the largest picture the camera embedded (src/adapters/media/
 * raw-preview-extractor.ts), a 640x480 JpgFromRaw in the Canon CRW, or by its sensor data
 * developed by LibRaw where that picture is tiny or missing: the 1997 Kodak KDC embeds only an
 * 80x60 ThumbnailTIFF. The GoPro HERO7 GPR (a DNG with VC-5 raw data, which LibRaw cannot read)
 * embeds no picture at all, so it is kept and listed but fails with that reason.
 */
describe('every camera RAW of the corpus (Canon CRW, Kodak KDC, GoPro GPR)', () => {
  let t: TestApp;
  let admin: Session;
  const assets = new Map<string, AssetBody>();

  before(async () => {
    t = await startTestApp();
    admin = await setupAdmin(t.app);
    const uploaded = await uploadCorpus(
      t.app,
      admin,
      await corpusFiles('raw', /\.(crw|gpr|kdc)$/i),
    );
    for (const [file, asset] of uploaded) assets.set(file, asset);
  });

  after(() => t.close());

  const fetchRendition = (asset: AssetBody, size: 'thumbnail' | 'preview') =>
    fetchRenditionOf(t.app, admin, asset.id, size);
  const withPreview = ['raw/CRW_0305.CRW', 'raw/P003913.KDC'];

  it('accepts every RAW on upload', () => {
    assert.equal(assets.size, 3);
    assert.equal(assets.get('raw/CRW_0305.CRW')!.mimeType, 'image/x-canon-crw');
    // ExifTool reads a nameless KDC as plain TIFF; the type from the upload's name is kept.
    assert.equal(assets.get('raw/P003913.KDC')!.mimeType, 'image/x-kodak-kdc');
    // ExifTool reads the stored original, which has no name: a GPR is then the DNG it is.
    assert.equal(assets.get('raw/GOPR8513.GPR')!.mimeType, 'image/x-adobe-dng');
  });

  it('makes renditions from the embedded preview; reports the RAW size, not the preview', async () => {
    for (const file of withPreview) {
      const asset = assets.get(file)!;
      assert.equal(asset.status, 'ready', `${file}: ${asset.error}`);
      const display = rawDisplaySize(await readTruth(file));
      assert.deepEqual({ width: asset.width, height: asset.height }, display, file);
      const want = display.width / display.height;
      for (const size of ['thumbnail', 'preview'] as const) {
        const res = await fetchRendition(asset, size);
        assert.equal(res.statusCode, 200, `${file} ${size}: ${res.body}`);
        const meta = await sharp(res.rawPayload).metadata();
        assert.equal(meta.format, size === 'thumbnail' ? 'webp' : 'jpeg', file);
        assert.ok(Math.max(meta.width!, meta.height!) <= 1440, `${file} ${size}`);
        const ratio = meta.width! / meta.height!;
        assert.ok(Math.abs(ratio - want) / want < 0.02, `${file} ${size}: ${ratio}, want ${want}`);
      }
      assert.match(String(asset.thumbhash), /^[A-Za-z0-9+/]+=*$/, file);
    }
    // The largest of the CRW's two pictures: the 640x480 JpgFromRaw, not the 160x120 thumbnail;
    // big enough to be kept rather than developed (its sensor is 2272x1704).
    const crw = await fetchRendition(assets.get('raw/CRW_0305.CRW')!, 'preview');
    const { width, height } = await sharp(crw.rawPayload).metadata();
    assert.deepEqual([width, height], [640, 480]);
  });

  it('develops the sensor data of a RAW whose embedded picture is a tiny thumbnail', async () => {
    // The KDC embeds only an 80x60 ThumbnailTIFF for its 1280x960 sensor.
    const kdc = assets.get('raw/P003913.KDC')!;
    const shown = (await fetchRendition(kdc, 'preview')).rawPayload;
    const { width, height } = await sizeOf(shown);
    assert.ok(Math.max(width!, height!) >= 640, `${width}x${height}`);
    assert.ok(Math.abs(width! / height! - 1280 / 960) < 0.02, `${width}x${height}`);
    // Upright (Orientation 1): like the camera's own thumbnail, not like it turned over.
    const embedded = await extractTag(corpusPath('raw/P003913.KDC'), 'ThumbnailTIFF');
    const pixels = (image: Buffer, angle: number) => shapes(image, angle, 80, 60);
    const toUpright = distance(await pixels(shown, 0), await pixels(embedded, 0));
    const toOver = distance(await pixels(shown, 0), await pixels(embedded, 180));
    assert.ok(toUpright < toOver / 2, `${toUpright} vs ${toOver}`);
  });

  it('fails a RAW that embeds no preview with that reason, keeping its metadata', async () => {
    const gpr = assets.get('raw/GOPR8513.GPR')!;
    assert.equal(gpr.status, 'failed');
    assert.match(
      String(gpr.error),
      /could not be read: the DNG file holds no embedded preview and could not be developed \(Unsupported file format/,
    );
    assert.deepEqual([gpr.width, gpr.height], [4000, 3000]);
    await assertOriginalKept(gpr, await readFile(corpusPath('raw/GOPR8513.GPR')));
  });

  it("turns the preview by the RAW's own Orientation, and swaps the reported size", async () => {
    const file = 'raw/P003913.KDC';
    const turned = withOrientation(await readFile(corpusPath(file)), 6);
    const res = await uploadBytes(t.app, admin, turned, 'turned.kdc');
    assert.equal(res.statusCode, 201, res.body);
    const asset = await waitForAsset(t.app, admin, res.json<{ id: string }>().id, 60_000);
    assert.equal(asset.status, 'ready', String(asset.error));
    assert.deepEqual([asset.width, asset.height], [960, 1280]);

    // The developed picture, turned once: LibRaw would also turn by the Orientation it reads,
    // which would show it upside down (See: [Note: Camera RAW previews]).
    const shown = (await fetchRendition(asset, 'preview')).rawPayload;
    assert.ok((await sizeOf(shown)).height! >= 640);
    const embedded = await extractTag(corpusPath(file), 'ThumbnailTIFF');
    const pixels = (image: Buffer, angle: number) => shapes(image, angle, 60, 80);
    const toTurned = distance(await pixels(shown, 0), await pixels(embedded, 90));
    const toUnturned = distance(await pixels(shown, 0), await pixels(embedded, 270));
    assert.ok(toTurned < toUnturned / 2, `${toTurned} vs ${toUnturned}`);
  });

  it('turns a Canon CRW by its own CanonRaw Rotation (it has no EXIF Orientation)', async () => {
    const file = 'raw/CRW_0305.CRW';
    const dir = await mkdtemp(join(tmpdir(), 'keepsake-test-crw-'));
    try {
      // The corpus's CRW was shot level (Rotation 0); this copy says the camera was turned.
      const turned = join(dir, 'turned.crw');
      await copyFile(corpusPath(file), turned);
      await promisify(execFile)(await exiftoolPath(), [
        '-CanonRaw:Rotation=90',
        '-overwrite_original',
        turned,
      ]);
      const res = await uploadBytes(t.app, admin, await readFile(turned), 'turned.crw');
      assert.equal(res.statusCode, 201, res.body);
      const asset = await waitForAsset(t.app, admin, res.json<{ id: string }>().id, 60_000);
      assert.equal(asset.status, 'ready', String(asset.error));
      assert.deepEqual([asset.width, asset.height], [1704, 2272]);

      const shown = (await fetchRendition(asset, 'preview')).rawPayload;
      assert.deepEqual(Object.values(await sizeOf(shown)), [480, 640]);
      const embedded = await extractTag(corpusPath(file), 'JpgFromRaw');
      const pixels = (image: Buffer, angle: number) =>
        sharp(image).rotate(angle).resize(48, 64, { fit: 'fill' }).removeAlpha().raw().toBuffer();
      const toTurned = distance(await pixels(shown, 0), await pixels(embedded, 90));
      const toOpposite = distance(await pixels(shown, 0), await pixels(embedded, 270));
      assert.ok(toTurned < toOpposite / 2, `${toTurned} vs ${toOpposite}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails a truncated RAW with a readable reason, keeping the original downloadable', async () => {
    const whole = await readFile(corpusPath('raw/CRW_0305.CRW'));
    const truncated = whole.subarray(0, Math.floor(whole.length * 0.3));
    const res = await uploadBytes(t.app, admin, truncated, 'truncated.crw');
    assert.equal(res.statusCode, 201, res.body);
    const asset = await waitForAsset(t.app, admin, res.json<{ id: string }>().id, 60_000);
    assert.equal(asset.status, 'failed');
    assert.match(
      String(asset.error),
      /could not be read: the CRW file holds no embedded preview and could not be developed/,
    );
    await assertOriginalKept(asset, truncated);
  });

  async function assertOriginalKept(asset: AssetBody, bytes: Buffer) {
    const original = await t.app.inject({
      url: `/api/assets/${asset.id}/original`,
      headers: admin.headers,
    });
    assert.equal(original.statusCode, 200);
    assert.ok(original.rawPayload.equals(bytes), 'original byte for byte');
  }
});

/** The RAW's full size (ExifTool's Composite:ImageSize), turned a quarter for Orientation 5-8. */
function rawDisplaySize(truth: Truth): { width: number; height: number } {
  const [width, height] = String(truth['Composite:ImageSize']).split(/[ x]/).map(Number);
  const orientation = Number(truth['IFD0:Orientation'] ?? 1);
  return orientation >= 5 ? { width: height!, height: width! } : { width: width!, height: height! };
}

/**
 * A copy with every Orientation entry (IFD0 and its SubIFDs) set to `value`, patched in place:
 * ExifTool cannot write KDC files.
 */
function withOrientation(tiff: Buffer, value: number): Buffer {
  const copy = Buffer.from(tiff);
  const little = copy.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? copy.readUInt16LE(at) : copy.readUInt16BE(at));
  const u32 = (at: number) => (little ? copy.readUInt32LE(at) : copy.readUInt32BE(at));
  let patched = 0;
  const visit = (ifd: number) => {
    for (let i = 0; i < u16(ifd); i++) {
      const entry = ifd + 2 + i * 12;
      if (u16(entry) === 0x0112) {
        if (little) copy.writeUInt16LE(value, entry + 8);
        else copy.writeUInt16BE(value, entry + 8);
        patched++;
      }
      if (u16(entry) === 0x014a) visit(u32(entry + 8));
    }
  };
  visit(u32(4));
  assert.ok(patched > 0, 'an Orientation entry to patch');
  return copy;
}

async function sizeOf(image: Buffer) {
  const { width, height } = await sharp(image).metadata();
  return { width, height };
}

async function extractTag(path: string, tag: string): Promise<Buffer> {
  const run = promisify(execFile);
  const { stdout } = await run(await exiftoolPath(), ['-b', `-${tag}`, path], {
    encoding: 'buffer',
  });
  return stdout;
}

/**
 * The picture turned by `angle`, as `width` x `height` grey levels stretched to full range: the
 * camera's thumbnail and LibRaw's develop of the same RAW differ in brightness and colour balance,
 * not in what is where.
 */
function shapes(image: Buffer, angle: number, width: number, height: number): Promise<Buffer> {
  return sharp(image)
    .rotate(angle)
    .resize(width, height, { fit: 'fill' })
    .greyscale()
    .normalise()
    .raw()
    .toBuffer();
}

function distance(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}
