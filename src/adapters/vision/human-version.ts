import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/*
 * `@vladmandic/human`'s version, part of every step version that runs one of its models. Its own
 * module, which reads only package.json: the main-side detectors need it for their versions, and
 * must not import human-runtime.ts (sharp and the model runtime stay on the pool's threads).
 */
const require = createRequire(import.meta.url);

export const HUMAN_VERSION: string = (
  require(join(dirname(require.resolve('@vladmandic/human')), '..', 'package.json')) as {
    version: string;
  }
).version;
