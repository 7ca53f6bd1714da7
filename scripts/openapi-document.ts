import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { createKeepsake } from '../src/keepsake.js';

export const OPENAPI_PATH = new URL('../docs/openapi.json', import.meta.url).pathname;

/** The OpenAPI document as the route schemas describe it, formatted as committed. */
export async function generateOpenApiDocument(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'keepsake-openapi-'));
  const keepsake = await createKeepsake(loadConfig({ KEEPSAKE_DATA_DIR: dataDir }));
  try {
    const app = await buildApp(keepsake, { logger: false });
    await app.ready();
    const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    return document;
  } finally {
    await keepsake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
