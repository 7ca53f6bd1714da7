import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SharpImageRenderer } from '../src/adapters/media/sharp-image-renderer.js';
import { OBJECTS_MAX_EDGE } from '../src/adapters/vision/human-object-detector.js';
import { run as detectObjects } from '../src/adapters/vision/human-objects-task.js';
import { loadConfig } from '../src/config.js';
import { median, ROOT } from './lib.js';

/*
 * Things in photos: on ../shared/vision-corpus/objects, the share of photos whose labelled COCO
 * things were all found, and the false tags (tags naming nothing in the photo's labels), at the
 * product's threshold and a sweep around it. Each photo is made into the preview the thumbnails
 * step makes, then run through the objects step's own task (human-objects-task.ts, here on the
 * main thread) at the product's decode size (the whole 1440-px preview) and at 512 px, the
 * comparison that chose it (see [Note: Objects on the whole preview]). Run on its own:
 * tsx bench/vision-objects.ts
 */
type Row = [figure: string, keepsake: string, baseline: string, verdict: string];

const CORPUS = join(ROOT, '..', 'shared', 'vision-corpus');
/** The other size measured: CenterNet's own input (see [Note: Objects on the whole preview]). */
const SMALLER = 512;
const SWEEP = [0.2, 0.3, 0.4, 0.5, 0.6];
/** Every detection at or above the lowest threshold of the sweep is kept, then filtered. */
const FLOOR = Math.min(...SWEEP);
const PASSES = 3;

interface Photo {
  file: string;
  /** Each labelled thing, as the COCO names that count for it ("cup/bowl": either). */
  things: string[][];
  preview: Uint8Array;
}

/** name → the best confidence, per photo, per decode size. */
type Detections = Map<string, number>;

/**
 * The `coco=` part of a MANIFEST labels cell: "sandwich (burger), dining table, cup/bowl
 * (partial)" → [[sandwich], [dining table], [cup, bowl]]. Remarks in brackets and counts ("x2")
 * are dropped; "(none reliable)" leaves nothing.
 */
export function cocoThings(labels: string): string[][] {
  const coco = /(?:^|;)\s*coco=([^;]*)/.exec(labels)?.[1] ?? '';
  return coco
    .split(',')
    .map((part) =>
      part
        .replace(/\([^)]*\)/g, '')
        .replace(/\bx\d+\b/g, '')
        .split('/')
        .map((name) => name.trim())
        .filter(Boolean),
    )
    .filter((names) => names.length > 0);
}

async function loadPhotos(): Promise<Photo[]> {
  const renderer = new SharpImageRenderer();
  const photos: Photo[] = [];
  const rows = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1);
  for (const line of rows) {
    const cells = line.split('\t');
    if (!cells[0]?.startsWith('objects/')) continue;
    const rendered = await renderer.render(join(CORPUS, cells[0]));
    photos.push({
      file: cells[0].replace(/^objects\//, ''),
      things: cocoThings(cells[6] ?? ''),
      preview: rendered.preview.data,
    });
  }
  return photos;
}

interface Score {
  labelled: number;
  allFound: number;
  things: number;
  thingsFound: number;
  falseTags: number;
  misses: string[];
  falses: string[];
}

function score(photos: Photo[], detections: Detections[], threshold: number): Score {
  const s: Score = {
    labelled: 0,
    allFound: 0,
    things: 0,
    thingsFound: 0,
    falseTags: 0,
    misses: [],
    falses: [],
  };
  photos.forEach((photo, i) => {
    const tags = new Set(
      [...detections[i]!].filter(([, c]) => c >= threshold).map(([name]) => name),
    );
    const found = photo.things.filter((names) => names.some((name) => tags.has(name)));
    if (photo.things.length > 0) {
      s.labelled++;
      if (found.length === photo.things.length) s.allFound++;
    }
    s.things += photo.things.length;
    s.thingsFound += found.length;
    for (const names of photo.things)
      if (!found.includes(names)) s.misses.push(`${photo.file}: ${names.join('/')}`);
    const labelled = new Set(photo.things.flat());
    for (const tag of tags)
      if (!labelled.has(tag)) {
        s.falseTags++;
        s.falses.push(`${photo.file}: ${tag} ${detections[i]!.get(tag)!.toFixed(2)}`);
      }
  });
  return s;
}

const share = (s: Score) =>
  `${s.allFound}/${s.labelled} (${((100 * s.allFound) / s.labelled).toFixed(0)} %)`;

export async function measureObjects(notes: string[]): Promise<Row[]> {
  const threshold = loadConfig({}).vision.objectMinConfidence;
  console.log('objects: rendering the previews of the objects corpus...');
  const photos = await loadPhotos();
  const edges = [OBJECTS_MAX_EDGE, SMALLER];
  const detections = new Map<number, Detections[]>(edges.map((e) => [e, []]));
  const ms = new Map<number, number[][]>(edges.map((e) => [e, photos.map(() => [])]));
  // CPU time too: on a machine that other work shares, it moves less than the wall clock.
  const cpuMs = new Map<number, number[][]>(edges.map((e) => [e, photos.map(() => [])]));
  // The model loads on the first call: not part of any photo's time.
  await detectObjects({
    image: photos[0]!.preview,
    modelsDir: null,
    minConfidence: 1,
    maxEdge: OBJECTS_MAX_EDGE,
  });
  for (let pass = 0; pass < PASSES; pass++) {
    console.log(`objects: pass ${pass + 1}/${PASSES} over ${photos.length} photos...`);
    for (const [i, photo] of photos.entries())
      // Both sizes one after the other on each photo: a burst of other load hurts both.
      for (const edge of pass % 2 === 0 ? edges : [...edges].reverse()) {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const found = await detectObjects({
          image: photo.preview,
          modelsDir: null,
          minConfidence: FLOOR,
          maxEdge: edge,
        });
        ms.get(edge)![i]!.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        cpuMs.get(edge)![i]!.push((used.user + used.system) / 1000);
        if (pass > 0) continue;
        const best: Detections = new Map();
        for (const o of found) best.set(o.name, Math.max(best.get(o.name) ?? 0, o.confidence));
        detections.get(edge)!.push(best);
      }
  }
  const perPhoto = (edge: number, times = ms) =>
    median(times.get(edge)!.map((runs) => Math.min(...runs)));
  const at = (edge: number, t: number) => score(photos, detections.get(edge)!, t);
  const [k, b] = [at(OBJECTS_MAX_EDGE, threshold), at(SMALLER, threshold)];

  notes.push(
    `objects: ${photos.length} photos of vision-corpus/objects, ${k.labelled} with COCO things ` +
      `labelled (${k.things} things; "cup/bowl" counts either), ${photos.length - k.labelled} ` +
      `scenes only (beach, desert, aurora: no COCO class; every tag on them is false). A photo ` +
      `counts as found when every labelled thing is among its tags; a false tag names nothing ` +
      `in its labels (the labels list the main things, so a person in a street scene counts ` +
      `as false too). Tags at the product's threshold ${threshold}, CenterNet decoded at ` +
      `${OBJECTS_MAX_EDGE} px (the product: the whole preview) and at ${SMALLER} px`,
  );
  notes.push(
    `objects sweep (threshold: photos all found, things found, false tags; ${OBJECTS_MAX_EDGE} px | ` +
      `${SMALLER} px): ` +
      SWEEP.map((t) => {
        const [sk, sb] = [at(OBJECTS_MAX_EDGE, t), at(SMALLER, t)];
        return (
          `${t}: ${sk.allFound}/${sk.labelled}, ${sk.thingsFound}/${sk.things}, ${sk.falseTags} | ` +
          `${sb.allFound}/${sb.labelled}, ${sb.thingsFound}/${sb.things}, ${sb.falseTags}`
        );
      }).join('; '),
  );
  for (const [edge, s] of [
    [OBJECTS_MAX_EDGE, k],
    [SMALLER, b],
  ] as const) {
    notes.push(`objects: missed at ${threshold} (${edge} px): ${s.misses.join('; ')}`);
    notes.push(`objects: false tags at ${threshold} (${edge} px): ${s.falses.join('; ')}`);
  }
  notes.push(
    `objects: ms per photo is decoding the preview + CenterNet (TF.js WASM, one thread), the ` +
      `median over the photos of the best of ${PASSES} runs`,
  );
  const [km, bm] = [perPhoto(OBJECTS_MAX_EDGE), perPhoto(SMALLER)];
  const [kc, bc] = [perPhoto(OBJECTS_MAX_EDGE, cpuMs), perPhoto(SMALLER, cpuMs)];
  return [
    [
      `objects: photos whose labelled things were all found, at ${threshold} (${OBJECTS_MAX_EDGE} px vs ${SMALLER} px)`,
      share(k),
      share(b),
      `things found ${k.thingsFound}/${k.things} vs ${b.thingsFound}/${b.things}`,
    ],
    [
      `objects: false tags over ${photos.length} photos, at ${threshold}`,
      String(k.falseTags),
      String(b.falseTags),
      `${(k.falseTags / photos.length).toFixed(2)} vs ${(b.falseTags / photos.length).toFixed(2)} a photo`,
    ],
    [
      `objects: ms per photo (decode + CenterNet, one thread)`,
      km.toFixed(0),
      bm.toFixed(0),
      `${(km / bm).toFixed(2)}× at ${SMALLER} px`,
    ],
    [
      `objects: CPU ms per photo (decode + CenterNet)`,
      kc.toFixed(0),
      bc.toFixed(0),
      `${(kc / bc).toFixed(2)}× at ${SMALLER} px`,
    ],
  ];
}

// Run on its own: tsx bench/vision-objects.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const notes: string[] = [];
  const rows = await measureObjects(notes);
  for (const row of rows) console.log(row.join(' | '));
  for (const note of notes) console.log(`- ${note}`);
  process.exit(0);
}
