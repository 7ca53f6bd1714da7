import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addUser,
  BOB,
  browserForSuite,
  signIn,
  signInAdmin,
  steps,
  uploadThroughApi,
} from '../helpers/browser.js';
import { ADMIN } from '../helpers/test-app.js';

const PHOTOS = ['jpeg-exif/IMG_0308.JPG', 'jpeg-exif/PA250004.JPG'];

interface Activity {
  kind: string;
  user: { name: string };
  text: string | null;
  assetId: string | null;
}

describe('web app: likes and comments from the viewer, in a shared album', () => {
  const browser = browserForSuite('album-activity');

  it('lets a viewer of the album like a photo and comment on it, per photo', async () => {
    const b = browser();
    const { page, baseUrl } = b;
    const dialog = page.getByRole('dialog', { name: 'Photo viewer' });
    const panel = dialog.getByRole('complementary', { name: 'Likes and comments' });
    const activityOf = async (assetId: string) =>
      (
        (await (
          await page.request.get(`${baseUrl}/api/albums/${album}/activity?assetId=${assetId}`)
        ).json()) as { items: Activity[] }
      ).items;
    let album = '';
    let liked = '';
    let other = '';

    await steps(b, [
      [
        'the admin shares an album of two photos with Bob, as a viewer, and likes one',
        async () => {
          await signInAdmin(b);
          [liked, other] = (await uploadThroughApi(b, PHOTOS)).map((a) => a.id) as [string, string];
          const bob = await addUser(b, BOB);
          const res = await page.request.post(`${baseUrl}/api/albums`, { data: { name: 'Fair' } });
          album = ((await res.json()) as { id: string }).id;
          await page.request.put(`${baseUrl}/api/albums/${album}/assets`, {
            data: { ids: [liked, other] },
          });
          const shared = await page.request.put(`${baseUrl}/api/albums/${album}/users`, {
            data: { users: [{ userId: bob.id, role: 'viewer' }] },
          });
          assert.ok(shared.ok(), `share answered ${shared.status()}`);
          const like = await page.request.put(`${baseUrl}/api/albums/${album}/activity/likes`, {
            data: { assetId: liked },
          });
          assert.equal(like.status(), 204);
        },
      ],
      [
        'Bob opens the photo from the album: one like, not his; nothing of the owner’s to change',
        async () => {
          await signIn(b, BOB);
          await page.goto(`${baseUrl}/albums/${album}`);
          await page.getByText(/you are a viewer/).waitFor();
          await page.locator(`[data-tile="${liked}"]`).click();
          await dialog.waitFor();
          const like = dialog.getByRole('button', { name: 'Like (1)' });
          await like.waitFor();
          assert.equal(await like.getAttribute('aria-pressed'), 'false');
          assert.equal(await dialog.getByRole('button', { name: 'Move to trash' }).count(), 0);
          assert.equal(await dialog.getByRole('button', { name: 'Favorite' }).count(), 0);
        },
      ],
      [
        'he likes it: pressed, two likes, and the panel says who',
        async () => {
          await dialog.getByRole('button', { name: 'Like (1)' }).click();
          const like = dialog.getByRole('button', { name: 'Like (2)' });
          await like.waitFor();
          assert.equal(await like.getAttribute('aria-pressed'), 'true');
          await dialog.getByRole('button', { name: 'Comments' }).click();
          await panel.getByText(`Liked by you and ${ADMIN.name}`).waitFor();
          await panel.getByText('No comments yet.').waitFor();
        },
      ],
      [
        'he comments: the comment shows with who and when, and the server has both',
        async () => {
          await panel.getByLabel('Comment on this photo').fill('What a fair!');
          await panel.getByRole('button', { name: 'Comment', exact: true }).click();
          const item = panel.getByRole('list', { name: 'Comments' }).getByRole('listitem');
          await item.filter({ hasText: 'What a fair!' }).waitFor();
          assert.match(await item.innerText(), /^You What a fair!/);
          assert.ok(await item.locator('time').getAttribute('datetime'));
          assert.equal(await panel.getByLabel('Comment on this photo').inputValue(), '');
          assert.deepEqual(
            (await activityOf(liked)).map((a) => [a.kind, a.user.name, a.text]).sort(),
            [
              ['comment', 'Bob', 'What a fair!'],
              ['like', ADMIN.name, null],
              ['like', 'Bob', null],
            ].sort(),
          );
        },
      ],
      [
        'the other photo has its own: no likes, no comments',
        async () => {
          await page.goto(`${baseUrl}/albums/${album}?view=${other}`);
          await dialog.getByRole('button', { name: 'Like', exact: true }).waitFor();
          await dialog.getByRole('button', { name: 'Comments' }).click();
          await panel.getByText('No comments yet.').waitFor();
          assert.deepEqual(await activityOf(other), []);
        },
      ],
      [
        'he takes the like back from the first photo',
        async () => {
          await page.goto(`${baseUrl}/albums/${album}?view=${liked}`);
          await dialog.getByRole('button', { name: 'Like (2)' }).click();
          await dialog.getByRole('button', { name: 'Like (1)' }).waitFor();
          assert.deepEqual(
            (await activityOf(liked)).filter((a) => a.kind === 'like').map((a) => a.user.name),
            [ADMIN.name],
          );
        },
      ],
    ]);
  });
});
