import type { Redis } from 'ioredis';

/** Where API processes keep their rate-limit counters together (@fastify/rate-limit's Redis store). */
export interface SharedRateLimitStore {
  redis: Redis;
  /** Key prefix, so installations sharing a Redis count apart. */
  nameSpace: string;
  close(): Promise<void>;
}

/**
 * Counters in Redis, so that a limit holds across API processes: with one counter per process,
 * N processes behind a load balancer would allow N times the login attempts.
 */
export async function openSharedRateLimitStore(
  url: string,
  prefix: string,
): Promise<SharedRateLimitStore> {
  const { Redis } = await import('ioredis');
  // One quick try per request: a request must not hang while Redis is away (see app.ts).
  const redis = new Redis(url, { connectTimeout: 5000, maxRetriesPerRequest: 1 });
  redis.on('error', () => {}); // the rate-limit plugin reports failures per request
  return {
    redis,
    nameSpace: `${prefix}:rate-limit:`,
    close: async () => {
      redis.disconnect();
    },
  };
}
