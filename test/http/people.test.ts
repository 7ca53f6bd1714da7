import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createUser,
  fetchRendition,
  setupAdmin,
  startTestApp,
  uploadBytes,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';
import { visionFixture, waitForStep } from '../helpers/vision.js';

/*
 * Faces and people with the real models on real photos. The faces step alone is switched on;
 * two similar faces make a person here (KEEPSAKE_PERSON_MIN_FACES=2), so a pair of photos of one
 * person is enough.
 */

interface PersonBody {
  id: string;
  name: string;
  hidden: boolean;
  faceCount: number;
  assetCount: number;
  thumbnailUrl: string | null;
  birthDate: string | null;
}
interface FaceBody {
  id: string;
  box: { x: number; y: number; width: number; height: number };
  personId: string | null;
  personName: string | null;
}

const FACES_ON = { KEEPSAKE_VISION_FACES: 'true', KEEPSAKE_PERSON_MIN_FACES: '2' };

/** Uploads a vision fixture and waits until the asset is ready and its faces step has ended. */
async function uploadPhoto(t: TestApp, session: Session, fixture: string, waitForFaces = true) {
  const res = await uploadBytes(
    t.app,
    session,
    await readFile(visionFixture(fixture)),
    basename(fixture),
  );
  assert.equal(res.statusCode, 201, res.body);
  const { id } = res.json<{ id: string }>();
  const asset = await waitForAsset(t.app, session, id, 120_000);
  assert.equal(asset.status, 'ready', String(asset.error));
  if (waitForFaces)
    assert.deepEqual(await waitForStep(t, id, 'faces'), { state: 'done', reason: null });
  return id;
}

describe('people: faces found and grouped', () => {
  let t: TestApp;
  let owner: Session;
  let stranger: Session;
  const ids: Record<string, string> = {};
  const as = (
    session: Session,
    method: 'GET' | 'PATCH' | 'PUT' | 'POST',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: session.headers, payload });
  const facesOf = async (asset: string) => {
    const res = await as(owner, 'GET', `/api/assets/${asset}/faces`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<FaceBody[]>();
  };
  const person = async (id: string) =>
    (await as(owner, 'GET', `/api/people/${id}`)).json<PersonBody>();

  before(async () => {
    t = await startTestApp({ env: FACES_ON });
    const admin = await setupAdmin(t.app);
    owner = await createUser(t.app, admin, 'Olive');
    stranger = await createUser(t.app, admin, 'Sam');
    for (const name of [
      'london_001_neutral',
      'london_001_smiling',
      'london_003_neutral',
      'london_003_smiling',
      'group_apollo11_crew',
      'noface_flowers',
    ])
      ids[name] = await uploadPhoto(t, owner, `faces/${name}.jpg`);
  });
  after(() => t.close());

  it('finds a face on a portrait, its box inside the picture', async () => {
    const faces = await facesOf(ids.london_001_neutral!);
    assert.equal(faces.length, 1);
    const { box } = faces[0]!;
    for (const value of [box.x, box.y, box.width, box.height]) assert.ok(value >= 0 && value <= 1);
    assert.ok(box.x + box.width <= 1 && box.y + box.height <= 1);
    // A studio portrait: the face is a good part of the picture, around its middle.
    assert.ok(box.width > 0.2 && box.width < 0.9, `width ${box.width}`);
    assert.ok(box.x < 0.5 && box.x + box.width > 0.5, `x ${box.x}..${box.x + box.width}`);
  });

  it('finds the three faces of a group photo, and none on flowers', async () => {
    assert.equal((await facesOf(ids.group_apollo11_crew!)).length, 3);
    assert.equal((await facesOf(ids.noface_flowers!)).length, 0);
  });

  it('groups two photos of one person into one person, and another person apart', async () => {
    const [a] = await facesOf(ids.london_001_neutral!);
    const [b] = await facesOf(ids.london_001_smiling!);
    const [c] = await facesOf(ids.london_003_neutral!);
    const [d] = await facesOf(ids.london_003_smiling!);
    assert.ok(a!.personId, 'london_001 has a person');
    assert.equal(a!.personId, b!.personId);
    assert.ok(c!.personId, 'london_003 has a person');
    assert.equal(c!.personId, d!.personId);
    assert.notEqual(a!.personId, c!.personId);

    const people = (await as(owner, 'GET', '/api/people')).json<PersonBody[]>();
    const first = people.find((p) => p.id === a!.personId)!;
    assert.equal(first.faceCount, 2);
    assert.equal(first.assetCount, 2);
    assert.equal(first.name, '');
    assert.ok(first.thumbnailUrl);

    // The person's face: a square JPEG.
    const thumbnail = await as(owner, 'GET', first.thumbnailUrl);
    assert.equal(thumbnail.statusCode, 200, thumbnail.body);
    assert.equal(thumbnail.headers['content-type'], 'image/jpeg');
    assert.deepEqual([...thumbnail.rawPayload.subarray(0, 2)], [0xff, 0xd8]);
    assert.match(String(thumbnail.headers['cache-control']), /immutable/);

    // Their photos in the timeline's shapes.
    const buckets = (await as(owner, 'GET', `/api/people/${first.id}/timeline/buckets`)).json<
      { bucket: string; count: number }[]
    >();
    assert.equal(
      buckets.reduce((sum, b) => sum + b.count, 0),
      2,
    );
    const assets = [];
    for (const { bucket } of buckets) {
      const page = await as(owner, 'GET', `/api/people/${first.id}/timeline/buckets/${bucket}`);
      assert.equal(page.statusCode, 200, page.body);
      assets.push(...page.json<{ assets: { id: string }[] }>().assets.map((x) => x.id));
    }
    assert.deepEqual(assets.sort(), [ids.london_001_neutral, ids.london_001_smiling].sort());
  });

  it('names a person: named people come first, and the faces say the name', async () => {
    const [c] = await facesOf(ids.london_003_neutral!);
    const res = await as(owner, 'PATCH', `/api/people/${c!.personId}`, {
      name: ' Carol ',
      birthDate: '1987-06-05',
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<PersonBody>().name, 'Carol');
    assert.equal(res.json<PersonBody>().birthDate, '1987-06-05');
    const people = (await as(owner, 'GET', '/api/people')).json<PersonBody[]>();
    assert.equal(people[0]!.name, 'Carol');
    assert.equal((await facesOf(ids.london_003_smiling!))[0]!.personName, 'Carol');
    const wrongDay = await as(owner, 'PATCH', `/api/people/${c!.personId}`, {
      birthDate: '1987-13-45',
    });
    assert.equal(wrongDay.statusCode, 400);
  });

  it('detaches a face, starts a person from it, and merges the two back', async () => {
    const [a] = await facesOf(ids.london_001_neutral!);
    const [b] = await facesOf(ids.london_001_smiling!);
    const personId = a!.personId!;

    const detached = await as(owner, 'PUT', `/api/faces/${b!.id}`, { personId: null });
    assert.equal(detached.statusCode, 200, detached.body);
    assert.equal(detached.json<FaceBody>().personId, null);
    assert.equal((await facesOf(ids.london_001_smiling!))[0]!.personId, null);
    assert.equal((await person(personId)).faceCount, 1);

    const started = await as(owner, 'POST', `/api/faces/${b!.id}/person`, { name: 'Bea' });
    assert.equal(started.statusCode, 201, started.body);
    const bea = started.json<PersonBody>();
    assert.equal(bea.faceCount, 1);
    assert.equal((await facesOf(ids.london_001_smiling!))[0]!.personName, 'Bea');

    const merged = await as(owner, 'POST', `/api/people/${personId}/merge`, { ids: [bea.id] });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.equal(merged.json<PersonBody>().faceCount, 2);
    assert.equal((await as(owner, 'GET', `/api/people/${bea.id}`)).statusCode, 404);
    assert.equal((await facesOf(ids.london_001_smiling!))[0]!.personId, personId);

    // A face moved by hand to another person.
    const [c] = await facesOf(ids.london_003_neutral!);
    const moved = await as(owner, 'PUT', `/api/faces/${b!.id}`, { personId: c!.personId });
    assert.equal(moved.json<FaceBody>().personName, 'Carol');
    await as(owner, 'PUT', `/api/faces/${b!.id}`, { personId });
  });

  it('keeps the faces placed by hand when the faces step runs again', async () => {
    const again = async (asset: string) => {
      const res = await as(owner, 'POST', `/api/assets/${asset}/steps`, { steps: ['faces'] });
      assert.equal(res.statusCode, 202, res.body);
      assert.deepEqual(await waitForStep(t, asset, 'faces'), { state: 'done', reason: null });
      return facesOf(asset);
    };
    // Placed by hand (the test before): the same face, not a second one on the same spot.
    const [byHand] = await facesOf(ids.london_001_smiling!);
    assert.deepEqual(await again(ids.london_001_smiling!), [byHand]);
    // Found by the step: found again (a new face), and it joins the same person at once.
    const [found] = await facesOf(ids.london_001_neutral!);
    const [refound] = await again(ids.london_001_neutral!);
    assert.notEqual(refound!.id, found!.id);
    assert.equal(refound!.personId, found!.personId);
  });

  it('shows a person by the face chosen for them, one of their own', async () => {
    const [a] = await facesOf(ids.london_001_neutral!);
    const [b] = await facesOf(ids.london_001_smiling!);
    const [c] = await facesOf(ids.london_003_neutral!);
    const url = `/api/people/${a!.personId}`;
    const chosen = await as(owner, 'PATCH', url, { featureFaceId: b!.id });
    assert.equal(chosen.statusCode, 200, chosen.body);
    assert.equal(chosen.json<PersonBody>().thumbnailUrl, `${url}/thumbnail?v=${b!.id}`);
    const thumbnail = await as(owner, 'GET', `${url}/thumbnail?v=${b!.id}`);
    assert.equal(thumbnail.statusCode, 200);
    assert.equal(thumbnail.headers.etag, `"${b!.id}"`);
    const notTheirs = await as(owner, 'PATCH', url, { featureFaceId: c!.id });
    assert.equal(notTheirs.statusCode, 400, notTheirs.body);
  });

  it('leaves a hidden person out of the list unless asked for', async () => {
    const [a] = await facesOf(ids.london_001_neutral!);
    const hidden = await as(owner, 'PATCH', `/api/people/${a!.personId}`, { hidden: true });
    assert.equal(hidden.json<PersonBody>().hidden, true);
    const listed = (await as(owner, 'GET', '/api/people')).json<PersonBody[]>();
    assert.ok(!listed.some((p) => p.id === a!.personId));
    const all = (await as(owner, 'GET', '/api/people?withHidden=true')).json<PersonBody[]>();
    assert.ok(all.some((p) => p.id === a!.personId));
    await as(owner, 'PATCH', `/api/people/${a!.personId}`, { hidden: false });
  });

  it('shows nobody else my people, my faces or my photos’ faces', async () => {
    const [a] = await facesOf(ids.london_001_neutral!);
    const personId = a!.personId!;
    assert.deepEqual((await as(stranger, 'GET', '/api/people')).json(), []);
    for (const url of [
      `/api/people/${personId}`,
      `/api/people/${personId}/thumbnail`,
      `/api/people/${personId}/timeline/buckets`,
      `/api/assets/${ids.london_001_neutral}/faces`,
    ])
      assert.equal((await as(stranger, 'GET', url)).statusCode, 404, url);
    assert.equal(
      (await as(stranger, 'PATCH', `/api/people/${personId}`, { name: 'Mine' })).statusCode,
      404,
    );
    assert.equal(
      (await as(stranger, 'PUT', `/api/faces/${a!.id}`, { personId: null })).statusCode,
      404,
    );
    assert.equal((await as(stranger, 'POST', `/api/faces/${a!.id}/person`, {})).statusCode, 404);
    assert.equal((await person(personId)).name, '');
  });
});

describe('people: a model that cannot load', () => {
  let t: TestApp;
  let modelsDir: string;
  before(async () => {
    modelsDir = await mkdtemp(join(tmpdir(), 'keepsake-no-models-'));
    t = await startTestApp({ env: { ...FACES_ON, KEEPSAKE_MODELS_DIR: modelsDir } });
  });
  after(async () => {
    await t.close();
    await rm(modelsDir, { recursive: true, force: true });
  });

  it('fails the faces step with its reason; the photo is ready with its thumbnails', async () => {
    const session = await setupAdmin(t.app);
    const id = await uploadPhoto(t, session, 'faces/london_001_neutral.jpg', false);
    const step = await waitForStep(t, id, 'faces');
    assert.equal(step.state, 'failed');
    assert.match(String(step.reason), /model could not be loaded/i);
    assert.equal((await fetchRendition(t.app, session, id, 'thumbnail')).statusCode, 200);
    assert.equal((await fetchRendition(t.app, session, id, 'preview')).statusCode, 200);
    const faces = await t.app.inject({ url: `/api/assets/${id}/faces`, headers: session.headers });
    assert.deepEqual(faces.json(), []);
  });
});

describe('people: a library uploaded with faces off', () => {
  it('gets its faces once the step is switched on (backfill at start)', async () => {
    let t = await startTestApp();
    const session = await setupAdmin(t.app);
    const id = await uploadPhoto(t, session, 'faces/london_003_neutral.jpg', false);
    assert.equal(await t.keepsake.steps.stateOf(id, 'faces'), undefined);
    await t.stop();
    t = await startTestApp({ dataDir: t.dataDir, env: FACES_ON });
    try {
      assert.deepEqual(await waitForStep(t, id, 'faces'), { state: 'done', reason: null });
      const faces = await t.app.inject({
        url: `/api/assets/${id}/faces`,
        headers: session.headers,
      });
      assert.equal(faces.json<FaceBody[]>().length, 1);
    } finally {
      await t.close();
    }
  });
});
