import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DatabaseConnection } from '../../src/adapters/db/dialect-features.js';
import { migrateToLatest } from '../../src/adapters/db/migrator.js';
import { openDatabase } from '../../src/adapters/db/open-database.js';
import { KyselyStepRecords } from '../../src/adapters/db/repositories/step-record-repository.js';
import { StepBackfill } from '../../src/core/jobs/step-backfill.js';
import type { JobQueue, NewJob } from '../../src/core/ports/job-queue.js';
import { createTestDatabase } from '../helpers/postgres.js';

/** A queue that only remembers what it was given: the backfill's job is to decide what to queue. */
function recordingQueue(): JobQueue & { jobs: NewJob[] } {
  const jobs: NewJob[] = [];
  return {
    jobs,
    capabilities: { delayedJobs: false },
    enqueue: async (job) => void jobs.push(job),
    work: () => {},
    counts: async () => ({}),
    close: async () => {},
  };
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`step records and backfill (${dialect})`, () => {
    let connection: DatabaseConnection;
    let cleanUp: () => Promise<void>;
    const owner = randomUUID();
    const withPreview: string[] = [];
    let processing: string;
    let trashed: string;

    before(async () => {
      if (dialect === 'sqlite') {
        const dir = await mkdtemp(join(tmpdir(), 'keepsake-steps-'));
        connection = await openDatabase(join(dir, 'keepsake.db'));
        cleanUp = () => rm(dir, { recursive: true, force: true });
      } else {
        const database = await createTestDatabase();
        connection = await openDatabase(database.url);
        cleanUp = database.drop;
      }
      await migrateToLatest(connection);
      const now = new Date().toISOString();
      await connection.db
        .insertInto('users')
        .values({
          id: owner,
          email: 'o@example.com',
          name: 'O',
          password_hash: 'x',
          is_admin: 0,
          created_at: now,
          quota_bytes: null,
          disabled_at: null,
          delete_after: null,
        })
        .execute();
      const asset = (n: number, previewKey: string | null, trashedAt: string | null = null) => ({
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        owner_id: owner,
        type: 'image',
        original_file_name: `${n}.jpg`,
        mime_type: 'image/jpeg',
        file_size: 1,
        checksum: `sum${n}`,
        original_key: `originals/${n}`,
        uploaded_at: now,
        taken_local: now,
        taken_source: 'upload',
        month: now.slice(0, 7),
        preview_key: previewKey,
        trashed_at: trashedAt,
        status: previewKey ? 'ready' : 'processing',
        updated_at: now,
      });
      const rows = [1, 2, 3].map((n) => asset(n, `renditions/${n}/preview.webp`));
      rows.push(asset(4, null), asset(5, 'renditions/5/preview.webp', now));
      await connection.db.insertInto('assets').values(rows).execute();
      withPreview.push(...rows.slice(0, 3).map((r) => r.id));
      processing = rows[3]!.id;
      trashed = rows[4]!.id;
    });
    after(async () => {
      await connection.close();
      await cleanUp();
    });

    test('a backfill queues the step for the assets that lack it at its version, and only once', async () => {
      const records = new KyselyStepRecords(connection.db);
      const queue = recordingQueue();
      let version = 'v1';
      const backfill = new StepBackfill(records, queue, {
        isOn: (step) => step === 'faces',
        versionOf: () => version,
      });
      await records.record(withPreview[0]!, 'faces', 'v1', { status: 'completed' });

      assert.equal(await backfill.backfill('faces'), 2);
      assert.deepEqual(
        queue.jobs.map((j) => [j.name, j.queue, j.payload.assetId, j.payload.onlyThisStep]),
        [
          ['faces', 'vision', withPreview[1], true],
          ['faces', 'vision', withPreview[2], true],
        ],
        'not the one done, nor the one without a preview, nor the trashed one',
      );
      assert.equal(await backfill.backfill('faces'), 0, 'queued ones are not queued again');
      assert.deepEqual(await records.progress('faces', 'v1'), {
        total: 3,
        done: 1,
        failed: 0,
        pending: 2,
      });

      await records.record(withPreview[1]!, 'faces', 'v1', { status: 'completed' });
      await records.record(withPreview[2]!, 'faces', 'v1', {
        status: 'failed',
        reason: 'no model',
      });
      assert.deepEqual(await records.stateOf(withPreview[2]!, 'faces'), {
        state: 'failed',
        version: 'v1',
        reason: 'no model',
      });
      assert.deepEqual(await records.progress('faces', 'v1'), {
        total: 3,
        done: 2,
        failed: 1,
        pending: 0,
      });

      // A new model version: every asset lacks it again.
      version = 'v2';
      queue.jobs.length = 0;
      assert.equal(await backfill.backfill('faces'), 3);
      assert.deepEqual(await records.progress('faces', 'v2'), {
        total: 3,
        done: 0,
        failed: 0,
        pending: 3,
      });
      assert.equal(await records.stateOf(processing, 'faces'), undefined);
      assert.equal(await records.stateOf(trashed, 'faces'), undefined);
    });

    test('a step that is off, or not recorded, cannot be backfilled', async () => {
      const backfill = new StepBackfill(new KyselyStepRecords(connection.db), recordingQueue(), {
        isOn: (step) => step === 'faces',
        versionOf: () => 'v1',
      });
      await assert.rejects(backfill.backfill('ocr'), { code: 'STEP_SWITCHED_OFF' });
      await assert.rejects(backfill.backfill('thumbnails'), { code: 'STEP_NOT_FOUND' });
      await assert.rejects(backfill.backfill('nonsense'), { code: 'STEP_NOT_FOUND' });
      assert.deepEqual(
        backfill.steps().map((s) => s.name),
        ['faces'],
      );
    });

    test('step records go with their asset', async () => {
      const records = new KyselyStepRecords(connection.db);
      await records.record(trashed, 'ocr', 'v1', { status: 'completed' });
      await connection.db.deleteFrom('assets').where('id', '=', trashed).execute();
      assert.equal(await records.stateOf(trashed, 'ocr'), undefined);
    });
  });
}
