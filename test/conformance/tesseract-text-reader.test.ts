import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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

  it('reads a screenshot from its bytes', async () => {
    const reader = new TesseractTextReader(pool);
    const read = await reader.readText(await readFile(visionFixture('ocr/screenshot_testocr.png')));
    assert.match(read.text, /quick brown dog/);
    assert.match(reader.version, /^tesseract\.js-\d+\.\d+\.\d+\+eng-4\.0\.0_best_int\+/);
  });

  it('fails with ModelUnavailableError when the language data is missing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'keepsake-no-eng-'));
    try {
      const reader = new TesseractTextReader(pool, { langPath: empty });
      await assert.rejects(
        reader.readText(await readFile(visionFixture('ocr/screenshot_testocr.png'))),
        (error: Error) =>
          error instanceof ModelUnavailableError && /could not be loaded/.test(error.message),
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
