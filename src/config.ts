import { resolve } from 'node:path';
import { chooseMediaTool, systemLookup } from './adapters/media/media-tool-binaries.js';
import type { TranscodePolicy } from './core/media/playback-rules.js';

/**
 * Keepsake's configuration, read from the environment: the only place that reads `process.env`.
 * Every variable has a default that suits one person running Keepsake on their own machine.
 */
export type Role = 'api' | 'worker' | 'all';

export interface Config {
  /** What this process does: serve the API, run jobs, or both (one process, the default). */
  role: Role;
  port: number;
  host: string;
  dataDir: string;
  /** `postgres://...`, or a SQLite file (default `<dataDir>/keepsake.db`). */
  databaseUrl: string;
  /** `s3://bucket/prefix`, or a folder (default `<dataDir>/blobs`). */
  storageUrl: string;
  /** `redis://...` for BullMQ; null keeps jobs in the database. */
  queueUrl: string | null;
  /** Namespaces Keepsake's keys in Redis, so installations (or test runs) can share one. */
  queuePrefix: string;
  /** Path-style S3 addressing (`endpoint/bucket/key`), which MinIO and most test servers need. */
  s3ForcePathStyle: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** A request answered later than this is logged at warn (0: never). See: [Note: One logger]. */
  slowRequestMs: number;
  /** Workers per queue; 0 runs no workers in this process. */
  jobConcurrency: number;
  queueConcurrency: Record<string, number>;
  jobRetryBaseMs: number;
  jobPollIntervalMs: number;
  /** BullMQ: how often workers look for jobs whose worker died, and how long a job's lock lasts. */
  queueStalledIntervalMs: number;
  /** Finished jobs are kept this long, for the counts and to recognise a job added twice. */
  queueKeepFinishedHours: number;
  trashDays: number;
  /** Days between an admin deleting a user and their data going (restorable until then). */
  userDeleteGraceDays: number;
  sessionDays: number;
  loginRateLimitPerMinute: number;
  maxUploadBytes: number;
  /** An upload whose body brings no byte for this long is ended with 408 (see upload-watch.ts). */
  uploadIdleTimeoutSeconds: number;
  /** Uploads one person (or one upload link) may have in flight at once, per API process. */
  maxConcurrentUploadsPerUser: number;
  /** The session cookie's `Secure` flag: forced on or off, or null: on for HTTPS requests. */
  secureCookies: boolean | null;
  /**
   * Which proxies to believe about the client's address and protocol (X-Forwarded-For/-Proto):
   * none (false), all (true), the nearest N hops, or these addresses/CIDR ranges (Fastify's
   * `trustProxy`).
   */
  trustProxy: boolean | number | string[];
  /** Other origins (`https://app.example`) that may call the API from a browser (CORS). */
  corsOrigins: string[];
  /** A port of its own for `/metrics`; null: none. */
  metricsPort: number | null;
  /** A bearer token that opens `/metrics` on the main port; null: not served there. */
  metricsToken: string | null;
  exiftoolProcesses: number;
  /** The ffmpeg and ffprobe programs that read videos: names looked up on the PATH, or paths. */
  ffmpegPath: string;
  ffprobePath: string;
  /** When videos get a copy every browser plays: see [Note: Video playback]. */
  videoTranscode: TranscodePolicy;
  /** The short side of that copy, in pixels (never enlarged). */
  videoTargetHeight: number;
  /** Videos longer than this also get HLS. */
  hlsMinSeconds: number;
  /** An encode running longer is stopped, and the video's playback marked failed. */
  transcodeTimeoutSeconds: number;
  /** libvips threads per image being rendered; 0 works it out (see imageThreadsFor). */
  imageThreads: number;
  /**
   * How originals and renditions reach clients: `stream` through the API, or `presigned`: a 302
   * to a short-lived URL of the object store (S3 only), so bytes skip the API processes.
   */
  mediaDelivery: 'stream' | 'presigned';
  /** How long a presigned media URL stays valid. */
  presignedUrlSeconds: number;
  /**
   * The server's secret, which seals shared link keys; null: a random one kept in
   * `<dataDir>/secrets/link-key.bin`. See: [Note: Shared link keys can be copied again].
   */
  secret: string | null;
  /** The built web app to serve at `/`; null: the one `npm start` builds (dist/web). */
  webDir: string | null;
  /** Computer vision on this machine (docs/configuration.md, "Vision"). */
  vision: VisionConfig;
}

export interface VisionConfig {
  /** Each feature is on by default; KEEPSAKE_VISION=false switches them all off. */
  faces: boolean;
  objects: boolean;
  ocr: boolean;
  duplicates: boolean;
  /** A folder with other weights for the face and object models; null: the ones in npm. */
  modelsDir: string | null;
  /** A CLIP export (`visual/model.onnx`, `textual/model.onnx`, tokenizer); null: no smart search. */
  clipModelDir: string | null;
  /** Threads of the model pool. */
  threads: number;
  /** The pool's threads (and every model they hold) end after this long without work. */
  idleSeconds: number;
  /** Faces the detector is less sure of are not kept (0..1). */
  faceMinScore: number;
  /** Faces smaller than this, in pixels of the preview (its long edge 1440), are not kept. */
  faceMinPixels: number;
  /** Similar faces without a person that make a new one; null: the clustering's own default. */
  personMinFaces: number | null;
  /** Objects the detector is less sure of are not tagged (0..1). */
  objectMinConfidence: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
    const value = Number(raw);
    if (value < min || value > max)
      throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    throw new ConfigError(name, `must be true or false, got "${raw}"`);
  };
  const fraction = (name: string, fallback: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d*\.?\d+$/.test(raw) || value > 1)
      throw new ConfigError(name, `must be a number from 0 to 1, got "${raw}"`);
    return value;
  };
  const folder = (name: string): string | null =>
    env[name]?.trim() ? resolve(env[name]!.trim()) : null;
  const oneOf = <T extends string>(name: string, fallback: T, allowed: readonly T[]): T => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    if (!allowed.includes(raw as T))
      throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
    return raw as T;
  };

  const jobConcurrency = int('KEEPSAKE_JOB_CONCURRENCY', 2, 0, 64);
  const visionOn = bool('KEEPSAKE_VISION', true);
  const queueConcurrency: Record<string, number> = {};
  for (const [name, value] of Object.entries(env)) {
    const match = /^KEEPSAKE_CONCURRENCY_([A-Z0-9_]+)$/.exec(name);
    if (match && value !== undefined)
      queueConcurrency[match[1]!.toLowerCase().replace(/_/g, '-')] = int(name, 0, 0, 64);
  }
  /** A positive number of seconds; fractions allowed (a test stops an encode at once). */
  const seconds = (name: string, fallback: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || value <= 0 || value > 7 * 86_400)
      throw new ConfigError(name, `must be a number of seconds above 0, got "${raw}"`);
    return value;
  };
  // The PATH, for finding ffmpeg: from `env` when it has one (tests pass only KEEPSAKE_*).
  const tools = () => systemLookup(env.PATH ?? process.env.PATH);
  const dataDir = resolve(env.KEEPSAKE_DATA_DIR?.trim() || './data');
  /** A URL with one of `schemes`, or (where `pathAllowed`) a path, which has no scheme. */
  const url = <T extends string | null>(
    name: string,
    fallback: T,
    schemes: RegExp,
    what: string,
    pathAllowed = true,
  ): string | T => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw)?.[1];
    if (scheme ? !schemes.test(scheme) : !pathAllowed)
      // Only the scheme is repeated back: the URL may hold a password.
      throw new ConfigError(
        name,
        `must be ${what}, got ${scheme ? `a ${scheme}:// URL` : `"${raw}"`}`,
      );
    return raw;
  };

  const queueUrl = url('KEEPSAKE_QUEUE_URL', null, /^rediss?$/i, 'a redis:// URL, or unset', false);
  const storageUrl = url(
    'KEEPSAKE_STORAGE_URL',
    resolve(dataDir, 'blobs'),
    /^s3$/i,
    'an s3://bucket/prefix URL or a folder',
  );
  const mediaDelivery = oneOf('KEEPSAKE_MEDIA_DELIVERY', 'stream', [
    'stream',
    'presigned',
  ] as const);
  if (mediaDelivery === 'presigned' && !storageUrl.toLowerCase().startsWith('s3://'))
    throw new ConfigError(
      'KEEPSAKE_MEDIA_DELIVERY',
      'presigned needs an object store that signs URLs: set KEEPSAKE_STORAGE_URL to s3://bucket/prefix, or use stream',
    );
  return {
    role: oneOf('KEEPSAKE_ROLE', 'all', ['api', 'worker', 'all'] as const),
    databaseUrl: url(
      'KEEPSAKE_DATABASE_URL',
      resolve(dataDir, 'keepsake.db'),
      /^postgres(ql)?$/i,
      'a postgres:// URL or the path of a SQLite file',
    ),
    storageUrl,
    queueUrl,
    queuePrefix: env.KEEPSAKE_QUEUE_PREFIX?.trim() || 'keepsake',
    s3ForcePathStyle: bool('KEEPSAKE_S3_FORCE_PATH_STYLE', false),
    port: int('KEEPSAKE_PORT', 2342, 0, 65535),
    host: env.KEEPSAKE_HOST?.trim() || '0.0.0.0',
    dataDir,
    logLevel: oneOf('KEEPSAKE_LOG_LEVEL', 'info', [
      'fatal',
      'error',
      'warn',
      'info',
      'debug',
      'trace',
      'silent',
    ] as const),
    slowRequestMs: int('KEEPSAKE_SLOW_REQUEST_MS', 3000, 0, 3_600_000),
    jobConcurrency,
    queueConcurrency,
    jobRetryBaseMs: int('KEEPSAKE_JOB_RETRY_BASE_MS', 5000, 1, 3_600_000),
    jobPollIntervalMs: int('KEEPSAKE_JOB_POLL_INTERVAL_MS', 1000, 10, 60_000),
    queueStalledIntervalMs: int('KEEPSAKE_QUEUE_STALLED_INTERVAL_MS', 30_000, 1000, 3_600_000),
    // At least an hour: a job re-added by the outbox's sweep or a re-run step must still find its twin.
    queueKeepFinishedHours: int('KEEPSAKE_QUEUE_KEEP_FINISHED_HOURS', 24, 1, 24 * 365),
    trashDays: int('KEEPSAKE_TRASH_DAYS', 30, 0, 3650),
    userDeleteGraceDays: int('KEEPSAKE_USER_DELETE_GRACE_DAYS', 7, 0, 3650),
    sessionDays: int('KEEPSAKE_SESSION_DAYS', 30, 1, 3650),
    loginRateLimitPerMinute: int('KEEPSAKE_LOGIN_RATE_LIMIT', 10, 1, 100_000),
    maxUploadBytes: int('KEEPSAKE_MAX_UPLOAD_BYTES', 100 * 1024 ** 3, 1, Number.MAX_SAFE_INTEGER),
    uploadIdleTimeoutSeconds: int('KEEPSAKE_UPLOAD_IDLE_TIMEOUT_SECONDS', 60, 1, 86_400),
    maxConcurrentUploadsPerUser: int('KEEPSAKE_MAX_CONCURRENT_UPLOADS_PER_USER', 8, 1, 10_000),
    secureCookies: env.KEEPSAKE_SECURE_COOKIES?.trim()
      ? bool('KEEPSAKE_SECURE_COOKIES', false)
      : null,
    trustProxy: trustProxy(env.KEEPSAKE_TRUST_PROXY),
    corsOrigins: origins('KEEPSAKE_CORS_ORIGINS', env.KEEPSAKE_CORS_ORIGINS),
    metricsPort: env.KEEPSAKE_METRICS_PORT?.trim()
      ? int('KEEPSAKE_METRICS_PORT', 0, 0, 65535)
      : null,
    metricsToken: env.KEEPSAKE_METRICS_TOKEN?.trim() || null,
    exiftoolProcesses: int('KEEPSAKE_EXIFTOOL_PROCESSES', 2, 1, 16),
    imageThreads: int('KEEPSAKE_IMAGE_THREADS', 0, 0, 256),
    // See: [Note: Which ffmpeg] in adapters/media/media-tool-binaries.ts.
    ffmpegPath: env.KEEPSAKE_FFMPEG_PATH?.trim() || chooseMediaTool('ffmpeg', tools()),
    ffprobePath: env.KEEPSAKE_FFPROBE_PATH?.trim() || chooseMediaTool('ffprobe', tools()),
    videoTranscode: oneOf('KEEPSAKE_VIDEO_TRANSCODE', 'needed', [
      'never',
      'needed',
      'always',
    ] as const),
    videoTargetHeight: int('KEEPSAKE_VIDEO_TARGET_HEIGHT', 720, 144, 4320),
    hlsMinSeconds: int('KEEPSAKE_HLS_MIN_SECONDS', 30, 0, 86_400),
    transcodeTimeoutSeconds: seconds('KEEPSAKE_TRANSCODE_TIMEOUT_SECONDS', 3600),
    mediaDelivery,
    // S3 signs for a week at most; a minute is the least a slow client needs to start a download.
    presignedUrlSeconds: int('KEEPSAKE_PRESIGNED_URL_SECONDS', 900, 60, 7 * 86_400),
    secret: serverSecret(env.KEEPSAKE_SECRET),
    webDir: folder('KEEPSAKE_WEB_DIR'),
    vision: {
      faces: bool('KEEPSAKE_VISION_FACES', visionOn),
      objects: bool('KEEPSAKE_VISION_OBJECTS', visionOn),
      ocr: bool('KEEPSAKE_VISION_OCR', visionOn),
      duplicates: bool('KEEPSAKE_VISION_DUPLICATES', visionOn),
      modelsDir: folder('KEEPSAKE_MODELS_DIR'),
      clipModelDir: visionOn ? folder('KEEPSAKE_CLIP_MODEL_DIR') : null,
      threads: int('KEEPSAKE_VISION_THREADS', 1, 1, 64),
      idleSeconds: int('KEEPSAKE_VISION_IDLE_SECONDS', 60, 0, 86_400),
      faceMinScore: fraction('KEEPSAKE_FACE_MIN_SCORE', 0.7),
      faceMinPixels: int('KEEPSAKE_FACE_MIN_PIXELS', 48, 0, 10_000),
      personMinFaces: env.KEEPSAKE_PERSON_MIN_FACES?.trim()
        ? int('KEEPSAKE_PERSON_MIN_FACES', 3, 1, 1_000)
        : null,
      objectMinConfidence: fraction('KEEPSAKE_OBJECT_MIN_CONFIDENCE', 0.4),
    },
  };
}

/** KEEPSAKE_SECRET: long enough that it cannot be guessed; never repeated in an error. */
function serverSecret(raw: string | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (!value) return null;
  if (value.length < 32)
    throw new ConfigError(
      'KEEPSAKE_SECRET',
      `must be at least 32 characters (e.g. \`openssl rand -base64 32\`), got ${value.length}`,
    );
  return value;
}

/** KEEPSAKE_TRUST_PROXY: true/false, a number of hops, or addresses and CIDR ranges. */
function trustProxy(raw: string | undefined): boolean | number | string[] {
  const value = raw?.trim() ?? '';
  if (!value || ['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  if (['true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of list)
    if (
      !/^[0-9a-f.:]+(\/\d{1,3})?$/i.test(item) &&
      !['loopback', 'linklocal', 'uniquelocal'].includes(item)
    )
      throw new ConfigError(
        'KEEPSAKE_TRUST_PROXY',
        `must be true, false, a number of hops, or addresses/CIDR ranges, got "${item}"`,
      );
  return list;
}

/** A comma-separated list of origins, each `scheme://host[:port]` (a browser's `Origin`). */
function origins(name: string, raw: string | undefined): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return list.map((item) => {
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== item.replace(/\/$/, ''))
      throw new ConfigError(name, `must list origins like https://app.example, got "${item}"`);
    return url.origin;
  });
}

export const concurrencyFor = (config: Config, queue: string): number =>
  config.queueConcurrency[queue] ??
  Math.min(config.jobConcurrency, QUEUE_CONCURRENCY_CAPS[queue] ?? Infinity);

/**
 * Queues whose default is below KEEPSAKE_JOB_CONCURRENCY: an encode already keeps every core
 * busy, so two at once only finish both later (KEEPSAKE_CONCURRENCY_TRANSCODE raises it); the
 * memories queue gets one job a day.
 */
const QUEUE_CONCURRENCY_CAPS: Record<string, number> = { transcode: 1, memories: 1, vision: 1 };

/**
 * libvips threads per image. By default the cores are shared out among the images rendered at
 * once (the thumbnails queue's concurrency): libvips would otherwise start a thread per core for
 * every image, and on a small machine those threads, the uploads and ExifTool all fight over the
 * same cores (on 2 cores, ingest ran ~8 % faster with one thread per image than with two).
 */
export const imageThreadsFor = (config: Config, cores: number): number =>
  config.imageThreads ||
  Math.max(1, Math.floor(cores / Math.max(1, concurrencyFor(config, 'thumbnails'))));
