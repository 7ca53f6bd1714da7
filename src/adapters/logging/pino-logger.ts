import { pino, type Logger as PinoLogger } from 'pino';
import type { Config } from '../../config.js';

export type { PinoLogger };

/*
 * [Note: One logger]
 *
 * Every line the server writes is one JSON object on stdout, from one pino logger made once at
 * start (main.ts, or createKeepsake where nothing gave it one): Fastify gets a child of it, and so
 * does every adapter that has something to say (queues, the upload locker, PostgreSQL, clean-ups,
 * failed jobs). A log collector can then filter on fields (`assetId`, `step`, `level`) instead of
 * parsing sentences, and nothing in the log is written any other way. Requests that go well are
 * logged at debug only: at the default level the log holds what needs a look (failures, slow
 * requests, start and stop), not one line per thumbnail. Core code sees only the small `Logger`
 * port (core/ports/logger.ts), which a pino logger satisfies as it is.
 */

/** The server's root logger, at the configured level (`KEEPSAKE_LOG_LEVEL`). */
export function createRootLogger(
  level: Config['logLevel'],
  destination?: NodeJS.WritableStream,
): PinoLogger {
  // Written synchronously: at the default level the log is a few lines an hour, and the last
  // lines before an exit (a start-up that fails, a crash) must not be lost in a buffer.
  return pino({ level }, destination ?? pino.destination({ dest: 1, sync: true }));
}

let fallback: PinoLogger | undefined;

/**
 * For an adapter opened without a logger (tests, benchmarks, the installation-move tool): JSON
 * at info, as the server's would be. Inside the server every adapter is handed a child of its one.
 */
export function fallbackLogger(): PinoLogger {
  return (fallback ??= pino({ level: 'info' }));
}
