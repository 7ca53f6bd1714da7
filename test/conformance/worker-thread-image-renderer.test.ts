import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SharpImageRenderer } from '../../src/adapters/media/sharp-image-renderer.js';
import { WorkerThreadImageRenderer } from '../../src/adapters/media/worker-thread-image-renderer.js';
import { UndecodableImageError } from '../../src/core/media/image-renderer.js';
import { corpusPath } from '../helpers/corpus.js';

describe('WorkerThreadImageRenderer', () => {
  const renderer = new WorkerThreadImageRenderer({ threads: 1 });
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'keepsake-render-'))));
  after(async () => {
    await renderer.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('gives the same renditions as rendering on the calling thread', async () => {
    const file = corpusPath('orientation/Landscape_6.jpg');
    const [onWorker, inProcess] = await Promise.all([
      renderer.render(file),
      new SharpImageRenderer({ threads: 1 }).render(file),
    ]);
    assert.ok(Buffer.isBuffer(onWorker.preview.data));
    assert.ok(onWorker.preview.data.equals(inProcess.preview.data));
    assert.ok(onWorker.thumbnail.data.equals(inProcess.thumbnail.data));
    assert.equal(onWorker.thumbhash, inProcess.thumbhash);
    assert.deepEqual(
      [onWorker.width, onWorker.height, onWorker.preview.width, onWorker.thumbnail.height],
      [inProcess.width, inProcess.height, inProcess.preview.width, inProcess.thumbnail.height],
    );
  });

  test('renders several images at once, each answer to its own request', async () => {
    const files = [
      'orientation/Landscape_1.jpg',
      'orientation/Portrait_6.jpg',
      'gps/HTC Desire.jpg',
    ];
    const results = await Promise.all(files.map((f) => renderer.render(corpusPath(f))));
    const landscape = results[0]!;
    const portrait = results[1]!;
    assert.ok(landscape.width > landscape.height);
    assert.ok(portrait.height > portrait.width);
    assert.notEqual(results[2]!.thumbhash, landscape.thumbhash);
  });

  test('a file that is not a picture fails as undecodable, and the thread keeps working', async () => {
    const junk = join(dir, 'junk.jpg');
    await writeFile(junk, Buffer.from('definitely not a jpeg'));
    await assert.rejects(renderer.render(junk), UndecodableImageError);
    const missing = renderer.render(join(dir, 'missing.jpg'));
    await assert.rejects(missing, UndecodableImageError);
    const again = await renderer.render(corpusPath('orientation/Landscape_1.jpg'));
    assert.ok(again.preview.data.length > 0);
  });

  test('ends its thread after a while without renders, says so, and renders again after', async () => {
    // See: [Note: Memory after a burst].
    let idle = 0;
    const resting = new WorkerThreadImageRenderer({ threads: 1, idleMs: 50, onIdle: () => idle++ });
    try {
      const file = corpusPath('orientation/Landscape_1.jpg');
      const first = await resting.render(file);
      for (let i = 0; i < 100 && idle === 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(idle, 1, 'the thread ended once, idle');
      // The next renders start a new thread.
      const again = await Promise.all([resting.render(file), resting.render(file)]);
      assert.ok(again.every((r) => r.thumbnail.data.equals(first.thumbnail.data)));
    } finally {
      await resting.close();
    }
  });

  test('a closed renderer starts a new thread on the next render', async () => {
    await renderer.close();
    const rendered = await renderer.render(corpusPath('orientation/Landscape_1.jpg'));
    assert.ok(rendered.thumbnail.data.length > 0);
  });
});
