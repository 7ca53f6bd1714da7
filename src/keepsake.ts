import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { argon2PasswordHasher } from './adapters/auth/argon2-password-hasher.js';
import { DiskBlobStore } from './adapters/blobs/disk-blob-store.js';
import { openSqlite } from './adapters/db/dialects/sqlite.js';
import { migrateToLatest } from './adapters/db/migrator.js';
import { KyselyAssetRepository } from './adapters/db/repositories/asset-repository.js';
import { KyselyAuthStore } from './adapters/db/repositories/auth-store.js';
import { KyselyTimelineRepository } from './adapters/db/repositories/timeline-repository.js';
import { KyselyTransactor } from './adapters/db/repositories/transactor.js';
import { KyselyUserRepository } from './adapters/db/repositories/user-repository.js';
import { ExiftoolMetadataReader } from './adapters/media/exiftool-metadata-reader.js';
import { fileTypeSniffer } from './adapters/media/file-type-sniffer.js';
import { SharpImageRenderer } from './adapters/media/sharp-image-renderer.js';
import { TableJobQueue } from './adapters/queue/table-job-queue.js';
import { concurrencyFor, imageThreadsFor, type Config } from './config.js';
import { AssetsService } from './core/assets/assets-service.js';
import { PurgeService } from './core/assets/purge-service.js';
import { UploadService } from './core/assets/upload-service.js';
import { AuthService } from './core/auth/auth-service.js';
import { metadataHandler } from './core/jobs/handlers/metadata-handler.js';
import { thumbnailsHandler } from './core/jobs/handlers/thumbnails-handler.js';
import { JobRunner } from './core/jobs/job-runner.js';
import { QUEUES } from './core/jobs/pipeline.js';
import { systemClock, type Clock } from './core/ports/clock.js';
import type { QueueCounts } from './core/ports/job-queue.js';
import { TimelineService } from './core/timeline/timeline-service.js';
import { UsersService } from './core/users/users-service.js';

/** Everything the HTTP layer and the workers use, wired to the adapters the config chooses. */
export interface Keepsake {
  config: Config;
  users: UsersService;
  auth: AuthService;
  assets: AssetsService;
  uploads: UploadService;
  purge: PurgeService;
  timeline: TimelineService;
  jobCounts(): Promise<Record<string, QueueCounts>>;
  /** Throws when a service it depends on does not answer. */
  checkReady(): Promise<void>;
  /** Starts the job workers and the periodic maintenance (trash purge). */
  startWorkers(): void;
  close(): Promise<void>;
}

export interface KeepsakeOverrides {
  clock?: Clock;
}

const HOUR = 3_600_000;

/** The composition root: the one place that picks adapters. */
export async function createKeepsake(
  config: Config,
  overrides: KeepsakeOverrides = {},
): Promise<Keepsake> {
  const clock = overrides.clock ?? systemClock;
  await mkdir(config.dataDir, { recursive: true });
  const connection = openSqlite(join(config.dataDir, 'keepsake.db'));
  await migrateToLatest(connection);
  const { db, features } = connection;

  const blobs = new DiskBlobStore(join(config.dataDir, 'blobs'));
  await blobs.init();
  // Embedded mode is one process: whatever is in staging now was left by a crash.
  await blobs.cleanStaging(0);

  const queue = new TableJobQueue(db, features, {
    retryBaseMs: config.jobRetryBaseMs,
    pollIntervalMs: config.jobPollIntervalMs,
  });
  await queue.recoverStalled(true);

  const userRepository = new KyselyUserRepository(db);
  const assetRepository = new KyselyAssetRepository(db);
  const transactor = new KyselyTransactor(connection, queue);
  const metadataReader = new ExiftoolMetadataReader({ maxProcs: config.exiftoolProcesses });
  const renderer = new SharpImageRenderer({
    threads: imageThreadsFor(config, availableParallelism()),
  });

  const purge = new PurgeService(assetRepository, transactor, blobs, clock, config.trashDays);
  const runner = new JobRunner(queue, assetRepository, {
    metadata: metadataHandler(assetRepository, blobs, metadataReader),
    thumbnails: thumbnailsHandler(assetRepository, blobs, renderer),
  });

  let maintenance: NodeJS.Timeout | undefined;
  const purgeExpired = () =>
    void purge.purgeExpired().catch((e) => console.error('trash purge failed:', e));

  return {
    config,
    users: new UsersService(userRepository, argon2PasswordHasher),
    auth: new AuthService(userRepository, new KyselyAuthStore(db), argon2PasswordHasher, {
      sessionDays: config.sessionDays,
    }),
    assets: new AssetsService(assetRepository, blobs, clock),
    uploads: new UploadService(blobs, transactor, fileTypeSniffer, clock),
    purge,
    timeline: new TimelineService(new KyselyTimelineRepository(db)),
    async jobCounts() {
      const counts = await queue.counts();
      for (const name of QUEUES)
        counts[name] ??= { waiting: 0, active: 0, completed: 0, failed: 0 };
      return counts;
    },
    async checkReady() {
      await sql`select 1`.execute(db);
    },
    startWorkers() {
      runner.start({ concurrency: (name) => concurrencyFor(config, name) });
      purgeExpired();
      maintenance = setInterval(purgeExpired, HOUR);
      maintenance.unref();
    },
    async close() {
      clearInterval(maintenance);
      await queue.close();
      await metadataReader.close();
      await connection.close();
    },
  };
}
