# Keepsake's image. One image for every role: KEEPSAKE_ROLE picks api, worker or all (the
# default: one process with SQLite and files under /data). See docs/deploy.md.

# --- build: compile TypeScript and the web app, then drop the dev dependencies ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 falls back to compiling from source when no prebuilt binary can be fetched.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web ./web
# The server, then the web app into dist/web (which the server serves at /).
RUN npm run build \
  && npx vite build --config web/vite.config.ts --logLevel warn \
  && npm prune --omit=dev --no-audit --no-fund

# --- runtime ---
FROM node:20-bookworm-slim
# perl runs ExifTool (metadata). ffmpeg (with ffprobe) reads videos (duration, size, rotation),
# makes their poster frames and encodes the copies browsers play. heif-convert
# (libheif-examples) decodes HEIC photos and djxl (libjxl-tools) JPEG XL, which the prebuilt
# sharp cannot. dcraw_emu (libraw-bin) develops camera RAWs that embed no usable preview.
# tini is PID 1: it passes SIGTERM on to node and reaps ExifTool's child processes.
RUN apt-get update \
  && apt-get install -y --no-install-recommends perl ffmpeg libheif-examples libjxl-tools libraw-bin tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# package.json's "type": "module" makes Node load dist/ as ES modules.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# /data: the SQLite file, blobs and partial resumable uploads in the embedded set-up. With S3
# storage, blobs and partial uploads are in the bucket instead.
RUN mkdir /data && chown node:node /data
ENV KEEPSAKE_DATA_DIR=/data
# glibc's allocator gives back what image decoding freed (two arenas, large blocks mapped on
# their own): after a burst of uploads the idle server returns under 200 MiB instead of staying
# near 450. See [Note: Memory after a burst] in src/adapters/runtime/compact-heap.ts.
ENV MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=65536 MALLOC_TRIM_THRESHOLD_=131072
# The node user of the official image (uid 1000, gid 1000).
USER node
EXPOSE 2342
# Liveness only: readiness (/api/health/ready) also depends on the database, store and queue,
# and an orchestrator should not restart a process because one of those is down.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.KEEPSAKE_PORT || 2342) + '/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--max-semi-space-size=4", "dist/src/main.js"]
