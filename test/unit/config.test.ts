import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, concurrencyFor, imageThreadsFor, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('has defaults for a person running Keepsake on their own machine', () => {
    const config = loadConfig({});
    assert.equal(config.port, 2342);
    assert.equal(config.dataDir, resolve('./data'));
    assert.equal(config.jobConcurrency, 2);
    assert.equal(config.trashDays, 30);
  });

  it('reads variables, including per-queue concurrency', () => {
    const config = loadConfig({
      KEEPSAKE_PORT: '8080',
      KEEPSAKE_DATA_DIR: '/srv/photos',
      KEEPSAKE_CONCURRENCY_THUMBNAILS: '4',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.dataDir, '/srv/photos');
    assert.equal(concurrencyFor(config, 'thumbnails'), 4);
    assert.equal(concurrencyFor(config, 'metadata'), 2);
  });

  it('reads the HTTP edge: proxies to trust, other origins, the cookie flag, metrics', () => {
    const defaults = loadConfig({});
    assert.equal(defaults.trustProxy, false);
    assert.deepEqual(defaults.corsOrigins, []);
    assert.equal(defaults.secureCookies, null, 'Secure when the request came over HTTPS');
    assert.equal(defaults.metricsPort, null);
    assert.equal(defaults.metricsToken, null);
    const trust = (value: string) => loadConfig({ KEEPSAKE_TRUST_PROXY: value }).trustProxy;
    assert.equal(trust('true'), true);
    assert.equal(trust('2'), 2);
    assert.deepEqual(trust('10.0.0.0/8, 127.0.0.1'), ['10.0.0.0/8', '127.0.0.1']);
    assert.throws(() => trust('my proxy'), ConfigError);
    assert.deepEqual(
      loadConfig({ KEEPSAKE_CORS_ORIGINS: 'https://app.example, http://localhost:5173' })
        .corsOrigins,
      ['https://app.example', 'http://localhost:5173'],
    );
    assert.throws(() => loadConfig({ KEEPSAKE_CORS_ORIGINS: 'app.example' }), ConfigError);
    assert.throws(
      () => loadConfig({ KEEPSAKE_CORS_ORIGINS: 'https://a.example/path' }),
      ConfigError,
    );
    assert.equal(loadConfig({ KEEPSAKE_SECURE_COOKIES: 'false' }).secureCookies, false);
    assert.equal(loadConfig({ KEEPSAKE_METRICS_PORT: '9464' }).metricsPort, 9464);
  });

  it('shares the cores out among the images rendered at once, unless told', () => {
    assert.equal(imageThreadsFor(loadConfig({}), 2), 1);
    assert.equal(imageThreadsFor(loadConfig({}), 16), 8);
    assert.equal(imageThreadsFor(loadConfig({ KEEPSAKE_CONCURRENCY_THUMBNAILS: '4' }), 2), 1);
    assert.equal(imageThreadsFor(loadConfig({ KEEPSAKE_IMAGE_THREADS: '3' }), 2), 3);
  });

  it('keeps everything under the data folder unless told where the services are', () => {
    const embedded = loadConfig({ KEEPSAKE_DATA_DIR: '/srv/photos' });
    assert.equal(embedded.role, 'all');
    assert.equal(embedded.databaseUrl, '/srv/photos/keepsake.db');
    assert.equal(embedded.storageUrl, '/srv/photos/blobs');
    assert.equal(embedded.queueUrl, null);
    const scaled = loadConfig({
      KEEPSAKE_ROLE: 'worker',
      KEEPSAKE_DATABASE_URL: 'postgres://db/keepsake',
      KEEPSAKE_STORAGE_URL: 's3://photos/keepsake',
      KEEPSAKE_QUEUE_URL: 'redis://cache:6379',
      KEEPSAKE_S3_FORCE_PATH_STYLE: 'true',
    });
    assert.equal(scaled.role, 'worker');
    assert.equal(scaled.databaseUrl, 'postgres://db/keepsake');
    assert.equal(scaled.storageUrl, 's3://photos/keepsake');
    assert.equal(scaled.queueUrl, 'redis://cache:6379');
    assert.equal(scaled.s3ForcePathStyle, true);
  });

  it('refuses a service URL of the wrong kind, naming the variable', () => {
    for (const [name, value] of [
      ['KEEPSAKE_DATABASE_URL', 'mysql://db/keepsake'],
      ['KEEPSAKE_STORAGE_URL', 'gs://bucket'],
      ['KEEPSAKE_QUEUE_URL', 'amqp://broker'],
      ['KEEPSAKE_QUEUE_URL', 'localhost:6379'],
      ['KEEPSAKE_ROLE', 'everything'],
    ]) {
      assert.throws(
        () => loadConfig({ [name!]: value }),
        (error: unknown) => error instanceof ConfigError && error.variable === name,
        `${name}=${value}`,
      );
    }
  });

  it('delivers media by presigned URLs only from a store that signs them', () => {
    assert.equal(loadConfig({}).mediaDelivery, 'stream');
    const presigned = loadConfig({
      KEEPSAKE_STORAGE_URL: 's3://photos/keepsake',
      KEEPSAKE_MEDIA_DELIVERY: 'presigned',
      KEEPSAKE_PRESIGNED_URL_SECONDS: '120',
    });
    assert.deepEqual([presigned.mediaDelivery, presigned.presignedUrlSeconds], ['presigned', 120]);
    for (const env of [
      { KEEPSAKE_MEDIA_DELIVERY: 'presigned' },
      { KEEPSAKE_MEDIA_DELIVERY: 'cdn', KEEPSAKE_STORAGE_URL: 's3://photos' },
    ]) {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) =>
          error instanceof ConfigError && error.variable === 'KEEPSAKE_MEDIA_DELIVERY',
        JSON.stringify(env),
      );
    }
  });

  it('checks for BullMQ jobs whose worker died every 30 s, unless told', () => {
    assert.equal(loadConfig({}).queueStalledIntervalMs, 30_000);
    const config = loadConfig({ KEEPSAKE_QUEUE_STALLED_INTERVAL_MS: '5000' });
    assert.equal(config.queueStalledIntervalMs, 5000);
  });

  it('keeps finished jobs a day, unless told (and never under an hour)', () => {
    assert.equal(loadConfig({}).queueKeepFinishedHours, 24);
    assert.equal(loadConfig({ KEEPSAKE_QUEUE_KEEP_FINISHED_HOURS: '2' }).queueKeepFinishedHours, 2);
    assert.throws(() => loadConfig({ KEEPSAKE_QUEUE_KEEP_FINISHED_HOURS: '0' }), ConfigError);
  });

  it('names the variable that is wrong', () => {
    for (const [name, value] of [
      ['KEEPSAKE_PORT', 'eighty'],
      ['KEEPSAKE_PORT', '70000'],
      ['KEEPSAKE_JOB_CONCURRENCY', '-1'],
      ['KEEPSAKE_LOG_LEVEL', 'loud'],
      ['KEEPSAKE_SECURE_COOKIES', 'maybe'],
      ['KEEPSAKE_QUEUE_STALLED_INTERVAL_MS', '10'],
    ]) {
      assert.throws(
        () => loadConfig({ [name!]: value }),
        (error: unknown) =>
          error instanceof ConfigError && error.variable === name && error.message.includes(value!),
      );
    }
  });
});
