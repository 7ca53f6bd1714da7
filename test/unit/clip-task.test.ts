import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { preprocessOf, run } from '../../src/adapters/vision/clip-task.js';
import { writeTinyClipModel } from '../helpers/tiny-clip.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);

/** A 600×200 picture: a red square in the middle, blue on either side. */
const redMiddle = () =>
  sharp({ create: { width: 600, height: 200, channels: 3, background: { r: 0, g: 0, b: 255 } } })
    .composite([
      {
        input: { create: { width: 200, height: 200, channels: 3, background: '#ff0000' } },
        left: 200,
        top: 0,
      },
    ])
    .png()
    .toBuffer();

describe('CLIP task (thread side)', () => {
  let modelDir: string;
  before(async () => {
    modelDir = await writeTinyClipModel(await mkdtemp(join(tmpdir(), 'keepsake-clip-task-')));
  });
  after(async () => {
    await rm(modelDir, { recursive: true, force: true });
  });

  it('sees the centre square of a wide picture, as Immich crops it, at unit length', async () => {
    const image = await run({ modelDir, kind: 'image', image: new Uint8Array(await redMiddle()) });
    const red = await run({ modelDir, kind: 'text', text: 'red' });
    const blue = await run({ modelDir, kind: 'text', text: 'blue' });
    assert.ok(Math.abs(dot(image, image) - 1) < 1e-5);
    assert.ok(Math.abs(dot(red, red) - 1) < 1e-5);
    assert.ok(dot(image, red) > 0.95, `red: ${dot(image, red)}`);
    assert.ok(dot(image, blue) < 0, `blue: ${dot(image, blue)}`);
  });

  it('says which model could not be loaded', async () => {
    await assert.rejects(run({ modelDir: join(modelDir, 'nowhere'), kind: 'text', text: 'red' }), {
      name: 'ModelUnavailableError',
      message: /textual.model\.onnx could not be loaded/,
    });
  });

  it('reads the preprocessing config as open_clip writes it', () => {
    const cfg = preprocessOf({
      size: [336, 336],
      mean: [0.5, 0.5, 0.5],
      std: [0.5, 0.5, 0.5],
      interpolation: 'bicubic',
    });
    assert.deepEqual(cfg, {
      size: 336,
      mean: [0.5, 0.5, 0.5],
      std: [0.5, 0.5, 0.5],
      kernel: 'cubic',
      resizeMode: 'shortest',
    });
    assert.equal(preprocessOf({ ...cfg, size: 224, resize_mode: 'squash' }).resizeMode, 'squash');
    assert.throws(() => preprocessOf({ ...cfg, size: 224, interpolation: 'hamming' }), /hamming/);
    assert.throws(() => preprocessOf({ size: 224, mean: [0.5], std: [0.5, 0.5, 0.5] }), /mean/);
  });
});
