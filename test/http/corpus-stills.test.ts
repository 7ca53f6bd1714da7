import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
const HDR_AVIF = 'png-webp-gif-tiff/10bit-HDR-P3-nclx.avif';
const THERMAL = 'png-webp-gif-tiff/DJI Zenmuse XT2 16-bit thermal (002).tiff';
/** Shown otherwise than sharp reads them, on purpose: tone-mapped, levels stretched. */
const ADJUSTED = [HDR_AVIF, THERMAL];
const HAS_DJXL = spawnSync('djxl', ['--version']).status === 0;
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

/**
 * The original decoded by sharp on its own (a JPEG XL by djxl first), upright, in sRGB, on white
 * where transparent, at the given size.
 */
async function reference(file: string, width: number, height: number, options: SharpOptions = {}) {
  const decoded = file.endsWith('.jxl') ? await decodedByDjxl(file) : undefined;
  try {
    return await sharp(decoded?.png ?? corpusPath(file), options)
      .rotate()
      .resize(width, height, { fit: 'fill' })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer();
  } finally {
    await decoded?.dispose();
  }
}

async function decodedByDjxl(file: string) {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-test-jxl-'));
  const png = join(dir, 'decoded.png');
  const run = spawnSync('djxl', [corpusPath(file), png]);
  assert.equal(run.status, 0, String(run.stderr));
  return { png, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** Mean and spread of the luminance (Rec. 709 weights, on the sRGB values) of an encoded image. */
async function luminance(image: Buffer) {
  const { data } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const values = new Float64Array(data.length / 3);
  for (let i = 0; i < values.length; i++)
    values[i] = 0.2126 * data[i * 3]! + 0.7152 * data[i * 3 + 1]! + 0.0722 * data[i * 3 + 2]!;
  const sorted = Float64Array.from(values).sort();
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const spread = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  return { mean, spread, p99: sorted[Math.floor(sorted.length * 0.99)]! };
}

/*
 * PNG (8 and 16 bit, with alpha), GIF and WebP (animated ones by their first frame), AVIF (8 bit
 * with a Display P3 profile, 10-bit HDR), TIFF (camera, 16-bit grey thermal, ProPhoto), JPEG XL
 * (through djxl), MPO (first image), and JPEGs in Display P3, Adobe RGB, CMYK and grey: each is
 * ready, with renditions at the displayed aspect ratio, converted to sRGB. The HDR AVIF (PQ curve,
 * P3 primaries in nclx, no ICC) is tone-mapped and the thermal TIFF's levels stretched, so those
 * two are checked by their own tests rather than against sharp's plain reading.
 */
describe('every still of the corpus besides JPEG and HEIC (PNG, GIF, WebP, AVIF, TIFF, JXL, MPO)', () => {
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

  const stills = () => [...assets].filter(([file]) => HAS_DJXL || file !== JXL);
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

  it('decodes JPEG XL with djxl, or fails it with a reason a person understands without djxl', async () => {
    const asset = assets.get(JXL)!;
    assert.equal(asset.mimeType, 'image/jxl');
    if (!HAS_DJXL) {
      assert.equal(asset.status, 'failed');
      assert.match(
        String(asset.error),
        /could not be read: JPEG XL needs djxl \(Debian package libjxl-tools\)/,
      );
      return;
    }
    assert.equal(asset.status, 'ready', String(asset.error));
    assert.deepEqual([asset.width, asset.height], [1440, 1080]);
    // A lossless 1440 x 1080 picture: the preview is the decoded picture itself, JPEG-compressed.
    const preview = await fetchRendition(asset, 'preview');
    const shown = await sharp(preview).raw().toBuffer();
    const decoded = await reference(JXL, 1440, 1080);
    assert.ok(distance(shown, decoded) < 3, `${distance(shown, decoded)} from djxl's decoding`);
    const { mean } = await luminance(preview);
    assert.ok(mean > 40 && mean < 215, `a picture, not a blank: mean ${mean}`);
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

  it('shows the same pixels as the original converted to sRGB, on white where transparent', async () => {
    for (const [file] of stills().filter(([file]) => !ADJUSTED.includes(file))) {
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

  it('shows transparent pixels on white, not on the black they hold (PNG, WebP, GIF)', async () => {
    // Left half transparent black, right half opaque red.
    const pixels = Buffer.alloc(64 * 32 * 4);
    for (let i = 0; i < 64 * 32; i++) if (i % 64 >= 32) pixels.set([220, 20, 20, 255], i * 4);
    const image = sharp(pixels, { raw: { width: 64, height: 32, channels: 4 } });
    for (const [name, data] of [
      ['alpha.png', await image.clone().png().toBuffer()],
      ['alpha.webp', await image.clone().webp({ lossless: true }).toBuffer()],
      ['alpha.gif', await image.clone().gif().toBuffer()],
    ] as const) {
      const res = await uploadBytes(t.app, admin, data, name);
      assert.equal(res.statusCode, 201, res.body);
      const asset = await waitForAsset(t.app, admin, res.json<{ id: string }>().id, 60_000);
      assert.equal(asset.status, 'ready', `${name}: ${asset.error}`);
      for (const size of ['preview', 'thumbnail'] as const) {
        const shown = sharp(await fetchRendition(asset, size)).removeAlpha();
        const { width, height } = await shown.clone().metadata();
        // stats() reads its input, not the pipeline: the half is cut out first.
        const half = async (left: number) => {
          const region = { left, top: 0, width: width! / 2 - 4, height: height! };
          const cut = await shown.clone().extract(region).png().toBuffer();
          const { channels } = await sharp(cut).stats();
          return channels.slice(0, 3).map((c) => Math.round(c.mean));
        };
        const [transparent, opaque] = [await half(0), await half(width! / 2 + 4)];
        assert.ok(Math.min(...transparent) > 245, `${name} ${size}: white ${transparent}`);
        assert.ok(opaque[0]! > 180 && opaque[1]! < 70, `${name} ${size}: red ${opaque}`);
      }
    }
    // The corpus's 16-bit RGBA PNG: where it is fully transparent, the preview is white.
    const file = 'png-webp-gif-tiff/basn6a16.png';
    const { data: original } = await sharp(corpusPath(file))
      .raw({ depth: 'ushort' })
      .toBuffer({ resolveWithObject: true });
    const alpha = new Uint16Array(original.buffer, original.byteOffset, original.length / 2);
    const shown = await sharp(await fetchRendition(assets.get(file)!, 'preview'))
      .raw()
      .toBuffer();
    let transparent = 0;
    for (let p = 0; p < 32 * 32; p++) {
      if (alpha[p * 4 + 3] !== 0) continue;
      transparent++;
      assert.ok(Math.min(...shown.subarray(p * 3, p * 3 + 3)) > 225, `pixel ${p} is white`);
    }
    assert.ok(transparent > 50, `${transparent} fully transparent pixels`);
  });

  it('tone-maps the PQ (HDR) AVIF: white clouds and full contrast, not a flat grey', async () => {
    const shown = await luminance(await fetchRendition(assets.get(HDR_AVIF)!, 'preview'));
    // sharp alone reads the PQ signal as if it were sRGB: nothing brighter than ~183, a flat grey.
    const plain = await luminance(
      await sharp(corpusPath(HDR_AVIF))
        .resize(480, 480, { fit: 'inside' })
        .toColourspace('srgb')
        .png()
        .toBuffer(),
    );
    assert.ok(plain.p99 < 200 && plain.spread < 40, `sharp alone: ${JSON.stringify(plain)}`);
    assert.ok(shown.p99 > 235, `the clouds are white: ${JSON.stringify(shown)}`);
    assert.ok(shown.spread > plain.spread * 1.3, `contrast: ${shown.spread} vs ${plain.spread}`);
    assert.ok(shown.mean > 70 && shown.mean < 170, `mid-tones stay mid: ${shown.mean}`);
  });

  it('stretches the narrow 16-bit levels of the thermal TIFF from its coldest to its hottest', async () => {
    const { data, info } = await sharp(corpusPath(THERMAL))
      .toColourspace('grey16') // else sharp writes it as 8-bit sRGB
      .raw({ depth: 'ushort' })
      .toBuffer({ resolveWithObject: true });
    const codes = new Uint16Array(data.buffer, data.byteOffset, data.length / 2);
    const low = codes.reduce((a, b) => Math.min(a, b));
    const high = codes.reduce((a, b) => Math.max(a, b));
    assert.ok(high - low < 1000, `a narrow span: ${low}-${high}`);
    const expected = Buffer.from(codes.map((c) => Math.round(((c - low) / (high - low)) * 255)));
    const shown = await sharp(await fetchRendition(assets.get(THERMAL)!, 'preview'))
      .greyscale()
      .raw()
      .toBuffer();
    assert.equal(shown.length, info.width * info.height);
    // JPEG noise on the sensor's fine texture is ~3; unstretched, the distance would be ~100.
    assert.ok(distance(shown, expected) < 6, `${distance(shown, expected)} from the stretch`);
    const { spread } = await luminance(await fetchRendition(assets.get(THERMAL)!, 'preview'));
    assert.ok(spread > 15, `not a uniform grey: spread ${spread}`);
  });
});
