import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import { createRootLogger } from '../../src/adapters/logging/pino-logger.js';
import { registerRequestLog } from '../../src/http/request-log.js';

/** A Fastify app logging at `level` as the server's does, and the lines it wrote. */
async function appLoggingAt(level: 'info' | 'debug', slowMs: number) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = Fastify({
    loggerInstance: createRootLogger(level, sink) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
  });
  registerRequestLog(app, slowMs);
  app.get('/fast', async () => ({ ok: true }));
  app.get('/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 60));
    return { ok: true };
  });
  app.get('/broken', async () => {
    throw new Error('boom');
  });
  await app.ready();
  return { app, lines };
}

describe('request log', () => {
  it('at info: nothing for ordinary requests, a warning for a slow one, an error for a 5xx', async () => {
    const { app, lines } = await appLoggingAt('info', 50);
    await app.inject('/fast');
    await app.inject('/nowhere'); // 404: the client's business
    await app.inject('/slow?key=secret');
    await app.inject('/broken');
    await app.close();
    const requestLines = lines.filter((l) => 'statusCode' in l);
    assert.deepEqual(
      requestLines.map((l) => [l.level, l.path, l.statusCode]),
      [
        [40, '/slow', 200],
        [50, '/broken', 500],
      ],
    );
    assert.ok(Number(requestLines[0]!.responseTimeMs) >= 50);
    assert.ok(!JSON.stringify(lines).includes('secret'), 'the query string stays out');
  });

  it('at debug: one line per request', async () => {
    const { app, lines } = await appLoggingAt('debug', 0);
    await app.inject('/fast');
    await app.inject('/slow');
    await app.close();
    const requestLines = lines.filter((l) => 'statusCode' in l);
    assert.deepEqual(
      requestLines.map((l) => [l.level, l.msg, l.path]),
      [
        [20, 'request completed', '/fast'],
        [20, 'request completed', '/slow'],
      ],
    );
  });
});
