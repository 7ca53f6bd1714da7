import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import {
  createUser,
  setupAdmin,
  startTestApp,
  uploadBytes,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';
import { visionFixture, waitForStep } from '../helpers/vision.js';

/*
 * Text read in photos with the real Tesseract on real pictures: a rendered screenshot, a phone
 * photo of a book page, and a photo with no text. The ocr step alone is switched on.
 */

interface TextBody {
  text: string;
  words: {
    text: string;
    box: { x: number; y: number; width: number; height: number };
    confidence: number;
  }[];
  status: string;
}

/** Whitespace runs as one space, for comparing what was read with what is printed. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The share of `expected`'s words found, in any order, among the words read. */
function wordsFound(read: string, expected: string): number {
  const seen = new Set(flat(read).toLowerCase().split(' '));
  const words = flat(expected).toLowerCase().split(' ');
  return words.filter((w) => seen.has(w)).length / words.length;
}

describe('ocr: text read in photos', () => {
  let t: TestApp;
  let owner: Session;
  let stranger: Session;
  let partner: Session;
  const ids: Record<string, string> = {};
  const textOf = async (session: Session, id: string) =>
    t.app.inject({ method: 'GET', url: `/api/assets/${id}/text`, headers: session.headers });

  before(async () => {
    t = await startTestApp({ env: { KEEPSAKE_VISION_OCR: 'true' } });
    const admin = await setupAdmin(t.app);
    owner = await createUser(t.app, admin, 'Reader');
    stranger = await createUser(t.app, admin, 'Stranger');
    partner = await createUser(t.app, admin, 'Partner');
    const shared = await t.app.inject({
      method: 'POST',
      url: '/api/partners',
      headers: owner.headers,
      payload: { userId: partner.userId },
    });
    assert.equal(shared.statusCode, 201, shared.body);
    for (const fixture of [
      'ocr/screenshot_testocr.png',
      'ocr/book_page_watson_studio.jpg',
      'faces/noface_flowers.jpg',
    ]) {
      const res = await uploadBytes(
        t.app,
        owner,
        await readFile(visionFixture(fixture)),
        basename(fixture),
      );
      assert.equal(res.statusCode, 201, res.body);
      const { id } = res.json<{ id: string }>();
      ids[basename(fixture)] = id;
    }
    for (const id of Object.values(ids)) {
      const asset = await waitForAsset(t.app, owner, id, 120_000);
      assert.equal(asset.status, 'ready', String(asset.error));
      assert.deepEqual(await waitForStep(t, id, 'ocr'), { state: 'done', reason: null });
    }
  });
  after(() => t?.close());

  it('reads a screenshot, each word with a box inside the picture', async () => {
    const res = await textOf(owner, ids['screenshot_testocr.png']!);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<TextBody>();
    assert.equal(body.status, 'done');
    assert.match(body.text, /quick brown/i);
    assert.ok(body.words.length >= 40, `${body.words.length} words`);
    for (const { text, box, confidence } of body.words) {
      assert.ok(text.trim().length > 0);
      assert.ok(confidence > 0 && confidence <= 1, `${text}: ${confidence}`);
      for (const value of [box.x, box.y, box.width, box.height])
        assert.ok(value >= 0 && value <= 1, `${text}: ${JSON.stringify(box)}`);
      assert.ok(box.x + box.width <= 1 && box.y + box.height <= 1, JSON.stringify(box));
      assert.ok(box.width > 0 && box.height > 0, JSON.stringify(box));
    }
    // The first line's words sit left of one another, on one height.
    const [first, second] = body.words;
    assert.equal(first!.text, 'This');
    assert.ok(second!.box.x > first!.box.x);
    assert.ok(Math.abs(second!.box.y - first!.box.y) < 0.05);
  });

  it('reads a photo of a book page roughly', async () => {
    const res = await textOf(owner, ids['book_page_watson_studio.jpg']!);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<TextBody>();
    const expected = await readFile(
      visionFixture('ocr/book_page_watson_studio.expected.txt'),
      'utf8',
    );
    assert.match(body.text, /Quick Start with Watson Studio/);
    const found = wordsFound(body.text, expected);
    assert.ok(found >= 0.9, `${(found * 100).toFixed(0)} % of the page's words read: ${body.text}`);
  });

  it('reads little or nothing in a photo without text', async () => {
    const res = await textOf(owner, ids['noface_flowers.jpg']!);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<TextBody>();
    assert.equal(body.status, 'done');
    assert.ok(body.words.length <= 2, `read in flowers: ${JSON.stringify(body.text)}`);
  });

  it('gives the text to whoever may see the photo (a partner)', async () => {
    const res = await textOf(partner, ids['screenshot_testocr.png']!);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.json<TextBody>().text, /quick brown/i);
  });

  it('says failed, not pending, for a photo that could not be decoded (it has no preview)', async () => {
    const tiff = await readFile(corpusPath('png-webp-gif-tiff/P3110005.TIF'));
    const res = await uploadBytes(t.app, owner, tiff.subarray(0, 3000), 'cut.tif');
    assert.equal(res.statusCode, 201, res.body);
    const { id } = res.json<{ id: string }>();
    assert.equal((await waitForAsset(t.app, owner, id)).status, 'failed');
    const text = await textOf(owner, id);
    assert.equal(text.statusCode, 200, text.body);
    assert.deepEqual(text.json(), { text: '', words: [], status: 'failed' });
  });

  it('answers 404 to someone else, as if the photo did not exist', async () => {
    const res = await textOf(stranger, ids['screenshot_testocr.png']!);
    assert.equal(res.statusCode, 404, res.body);
    const missing = await textOf(owner, '00000000-0000-4000-8000-000000000000');
    assert.equal(missing.statusCode, 404, missing.body);
  });
});

describe('ocr: switched off', () => {
  let t: TestApp;
  after(() => t?.close());

  it('answers an empty text with status off', async () => {
    t = await startTestApp();
    const admin = await setupAdmin(t.app);
    const res = await uploadBytes(
      t.app,
      admin,
      await readFile(visionFixture('ocr/screenshot_testocr.png')),
      'screenshot.png',
    );
    assert.equal(res.statusCode, 201, res.body);
    const { id } = res.json<{ id: string }>();
    assert.equal((await waitForAsset(t.app, admin, id)).status, 'ready');
    const text = await t.app.inject({
      method: 'GET',
      url: `/api/assets/${id}/text`,
      headers: admin.headers,
    });
    assert.equal(text.statusCode, 200, text.body);
    assert.deepEqual(text.json(), { text: '', words: [], status: 'off' });
  });
});
