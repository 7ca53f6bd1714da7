import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { readFile } from 'node:fs/promises';
import { describe, it, before, after } from 'node:test';
import { BlobNotFoundError, type BlobStore } from '../../src/core/ports/blob-store.js';

export interface BlobStoreHarness {
  store: BlobStore;
  close(): Promise<void>;
}

/**
 * What every BlobStore adapter must do. An adapter is done when this suite passes against it:
 *   describeBlobStoreConformance('disk', async () => ({ store, close }));
 */
export function describeBlobStoreConformance(
  name: string,
  open: () => Promise<BlobStoreHarness>,
): void {
  describe(`BlobStore conformance: ${name}`, () => {
    let harness: BlobStoreHarness;
    let store: BlobStore;
    before(async () => {
      harness = await open();
      store = harness.store;
    });
    after(() => harness.close());

    it('stages a stream and commits it under a key, atomically visible', async () => {
      const staged = await store.stage(
        Readable.from([Buffer.from('hello '), Buffer.from('world')]),
      );
      assert.equal(staged.size, 11);
      assert.equal(await store.stat('a/b/hello'), undefined, 'invisible before commit');
      await staged.commit('a/b/hello');
      assert.equal(await text(await store.get('a/b/hello')), 'hello world');
      assert.equal((await store.stat('a/b/hello'))?.size, 11);
    });

    it('discards a staged blob without leaving it anywhere', async () => {
      const staged = await store.stage(Readable.from([Buffer.from('temporary')]));
      await staged.discard();
      await staged.discard(); // idempotent
      const keys = [];
      for await (const key of store.list('')) keys.push(key);
      assert.ok(!keys.some((k) => k.includes('temporary')));
    });

    it('fails a stage when the source stream fails, and keeps nothing', async () => {
      const failing = new Readable({
        read() {
          this.push(Buffer.alloc(1024));
          this.destroy(new Error('client went away'));
        },
      });
      await assert.rejects(store.stage(failing), /client went away/);
      assert.equal(await store.cleanStaging(0), 0, 'nothing left in staging');
    });

    it('streams large blobs without holding them whole', async () => {
      const chunk = Buffer.alloc(1024 * 1024, 7);
      const staged = await store.stage(
        Readable.from(
          (function* () {
            for (let i = 0; i < 20; i++) yield chunk;
          })(),
        ),
      );
      assert.equal(staged.size, 20 * chunk.length);
      await staged.commit('big/blob');
      let total = 0;
      for await (const part of await store.get('big/blob')) total += (part as Buffer).length;
      assert.equal(total, 20 * chunk.length);
    });

    it('puts whole values and overwrites them', async () => {
      await store.put('x/value', Buffer.from('one'));
      await store.put('x/value', Buffer.from('two'));
      assert.equal(await text(await store.get('x/value')), 'two');
    });

    it('reads byte ranges, end inclusive', async () => {
      await store.put('range/digits', Buffer.from('0123456789'));
      assert.equal(await text(await store.get('range/digits', { start: 2, end: 5 })), '2345');
      assert.equal(await text(await store.get('range/digits', { start: 9, end: 9 })), '9');
    });

    it('answers BlobNotFoundError for a missing key, and undefined from stat', async () => {
      await assert.rejects(store.get('missing/key'), BlobNotFoundError);
      assert.equal(await store.stat('missing/key'), undefined);
    });

    it('deletes, and deleting a missing key is not an error', async () => {
      await store.put('del/me', Buffer.from('bye'));
      await store.delete('del/me');
      await store.delete('del/me');
      assert.equal(await store.stat('del/me'), undefined);
    });

    it('lists keys under a prefix, in order', async () => {
      await store.put('list/b', Buffer.from('b'));
      await store.put('list/a', Buffer.from('a'));
      await store.put('listing-not/c', Buffer.from('c'));
      const keys = [];
      for await (const key of store.list('list/')) keys.push(key);
      assert.deepEqual(keys, ['list/a', 'list/b']);
    });

    it('lends a local file with the exact bytes', async () => {
      await store.put('local/file', Buffer.from('local bytes'));
      const content = await store.withLocalFile('local/file', (path) => readFile(path, 'utf8'));
      assert.equal(content, 'local bytes');
      await assert.rejects(
        store.withLocalFile('local/missing', async () => 1),
        BlobNotFoundError,
      );
    });

    it('refuses keys that could escape the store', async () => {
      await assert.rejects(store.put('../escape', Buffer.from('x')));
      await assert.rejects(store.put('/absolute', Buffer.from('x')));
    });

    it('cleans staging left behind by a crash', async () => {
      // A stage that is neither committed nor discarded is what a crash leaves.
      await store.stage(Readable.from([Buffer.from('orphan')]));
      assert.equal(
        await store.cleanStaging(60_000),
        0,
        'young files are kept (an upload may be running)',
      );
      assert.equal(await store.cleanStaging(0), 1);
    });
  });
}
