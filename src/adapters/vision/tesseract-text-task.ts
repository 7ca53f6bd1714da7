import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { createWorker, PSM, type Worker } from 'tesseract.js';
import { ModelUnavailableError } from '../../core/vision/vision-ports.js';

/*
 * [Note: Tesseract on the pool]
 * Runs on a WorkerPool thread ([Note: One pool for heavy compute]). tesseract.js runs Tesseract 5
 * compiled to WebAssembly in a worker of its own, which this thread starts on its first task and
 * keeps (its start reads the language data, ~0.5 s); it ends with the thread when the pool is
 * idle. Nothing is fetched: the language data is the one inside `@tesseract.js-data/eng`
 * (`4.0.0_best_int`, the LSTM model of tessdata_best in integer form, the one tesseract.js itself
 * picks for the LSTM engine), read from disk and not cached anywhere else.
 * The page is segmented as the `tesseract` command does by default (PSM 3, automatic), so the
 * benchmark's baseline does the same work. tesseract.js's own default (one block of text, PSM 6)
 * reads "words" in leaves and flowers; PSM 3 finds no text block there and reads almost nothing
 * (3 words on 68 photos without text, bench/vision-ocr.ts).
 *
 * [Note: Grey pixels for Tesseract]
 * Tesseract is handed the picture as a lossless greyscale PNG made by sharp, not the preview's
 * JPEG bytes: given a colour JPEG (the preview, or a scan re-saved as JPEG), tesseract.js read a
 * receipt with a 77 % character error rate; given the same pixels as grey PNG, 23 %. Over the
 * OCR corpus the mean went from 21.4 % to 16.9 % (bench/vision-ocr.ts, before the word filter).
 */

const require = createRequire(import.meta.url);
export const ENG_DATA_VARIANT = '4.0.0_best_int';
const PACKAGE_LANG_PATH = join(
  dirname(require.resolve('@tesseract.js-data/eng/package.json')),
  ENG_DATA_VARIANT,
);

export interface TextTaskInput {
  /** The picture (JPEG, PNG or WebP bytes), upright. */
  image: Uint8Array;
  /** A folder with `eng.traineddata.gz`; absent: the one in the npm package. */
  langPath?: string;
}

/** One word as Tesseract read it: box in pixels, confidence 0..100. */
export interface TaskWord {
  text: string;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface TextTaskOutput {
  width: number;
  height: number;
  /** Words by line, lines by paragraph, in reading order. */
  paragraphs: TaskWord[][][];
}

/*
 * tesseract.js's worker script is started behind a few lines of ours (a data: URL module), for two
 * faults of its own:
 * - Leptonica, inside Tesseract, writes a line to stderr now and then ("Error in
 *   boxClipToRectangle: box outside rectangle", about one picture in twenty) that changes nothing
 *   in what is read; in the server's log they would be noise between its JSON lines. Those lines,
 *   and only those, are dropped.
 * - A failed initialisation (unreadable language data) answers "rejected" and then "resolved" for
 *   the same job; the second answer finds no job left and throws in this thread, which ends it
 *   (and every task it held). A job's answer after its rejection is not sent.
 */
const WORKER_SCRIPT = join(
  dirname(require.resolve('tesseract.js/package.json')),
  'src/worker-script/node/index.js',
);
const WORKER_SHIM = new URL(
  `data:text/javascript,${encodeURIComponent(`
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
const error = console.error;
console.error = (...args) => {
  if (!/^(Error|Warning) in \\w+:/.test(String(args[0]))) error(...args);
};
const post = parentPort.postMessage.bind(parentPort);
const rejected = new Set();
parentPort.postMessage = (message, ...rest) => {
  const job = message && \`\${message.action}-\${message.jobId}\`;
  if (message?.status === 'reject') rejected.add(job);
  else if (message?.status === 'resolve' && rejected.delete(job)) return;
  post(message, ...rest);
};
createRequire(${JSON.stringify(WORKER_SCRIPT)})(${JSON.stringify(WORKER_SCRIPT)});
`)}`,
);

const workers = new Map<string, Promise<Worker>>();

/**
 * One Tesseract worker per language folder on this thread, started on first use. One that could
 * not start is not tried again on this thread (each try would leave a stuck worker behind); the
 * thread ends when the pool is idle, and the next one tries afresh.
 */
function workerFor(langPath: string): Promise<Worker> {
  let worker = workers.get(langPath);
  if (!worker) {
    worker = startWorker(langPath);
    workers.set(langPath, worker);
  }
  return worker;
}

async function startWorker(langPath: string): Promise<Worker> {
  // tesseract.js never settles createWorker when the language data cannot be read: it only
  // calls errorHandler (without one it throws where nothing can catch it).
  let loadFailed: (reason: unknown) => void = () => {};
  const failure = new Promise<never>((_, reject) => (loadFailed = reject));
  try {
    const worker = await Promise.race([
      createWorker('eng', 1, {
        langPath,
        cacheMethod: 'none',
        gzip: true,
        // tesseract.js hands it to `new Worker()`, which takes a URL as well as a path.
        workerPath: WORKER_SHIM as unknown as string,
        errorHandler: (error: unknown) => loadFailed(error),
      }),
      failure,
    ]);
    // Tesseract's notes ("Estimating resolution as 277") would go to stderr for every picture.
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, debug_file: '/dev/null' });
    return worker;
  } catch (error) {
    throw new ModelUnavailableError(
      `The text model could not be loaded from ${langPath}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export async function run(input: TextTaskInput): Promise<TextTaskOutput> {
  const worker = await workerFor(input.langPath ?? PACKAGE_LANG_PATH);
  // See: [Note: Grey pixels for Tesseract].
  const { data: grey, info } = await sharp(input.image)
    .greyscale()
    .png({ compressionLevel: 1 })
    .toBuffer({ resolveWithObject: true });
  const result = await worker.recognize(grey, {}, { text: false, blocks: true });
  const paragraphs = (result.data.blocks ?? []).flatMap((block) =>
    block.paragraphs.map((paragraph) =>
      paragraph.lines.map((line) =>
        line.words.map(({ text, confidence, bbox }) => ({ text, confidence, ...bbox })),
      ),
    ),
  );
  return { width: info.width, height: info.height, paragraphs };
}
