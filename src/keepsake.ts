import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { argon2PasswordHasher } from './adapters/auth/argon2-password-hasher.js';
import { openBlobStore } from './adapters/blobs/open-blob-store.js';
import { loadServerSecret } from './adapters/secrets/server-secret.js';
import { isPostgresUrl, openDatabase } from './adapters/db/open-database.js';
import { PrometheusMetrics } from './adapters/metrics/prometheus-metrics.js';
import type { TusDatastore } from './adapters/uploads/tus-datastore.js';
import { migrateToLatest } from './adapters/db/migrator.js';
import { KyselyAssetRepository } from './adapters/db/repositories/asset-repository.js';
import { KyselyAuthStore } from './adapters/db/repositories/auth-store.js';
import { KyselyLoginFailureStore } from './adapters/db/repositories/login-failure-store.js';
import { KyselyTimelineRepository } from './adapters/db/repositories/timeline-repository.js';
import { TagsService } from './core/tags/tags-service.js';
import { TextService } from './core/text/text-service.js';
import { KyselyAlbumRepository } from './adapters/db/repositories/album-repository.js';
import { KyselySharedLinkRepository } from './adapters/db/repositories/shared-link-repository.js';
import { ExiftoolLocationStripper } from './adapters/media/exiftool-location-stripper.js';
import { LinkKeySealer } from './core/shared-links/link-key-sealer.js';
import { SharedLinksService } from './core/shared-links/shared-links-service.js';
import { StrippedCopies } from './core/shared-links/stripped-copies.js';
import { KyselyMemoryRepository } from './adapters/db/repositories/memory-repository.js';
import { KyselyDailyMemoryRuns } from './adapters/db/repositories/memory-run-repository.js';
import { KyselyMetadataEditRepository } from './adapters/db/repositories/metadata-edit-repository.js';
import { KyselyTransactor } from './adapters/db/repositories/transactor.js';
import { KyselyUserRepository } from './adapters/db/repositories/user-repository.js';
import { KyselyPartnerRepository } from './adapters/db/repositories/partner-repository.js';
import { ExiftoolMetadataReader } from './adapters/media/exiftool-metadata-reader.js';
import { ExiftoolSidecarReader } from './adapters/media/exiftool-sidecar-reader.js';
import { FfmpegVideoFrameExtractor } from './adapters/media/ffmpeg-video-frame-extractor.js';
import { FfprobeVideoProber } from './adapters/media/ffprobe-video-prober.js';
import { FfmpegVideoTranscoder } from './adapters/media/ffmpeg-video-transcoder.js';
import { fileTypeSniffer } from './adapters/media/file-type-sniffer.js';
import { ExiftoolEmbeddedVideoExtractor } from './adapters/media/exiftool-embedded-video-extractor.js';
import {
  openSharedRateLimitStore,
  type SharedRateLimitStore,
} from './adapters/rate-limit/shared-rate-limit-store.js';
import { WorkerThreadImageRenderer } from './adapters/media/worker-thread-image-renderer.js';
import { compactHeap } from './adapters/runtime/compact-heap.js';
import { GeoNamesPlaceResolver } from './adapters/places/geonames-place-resolver.js';
import { openJobQueue } from './adapters/queue/open-job-queue.js';
import { concurrencyFor, imageThreadsFor, type Config } from './config.js';
import { AssetsService } from './core/assets/assets-service.js';
import { PurgeService } from './core/assets/purge-service.js';
import { ReprocessService } from './core/assets/reprocess-service.js';
import { UploadService } from './core/assets/upload-service.js';
import { SidecarService } from './core/assets/sidecar-service.js';
import { AuthService } from './core/auth/auth-service.js';
import { LoginThrottle } from './core/auth/login-throttle.js';
import { metadataHandler } from './core/jobs/handlers/metadata-handler.js';
import { thumbnailsHandler } from './core/jobs/handlers/thumbnails-handler.js';
import { playbackHandler } from './core/jobs/handlers/playback-handler.js';
import { PlaybackService } from './core/assets/playback-service.js';
import { JobRunner } from './core/jobs/job-runner.js';
import { StepBackfill } from './core/jobs/step-backfill.js';
import { DuplicatesService } from './core/duplicates/duplicates-service.js';
import { KyselyStepRecords } from './adapters/db/repositories/step-record-repository.js';
import { SmartSearchService } from './core/search/smart-search-service.js';
import { LivePhotoLinker } from './core/live-photos/live-photo-linker.js';
import { MotionPhotoService } from './core/live-photos/motion-photo-service.js';
import { QUEUES, stepOrFail } from './core/jobs/pipeline.js';
import { systemClock, type Clock } from './core/ports/clock.js';
import type { QueueCounts } from './core/ports/job-queue.js';
import type { StepStatus } from './core/jobs/step-backfill.js';

import { TimelineService } from './core/timeline/timeline-service.js';
import { PeopleService } from './core/people/people-service.js';
import { FaceRecorder } from './core/people/face-recorder.js';
import { AlbumsService } from './core/albums/albums-service.js';
import { AlbumSharingService } from './core/albums/album-sharing-service.js';
import { AlbumActivityService } from './core/albums/album-activity-service.js';
import { KyselyAlbumActivityRepository } from './adapters/db/repositories/album-activity-repository.js';
import { MemoriesService } from './core/memories/memories-service.js';
import { DailyMemories, MEMORIES_QUEUE } from './core/memories/daily-memories.js';
import { msUntilNextLocalDay } from './core/memories/days.js';
import { describeJobProblem, observed, type JobEvent } from './core/jobs/job-observer.js';
import { MetadataEditService } from './core/assets/metadata-edit-service.js';
import { UsersService } from './core/users/users-service.js';
import { UserAdminService } from './core/users/user-admin-service.js';
import { StorageQuota } from './core/users/storage-quota.js';
import { PartnersService } from './core/partners/partners-service.js';
import { errorMessage } from './core/errors.js';
import { createRootLogger, type PinoLogger } from './adapters/logging/pino-logger.js';
import { composeVision } from './keepsake-vision.js';

/** A queue's job counts; a queue of recorded steps adds each step's progress over the assets. */
export interface JobCounts extends QueueCounts {
  steps?: Record<string, Omit<StepStatus, 'step'>>;
}

/** Everything the HTTP layer and the workers use, wired to the adapters the config chooses. */
export interface Keepsake {
  config: Config;
  users: UsersService;
  /** Admin work on accounts: edit, disable, reset passwords, delete after a grace period. */
  userAdmin: UserAdminService;
  /** One person's whole library shared read-only with another ([Note: Partner sharing]). */
  partners: PartnersService;
  auth: AuthService;
  assets: AssetsService;
  /** The owner's edits of date, place, description and rating, and their XMP export. */
  metadataEdits: MetadataEditService;
  /** "On this day". */
  memories: MemoriesService;
  /** Near-duplicate photos to review. See: [Note: Near-duplicates]. */
  duplicates: DuplicatesService;
  /** Videos as browsers play them (the encoded copy, HLS). */
  playback: PlaybackService;
  uploads: UploadService;
  /** XMP sidecars, attached with a photo or later. */
  sidecars: SidecarService;
  purge: PurgeService;
  /** Sends assets through the pipeline again (one, or every failed one). */
  reprocess: ReprocessService;
  timeline: TimelineService;
  /** Things found in the owner's photos, and a timeline per thing. See: [Note: Tags]. */
  tags: TagsService;
  /** The text read in photos. See: [Note: Text in photos]. */
  text: TextService;
  /** The owner's people and their faces. See: [Note: People are the owner's]. */
  people: PeopleService;
  /** Where the faces step records what it found (and groups it into people). */
  faceRecorder: FaceRecorder;
  albums: AlbumsService;
  /** Links that show an album or a selection to people without an account. */
  sharedLinks: SharedLinksService;
  albumSharing: AlbumSharingService;
  albumActivity: AlbumActivityService;
  metrics: PrometheusMetrics;
  /** The server's one logger; Fastify logs through a child of it. See: [Note: One logger]. */
  log: PinoLogger;
  /** Rate-limit counters shared by every API process; absent when there is no Redis. */
  rateLimitStore?: SharedRateLimitStore;
  /** Where resumable uploads wait until complete; loaded on the first one, then the same. */
  createTusDatastore(): Promise<TusDatastore>;
  jobCounts(): Promise<Record<string, JobCounts>>;
  /** Throws, naming it, when a service it depends on does not answer. */
  checkReady(): Promise<void>;
  /** Recorded steps (vision): progress per step, and queueing one for the assets that lack it. */
  steps: StepBackfill;
  /** Search by meaning (CLIP); answers SMART_SEARCH_OFF without a model. */
  smartSearch: SmartSearchService;
  /** The daily memories job; queued at each local midnight, and by maintenance each hour (once a day). */
  dailyMemories: DailyMemories;
  /** Starts the job workers and the periodic maintenance (trash purge, staging clean-up). */
  startWorkers(): void;
  close(): Promise<void>;
}

export interface KeepsakeOverrides {
  clock?: Clock;
  /** The root logger, when the caller made it (main.ts); otherwise one at the configured level. */
  logger?: PinoLogger;
}

const HOUR = 3_600_000;
/** Past midnight by this much, so a timer that fires a little early still finds the new day. */
const MIDNIGHT_MARGIN_MS = 5_000;
/** The queues GET /api/jobs reports, even before a job reaches them. */
const KNOWN_QUEUES = [...QUEUES, MEMORIES_QUEUE];
/** The render thread ends after this long without work; the next render starts it again. */
const RENDER_THREAD_IDLE_MS = 20_000;
/** A staged upload younger than this may still be on its way. */
const STAGING_MAX_AGE_MS = 24 * HOUR;

async function checked(service: string, check: () => Promise<unknown>): Promise<void> {
  try {
    await check();
  } catch (error) {
    throw new Error(`${service}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
}

/** The composition root: the one place that picks adapters. */
export async function createKeepsake(
  config: Config,
  overrides: KeepsakeOverrides = {},
): Promise<Keepsake> {
  const clock = overrides.clock ?? systemClock;
  const log = overrides.logger ?? createRootLogger(config.logLevel);
  await mkdir(config.dataDir, { recursive: true });
  // Embedded (SQLite, one process doing everything): nothing else can be holding a job or writing
  // to staging, so what a crash left behind can be taken back at once.
  const soleProcess = config.role === 'all' && !isPostgresUrl(config.databaseUrl);
  const connection = await openDatabase(config.databaseUrl, {
    logger: log.child({ component: 'database' }),
  });
  await migrateToLatest(connection);
  const { db } = connection;

  const blobs = await openBlobStore(config.storageUrl, {
    s3ForcePathStyle: config.s3ForcePathStyle,
  });
  if (soleProcess) await blobs.cleanStaging(0);

  const jobs = await openJobQueue(connection, {
    queueUrl: config.queueUrl,
    prefix: config.queuePrefix,
    retryBaseMs: config.jobRetryBaseMs,
    pollIntervalMs: config.jobPollIntervalMs,
    stalledIntervalMs: config.queueStalledIntervalMs,
    keepFinishedMs: config.queueKeepFinishedHours * HOUR,
    queues: KNOWN_QUEUES,
    soleProcess,
    logger: log.child({ component: 'queue' }),
  });
  const { queue } = jobs;

  const userRepository = new KyselyUserRepository(db);
  const assetRepository = new KyselyAssetRepository(db);
  const albumRepository = new KyselyAlbumRepository(db);
  // See: [Note: Reading someone else's asset].
  const partners = new PartnersService(new KyselyPartnerRepository(db), userRepository, clock);
  const assetReadGrants = [
    { mayRead: albumRepository.showsToMember.bind(albumRepository) },
    partners.readGrant,
  ];
  const transactor = new KyselyTransactor(connection, jobs.enqueuer);
  const metadataReader = new ExiftoolMetadataReader({ maxProcs: config.exiftoolProcesses });
  const renderer = new WorkerThreadImageRenderer({
    threads: imageThreadsFor(config, availableParallelism()),
    // See: [Note: Memory after a burst].
    idleMs: RENDER_THREAD_IDLE_MS,
    onIdle: compactHeap,
  });

  const jobCounts = async (): Promise<Record<string, JobCounts>> => {
    const counts: Record<string, JobCounts> = await queue.counts();
    for (const name of KNOWN_QUEUES)
      counts[name] ??= { waiting: 0, active: 0, completed: 0, failed: 0 };
    // "faces: 12,345 of 80,000": how far each recorded step has come, beside its queue's counts.
    for (const status of await steps.status()) {
      const { step, ...progress } = status;
      const queueCounts = counts[stepOrFail(step).queue]!;
      (queueCounts.steps ??= {})[step] = progress;
    }
    return counts;
  };
  const metrics = new PrometheusMetrics(jobCounts);
  // Every finished job is counted; one that failed or threw is also logged, with its asset and
  // reason, so a server's log says what went wrong without a look in the database.
  const observeJob = (event: JobEvent) => {
    metrics.observeJob(event);
    const problem = describeJobProblem(event);
    if (problem) log[problem.level](problem.fields, problem.message);
  };
  const purge = new PurgeService(assetRepository, transactor, blobs, clock, config.trashDays);
  // The API process loads ExifTool too, on the first sidecar, to refuse one that is not XMP.
  const sidecarReader = new ExiftoolSidecarReader(metadataReader);
  const uploads = new UploadService(
    blobs,
    transactor,
    fileTypeSniffer,
    clock,
    new StorageQuota(userRepository),
  );
  const videoProber = new FfprobeVideoProber({ binary: config.ffprobePath });
  const livePhotos = new LivePhotoLinker(
    assetRepository,
    new MotionPhotoService(
      blobs,
      transactor,
      fileTypeSniffer,
      new ExiftoolEmbeddedVideoExtractor({ prober: videoProber }),
      clock,
    ),
  );
  const places = new GeoNamesPlaceResolver();
  const stepRecords = new KyselyStepRecords(db);
  const assets = new AssetsService(assetRepository, blobs, clock, assetReadGrants);
  const vision = composeVision({
    config,
    connection,
    assetRepository,
    blobs,
    stepRecords,
    assets,
    clock,
  });
  const runner = new JobRunner(
    queue,
    assetRepository,
    {
      metadata: metadataHandler(
        assetRepository,
        blobs,
        metadataReader,
        videoProber,
        livePhotos,
        sidecarReader,
        places,
      ),
      thumbnails: thumbnailsHandler(
        assetRepository,
        blobs,
        renderer,
        new FfmpegVideoFrameExtractor({ binary: config.ffmpegPath }),
      ),
      playback: playbackHandler(
        assetRepository,
        blobs,
        videoProber,
        new FfmpegVideoTranscoder({ binary: config.ffmpegPath }),
        {
          transcode: config.videoTranscode,
          targetHeight: config.videoTargetHeight,
          hlsMinSeconds: config.hlsMinSeconds,
          timeoutMs: config.transcodeTimeoutSeconds * 1000,
        },
      ),
      ...vision.handlers,
    },
    observeJob,
    stepRecords,
  );
  const steps = new StepBackfill(stepRecords, queue, runner);

  let tusDatastore: Promise<TusDatastore> | undefined;
  let maintenance: NodeJS.Timeout | undefined;
  let nextDay: NodeJS.Timeout | undefined;
  const rateLimitStore =
    config.queueUrl && config.role !== 'worker'
      ? await openSharedRateLimitStore(config.queueUrl, config.queuePrefix)
      : undefined;

  const auth = new AuthService(
    userRepository,
    new KyselyAuthStore(db),
    argon2PasswordHasher,
    { sessionDays: config.sessionDays },
    new LoginThrottle(new KyselyLoginFailureStore(db), () => clock.now()),
  );

  const userAdmin = new UserAdminService(
    userRepository,
    argon2PasswordHasher,
    {
      endSessionsOf: (id) => auth.endSessionsOf(id),
      revokeApiKeysOf: (id) => auth.revokeApiKeysOf(id),
      emptyTrash: (id) => purge.emptyTrash(id),
    },
    clock,
    { deleteGraceDays: config.userDeleteGraceDays },
  );

  const memories = new MemoriesService(new KyselyMemoryRepository(db), clock);
  const dailyMemories = new DailyMemories(
    memories,
    new KyselyDailyMemoryRuns(db, jobs.enqueuer),
    clock,
  );

  /** Background work has no caller to throw to: its failure is logged, and the next round tries again. */
  const logFailure = (task: string) => (err: unknown) => log.error({ err, task }, `${task} failed`);
  const maintain = () => {
    void dailyMemories.queueToday().catch(logFailure('queueing the memories job'));
    void purge.purgeExpired().catch(logFailure('trash purge'));
    void userAdmin.purgeDue().catch(logFailure('user deletion'));
    void auth.purgeExpiredSessions(clock.now()).catch(logFailure('session clean-up'));
    // Uploads may be in flight now, in this process or another: only old leftovers go.
    void blobs.cleanStaging(STAGING_MAX_AGE_MS).catch(logFailure('staging clean-up'));
  };

  const playback = new PlaybackService(assetRepository, blobs, assetReadGrants);
  const albums = new AlbumsService(albumRepository, clock);
  const sharedLinks = new SharedLinksService(
    new KyselySharedLinkRepository(db),
    argon2PasswordHasher,
    clock,
    { albums, assets, playback, uploads },
    new StrippedCopies(blobs, new ExiftoolLocationStripper()),
    new LinkKeySealer(() =>
      loadServerSecret(config.secret, join(config.dataDir, 'secrets', 'link-key.bin')),
    ),
  );

  return {
    config,
    users: new UsersService(userRepository, argon2PasswordHasher),
    userAdmin,
    partners,
    auth,
    rateLimitStore,
    assets,
    metadataEdits: new MetadataEditService(
      assetRepository,
      new KyselyMetadataEditRepository(db),
      places,
    ),
    memories,
    duplicates: vision.duplicates,
    dailyMemories,
    playback,
    uploads,
    sidecars: new SidecarService(assetRepository, transactor, blobs, sidecarReader, uploads),
    purge,
    reprocess: new ReprocessService(assetRepository, transactor, steps),
    timeline: new TimelineService(new KyselyTimelineRepository(db), partners.timelineOwners),
    tags: vision.tags,
    text: vision.text,
    people: vision.people,
    faceRecorder: vision.faceRecorder,
    albums,
    sharedLinks,
    albumSharing: new AlbumSharingService(albumRepository, clock),
    albumActivity: new AlbumActivityService(
      albumRepository,
      new KyselyAlbumActivityRepository(db),
      clock,
    ),
    metrics,
    log,
    createTusDatastore: () =>
      (tusDatastore ??= import('./adapters/uploads/tus-datastore.js').then((m) =>
        m.createTusDatastore({ ...config, logger: log.child({ component: 'uploads' }) }),
      )),
    jobCounts,
    steps,
    smartSearch: vision.smartSearch,
    async checkReady() {
      await checked('database', () => sql`select 1`.execute(db));
      await checked('storage', () => blobs.stat('health/ready-check'));
      await checked('queue', () => queue.counts());
    },
    startWorkers() {
      runner.start({ concurrency: (name) => concurrencyFor(config, name) });
      // Beside the pipeline: it belongs to no asset. See: [Note: Daily memories].
      const memoryWorkers = concurrencyFor(config, MEMORIES_QUEUE);
      if (memoryWorkers > 0)
        queue.work(MEMORIES_QUEUE, memoryWorkers, observed(dailyMemories.run, observeJob));
      // A step switched on since, or given a new model: queued for the assets that lack it.
      if (concurrencyFor(config, 'vision') > 0)
        void steps.backfillAll().catch(logFailure('queueing the vision steps'));
      maintain();
      maintenance = setInterval(maintain, HOUR);
      maintenance.unref();
      // The day's memories are queued as the day begins, not at the next hourly tick.
      const atEachMidnight = () => {
        nextDay = setTimeout(
          () => {
            void dailyMemories.queueToday().catch(logFailure('queueing the memories job'));
            atEachMidnight();
          },
          msUntilNextLocalDay(clock.now()) + MIDNIGHT_MARGIN_MS,
        );
        nextDay.unref();
      };
      atEachMidnight();
    },
    async close() {
      clearInterval(maintenance);
      clearTimeout(nextDay);
      await jobs.close();
      // The helpers hold no data: one that fails to stop (ExifTool slow to end on a loaded
      // machine) is reported, and the database is still closed cleanly after it.
      const stopQuietly = (what: string, stop: () => Promise<unknown>) =>
        stop().catch(logFailure(`stopping ${what}`));
      await stopQuietly('ExifTool', () => metadataReader.close());
      await stopQuietly('the render thread', () => renderer.close());
      await stopQuietly('vision (the vector index, the model threads)', () => vision.close());
      await stopQuietly('the rate-limit store', async () => rateLimitStore?.close());
      await connection.close();
      await blobs.close?.();
      await (await tusDatastore?.catch(() => undefined))?.close?.();
    },
  };
}
