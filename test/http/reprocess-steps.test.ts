import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import {
  createUser,
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

describe('running chosen steps of one asset again', () => {
  let t: TestApp;
  let owner: Session;
  let stranger: Session;
  let id: string;

  const rerun = (session: Session, steps: unknown) =>
    t.app.inject({
      method: 'POST',
      url: `/api/assets/${id}/steps`,
      headers: session.headers,
      payload: { steps },
    });

  before(async () => {
    t = await startTestApp();
    owner = await setupAdmin(t.app);
    stranger = await createUser(t.app, owner, 'Stella');
    const res = await uploadFile(t.app, owner, corpusPath('orientation/Landscape_1.jpg'));
    id = res.json<{ id: string }>().id;
    assert.equal((await waitForAsset(t.app, owner, id)).status, 'ready');
  });
  after(() => t.close());

  it('runs only the steps asked for, and the asset stays ready', async () => {
    const before = await t.keepsake.jobCounts();
    const res = await rerun(owner, ['metadata']);
    assert.equal(res.statusCode, 202, res.body);
    assert.equal(res.json<{ status: string }>().status, 'ready');
    for (let i = 0; i < 200; i++) {
      const counts = await t.keepsake.jobCounts();
      if (counts.metadata!.completed > before.metadata!.completed) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Give a follow-up the time it would need to show up, had one been queued.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const counts = await t.keepsake.jobCounts();
    assert.equal(counts.metadata!.completed, before.metadata!.completed + 1);
    assert.equal(
      counts.thumbnails!.completed + counts.thumbnails!.waiting,
      before.thumbnails!.completed,
    );
    assert.equal((await waitForAsset(t.app, owner, id)).status, 'ready');
  });

  it('names what is wrong with a step list', async () => {
    const unknown = await rerun(owner, ['sharpen']);
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json<{ code: string }>().code, 'STEP_NOT_FOUND');
    // Vision is off in this server.
    const off = await rerun(owner, ['faces']);
    assert.equal(off.statusCode, 409);
    assert.equal(off.json<{ code: string }>().code, 'STEP_SWITCHED_OFF');
    assert.equal((await rerun(owner, [])).statusCode, 400);
  });

  it("does not run someone else's asset", async () => {
    const res = await rerun(stranger, ['metadata']);
    assert.equal(res.statusCode, 404);
  });
});
