import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import {
  createUser,
  setupAdmin,
  startTestApp,
  uploadBytes,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

/** [Note: On this day]: photos of 14 July in earlier years, as the server sees 14 July 2026. */
type Memory = { year: number; yearsAgo: number; assets: { id: string; takenAt: string }[] };

describe('memories: on this day', () => {
  let t: TestApp;
  let admin: Session;
  let bob: Session;
  const ids = new Map<string, string>();
  let shade = 0;

  const request = (
    session: Session,
    method: 'GET' | 'PATCH' | 'DELETE',
    url: string,
    body?: object,
  ) => t.app.inject({ method, url, headers: session.headers, ...(body && { payload: body }) });
  const memories = async (session: Session, query = '?date=2026-07-14') => {
    const res = await request(session, 'GET', `/api/memories${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Memory[]>();
  };
  /** A small PNG of its own (no tags), taken when the client says it was. */
  const upload = async (session: Session, name: string, takenAt: string) => {
    shade += 1;
    const png = await sharp({
      create: { width: 8, height: 6, channels: 3, background: { r: shade * 9, g: 40, b: 90 } },
    })
      .png()
      .toBuffer();
    const res = await uploadBytes(t.app, session, png, `${name}.png`, { fileCreatedAt: takenAt });
    assert.equal(res.statusCode, 201, res.body);
    const asset = await waitForAsset(t.app, session, res.json<{ id: string }>().id);
    assert.equal(asset.status, 'ready', String(asset.error));
    ids.set(name, asset.id);
  };
  const names = (memory: Memory) =>
    memory.assets.map((a) => [...ids].find(([, id]) => id === a.id)?.[0]);

  before(async () => {
    // The server's "today" when no date is given: 14 July 2026 in its own time zone.
    t = await startTestApp({ clock: { now: () => new Date(2026, 6, 14, 12, 0) } });
    admin = await setupAdmin(t.app);
    bob = await createUser(t.app, admin, 'Bob');
    await upload(admin, 'morning', '2025-07-14T10:00:00+02:00');
    await upload(admin, 'favorite', '2025-07-14T10:05:00+02:00');
    await upload(admin, 'same-moment', '2025-07-14T10:20:00+02:00');
    await upload(admin, 'afternoon', '2025-07-14T16:00:00+02:00');
    await upload(admin, 'late-evening-tokyo', '2023-07-14T23:30:00+09:00');
    await upload(admin, 'next-day', '2023-07-15T09:00:00+02:00');
    await upload(admin, 'this-year', '2026-07-14T08:00:00+02:00');
    await upload(admin, 'trashed', '2022-07-14T08:00:00+02:00');
    await upload(admin, 'archived', '2021-07-14T08:00:00+02:00');
    await upload(bob, 'bobs', '2024-07-14T08:00:00+02:00');
    await request(admin, 'PATCH', `/api/assets/${ids.get('favorite')}`, { isFavorite: true });
    await request(admin, 'PATCH', `/api/assets/${ids.get('archived')}`, { isArchived: true });
    await request(admin, 'DELETE', `/api/assets/${ids.get('trashed')}`);
  });

  after(() => t.close());

  it('groups earlier years newest first: favorites first, one photo per moment', async () => {
    const years = await memories(admin);
    assert.deepEqual(
      years.map((y) => [y.year, y.yearsAgo, names(y)]),
      [
        [2025, 1, ['favorite', 'afternoon']],
        [2023, 3, ['late-evening-tokyo']],
      ],
    );
    assert.equal(years[1]!.assets[0]!.takenAt, '2023-07-14T23:30:00.000+09:00');
  });

  it('defaults to today in the server’s time zone, and refuses a day that does not exist', async () => {
    assert.deepEqual(await memories(admin, ''), await memories(admin));
    const bad = await request(admin, 'GET', '/api/memories?date=2026-02-30');
    assert.equal(bad.statusCode, 400);
  });

  it('follows an edited date, and never shows another user’s photos', async () => {
    const moved = await request(admin, 'PATCH', `/api/assets/${ids.get('next-day')}`, {
      takenAt: '2020-07-14T09:00:00+02:00',
    });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.deepEqual(
      (await memories(admin)).map((y) => y.year),
      [2025, 2023, 2020],
    );
    assert.deepEqual(
      (await memories(bob)).map((y) => [y.year, names(y)]),
      [[2024, ['bobs']]],
    );
    assert.deepEqual(await memories(bob, '?date=2026-07-15'), []);
  });
});
