import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import {
  createUser,
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type AssetBody,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

// [Note: Place names]: the metadata step names the town at the photo's GPS position.
const IN_ROME = 'gps/Apple iPhone 4.jpg';
const NO_POSITION = 'gps/empty_gps.jpg';

describe('place names from GPS', () => {
  let t: TestApp;
  let admin: Session;
  let bob: Session;
  let rome: AssetBody;
  let unplaced: AssetBody;

  before(async () => {
    t = await startTestApp();
    admin = await setupAdmin(t.app);
    bob = await createUser(t.app, admin, 'Bob');
    const upload = async (file: string) => {
      const { id } = (await uploadFile(t.app, admin, corpusPath(file))).json<{ id: string }>();
      return waitForAsset(t.app, admin, id);
    };
    rome = await upload(IN_ROME);
    unplaced = await upload(NO_POSITION);
  });
  after(() => t.close());

  it('names the town at a photo’s position, and none for a photo without one', () => {
    assert.equal(rome.status, 'ready', String(rome.error));
    assert.deepEqual(rome.place, { city: 'Rome', country: 'Italy', countryCode: 'IT' });
    assert.equal(unplaced.status, 'ready', String(unplaced.error));
    assert.equal(unplaced.latitude, null);
    assert.equal(unplaced.place, null);
  });

  it('gives the place with each timeline item, for the grid’s alt text', async () => {
    const placeOf = new Map<string, unknown>();
    const buckets = (
      await t.app.inject({ url: '/api/timeline/buckets', headers: admin.headers })
    ).json<{ bucket: string }[]>();
    for (const { bucket } of buckets) {
      const page = (
        await t.app.inject({ url: `/api/timeline/buckets/${bucket}`, headers: admin.headers })
      ).json<{ assets: { id: string; place: unknown }[] }>();
      for (const item of page.assets) placeOf.set(item.id, item.place);
    }
    assert.deepEqual(placeOf.get(rome.id), { city: 'Rome', country: 'Italy', countryCode: 'IT' });
    assert.ok(placeOf.has(unplaced.id));
    assert.equal(placeOf.get(unplaced.id), null);
  });

  it('shows another user neither the photo nor its place', async () => {
    const res = await t.app.inject({ url: `/api/assets/${rome.id}`, headers: bob.headers });
    assert.equal(res.statusCode, 404);
    const buckets = (
      await t.app.inject({ url: '/api/timeline/buckets', headers: bob.headers })
    ).json<unknown[]>();
    assert.deepEqual(buckets, []);
  });
});
