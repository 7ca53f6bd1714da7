import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { WorkerPool } from '../../src/adapters/runtime/worker-pool.js';
import { TesseractTextReader } from '../../src/adapters/vision/tesseract-text-reader.js';
import { ModelUnavailableError } from '../../src/core/vision/vision-ports.js';
import { visionFixture } from '../helpers/vision.js';

describe('TesseractTextReader on the pool', () => {
  const pool = new WorkerPool({ threads: 1, idleMs: 0 });
  after(() => pool.close());

  it('reads a screenshot (a models folder without eng data: the package data)', async () => {
    const reader = new TesseractTextReader(pool, { modelsDir: tmpdir() });
    const read = await reader.readText(await readFile(visionFixture('ocr/screenshot_testocr.png')));
    assert.match(read.text, /quick brown dog/);
    assert.match(reader.version, /^tesseract\.js-\d+\.\d+\.\d+\+eng-4\.0\.0_best_int\+/);
  });

  it('fails with ModelUnavailableError when the language data cannot be read', async () => {
    const models = await mkdtemp(join(tmpdir(), 'keepsake-broken-eng-'));
    try {
      await writeFile(join(models, 'eng.traineddata.gz'), 'not language data');
      const reader = new TesseractTextReader(pool, { modelsDir: models });
      assert.match(reader.version, /\+eng-own-17\+/);
      await assert.rejects(
        reader.readText(await readFile(visionFixture('ocr/screenshot_testocr.png'))),
        (error: Error) =>
          error instanceof ModelUnavailableError && /could not be loaded/.test(error.message),
      );
      await rm(join(models, 'eng.traineddata.gz'));
      await assert.rejects(
        reader.readText(await readFile(visionFixture('ocr/screenshot_testocr.png'))),
        ModelUnavailableError,
      );
    } finally {
      await rm(models, { recursive: true, force: true });
    }
  });
});
