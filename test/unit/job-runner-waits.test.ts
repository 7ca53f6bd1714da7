import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AssetRepository } from '../../src/core/assets/asset-repository.js';
import { JobRunner } from '../../src/core/jobs/job-runner.js';
import type { StepRecords } from '../../src/core/jobs/step-records.js';
import type { Job, JobHandlerFn, JobOutcome, JobQueue } from '../../src/core/ports/job-queue.js';

const done: JobOutcome = { status: 'completed' };

/** A queue whose workers the test drives by hand: one call per job, as a worker would. */
function handDrivenQueue() {
  const handlers = new Map<string, JobHandlerFn>();
  const queue: JobQueue = {
    capabilities: { delayedJobs: false },
    enqueue: async () => {},
    work: (name, _concurrency, handler) => void handlers.set(name, handler),
    counts: async () => ({}),
    close: async () => {},
  };
  let id = 0;
  const run = (name: string, queueName: string) =>
    handlers.get(queueName)!({
      id: String(++id),
      name,
      queue: queueName,
      payload: { assetId: 'a1', onlyThisStep: true },
      attempt: 1,
      maxAttempts: 3,
    } satisfies Job);
  return { queue, run };
}

const assets = {
  markReady: async () => {},
  markFailed: async () => {},
  get: async () => undefined,
} as unknown as AssetRepository;
const records = { record: async () => {}, markQueued: async () => {} } as unknown as StepRecords;

test('a vision job waits while thumbnails are being made here, and runs once they have settled', async () => {
  const { queue, run } = handDrivenQueue();
  const order: string[] = [];
  let finishThumbnails!: () => void;
  const runner = new JobRunner(
    queue,
    assets,
    {
      metadata: async () => done,
      thumbnails: () =>
        new Promise((resolve) => {
          order.push('thumbnails started');
          finishThumbnails = () => {
            order.push('thumbnails done');
            resolve(done);
          };
        }),
      playback: async () => done,
      faces: {
        version: 'v1',
        run: async () => {
          order.push('faces');
          return done;
        },
      },
    },
    () => {},
    records,
  );
  runner.start({ concurrency: () => 1 });

  const thumbnails = run('thumbnails', 'thumbnails');
  const started = performance.now();
  const faces = run('faces', 'vision');
  await new Promise((resolve) => setTimeout(resolve, 600));
  assert.deepEqual(order, ['thumbnails started'], 'faces waits while thumbnails run');
  finishThumbnails();
  await thumbnails;
  const thumbnailsEnded = performance.now();
  await faces;
  assert.deepEqual(order, ['thumbnails started', 'thumbnails done', 'faces']);
  assert.ok(
    performance.now() - thumbnailsEnded >= 1000,
    'and for a moment after they ended, in case the next photo comes',
  );
  assert.ok(performance.now() - started < 10_000);
});

test('a vision job with nothing else running here starts at once', async () => {
  const { queue, run } = handDrivenQueue();
  const runner = new JobRunner(
    queue,
    assets,
    {
      metadata: async () => done,
      thumbnails: async () => done,
      playback: async () => done,
      ocr: { version: 'v1', run: async () => done },
    },
    () => {},
    records,
  );
  runner.start({ concurrency: () => 1 });
  const started = performance.now();
  assert.deepEqual(await run('ocr', 'vision'), done);
  assert.ok(performance.now() - started < 500);
});
