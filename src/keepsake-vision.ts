import { join } from 'node:path';
import type { Config } from './config.js';
import type { DatabaseConnection } from './adapters/db/dialect-features.js';
import type { BlobStore } from './core/ports/blob-store.js';
import type { Clock } from './core/ports/clock.js';
import type { AssetRepository } from './core/assets/asset-repository.js';
import type { AssetsService } from './core/assets/assets-service.js';
import type { StepRecords } from './core/jobs/step-records.js';
import type { VersionedHandler } from './core/jobs/job-runner.js';
import type { VisionStepName } from './core/jobs/pipeline.js';
import { compactHeap } from './adapters/runtime/compact-heap.js';
import { WorkerPool } from './adapters/runtime/worker-pool.js';
import { KyselyTagRepository } from './adapters/db/repositories/tag-repository.js';
import { KyselyTimelineRepository } from './adapters/db/repositories/timeline-repository.js';
import { KyselyTextRepository } from './adapters/db/repositories/text-repository.js';
import { KyselyPeopleRepository } from './adapters/db/repositories/people-repository.js';
import { KyselyDuplicateRepository } from './adapters/db/repositories/duplicate-repository.js';
import { KyselyEmbeddingRepository } from './adapters/db/repositories/embedding-repository.js';
import { HumanFaceDetector } from './adapters/vision/human-face-detector.js';
import { HumanObjectDetector } from './adapters/vision/human-object-detector.js';
import { TesseractTextReader } from './adapters/vision/tesseract-text-reader.js';
import { SharpPerceptualHasher } from './adapters/vision/sharp-perceptual-hasher.js';
import { PoolFaceCropper } from './adapters/vision/pool-face-cropper.js';
import { OnnxClipEmbedder } from './adapters/vision/onnx-clip-embedder.js';
import { indexFileFor, UsearchVectorIndex } from './adapters/vectors/usearch-vector-index.js';
import { facesHandler } from './core/jobs/handlers/faces-handler.js';
import { objectsHandler } from './core/jobs/handlers/objects-handler.js';
import { ocrHandler } from './core/jobs/handlers/ocr-handler.js';
import { duplicatesHandler } from './core/jobs/handlers/duplicates-handler.js';
import { clipHandler } from './core/jobs/handlers/clip-handler.js';
import { DEFAULT_CLUSTERING } from './core/people/face-clustering.js';
import { FaceRecorder } from './core/people/face-recorder.js';
import { FaceThumbnails } from './core/people/face-thumbnails.js';
import { PeopleService } from './core/people/people-service.js';
import { TagsService } from './core/tags/tags-service.js';
import { TextService } from './core/text/text-service.js';
import { DuplicatesService } from './core/duplicates/duplicates-service.js';
import { NEAR_DUPLICATE_RULE } from './core/duplicates/near-duplicates.js';
import { SmartSearchService } from './core/search/smart-search-service.js';

export interface VisionDependencies {
  config: Config;
  connection: DatabaseConnection;
  assetRepository: AssetRepository;
  blobs: BlobStore;
  stepRecords: StepRecords;
  assets: AssetsService;
  clock: Clock;
}

/** What vision adds to Keepsake: the steps' handlers and the services the HTTP routes use. */
export interface Vision {
  /** One entry per vision step that is switched on; a step without one is not queued. */
  handlers: Partial<Record<VisionStepName, VersionedHandler>>;
  people: PeopleService;
  faceRecorder: FaceRecorder;
  tags: TagsService;
  text: TextService;
  duplicates: DuplicatesService;
  smartSearch: SmartSearchService;
  /** Saves and closes the vector index, and ends the model threads (and every model they hold). */
  close(): Promise<void>;
}

/**
 * The vision half of the composition root (src/keepsake.ts): picks the model adapters the
 * configuration switches on and wires each step's handler. Nothing here loads a model: the
 * adapters run them on the worker pool, on the first job. See: [Note: One pool for heavy compute].
 */
export function composeVision(deps: VisionDependencies): Vision {
  const { config, connection, assetRepository, blobs, stepRecords, assets, clock } = deps;
  const { db } = connection;
  // See: [Note: One pool for heavy compute]. Started by the first vision job, never in an API process.
  const pool = new WorkerPool({
    threads: config.vision.threads,
    idleMs: config.vision.idleSeconds * 1000,
    onIdle: compactHeap,
    // Vision is background work: uploads, thumbnails and HTTP get the cores first.
    nice: 10,
    // The models' hundreds of MB go back to the system whole when the pool idles.
    isolation: 'process',
  });
  // One entry per vision step that is switched on; a step without one is not queued.
  const visionHandlers: Partial<Record<VisionStepName, VersionedHandler>> = {};
  // Smart search: only with a CLIP model. See: [Note: One vector index per process].
  const embeddings = new KyselyEmbeddingRepository(db);
  const clipDir = config.vision.clipModelDir;
  const clip = clipDir ? new OnnxClipEmbedder(pool, clipDir) : undefined;
  // Someone waits for a search: its text half runs on a thread of its own, at the normal
  // priority, not behind the vision jobs (the image half stays on the vision pool).
  const searchPool = new WorkerPool({
    threads: 1,
    idleMs: config.vision.idleSeconds * 1000,
    onIdle: compactHeap,
  });
  const clipSearch = clipDir ? new OnnxClipEmbedder(searchPool, clipDir) : undefined;
  let vectorIndex: Promise<UsearchVectorIndex> | undefined;
  const openVectorIndex = (model: string) =>
    (vectorIndex ??= UsearchVectorIndex.open(
      indexFileFor(join(config.dataDir, 'vectors'), model),
      embeddings.storedVectors(model),
    ).catch((error: unknown) => {
      vectorIndex = undefined;
      throw error;
    }));
  if (clip)
    visionHandlers.clip = {
      version: clip.version,
      run: clipHandler(assetRepository, blobs, clip, embeddings),
    };
  const peopleRepository = new KyselyPeopleRepository(connection);
  const faceThumbnails = new FaceThumbnails(assetRepository, blobs, new PoolFaceCropper(pool));
  const faceRecorder = new FaceRecorder(
    peopleRepository,
    {
      ...DEFAULT_CLUSTERING,
      ...(config.vision.personMinFaces !== null && { minFaces: config.vision.personMinFaces }),
    },
    () => clock.now(),
  );
  if (config.vision.faces) {
    const detector = new HumanFaceDetector(pool, {
      modelsDir: config.vision.modelsDir,
      minScore: config.vision.faceMinScore,
      minPixels: config.vision.faceMinPixels,
    });
    visionHandlers.faces = {
      version: detector.version,
      run: facesHandler(assetRepository, blobs, detector, faceRecorder, faceThumbnails),
    };
  }
  const tags = new TagsService(new KyselyTagRepository(db), new KyselyTimelineRepository(db));
  if (config.vision.objects) {
    const detector = new HumanObjectDetector(pool, {
      modelsDir: config.vision.modelsDir,
      minConfidence: config.vision.objectMinConfidence,
    });
    visionHandlers.objects = {
      version: detector.version,
      run: objectsHandler(assetRepository, blobs, detector, tags),
    };
  }
  const text = new TextService(
    new KyselyTextRepository(db),
    stepRecords,
    (userId, assetId) => assets.readableOrFail(userId, assetId),
    config.vision.ocr,
  );
  if (config.vision.ocr) {
    const reader = new TesseractTextReader(pool, { modelsDir: config.vision.modelsDir });
    visionHandlers.ocr = {
      version: reader.version,
      run: ocrHandler(assetRepository, blobs, reader, text),
    };
  }
  const duplicateRepository = new KyselyDuplicateRepository(db);
  const perceptualHasher = new SharpPerceptualHasher(pool);
  if (config.vision.duplicates) {
    const { maxHashDistance, maxLayoutDistance } = NEAR_DUPLICATE_RULE;
    visionHandlers.duplicates = {
      // The thresholds too: a step done under other ones is done again.
      version: `${perceptualHasher.version}/d${maxHashDistance}/c${maxLayoutDistance}`,
      run: duplicatesHandler(assetRepository, blobs, perceptualHasher, duplicateRepository),
    };
  }
  return {
    handlers: visionHandlers,
    people: new PeopleService(peopleRepository, assetRepository, faceThumbnails, clock),
    faceRecorder,
    tags,
    text,
    duplicates: new DuplicatesService(duplicateRepository, assets, clock, perceptualHasher.version),
    smartSearch: new SmartSearchService(
      clipSearch && { embedder: clipSearch, index: () => openVectorIndex(clipSearch.version) },
      embeddings,
    ),
    async close() {
      await (await vectorIndex?.catch(() => undefined))?.close();
      await Promise.all([pool.close(), searchPool.close()]);
    },
  };
}
