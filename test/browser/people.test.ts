import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserForSuite, signInAdmin, steps, uploadThroughApi } from '../helpers/browser.js';
import { visionFixture, waitForStep } from '../helpers/vision.js';

interface Face {
  id: string;
  box: { x: number; y: number; width: number; height: number };
  personId: string | null;
  personName: string | null;
}
interface Person {
  id: string;
  name: string;
  assetCount: number;
}

// Two photos each of two people, and one of a third: with people made from two similar faces,
// the first two become a person each and the third's face waits for a name.
const ADA = ['faces/london_001_neutral.jpg', 'faces/london_001_smiling.jpg'];
const BEA = ['faces/london_003_neutral.jpg', 'faces/london_003_smiling.jpg'];
const LONE = 'faces/lisa_debruine_01.jpg';

describe('web app: people', () => {
  const browser = browserForSuite('people', {
    env: { KEEPSAKE_VISION_FACES: 'true', KEEPSAKE_PERSON_MIN_FACES: '2' },
  });

  it('shows the people found, names one, follows them to their timeline and their faces in the viewer, names a face, merges two', async () => {
    const b = browser();
    const { page, baseUrl } = b;
    const ids: Record<string, string> = {};
    const api = async <T>(path: string): Promise<T> => {
      const response = await page.request.get(`${baseUrl}${path}`);
      assert.ok(response.ok(), `GET ${path} answered ${response.status()}`);
      return (await response.json()) as T;
    };
    const facesOf = (file: string) => api<Face[]>(`/api/assets/${ids[file]}/faces`);
    let ada = '';
    let bea = '';
    const card = (id: string) => page.locator(`.person-card[data-person="${id}"]`);
    const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
    const info = viewer.getByRole('complementary', { name: 'Info' });
    const openWithInfo = async (file: string) => {
      await page.goto(`${baseUrl}/?view=${ids[file]}`);
      await viewer.getByRole('img', { name: /^Photo / }).waitFor();
      const button = viewer.getByRole('button', { name: 'Info', exact: true });
      if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
      await info.waitFor();
    };

    await steps(b, [
      [
        'an admin uploads five portraits and their faces are found',
        async () => {
          await signInAdmin(b);
          const files = [...ADA, ...BEA, LONE];
          const uploaded = await uploadThroughApi(b, files.map(visionFixture));
          files.forEach((file, i) => (ids[file] = uploaded[i]!.id));
          for (const file of files) {
            const { state, reason } = await waitForStep(b.testApp, ids[file]!, 'faces');
            assert.equal(state, 'done', `faces of ${file}: ${reason}`);
          }
          ada = (await facesOf(ADA[0]!))[0]?.personId ?? '';
          bea = (await facesOf(BEA[0]!))[0]?.personId ?? '';
          assert.ok(ada && bea && ada !== bea, 'two people, one for each pair');
          assert.equal((await facesOf(ADA[1]!))[0]?.personId, ada);
          assert.equal((await facesOf(LONE))[0]?.personId ?? null, null, 'a lone face has nobody');
        },
      ],
      [
        'the People page shows both as round faces, two photos each',
        async () => {
          await page.goto(baseUrl);
          await page.getByRole('navigation', { name: 'Main' }).getByText('People').click();
          await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
          for (const id of [ada, bea]) {
            await card(id).getByText('2 photos').waitFor();
            await page.waitForFunction(
              (personId) =>
                document.querySelector<HTMLImageElement>(
                  `.person-card[data-person="${personId}"] .person-face img`,
                )?.naturalWidth,
              id,
            );
          }
          assert.equal(await page.locator('.person-card').count(), 2);
        },
      ],
      [
        'a name typed under a face is saved with Enter and stays',
        async () => {
          const saved = page.waitForResponse(
            (r) => r.request().method() === 'PATCH' && r.url().endsWith(`/api/people/${ada}`),
          );
          const name = card(ada).getByLabel('Name this person');
          await name.fill('Ada');
          await name.press('Enter');
          assert.equal((await saved).status(), 200);
          await page.reload();
          assert.equal(await card(ada).getByLabel('Name of Ada').inputValue(), 'Ada');
          // Named people come first.
          assert.equal(await page.locator('.person-card').first().getAttribute('data-person'), ada);
        },
      ],
      [
        "the person's page shows their name and their photos only",
        async () => {
          await card(ada).getByRole('link', { name: 'Ada: photos' }).click();
          assert.equal(new URL(page.url()).pathname, `/people/${ada}`);
          assert.equal(await page.getByLabel('Name of Ada').inputValue(), 'Ada');
          for (const file of ADA) await page.locator(`[data-tile="${ids[file]}"]`).waitFor();
          assert.equal(await page.locator('[data-tile]').count(), 2);
        },
      ],
      [
        "the viewer's info draws the face's box on the photo with the name, and lists it",
        async () => {
          await openWithInfo(ADA[0]!);
          const box = viewer.locator('.face-box');
          await box.waitFor();
          assert.equal(await box.count(), 1);
          assert.equal(await box.locator('.face-box-name').textContent(), 'Ada');
          const frame = (await viewer.locator('.viewer-frame').boundingBox())!;
          const face = (await box.boundingBox())!;
          assert.ok(face.width > 20 && face.height > 20, 'a box of a face’s size');
          assert.ok(
            face.x >= frame.x - 1 &&
              face.y >= frame.y - 1 &&
              face.x + face.width <= frame.x + frame.width + 1 &&
              face.y + face.height <= frame.y + frame.height + 1,
            'the box lies on the photo',
          );
          await info.getByRole('link', { name: 'Ada' }).waitFor();
        },
      ],
      [
        'an unnamed face is named through "Who is this?"',
        async () => {
          await openWithInfo(LONE);
          await viewer.locator('.face-box-name', { hasText: '?' }).waitFor();
          const who = info.getByLabel('Who is this?');
          await who.fill('Lisa');
          await who.press('Enter');
          await info.getByRole('link', { name: 'Lisa' }).waitFor();
          await viewer.locator('.face-box-name', { hasText: 'Lisa' }).waitFor();
          const people = await api<Person[]>('/api/people');
          assert.ok(people.some((p) => p.name === 'Lisa' && p.assetCount === 1));
        },
      ],
      [
        'two people selected are merged into the first',
        async () => {
          await page.goto(`${baseUrl}/people`);
          await card(ada).getByLabel('Select Ada').check();
          await card(bea).getByLabel('Select this person').check();
          await page.getByRole('button', { name: 'Merge', exact: true }).click();
          const dialog = page.getByRole('dialog', { name: 'Merge 2 people?' });
          await dialog.getByRole('button', { name: 'Merge' }).click();
          await page.getByRole('status').getByText('2 people merged into Ada.').waitFor();
          await card(ada).getByText('4 photos').waitFor();
          assert.equal(await card(bea).count(), 0);
          assert.equal((await facesOf(BEA[1]!))[0]?.personName, 'Ada');
        },
      ],
      [
        'a face put with the wrong person is taken from them in the info panel',
        async () => {
          await openWithInfo(BEA[1]!);
          await info.getByRole('link', { name: 'Ada' }).waitFor();
          await info.getByRole('button', { name: 'Not Ada' }).click();
          await info.getByLabel('Who is this?').waitFor();
          await viewer.locator('.face-box-name', { hasText: '?' }).waitFor();
          assert.equal((await facesOf(BEA[1]!))[0]?.personId, null);
        },
      ],
      [
        'a hidden person leaves the page until hidden people are shown',
        async () => {
          const lisa = (await api<Person[]>('/api/people')).find((p) => p.name === 'Lisa')!;
          await page.goto(`${baseUrl}/people`);
          await card(lisa.id).getByRole('button', { name: 'Hide Lisa' }).click();
          await card(lisa.id).waitFor({ state: 'detached' });
          await page.getByLabel('Show hidden').check();
          await card(lisa.id).getByRole('button', { name: 'Show Lisa' }).waitFor();
        },
      ],
      [
        'the admin page shows how far faces have come, and queues what is missing',
        async () => {
          await page.goto(`${baseUrl}/admin`);
          const faces = page.locator('.vision-progress li[data-step="faces"]');
          await faces.getByText('Faces: 5 of 5').waitFor();
          await faces.getByRole('button', { name: 'Run for missing: Faces' }).click();
          await page.getByRole('status').getByText('Faces: 0 photos queued.').waitFor();
        },
      ],
    ]);
  });
});
