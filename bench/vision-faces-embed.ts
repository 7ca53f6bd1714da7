import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SharpImageRenderer } from '../src/adapters/media/sharp-image-renderer.js';
import { FACE_CONFIG } from '../src/adapters/vision/human-faces-task.js';
import { detect, HUMAN_VERSION, humanFor, rgbOf } from '../src/adapters/vision/human-runtime.js';
import { ROOT, WORK } from './lib.js';

/*
 * The faces of the vision corpus as the product sees them: each photo is made into the same
 * 1440-px preview the thumbnails step makes (SharpImageRenderer), decoded by rgbOf and run through
 * human's BlazeFace + FaceRes with the faces step's configuration. The result (boxes, scores,
 * 1024-float embeddings) is cached in bench/.work, keyed by the photo's bytes and human's version,
 * so the clustering can be iterated on without running the models again.
 */
export const FACES_CORPUS = join(ROOT, '..', 'shared', 'vision-corpus');

export interface CorpusFace {
  /** [x, y, width, height] in preview pixels. */
  box: [number, number, number, number];
  boxScore: number;
  score: number;
  embedding: number[];
}

export interface CorpusPhoto {
  file: string;
  labels: string;
  previewWidth: number;
  previewHeight: number;
  faces: CorpusFace[];
  /** Detection + embedding on the decoded preview, as measured when the cache was made. */
  detectMs: number;
}

const CACHE = join(WORK, 'vision-faces');

export interface PhotoEntry {
  /** Absolute path of the original. */
  path: string;
  /** Short name, unique in the set. */
  file: string;
  labels: string;
}

/** The faces photos of the corpus, in MANIFEST order. */
export function corpusEntries(): PhotoEntry[] {
  return readFileSync(join(FACES_CORPUS, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.startsWith('faces/'))
    .map((line) => {
      const cells = line.split('\t');
      return {
        path: join(FACES_CORPUS, cells[0]!),
        file: cells[0]!.replace(/^faces\//, ''),
        labels: cells[6] ?? '',
      };
    });
}

/** Each photo's faces and embeddings, from the cache or by running the models once. */
export async function embedPhotos(
  entries: readonly PhotoEntry[],
  log = console.log,
): Promise<CorpusPhoto[]> {
  mkdirSync(CACHE, { recursive: true });
  const renderer = new SharpImageRenderer();
  const photos: CorpusPhoto[] = [];
  let human: unknown;
  for (const { path, file, labels } of entries) {
    const bytes = readFileSync(path);
    const key = createHash('sha256')
      .update(bytes)
      .update(HUMAN_VERSION)
      .update(JSON.stringify(FACE_CONFIG))
      .digest('hex')
      .slice(0, 24);
    const cached = join(CACHE, `${key}.json`);
    if (existsSync(cached)) {
      photos.push({ ...(JSON.parse(readFileSync(cached, 'utf8')) as CorpusPhoto), file, labels });
      continue;
    }
    if (!human) {
      human = await humanFor(null);
      await (human as { load(config: object): Promise<void> }).load(FACE_CONFIG);
    }
    const rendered = await renderer.render(path);
    const rgb = await rgbOf(rendered.preview.data, 1440);
    const started = performance.now();
    const result = (await detect(human, FACE_CONFIG, rgb)) as {
      face: { box: number[]; boxScore: number; score: number; embedding?: number[] }[];
    };
    const detectMs = performance.now() - started;
    const photo: CorpusPhoto = {
      file,
      labels,
      previewWidth: rgb.width,
      previewHeight: rgb.height,
      detectMs,
      faces: result.face
        .filter((f) => f.embedding && f.embedding.length > 0)
        .map((f) => ({
          box: f.box.map((v) => Math.round(v)) as CorpusFace['box'],
          boxScore: f.boxScore,
          score: f.score,
          embedding: [...f.embedding!],
        })),
    };
    log(`faces: ${file}: ${photo.faces.length} face(s), ${detectMs.toFixed(0)} ms`);
    writeFileSync(cached, JSON.stringify(photo));
    photos.push(photo);
  }
  return photos;
}
