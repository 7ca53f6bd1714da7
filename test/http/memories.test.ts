import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { memoriesFixture } from '../helpers/memories.js';
import {
  createUser,
  setupAdmin,
  startTestApp,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

/** [Note: On this day]: photos of 14 July in earlier years, as the server sees 14 July 2026. */
type Memory = { year: number; yearsAgo: number; assets: { id: string; takenAt: string }[] };

describe('memories: on this day', () => {
  let t: TestApp;
  let admin: Session;
  let bob: Session;
  const { ids, request, upload, nameOf, ...fixture } = memoriesFixture(() => t.app);
  const memories = (session: Session, query = '?date=2026-07-14') =>
    fixture.memories<Memory>(session, query);
  const names = (memory: Memory) => memory.assets.map((a) => nameOf(a.id));

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
