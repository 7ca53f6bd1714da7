import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { SharpImageRenderer } from '../../src/adapters/media/sharp-image-renderer.js';
import { UndecodableImageError } from '../../src/core/media/image-renderer.js';
import { corpusPath } from '../helpers/corpus.js';

/*
 * JPEG XL through djxl (src/adapters/media/jxl-decoder.ts), on files made here with libjxl's own
 * cjxl (the same Debian package): a losslessly recompressed JPEG, which djxl gives back as that
 * JPEG with its EXIF Orientation, and a lossy one, which djxl turns upright itself.
 */
describe('JPEG XL decoding with djxl', () => {
  const renderer = new SharpImageRenderer({ threads: 1 });
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'keepsake-jxl-test-'))));
  after(() => rm(dir, { recursive: true, force: true }));

  it('shows a JPEG XL upright, whether it holds a recompressed JPEG or pixels', async () => {
    // Stored 1200 x 1800 with EXIF Orientation 6: shown 1800 x 1200.
    const source = corpusPath('orientation/Landscape_6.jpg');
    const upright = await sharp(source).rotate().resize(60, 40).raw().toBuffer();
    for (const [name, args] of [
      ['recompressed.jxl', []],
      ['lossy.jxl', ['--lossless_jpeg=0', '-d', '1']],
    ] as const) {
      const file = join(dir, name);
      execFileSync('cjxl', [source, file, ...args], { stdio: 'ignore' });
      const rendered = await renderer.render(file);
      assert.deepEqual([rendered.width, rendered.height], [1800, 1200], name);
      assert.deepEqual([rendered.preview.width, rendered.preview.height], [1440, 960], name);
      const shown = await sharp(rendered.preview.data).resize(60, 40).raw().toBuffer();
      let sum = 0;
      for (let i = 0; i < shown.length; i++) sum += Math.abs(shown[i]! - upright[i]!);
      assert.ok(sum / shown.length < 6, `${name}: ${sum / shown.length} from the upright JPEG`);
    }
  });

  it('fails a cut-short JPEG XL with that reason', async () => {
    const whole = await readFile(corpusPath('png-webp-gif-tiff/8bit-sRGB.jxl'));
    const cut = join(dir, 'cut.jxl');
    await writeFile(cut, whole.subarray(0, 50_000));
    await assert.rejects(renderer.render(cut), (error: Error) => {
      assert.ok(error instanceof UndecodableImageError);
      assert.match(error.message, /JPEG XL file could not be decoded \(the file is cut short\)/);
      return true;
    });
  });

  it('says which package to install when djxl is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = dir; // a folder without djxl or jxlinfo
    try {
      await assert.rejects(
        renderer.render(corpusPath('png-webp-gif-tiff/8bit-sRGB.jxl')),
        (error: Error) => {
          assert.ok(error instanceof UndecodableImageError);
          assert.match(error.message, /^JPEG XL needs djxl \(Debian package libjxl-tools\)/);
          return true;
        },
      );
    } finally {
      process.env.PATH = path;
    }
  });
});
