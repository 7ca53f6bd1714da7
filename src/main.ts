import { ConfigError, loadConfig } from './config.js';
import { buildApp } from './http/app.js';
import { createKeepsake } from './keepsake.js';

const SHUTDOWN_GRACE_MS = 15_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Keepsake cannot start: invalid configuration. ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  const keepsake = await createKeepsake(config);
  const app = await buildApp(keepsake);
  keepsake.startWorkers();
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ dataDir: config.dataDir }, `Keepsake is serving on port ${config.port}`);

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
    await keepsake.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Keepsake failed to start:', error);
  process.exit(1);
});
