import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import {
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

/*
 * A Canon CR3 is a QuickTime container, and ExifTool reads a Duration (1 s) from its movie
 * header: stored as it was, the viewer's info panel showed the photo as a clip of "0:01".
 */
describe('a still photo has no duration', () => {
  let t: TestApp;
  let admin: Session;

  before(async () => {
    t = await startTestApp();
    admin = await setupAdmin(t.app);
  });
  after(() => t.close());

  it('a CR3, whose container declares one, is listed and described without a duration', async () => {
    const upload = await uploadFile(t.app, admin, corpusPath('broken/Canon EOS R6 truncated.cr3'));
    assert.equal(upload.statusCode, 201, upload.body);
    const { id } = upload.json<{ id: string }>();
    const asset = await waitForAsset(t.app, admin, id);
    assert.equal(asset.type, 'image');
    // The metadata step ran (the camera is named) and gave it no duration.
    assert.equal(asset.model, 'Canon EOS R6');
    assert.equal(asset.duration, null);

    const month = String(asset.takenAt).slice(0, 7);
    const page = await t.app.inject({
      url: `/api/timeline/buckets/${month}`,
      headers: admin.headers,
    });
    assert.equal(page.statusCode, 200, page.body);
    const item = page.json<{ assets: { id: string; duration: number | null; status: string }[] }>()
      .assets[0]!;
    // The status too, so that a grid asks for no thumbnail that does not exist.
    assert.deepEqual(
      { id: item.id, duration: item.duration, status: item.status },
      { id, duration: null, status: asset.status },
    );
  });
});
