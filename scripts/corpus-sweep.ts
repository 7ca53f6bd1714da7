/*
 * npm run corpus-sweep [-- <folder>]   (default: ../shared/corpus, where these machines keep it)
 *
 * Uploads every photo and video under the folder to a throw-away embedded Keepsake, waits for
 * processing, and prints one line per file: how it ended, its type, displayed size, capture
 * time, camera, and whether its preview decodes at that aspect ratio. The corpus tests cover a
 * sample in test/fixtures; this is the whole-corpus check before calling a format done.
 * Files under `broken/` may fail (with a reason); anything else that fails is listed at the end
 * and makes the exit status 1.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import sharp from 'sharp';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { createKeepsake } from '../src/keepsake.js';

const root = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus');
// Not media: the corpus's own records, and sidecars that travel with a photo.
const SKIP = /(^|\/)(truth\/|MANIFEST\.tsv$|LICENSES\.md$|README\.md$)|\.(json|xmp|thm)$/i;

interface Outcome {
  file: string;
  status: string;
  line: string;
}

async function main(): Promise<void> {
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((f) => !SKIP.test(f))
    .sort();
  const dataDir = await mkdtemp(join(tmpdir(), 'keepsake-sweep-'));
  const keepsake = await createKeepsake(
    loadConfig({ KEEPSAKE_DATA_DIR: dataDir, KEEPSAKE_LOG_LEVEL: 'silent' }),
  );
  const app = await buildApp(keepsake, { logger: false });
  await app.ready();
  keepsake.startWorkers();
  try {
    const account = { email: 'sweep@example.com', password: 'sweep password 1', name: 'Sweep' };
    await app.inject({ method: 'POST', url: '/api/auth/setup', payload: account });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: account });
    const headers = {
      authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}`,
    };

    const ids = new Map<string, string>();
    for (const file of files) {
      const form = new FormData();
      form.append('file', new Blob([await readFile(join(root, file))]), basename(file));
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      const res = await app.inject({
        method: 'POST',
        url: '/api/assets',
        headers: { ...headers, 'content-type': request.headers.get('content-type')! },
        payload: Buffer.from(await request.arrayBuffer()),
      });
      if (res.statusCode >= 300) console.log(`${file}\trefused ${res.statusCode}: ${res.body}`);
      else ids.set(file, res.json<{ id: string }>().id);
    }

    const outcomes: Outcome[] = [];
    for (const [file, id] of ids) {
      const asset = await settled(app, headers, id);
      outcomes.push({ file, status: asset.status, line: await describe(app, headers, asset) });
      console.log(`${file}\t${outcomes.at(-1)!.line}`);
    }
    const unexpected = outcomes.filter(
      (o) => o.status !== 'ready' && !o.file.startsWith('broken/'),
    );
    const ready = outcomes.filter((o) => o.status === 'ready').length;
    console.log(
      `\n${ready} of ${outcomes.length} ready; ${unexpected.length} unexpected failure(s)`,
    );
    for (const o of unexpected) console.log(`  ${o.file}: ${o.line}`);
    process.exitCode = unexpected.length > 0 ? 1 : 0;
  } finally {
    await app.close();
    await keepsake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

type Headers = Record<string, string>;
type App = Awaited<ReturnType<typeof buildApp>>;
type AssetBody = Record<string, unknown> & { id: string; status: string };

async function settled(app: App, headers: Headers, id: string): Promise<AssetBody> {
  for (;;) {
    const res = await app.inject({ method: 'GET', url: `/api/assets/${id}`, headers });
    const asset = res.json<AssetBody>();
    if (asset.status !== 'processing') return asset;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function describe(app: App, headers: Headers, a: AssetBody): Promise<string> {
  const fields = [
    a.status,
    a.type,
    `${String(a.width)}x${String(a.height)}`,
    a.takenAt,
    a.takenAtSource,
    [a.make, a.model].filter(Boolean).join(' ') || '-',
  ];
  if (a.status !== 'ready') return [...fields, a.error].join('\t');
  const preview = await app.inject({
    method: 'GET',
    url: `/api/assets/${a.id}/thumbnail?size=preview`,
    headers,
  });
  const meta = await sharp(preview.rawPayload).metadata();
  const w = Number(a.width);
  const h = Number(a.height);
  // A preview turned the wrong way, or stretched, shows as an aspect ratio that disagrees.
  const agrees = w > 0 && h > 0 && Math.abs(meta.width / meta.height - w / h) < 0.02 * (w / h);
  return [
    ...fields,
    `preview ${meta.width}x${meta.height}${agrees ? '' : ' ASPECT MISMATCH'}`,
  ].join('\t');
}

await main();
