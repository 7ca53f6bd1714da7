import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './precompress.ts';

const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

// The web app is built into dist/web, which the Keepsake server serves at `/`
// (src/http/web/routes.ts). `npm start` builds it when its sources changed.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    // Hashed file names: the server lets browsers cache them for good.
    assetsDir: 'assets',
  },
  server: {
    proxy: { '/api': 'http://localhost:2342' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
