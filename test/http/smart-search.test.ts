import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { writeTinyClipModel } from '../helpers/tiny-clip.js';
import { waitForStep } from '../helpers/vision.js';
import {
  createUser,
  setupAdmin,
  startTestApp,
  uploadBytes,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

/*
 * Smart search end to end on a tiny model of CLIP's interface (test/helpers/tiny-clip.ts): the
 * real ONNX loading, preprocessing, tokenizer, vector table and usearch index, on both stacks.
 */

const clipEnv = (modelDir: string) => ({
  KEEPSAKE_VISION: 'true',
  KEEPSAKE_VISION_FACES: 'false',
  KEEPSAKE_VISION_OBJECTS: 'false',
  KEEPSAKE_VISION_OCR: 'false',
  KEEPSAKE_VISION_DUPLICATES: 'false',
  KEEPSAKE_CLIP_MODEL_DIR: modelDir,
});

/** A photo mostly of one colour, with a stripe of another (so no two are the same bytes). */
async function photo(rgb: [number, number, number], stripe: number): Promise<Buffer> {
  const [r, g, b] = rgb;
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r, g, b } } })
    .composite([
      {
        input: {
          create: {
            width: 40,
            height: 480,
            channels: 3,
            background: { r: stripe, g: stripe, b: stripe },
          },
        },
        left: 0,
        top: 0,
      },
    ])
    .jpeg()
    .toBuffer();
}

async function uploadAndEmbed(t: TestApp, session: Session, data: Buffer, name: string) {
  const res = await uploadBytes(t.app, session, data, name);
  assert.equal(res.statusCode, 201, res.body);
  const { id } = res.json<{ id: string }>();
  assert.equal((await waitForAsset(t.app, session, id)).status, 'ready');
  assert.deepEqual(await waitForStep(t, id, 'clip'), { state: 'done', reason: null });
  return id;
}

async function smartSearch(t: TestApp, session: Session, query: string, limit?: number) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/search/smart',
    headers: session.headers,
    payload: { query, limit },
  });
  return { status: res.statusCode, ids: res.statusCode === 200 ? idsOf(res.json()) : [], res };
}

const idsOf = (body: { assets: { id: string }[] }) => body.assets.map((a) => a.id);

describe('smart search (CLIP)', () => {
  let modelDir: string;
  let t: TestApp;
  let owner: Session;
  let stranger: Session;
  const ids = {} as Record<'red' | 'blue' | 'green' | 'strangersRed', string>;

  before(async () => {
    modelDir = await writeTinyClipModel(await mkdtemp(join(tmpdir(), 'keepsake-clip-')));
    t = await startTestApp({ env: clipEnv(modelDir) });
    owner = await setupAdmin(t.app);
    stranger = await createUser(t.app, owner, 'Stranger');
    ids.red = await uploadAndEmbed(t, owner, await photo([220, 30, 20], 0), 'red.jpg');
    ids.blue = await uploadAndEmbed(t, owner, await photo([20, 40, 230], 10), 'blue.jpg');
    ids.green = await uploadAndEmbed(t, owner, await photo([30, 200, 40], 20), 'green.jpg');
    ids.strangersRed = await uploadAndEmbed(t, stranger, await photo([230, 20, 20], 30), 'r.jpg');
  });

  after(async () => {
    await t?.close();
    await rm(modelDir, { recursive: true, force: true });
  });

  it('ranks the photo that matches the words first', async () => {
    const red = await smartSearch(t, owner, 'red');
    assert.equal(red.status, 200, red.res.body);
    assert.equal(red.ids[0], ids.red);
    assert.deepEqual([...red.ids].sort(), [ids.red, ids.blue, ids.green].sort());
    assert.equal((await smartSearch(t, owner, '  A BLUE one ')).ids[0], ids.blue);
    assert.equal((await smartSearch(t, owner, 'green', 1)).ids.length, 1);
    assert.deepEqual((await smartSearch(t, owner, 'green', 1)).ids, [ids.green]);
    // The same item shape as the other asset lists.
    const [first] = red.res.json<{ assets: Record<string, unknown>[] }>().assets;
    assert.equal(first!.originalFileName, 'red.jpg');
    assert.equal(first!.ownerId, owner.userId);
  });

  it("finds only the caller's own photos", async () => {
    const mine = await smartSearch(t, owner, 'red');
    assert.ok(!mine.ids.includes(ids.strangersRed));
    assert.deepEqual((await smartSearch(t, stranger, 'blue')).ids, [ids.strangersRed]);
  });

  it('leaves trashed photos out', async () => {
    const trash = await t.app.inject({
      method: 'DELETE',
      url: `/api/assets/${ids.green}`,
      headers: owner.headers,
    });
    assert.equal(trash.statusCode, 200, trash.body);
    assert.ok(!(await smartSearch(t, owner, 'green')).ids.includes(ids.green));
  });

  it('refuses an empty query', async () => {
    assert.equal((await smartSearch(t, owner, '')).status, 400);
  });

  it('rebuilds the index from the stored vectors when its file is gone', async () => {
    await t.stop();
    const folder = join(t.dataDir, 'vectors');
    const files = await readdir(folder);
    assert.ok(
      files.some((f) => f.endsWith('.vectors')),
      `index saved: ${files.join(', ')}`,
    );
    await rm(folder, { recursive: true });
    t = await startTestApp({ dataDir: t.dataDir, env: clipEnv(modelDir) });
    const red = await smartSearch(t, owner, 'red');
    assert.equal(red.status, 200, red.res.body);
    assert.equal(red.ids[0], ids.red);
    assert.deepEqual([...red.ids].sort(), [ids.red, ids.blue].sort());
  });
});

describe('smart search without a usable model', () => {
  it('marks the step failed with the reason, and search says why', async () => {
    const emptyDir = await mkdtemp(join(tmpdir(), 'keepsake-clip-missing-'));
    const t = await startTestApp({ env: clipEnv(emptyDir) });
    try {
      const owner = await setupAdmin(t.app);
      const res = await uploadBytes(t.app, owner, await photo([200, 0, 0], 0), 'red.jpg');
      const { id } = res.json<{ id: string }>();
      // The photo itself is fine: only the step failed.
      assert.equal((await waitForAsset(t.app, owner, id)).status, 'ready');
      const step = await waitForStep(t, id, 'clip');
      assert.equal(step.state, 'failed');
      assert.match(step.reason ?? '', /CLIP .*could not be (loaded|read)/);
      const search = await smartSearch(t, owner, 'red');
      assert.equal(search.status, 503, search.res.body);
    } finally {
      await t.close();
      await rm(emptyDir, { recursive: true, force: true });
    }
  });

  it('answers 409 without KEEPSAKE_CLIP_MODEL_DIR', async () => {
    const t = await startTestApp();
    try {
      const owner = await setupAdmin(t.app);
      const search = await smartSearch(t, owner, 'red');
      assert.equal(search.status, 409);
      assert.equal(search.res.json<{ code: string }>().code, 'SMART_SEARCH_OFF');
      assert.match(search.res.json<{ message: string }>().message, /KEEPSAKE_CLIP_MODEL_DIR/);
    } finally {
      await t.close();
    }
  });
});
