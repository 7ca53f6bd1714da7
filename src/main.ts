import { ConfigError, loadConfig } from './config.js';
import { buildApp } from './http/app.js';
import { buildMetricsApp } from './http/metrics/metrics.js';
import { createKeepsake } from './keepsake.js';
import { redactPassword } from './adapters/db/redact-password.js';
import { createRootLogger } from './adapters/logging/pino-logger.js';

const SHUTDOWN_GRACE_MS = 15_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // No level configured yet: this one line goes out at the default. See: [Note: One logger].
      createRootLogger('info').fatal(
        `Keepsake cannot start: invalid configuration. ${error.message}`,
      );
      process.exit(78);
    }
    throw error;
  }
  const log = createRootLogger(config.logLevel);
  let keepsake;
  try {
    keepsake = await createKeepsake(config, { logger: log });
  } catch (error) {
    // A service that is down or misconfigured: say which, without a stack trace to dig through,
    // whatever the configured level (even `silent` must not hide why the server did not start).
    createRootLogger('info').fatal(
      `Keepsake cannot start: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(69);
  }
  const app = await buildApp(keepsake);
  if (config.role !== 'api') keepsake.startWorkers();
  await app.listen({ port: config.port, host: config.host });
  // See: [Note: Where /metrics is served]
  const metricsApp = config.metricsPort === null ? undefined : buildMetricsApp(keepsake);
  await metricsApp?.listen({ port: config.metricsPort!, host: config.host });
  app.log.info(
    { role: config.role, database: redactPassword(config.databaseUrl), storage: config.storageUrl },
    `Keepsake (${config.role}) is serving on port ${config.port}`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: finishing in-flight requests and jobs`);
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    await app.close();
    await metricsApp?.close();
    await keepsake.close();
    process.exit(0);
  };
  const shutdownOn = (signal: string) => () =>
    shutdown(signal).catch((error: unknown) => {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  process.on('SIGTERM', shutdownOn('SIGTERM'));
  process.on('SIGINT', shutdownOn('SIGINT'));
}

main().catch((error: unknown) => {
  createRootLogger('info').fatal({ err: error }, 'Keepsake failed to start');
  process.exit(1);
});
