import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/*
 * [Note: Memory after a burst]
 *
 * After a burst of uploads the idle server stayed at 430-460 MiB for minutes (it starts at ~130).
 * Measured on the corpus's 114 photos (HEIC and RAW among them), from the last job on, with the
 * server's /proc smaps and V8's own figures (docs/benchmarks.md has each run), the memory was in
 * three places, and each has its measure:
 *
 * - glibc's allocator kept what was freed: an arena per thread that ever allocated (up to 8 per
 *   core), and a threshold for mmap that grows with the largest block freed, so decoded images
 *   (MBs each) and the 64 KiB chunks of uploads ended up inside arenas that are never given back
 *   whole. `MALLOC_ARENA_MAX=2`, `MALLOC_MMAP_THRESHOLD_=65536` (larger blocks are mapped and
 *   unmapped on their own) and `MALLOC_TRIM_THRESHOLD_=131072` took ~250 MiB off the idle figure.
 *   They must be in the environment before the process starts: `npm start` and the Dockerfile set
 *   them (docs/deploy.md, "Memory").
 * - The render thread (its V8 heap, libvips' threads) and libvips' operation cache: the thread
 *   ends after 20 s without renders and starts again on the next (~0.1 s), and the cache is off,
 *   since every image is decoded once (worker-thread-image-renderer.ts). About 20-30 MiB.
 * - The main thread's V8 heap grows to ~105 MB during a burst, and V8 shrinks it only when its
 *   memory reducer happens to run, 40-70 s later or not at all. When the render thread ends, the
 *   server collects once (`compactHeap`), which brings it back to ~60 MB at once.
 *
 * - V8's young generation: it grows to 2 × 16 MB in the first seconds of work and stays resident
 *   (a full collection does not shrink it; only V8's memory reducer does, when it happens to
 *   run). `npm start` and the Dockerfile cap it with `--max-semi-space-size=4`: an idle server
 *   after the vision models ended fell from ~153 to ~114 MiB (at start: ~135 to ~113), at the
 *   price of more, shorter scavenges.
 *
 * With the first three, the server is at ~175 MiB 20 s after its last job (its peak fell too, from
 * ~950 to ~760 MiB). What is left over the start is mostly live: GeoNames' cities, loaded on the
 * first photo with GPS, and compiled code.
 */

let collect: (() => void) | undefined;

/**
 * One full garbage collection of this thread's V8 heap, now (a pause of some 10-50 ms), so that
 * what a burst of work left behind goes back to the system at once. For idle moments only.
 * See: [Note: Memory after a burst].
 */
export function compactHeap(): void {
  // `gc` exists only with --expose-gc; the flag takes effect for contexts made after it is set
  // (the way Jest's leak detector reaches it too).
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
