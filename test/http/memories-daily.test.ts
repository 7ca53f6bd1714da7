import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../src/adapters/db/open-database.js';
import { memoriesFixture } from '../helpers/memories.js';
import {
  createUser,
  setupAdmin,
  startTestApp,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

/**
 * [Note: Daily memories]: the job stores each user's memories of the day; reads serve that pick
 * all day, each asset as it is now. The server's clock is moved by hand, from 13 to 14 July 2026.
 */
type Memory = { year: number; yearsAgo: number; assets: { id: string; isFavorite: boolean }[] };
type Counts = { waiting: number; active: number; completed: number; failed: number };

describe('memories: the daily job', () => {
  let now = new Date(2026, 6, 13, 23, 0);
  const clock = { now: () => now };
  let t: TestApp;
  let admin: Session;
  let bob: Session;
  let carol: Session;
  // A getter for the app: the restart test replaces `t`.
  const { ids, request, upload, nameOf, ...fixture } = memoriesFixture(() => t.app);
  const shown = (years: { year: number; assets: { id: string }[] }[]) =>
    years.map((y) => [y.year, y.assets.map((a) => nameOf(a.id))]);
  const memories = (session: Session, query = '') => fixture.memories<Memory>(session, query);
  const memoryJobs = async (): Promise<Counts> => {
    const res = await request(admin, 'GET', '/api/jobs');
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Record<string, Counts>>().memories!;
  };
  /** Waits until `completed` memories jobs have run and none is waiting or running. */
  const memoryJobsDone = async (completed: number): Promise<Counts> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const counts = await memoryJobs();
      if (counts.completed >= completed && counts.waiting + counts.active === 0) return counts;
      assert.ok(Date.now() < deadline, `memories jobs: ${JSON.stringify(counts)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** The stored rows of one day, by owner, read straight from the database. */
  const storedOn = async (day: string) => {
    const connection = await openDatabase(t.keepsake.config.databaseUrl);
    try {
      const rows = await connection.db
        .selectFrom('memories')
        .select(['owner_id', 'years'])
        .where('day', '=', day)
        .execute();
      return new Map(
        rows.map((r) => [
          r.owner_id,
          (JSON.parse(r.years) as { year: number; assetIds: string[] }[]).map((y) => [
            y.year,
            y.assetIds.map(nameOf),
          ]),
        ]),
      );
    } finally {
      await connection.close();
    }
  };

  before(async () => {
    // Starting queues 13 July's job (before anyone has photos).
    t = await startTestApp({ clock });
    admin = await setupAdmin(t.app);
    bob = await createUser(t.app, admin, 'Bob');
    carol = await createUser(t.app, admin, 'Carol');
    await memoryJobsDone(1);
    await upload(admin, 'morning', '2025-07-14T10:00:00+02:00');
    await upload(admin, 'afternoon', '2025-07-14T16:00:00+02:00');
    await upload(admin, 'older', '2019-07-14T12:00:00+02:00');
    await upload(admin, 'other-day', '2024-07-20T12:00:00+02:00');
    await upload(bob, 'bobs', '2024-07-14T08:00:00+02:00');
    now = new Date(2026, 6, 14, 0, 30);
  });

  after(() => t.close());

  it('stores every active user’s memories of the day, each only their own', async () => {
    assert.equal((await storedOn('2026-07-14')).size, 0, 'nothing stored before the job');
    assert.equal(await t.keepsake.dailyMemories.queueToday(), true);
    await memoryJobsDone(2);
    const stored = await storedOn('2026-07-14');
    assert.deepEqual(stored.get(admin.userId), [
      [2025, ['morning', 'afternoon']],
      [2019, ['older']],
    ]);
    assert.deepEqual(stored.get(bob.userId), [[2024, ['bobs']]]);
    assert.deepEqual(stored.get(carol.userId), []);
    assert.equal(stored.size, 3);

    assert.deepEqual(shown(await memories(admin)), [
      [2025, ['morning', 'afternoon']],
      [2019, ['older']],
    ]);
    assert.deepEqual(shown(await memories(bob)), [[2024, ['bobs']]]);
    assert.deepEqual(await memories(carol), []);
  });

  it('runs once a day, however often it is asked for or run', async () => {
    assert.equal(await t.keepsake.dailyMemories.queueToday(), false);
    assert.equal(await t.keepsake.dailyMemories.queueToday(), false);
    // The job itself, run again (as after a worker died before its completion was recorded).
    const again = await t.keepsake.dailyMemories.run({
      id: 'again',
      name: 'memories',
      queue: 'memories',
      payload: { day: '2026-07-14' },
      attempt: 2,
      maxAttempts: 5,
    });
    assert.deepEqual(again, { status: 'completed' });
    const stored = await storedOn('2026-07-14');
    assert.equal(stored.size, 3, 'one pick per user and day');
    assert.deepEqual(stored.get(admin.userId), [
      [2025, ['morning', 'afternoon']],
      [2019, ['older']],
    ]);
    const counts = await memoryJobsDone(2);
    assert.equal(counts.completed, 2, 'one job for 13 July, one for 14 July');
    assert.equal(counts.failed, 0);
  });

  it('serves the stored pick all day: favoriting a photo does not reorder it', async () => {
    const favorite = await request(admin, 'PATCH', `/api/assets/${ids.get('afternoon')}`, {
      isFavorite: true,
    });
    assert.equal(favorite.statusCode, 200, favorite.body);
    const today = await memories(admin);
    assert.deepEqual(shown(today), [
      [2025, ['morning', 'afternoon']],
      [2019, ['older']],
    ]);
    assert.equal(today[0]!.assets[1]!.isFavorite, true, 'the asset as it is now');
    // Chosen afresh, favorites come first: what the stored pick holds back until tomorrow.
    assert.deepEqual(shown(await memories(admin, '?date=2027-07-14')), [
      [2025, ['afternoon', 'morning']],
      [2019, ['older']],
    ]);
    assert.deepEqual(shown(await memories(admin, '?date=2026-07-14')), shown(today));
  });

  it('keeps the day’s pick over a restart, and queues no second job', async () => {
    await t.stop();
    t = await startTestApp({ dataDir: t.dataDir, clock });
    assert.equal(await t.keepsake.dailyMemories.queueToday(), false);
    assert.deepEqual(shown(await memories(admin)), [
      [2025, ['morning', 'afternoon']],
      [2019, ['older']],
    ]);
    assert.deepEqual(shown(await memories(bob)), [[2024, ['bobs']]]);
    const counts = await memoryJobsDone(2);
    assert.equal(counts.completed, 2);
  });

  it('leaves out a photo trashed since, and takes in one dated into the day', async () => {
    const trashed = await request(admin, 'DELETE', `/api/assets/${ids.get('morning')}`);
    assert.equal(trashed.statusCode, 200, trashed.body);
    assert.deepEqual(shown(await memories(admin)), [
      [2025, ['afternoon']],
      [2019, ['older']],
    ]);
    const moved = await request(admin, 'PATCH', `/api/assets/${ids.get('other-day')}`, {
      takenAt: '2024-07-14T12:00:00+02:00',
    });
    assert.equal(moved.statusCode, 200, moved.body);
    await upload(admin, 'new', '2021-07-14T09:00:00+02:00');
    const expected = [
      [2025, ['afternoon']],
      [2024, ['other-day']],
      [2021, ['new']],
      [2019, ['older']],
    ];
    assert.deepEqual(shown(await memories(admin)), expected);
    assert.deepEqual((await storedOn('2026-07-14')).get(admin.userId), expected);
    assert.deepEqual(shown(await memories(bob)), [[2024, ['bobs']]], 'Bob’s pick untouched');
  });

  it('forgets stored days older than a few', async () => {
    now = new Date(2026, 6, 18, 1, 0);
    assert.equal(await t.keepsake.dailyMemories.queueToday(), true);
    await memoryJobsDone(3);
    assert.equal((await storedOn('2026-07-13')).size, 0);
    assert.equal((await storedOn('2026-07-14')).size, 0);
    assert.equal((await storedOn('2026-07-18')).size, 3);
  });
});
