import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp, { type SharpOptions } from 'sharp';
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

const JXL = 'png-webp-gif-tiff/8bit-sRGB.jxl';
const ANIMATED = [
  'png-webp-gif-tiff/Animation Lossy.webp',
  'png-webp-gif-tiff/pbar-ani-invalid-XMP.gif',
];
// Inputs in another colour space than sRGB: a relabelled preview would look wrong.
const COLOUR_MANAGED = [
  'color-icc/4x6-portrait-photo-displayp3.jpg',
  'color-icc/4x6-portrait-photo-sgray.jpg',
  'color-icc/Canon EOS 7D.jpg',
  'color-icc/Multiple ICC segments.jpg',
  'color-icc/pil_sample_cmyk.jpg',
  'png-webp-gif-tiff/tif-with-iptc-icc-xmp.tif',
  'png-webp-gif-tiff/iPhone 12 Pro EXIF (exif.avif).avif',
];

/** The size a person sees: ExifTool's ImageSize of the pixels, turned by EXIF orientations 5-8. */
function displayedSize(truth: Truth): { width: number; height: number } {
  const [width, height] = String(truth['Composite:ImageSize']).split(/[ x]/).map(Number);
  const turned = Number(truth['IFD0:Orientation'] ?? 1) >= 5;
  return turned ? { width: height!, height: width! } : { width: width!, height: height! };
}

/** Mean absolute difference per channel value, 0-255. */
function distance(a: Buffer, b: Buffer): number {
  assert.equal(a.length, b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** The original decoded by sharp on its own, upright, in sRGB, at the given size. */
const reference = (file: string, width: number, height: number, options: SharpOptions = {}) =>
  sharp(corpusPath(file), options)
    .rotate()
    .resize(width, height, { fit: 'fill' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer();

/*
 * PNG (8 and 16 bit), GIF and WebP (animated ones by their first frame), AVIF (8 bit with a
 * Display P3 profile, 10-bit HDR), TIFF (camera, 16-bit grey thermal, ProPhoto), MPO (first
 * image), and JPEGs in Display P3, Adobe RGB, CMYK and grey: each is ready, with renditions at
 * the displayed aspect ratio, converted to sRGB. Not yet checked: the 10-bit HDR AVIF (PQ curve,
 * P3 primaries in nclx, no ICC) is compared with sharp's own reading only, which neither tone-maps
 * PQ nor converts those primaries, so its preview still looks flat.
 */
describe('every still of the corpus besides JPEG and HEIC (PNG, GIF, WebP, AVIF, TIFF, MPO)', () => {
  let t: TestApp;
  let admin: Session;
  const assets = new Map<string, AssetBody>();

  before(async () => {
    t = await startTestApp();
    admin = await setupAdmin(t.app);
    const files = [
      ...(await corpusFiles('png-webp-gif-tiff', /\.(png|gif|webp|avif|tiff?|jxl)$/i)),
      ...(await corpusFiles('color-icc', /\.jpe?g$/i)),
      ...(await corpusFiles('jpeg-exif', /\.mpo$/i)),
    ];
    const uploaded = await uploadCorpus(t.app, admin, files);
    for (const [file, asset] of uploaded) assets.set(file, asset);
  });

  after(() => t.close());

  const stills = () => [...assets].filter(([file]) => file !== JXL);
  const fetchRendition = async (asset: AssetBody, size: 'thumbnail' | 'preview') => {
    const res = await fetchRenditionOf(t.app, admin, asset.id, size);
    assert.equal(res.statusCode, 200, `${asset.id} ${size}: ${res.body}`);
    return res.rawPayload;
  };

  it('accepts every file and makes every still ready, sized as displayed', async () => {
    assert.equal(assets.size, 21);
    for (const [file, asset] of stills()) {
      assert.equal(asset.status, 'ready', `${file}: ${asset.error}`);
      const expected = displayedSize(await readTruth(file));
      assert.deepEqual({ width: asset.width, height: asset.height }, expected, file);
    }
  });

  it('fails JPEG XL with a reason a person understands when this sharp cannot decode it', () => {
    const asset = assets.get(JXL)!;
    if (sharp.format.jxl?.input.file) {
      assert.equal(asset.status, 'ready', String(asset.error));
      return;
    }
    assert.equal(asset.status, 'failed');
    assert.equal(asset.mimeType, 'image/jxl');
    assert.match(String(asset.error), /could not be read: JPEG XL is not supported/);
  });

  it('makes an sRGB thumbnail and preview at the displayed aspect ratio', async () => {
    for (const [file, asset] of stills()) {
      const display = displayedSize(await readTruth(file));
      const want = display.width / display.height;
      for (const size of ['thumbnail', 'preview'] as const) {
        const meta = await sharp(await fetchRendition(asset, size)).metadata();
        const got = `${file} ${size}: ${meta.width}x${meta.height}`;
        assert.equal(meta.format, size === 'thumbnail' ? 'webp' : 'jpeg', got);
        if (size === 'preview')
          assert.equal(
            Math.max(meta.width!, meta.height!),
            Math.min(1440, Math.max(display.width, display.height)),
            got,
          );
        // Within a pixel of the exact ratio (tiny images round), or 1 %.
        const exactHeight = meta.width! / want;
        assert.ok(
          Math.abs(meta.height! - exactHeight) <= 1 ||
            Math.abs(meta.width! / meta.height! - want) / want < 0.01,
          `${got}, want ratio ${want}`,
        );
        assert.equal(meta.space, 'srgb', got);
        assert.equal(meta.icc, undefined, `${got} keeps no ICC profile`);
      }
    }
  });

  // The preview and the original decoded by sharp alone, both shrunk to 48 x 48 from the
  // preview's size, so the preview's JPEG noise averages out and only colour differences stay.
  const compared = async (file: string, options: SharpOptions = {}) => {
    const preview = await fetchRendition(assets.get(file)!, 'preview');
    const { data, info } = await sharp(preview).raw().toBuffer({ resolveWithObject: true });
    const shrunk = (pixels: Buffer) =>
      sharp(pixels, { raw: { width: info.width, height: info.height, channels: 3 } })
        .resize(48, 48, { fit: 'fill' })
        .raw()
        .toBuffer();
    return {
      shown: await shrunk(data),
      original: await shrunk(await reference(file, info.width, info.height, options)),
    };
  };

  it('shows the same pixels as the original converted to sRGB', async () => {
    for (const [file] of stills()) {
      const { shown, original } = await compared(file);
      const toConverted = distance(shown, original);
      // Tiny sharp-edged pictures (32 x 32 PngSuite) keep some JPEG chroma noise, up to ~4.
      assert.ok(toConverted < 5, `${file}: ${toConverted} from sharp's own conversion`);
    }
  });

  it('converts Display P3, Adobe RGB, ProPhoto, CMYK and grey to sRGB, not relabelled', async () => {
    for (const file of COLOUR_MANAGED) {
      const { shown, original: converted } = await compared(file);
      const { original: relabelled } = await compared(file, { ignoreIcc: true });
      const toConverted = distance(shown, converted);
      // A profile close to sRGB (grey with the sRGB curve) or none (CMYK): nothing to tell apart.
      if (distance(converted, relabelled) < 2) continue;
      const toRelabelled = distance(shown, relabelled);
      assert.ok(toConverted < toRelabelled, `${file}: ${toConverted} vs ${toRelabelled}`);
    }
    const grey = await sharp(
      await fetchRendition(assets.get('color-icc/4x6-portrait-photo-sgray.jpg')!, 'preview'),
    ).stats();
    const means = grey.channels.slice(0, 3).map((c) => c.mean);
    assert.ok(Math.max(...means) - Math.min(...means) < 1, `grey stays grey: ${means.join(' ')}`);
  });

  it('makes the thumbnail of an animated GIF or WebP from its first frame', async () => {
    for (const file of ANIMATED) {
      const { pages } = await sharp(corpusPath(file)).metadata();
      assert.ok(pages! > 1, `${file} is animated`);
      const frame = (page: number) =>
        sharp(corpusPath(file), { page })
          .resize(32, 32, { fit: 'fill' })
          .removeAlpha()
          .raw()
          .toBuffer();
      const first = await frame(0);
      let other = { page: 0, distance: 0 };
      for (let page = 1; page < pages!; page++) {
        const d = distance(first, await frame(page));
        if (d > other.distance) other = { page, distance: d };
      }
      const thumbnail = await sharp(await fetchRendition(assets.get(file)!, 'thumbnail'))
        .resize(32, 32, { fit: 'fill' })
        .raw()
        .toBuffer();
      const toFirst = distance(thumbnail, first);
      const toOther = distance(thumbnail, await frame(other.page));
      assert.ok(toFirst < toOther, `${file}: ${toFirst} to frame 0, ${toOther} to ${other.page}`);
    }
  });

  it('makes the renditions of a multi-page TIFF from its first page', async () => {
    const gif = corpusPath('png-webp-gif-tiff/pbar-ani-invalid-XMP.gif');
    const tiff = await sharp(gif, { pages: -1 }).tiff().toBuffer();
    assert.equal((await sharp(tiff).metadata()).pages, 23);
    const res = await uploadBytes(t.app, admin, tiff, 'pages.tif');
    assert.equal(res.statusCode, 201, res.body);
    const asset = await waitForAsset(t.app, admin, res.json<{ id: string }>().id, 60_000);
    assert.equal(asset.status, 'ready', String(asset.error));
    assert.deepEqual([asset.width, asset.height], [48, 22]);
    const preview = await sharp(await fetchRendition(asset, 'preview'))
      .raw()
      .toBuffer();
    const page = (n: number) => sharp(tiff, { page: n }).removeAlpha().raw().toBuffer();
    const toFirst = distance(preview, await page(0));
    assert.ok(toFirst < distance(preview, await page(12)), `first page: ${toFirst}`);
  });
});
