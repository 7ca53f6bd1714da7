import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  developsAtHalfSize,
  shouldDevelopRaw,
} from '../../src/adapters/media/raw-source-choice.js';
import { SharpImageRenderer } from '../../src/adapters/media/sharp-image-renderer.js';
import { UndecodableImageError } from '../../src/core/media/image-renderer.js';
import { corpusPath } from '../helpers/corpus.js';

// See: [Note: Camera RAW previews]. Sizes are ExifTool's (sensor) and the embedded picture's.
const size = (width: number, height: number) => ({ width, height });
const PREVIEW = 1440;

describe('which picture shows a camera RAW', () => {
  it('keeps an embedded picture big enough for the preview, without developing', () => {
    // The corpus's Canon PowerShot G2 CRW: a 640x480 JpgFromRaw for a 2272x1704 sensor.
    assert.equal(shouldDevelopRaw(size(640, 480), size(2272, 1704), PREVIEW), false);
    // A Canon EOS R6 CR3: a 1620x1080 PreviewImage for a 5472x3648 sensor.
    assert.equal(shouldDevelopRaw(size(1620, 1080), size(5472, 3648), PREVIEW), false);
    // A small sensor needs less: a 320x240 picture of a 640x480 one is enough.
    assert.equal(shouldDevelopRaw(size(320, 240), size(640, 480), PREVIEW), false);
  });

  it('develops a RAW whose embedded picture is a thumbnail, or which has none', () => {
    // The corpus's Kodak DC120 KDC: an 80x60 ThumbnailTIFF for a 1280x960 sensor.
    assert.equal(shouldDevelopRaw(size(80, 60), size(1280, 960), PREVIEW), true);
    assert.equal(shouldDevelopRaw(size(160, 120), size(6000, 4000), PREVIEW), true);
    assert.equal(shouldDevelopRaw(undefined, size(4000, 3000), PREVIEW), true);
    assert.equal(shouldDevelopRaw(undefined, undefined, PREVIEW), true);
  });

  it('keeps the embedded picture when the sensor size is unknown', () => {
    assert.equal(shouldDevelopRaw(size(160, 120), undefined, PREVIEW), false);
  });

  it('develops at half size only where that still fills the preview', () => {
    assert.equal(developsAtHalfSize(size(1280, 960), PREVIEW), false);
    assert.equal(developsAtHalfSize(size(2272, 1704), PREVIEW), false);
    assert.equal(developsAtHalfSize(size(2880, 1920), PREVIEW), true);
    assert.equal(developsAtHalfSize(size(6000, 4000), PREVIEW), true);
  });
});

/*
 * Without LibRaw's dcraw_emu: a PATH that holds only perl, for ExifTool's `#!/usr/bin/env perl`.
 * The renderer runs in this test's own process, so only it sees the changed PATH.
 */
describe('a camera RAW when dcraw_emu is not installed', () => {
  const renderer = new SharpImageRenderer({ threads: 1 });
  let dir: string;
  let path: string | undefined;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keepsake-raw-test-'));
    await symlink('/usr/bin/perl', join(dir, 'perl'));
    path = process.env.PATH;
    process.env.PATH = dir;
  });
  after(async () => {
    process.env.PATH = path;
    await rm(dir, { recursive: true, force: true });
  });

  it('falls back on the tiny embedded picture', async () => {
    const rendered = await renderer.render(corpusPath('raw/P003913.KDC'));
    assert.deepEqual([rendered.preview.width, rendered.preview.height], [80, 60]);
    assert.deepEqual([rendered.width, rendered.height], [1280, 960]);
  });

  it('fails a RAW without one, saying why', async () => {
    await assert.rejects(
      renderer.render(corpusPath('raw/GOPR8513.GPR')),
      (error: Error) =>
        error instanceof UndecodableImageError &&
        /holds no embedded preview and could not be developed \(dcraw_emu \(Debian package libraw-bin\) is not installed\)/.test(
          error.message,
        ),
    );
  });
});
