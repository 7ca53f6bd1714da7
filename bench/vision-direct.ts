import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { createWorker, PSM } from 'tesseract.js';

/*
 * The baseline of the vision throughput figure (bench/vision-throughput.ts): the same libraries
 * Keepsake uses, called directly, one photo after another, on the same previews: human
 * (BlazeFace + FaceRes, CenterNet) on TF.js WASM, and tesseract.js with the same English data.
 * No queue, no database, no worker pool. Usage: tsx bench/vision-direct.ts <folder of previews>
 * Prints one JSON line: {photos, seconds, loadSeconds}.
 */
const require = createRequire(import.meta.url);
const humanDir = dirname(require.resolve('@vladmandic/human'));
const networkFetch = globalThis.fetch;
globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!url.startsWith('file://')) return networkFetch(input, init);
  return new Response(await readFile(new URL(url)));
}) as typeof fetch;

const folder = process.argv[2]!;
const files = (await readdir(folder)).sort().map((name) => join(folder, name));
const started = performance.now();

const { Human } = require(join(humanDir, 'human.node-wasm.js')) as {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- human's types do not load under NodeNext
  Human: new (c: object) => any;
};
const human = new Human({
  backend: 'wasm',
  wasmPath: `${pathToFileURL(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '..', 'dist')).href}/`,
  modelBasePath: `${pathToFileURL(join(humanDir, '..', 'models')).href}/`,
  cacheSensitivity: 0,
  debug: false,
  warmup: 'none',
  face: {
    enabled: true,
    detector: { maxDetected: 50, minConfidence: 0.5, rotation: false },
    mesh: { enabled: true },
    iris: { enabled: false },
    description: { enabled: true },
    emotion: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
    attention: { enabled: false },
  },
  object: { enabled: true, modelPath: 'centernet.json', minConfidence: 0.4, maxDetected: 20 },
  body: { enabled: false },
  hand: { enabled: false },
  gesture: { enabled: false },
  segmentation: { enabled: false },
  filter: { enabled: false },
});
await human.load();
const ocr = await createWorker('eng', 1, {
  langPath: join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int'),
  cacheMethod: 'none',
  gzip: true,
});
// As the product and the `tesseract` command do: automatic page segmentation.
await ocr.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
const loadSeconds = (performance.now() - started) / 1000;

for (const file of files) {
  const bytes = await readFile(file);
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const tensor = human.tf.tensor3d(new Uint8Array(data), [info.height, info.width, 3], 'int32');
  await human.detect(tensor);
  tensor.dispose();
  // Tesseract reads a lossless grey picture best (the product hands it the same).
  const grey = await sharp(bytes).greyscale().png({ compressionLevel: 1 }).toBuffer();
  await ocr.recognize(grey, {}, { text: true, blocks: true });
}
await ocr.terminate();
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ photos: files.length, seconds, loadSeconds }));
