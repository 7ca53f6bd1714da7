import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { corpusPath } from '../helpers/corpus.js';
import {
  createUser,
  setupAdmin,
  startTestApp,
  uploadBytes,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';
import { waitForStep } from '../helpers/vision.js';

/** See: [Note: Near-duplicates]. */
interface Group {
  id: string;
  assetIds: string[];
  keeperId: string;
  assets: { id: string; width: number | null; sharpness: number }[];
}

const PHOTO = 'jpeg-exif/DSC_0011.JPG';
const OTHER_PHOTO = 'jpeg-exif/el_torcal_rocks.jpg';

describe('near-duplicates', () => {
  let t: TestApp;
  let owner: Session;
  let stranger: Session;
  const ids: Record<string, string> = {};
  let original: Buffer;

  const as = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, payload });
  const groups = async (session: Session) => {
    const res = await as(session, 'GET', '/api/duplicates');
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Group[]>();
  };
  /** Uploads bytes and waits until the duplicates step has fingerprinted them. */
  const upload = async (name: string, bytes: Buffer) => {
    const res = await uploadBytes(t.app, owner, bytes, `${name}.jpg`);
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json<{ id: string }>().id;
    await waitForAsset(t.app, owner, id);
    assert.deepEqual(await waitForStep(t, id, 'duplicates'), { state: 'done', reason: null });
    ids[name] = id;
  };
  const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];

  before(async () => {
    t = await startTestApp({ env: { KEEPSAKE_VISION_DUPLICATES: 'true' } });
    owner = await setupAdmin(t.app);
    stranger = await createUser(t.app, owner, 'Sam');
    original = await readFile(corpusPath(PHOTO));
    const { width } = await sharp(original).metadata();
    await upload('original', original);
    await upload(
      'resized',
      await sharp(original)
        .resize(Math.round(width! / 2))
        .jpeg()
        .toBuffer(),
    );
    await upload('recompressed', await sharp(original).jpeg({ quality: 60 }).toBuffer());
    await upload('other', await readFile(corpusPath(OTHER_PHOTO)));
  });
  after(() => t?.close());

  it('groups a photo with its resized and recompressed copies, the original as keeper', async () => {
    const [group, ...more] = await groups(owner);
    assert.equal(more.length, 0, 'one group');
    assert.deepEqual(group!.assetIds.map(nameOf).sort(), ['original', 'recompressed', 'resized']);
    assert.equal(nameOf(group!.keeperId), 'original');
    assert.ok(group!.assets.every((a) => a.sharpness > 0 && a.width! > 0));
  });

  it('shows and resolves a group to its owner only', async () => {
    const [group] = await groups(owner);
    assert.deepEqual(await groups(stranger), []);
    for (const action of ['resolve', 'dismiss']) {
      const res = await as(stranger, 'POST', `/api/duplicates/${group!.id}/${action}`, {
        keepIds: [ids.original],
      });
      assert.equal(res.statusCode, 404, `${action}: ${res.body}`);
      assert.equal(res.json<{ code: string }>().code, 'DUPLICATE_GROUP_NOT_FOUND');
    }
    assert.equal((await groups(owner))[0]!.id, group!.id, 'nothing changed');
  });

  it('keeps a dismissed group whole until another copy joins it', async () => {
    const [group] = await groups(owner);
    const dismissed = await as(owner, 'POST', `/api/duplicates/${group!.id}/dismiss`);
    assert.equal(dismissed.statusCode, 204, dismissed.body);
    assert.deepEqual(await groups(owner), []);

    await upload('resaved', await sharp(original).jpeg({ quality: 85 }).toBuffer());
    const [again] = await groups(owner);
    assert.deepEqual(again!.assetIds.map(nameOf).sort(), [
      'original',
      'recompressed',
      'resaved',
      'resized',
    ]);
  });

  it('resolves a group: the photos not kept go to the trash', async () => {
    const [group] = await groups(owner);
    const outside = await as(owner, 'POST', `/api/duplicates/${group!.id}/resolve`, {
      keepIds: [ids.other],
    });
    assert.equal(outside.statusCode, 400, outside.body);

    const res = await as(owner, 'POST', `/api/duplicates/${group!.id}/resolve`, {
      keepIds: [ids.original],
    });
    assert.equal(res.statusCode, 200, res.body);
    const { trashedIds } = res.json<{ trashedIds: string[] }>();
    assert.deepEqual(trashedIds.map(nameOf).sort(), ['recompressed', 'resaved', 'resized']);
    for (const name of ['original', 'other', 'recompressed', 'resaved', 'resized']) {
      const asset = (await as(owner, 'GET', `/api/assets/${ids[name]}`)).json<{
        isTrashed: boolean;
      }>();
      assert.equal(asset.isTrashed, trashedIds.includes(ids[name]!), name);
    }
    assert.deepEqual(await groups(owner), []);
  });
});
