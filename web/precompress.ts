import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|webmanifest|json)$/;

/**
 * Writes a .br and a .gz beside every text file of the build, once, at build time; the server
 * (@fastify/static with preCompressed) sends the one the browser accepts, so nothing is
 * compressed per request and a phone downloads a third of the bytes.
 */
export function precompress(outDir: string): Plugin {
  return {
    name: 'keepsake-precompress',
    apply: 'build',
    async closeBundle() {
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      await Promise.all(
        entries
          .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
          .map(async (e) => {
            const path = join(e.parentPath, e.name);
            const data = await readFile(path);
            await writeFile(`${path}.gz`, await promisify(gzip)(data, { level: 9 }));
            await writeFile(
              `${path}.br`,
              await promisify(brotliCompress)(data, {
                params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
              }),
            );
          }),
      );
    },
  };
}
