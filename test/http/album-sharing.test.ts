import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import {
  ADMIN,
  createUser,
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

describe('shared albums', () => {
  let t: TestApp;
  let alice: Session; // owner
  let vera: Session; // viewer
  let ed: Session; // editor
  let olga: Session; // not shared with
  let alicePhoto: string;
  let edPhoto: string;
  let veraPhoto: string;

  const call = (session: Session, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, payload });
  const status = async (session: Session, method: Method, url: string, payload?: object) =>
    (await call(session, method, url, payload)).statusCode;
  const upload = async (session: Session, file: string) => {
    const { id } = (await uploadFile(t.app, session, corpusPath(file))).json<{ id: string }>();
    await waitForAsset(t.app, session, id);
    return id;
  };
  const createAlbum = async (name: string) => {
    const res = await call(alice, 'POST', '/api/albums', { name });
    assert.equal(res.statusCode, 201, res.body);
    const { id } = res.json<{ id: string }>();
    assert.deepEqual(
      (await call(alice, 'PUT', `/api/albums/${id}/assets`, { ids: [alicePhoto] })).json(),
      [{ id: alicePhoto, result: 'added' }],
    );
    return id;
  };
  const share = (album: string, users: { userId: string; role: string }[]) =>
    call(alice, 'PUT', `/api/albums/${album}/users`, { users });
  /** Every route that reads the photo, as that session sees it. */
  const photoReads = async (session: Session, id: string) => [
    await status(session, 'GET', `/api/assets/${id}`),
    await status(session, 'GET', `/api/assets/${id}/thumbnail`),
    await status(session, 'GET', `/api/assets/${id}/thumbnail?size=preview`),
    await status(session, 'GET', `/api/assets/${id}/original`),
  ];
  const albumReads = async (session: Session, album: string) => [
    await status(session, 'GET', `/api/albums/${album}`),
    await status(session, 'GET', `/api/albums/${album}/timeline/buckets`),
    await status(session, 'GET', `/api/albums/${album}/activity`),
  ];

  before(async () => {
    t = await startTestApp();
    alice = await setupAdmin(t.app);
    vera = await createUser(t.app, alice, 'Vera');
    ed = await createUser(t.app, alice, 'Ed');
    olga = await createUser(t.app, alice, 'Olga');
    alicePhoto = await upload(alice, 'jpeg-exif/IMG_0308.JPG');
    edPhoto = await upload(ed, 'jpeg-exif/PA250004.JPG');
    veraPhoto = await upload(vera, 'jpeg-exif/EPSN0002.JPG');
  });
  after(() => t.close());

  it('lets a viewer read the album and its photos, and change nothing', async () => {
    const album = await createAlbum('Summer');
    assert.deepEqual(await photoReads(vera, alicePhoto), [404, 404, 404, 404]);
    assert.deepEqual(await albumReads(vera, album), [404, 404, 404]);

    const shared = await share(album, [{ userId: vera.userId, role: 'viewer' }]);
    assert.equal(shared.statusCode, 200, shared.body);
    assert.deepEqual(
      shared.json().map((m: { userId: string; name: string; role: string }) => [m.name, m.role]),
      [['Vera', 'viewer']],
    );

    assert.deepEqual(await albumReads(vera, album), [200, 200, 200]);
    assert.deepEqual(await photoReads(vera, alicePhoto), [200, 200, 200, 200]);
    const original = await call(vera, 'GET', `/api/assets/${alicePhoto}/original`);
    assert.ok(original.rawPayload.length > 1000);
    const [bucket] = (await call(vera, 'GET', `/api/albums/${album}/timeline/buckets`)).json();
    const page = (
      await call(vera, 'GET', `/api/albums/${album}/timeline/buckets/${bucket.bucket}`)
    ).json();
    assert.deepEqual(
      page.assets.map((a: { id: string }) => a.id),
      [alicePhoto],
    );

    const listed = (await call(vera, 'GET', '/api/albums')).json();
    assert.equal(listed.length, 1);
    assert.deepEqual(
      [listed[0].id, listed[0].role, listed[0].owner.name],
      [album, 'viewer', ADMIN.name],
    );
    assert.equal((await call(alice, 'GET', '/api/albums')).json()[0].role, 'owner');

    // Looking is all: changes are forbidden, and the owner's own asset routes stay the owner's.
    assert.equal(await status(vera, 'PATCH', `/api/albums/${album}`, { name: 'Mine' }), 403);
    assert.equal(
      await status(vera, 'PUT', `/api/albums/${album}/assets`, { ids: [veraPhoto] }),
      403,
    );
    assert.equal(
      await status(vera, 'DELETE', `/api/albums/${album}/assets`, { ids: [alicePhoto] }),
      403,
    );
    assert.equal(await status(vera, 'DELETE', `/api/albums/${album}`), 403);
    assert.equal(await status(vera, 'PUT', `/api/albums/${album}/users`, { users: [] }), 403);
    assert.equal(
      await status(vera, 'PATCH', `/api/assets/${alicePhoto}`, { isFavorite: true }),
      404,
    );
    assert.equal(await status(vera, 'DELETE', `/api/assets/${alicePhoto}`), 404);

    // Someone it is not shared with learns nothing, of the album or its photos.
    assert.deepEqual(await albumReads(olga, album), [404, 404, 404]);
    assert.deepEqual(await photoReads(olga, alicePhoto), [404, 404, 404, 404]);
    assert.equal(await status(olga, 'GET', `/api/albums/${album}/users`), 404);
    assert.equal((await call(olga, 'GET', '/api/albums')).json().length, 0);

    // Unsharing ends access at once.
    assert.equal(await status(alice, 'PUT', `/api/albums/${album}/users`, { users: [] }), 200);
    assert.deepEqual(await albumReads(vera, album), [404, 404, 404]);
    assert.deepEqual(await photoReads(vera, alicePhoto), [404, 404, 404, 404]);
    await call(alice, 'DELETE', `/api/albums/${album}`);
  });

  it('lets an editor add their own photos and take out only what they added', async () => {
    const album = await createAlbum('Trip');
    await share(album, [{ userId: ed.userId, role: 'editor' }]);
    const added = await call(ed, 'PUT', `/api/albums/${album}/assets`, {
      ids: [edPhoto, veraPhoto],
    });
    assert.deepEqual(added.json(), [
      { id: edPhoto, result: 'added' },
      { id: veraPhoto, result: 'not-allowed' },
    ]);
    // The owner now sees the editor's photo, through the album.
    assert.deepEqual(await photoReads(alice, edPhoto), [200, 200, 200, 200]);
    assert.equal((await call(alice, 'GET', `/api/albums/${album}`)).json().assetCount, 2);

    const removed = await call(ed, 'DELETE', `/api/albums/${album}/assets`, {
      ids: [alicePhoto, edPhoto],
    });
    assert.deepEqual(removed.json(), [
      { id: alicePhoto, result: 'not-allowed' },
      { id: edPhoto, result: 'removed' },
    ]);
    assert.equal(
      await status(ed, 'PATCH', `/api/albums/${album}`, { coverAssetId: alicePhoto }),
      403,
    );
    assert.equal(await status(alice, 'GET', `/api/assets/${edPhoto}`), 404);

    // Unknown users are named; the editor's role can change to viewer; a member may leave.
    const unknown = '00000000-0000-4000-8000-000000000000';
    const refused = await share(album, [
      { userId: ed.userId, role: 'editor' },
      { userId: unknown, role: 'viewer' },
    ]);
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().code, 'ALBUM_SHARE_UNKNOWN_USERS');
    assert.match(refused.json().message, new RegExp(unknown));
    await share(album, [
      { userId: ed.userId, role: 'viewer' },
      { userId: vera.userId, role: 'viewer' },
    ]);
    assert.equal(await status(ed, 'PUT', `/api/albums/${album}/assets`, { ids: [edPhoto] }), 403);
    assert.equal(await status(ed, 'DELETE', `/api/albums/${album}/users/${vera.userId}`), 403);
    assert.equal(await status(ed, 'DELETE', `/api/albums/${album}/users/${ed.userId}`), 204);
    assert.equal(await status(ed, 'GET', `/api/albums/${album}`), 404);

    // Deleting the album ends every member's access.
    assert.equal(await status(alice, 'DELETE', `/api/albums/${album}`), 204);
    assert.equal(await status(vera, 'GET', `/api/albums/${album}`), 404);
    assert.deepEqual(await photoReads(vera, alicePhoto), [404, 404, 404, 404]);
  });

  it('keeps comments and likes with who and when, newest first, for members only', async () => {
    const album = await createAlbum('Party');
    await share(album, [{ userId: vera.userId, role: 'viewer' }]);
    const first = await call(vera, 'POST', `/api/albums/${album}/activity`, {
      comment: 'Lovely!',
      assetId: alicePhoto,
    });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(
      await status(vera, 'PUT', `/api/albums/${album}/activity/likes`, { assetId: alicePhoto }),
      204,
    );
    assert.equal(
      await status(vera, 'PUT', `/api/albums/${album}/activity/likes`, { assetId: alicePhoto }),
      204,
    );
    assert.equal(await status(alice, 'PUT', `/api/albums/${album}/activity/likes`, {}), 204);
    await call(alice, 'POST', `/api/albums/${album}/activity`, { comment: 'Thanks' });
    assert.equal(await status(vera, 'POST', `/api/albums/${album}/activity`, { comment: '' }), 400);
    assert.equal(
      await status(vera, 'POST', `/api/albums/${album}/activity`, {
        comment: 'x',
        assetId: veraPhoto,
      }),
      404,
    );
    assert.equal(
      await status(olga, 'POST', `/api/albums/${album}/activity`, { comment: 'Hi' }),
      404,
    );
    assert.equal(await status(olga, 'PUT', `/api/albums/${album}/activity/likes`, {}), 404);

    const items: {
      kind: string;
      user: { name: string };
      text: string | null;
      assetId: string | null;
      createdAt: string;
    }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (
        await call(vera, 'GET', `/api/albums/${album}/activity?limit=2${query}`)
      ).json();
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    // Newest first; two made within the same millisecond may come in either order.
    const times = items.map((i) => Date.parse(i.createdAt));
    assert.ok(times.every((time, n) => !Number.isNaN(time) && (n === 0 || time <= times[n - 1]!)));
    assert.deepEqual(
      items.map((i) => JSON.stringify([i.kind, i.user.name, i.text, i.assetId])).sort(),
      [
        ['comment', ADMIN.name, 'Thanks', null],
        ['like', ADMIN.name, null, null],
        ['like', 'Vera', null, alicePhoto],
        ['comment', 'Vera', 'Lovely!', alicePhoto],
      ]
        .map((item) => JSON.stringify(item))
        .sort(),
    );

    assert.equal(
      await status(vera, 'DELETE', `/api/albums/${album}/activity/likes`, { assetId: alicePhoto }),
      204,
    );
    const after = (await call(alice, 'GET', `/api/albums/${album}/activity`)).json();
    assert.equal(after.items.filter((i: { kind: string }) => i.kind === 'like').length, 1);
  });

  it('lists one photo’s comments and likes on their own, for the viewer beside the photo', async () => {
    const album = await createAlbum('Picnic');
    await share(album, [
      { userId: vera.userId, role: 'viewer' },
      { userId: ed.userId, role: 'editor' },
    ]);
    await call(ed, 'PUT', `/api/albums/${album}/assets`, { ids: [edPhoto] });
    const say = async (who: Session, comment: string, assetId?: string) =>
      assert.equal(
        (await call(who, 'POST', `/api/albums/${album}/activity`, { comment, assetId })).statusCode,
        201,
      );
    const like = async (who: Session, assetId?: string) =>
      assert.equal(
        await status(who, 'PUT', `/api/albums/${album}/activity/likes`, { assetId }),
        204,
      );
    await say(vera, 'Nice light', alicePhoto);
    await like(vera, alicePhoto);
    await like(ed, alicePhoto);
    await say(alice, 'Thank you', alicePhoto);
    await say(ed, 'Mine is better', edPhoto);
    await like(alice, edPhoto);
    await say(ed, 'What a day');
    await like(vera);

    type Item = { kind: string; user: { name: string }; text: string | null; assetId: string };
    const about = async (who: Session, assetId: string, limit = 50) => {
      const items: Item[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const res = await call(
          who,
          'GET',
          `/api/albums/${album}/activity?assetId=${assetId}&limit=${limit}${query}`,
        );
        assert.equal(res.statusCode, 200, res.body);
        items.push(...res.json().items);
        cursor = res.json().nextCursor;
      } while (cursor);
      return items;
    };
    const described = (items: Item[]) =>
      items.map((i) => [i.kind, i.user.name, i.text].join(' ')).sort();
    // Every member, viewer included, sees the same; paging keeps to the photo.
    for (const who of [vera, ed, alice])
      assert.deepEqual(described(await about(who, alicePhoto, 1)), [
        `comment ${ADMIN.name} Thank you`,
        'comment Vera Nice light',
        'like Ed ',
        'like Vera ',
      ]);
    assert.ok((await about(vera, alicePhoto)).every((i) => i.assetId === alicePhoto));
    assert.deepEqual(described(await about(vera, edPhoto)), [
      'comment Ed Mine is better',
      `like ${ADMIN.name} `,
    ]);
    // Taken back, a like leaves the photo's list.
    await call(ed, 'DELETE', `/api/albums/${album}/activity/likes`, { assetId: alicePhoto });
    assert.deepEqual(
      (await about(alice, alicePhoto)).filter((i) => i.kind === 'like').map((i) => i.user.name),
      ['Vera'],
    );
    // A photo not in the album has nothing to list; a malformed id is refused.
    assert.deepEqual(await about(vera, veraPhoto), []);
    assert.equal(await status(vera, 'GET', `/api/albums/${album}/activity?assetId=not-an-id`), 400);
    assert.equal(
      await status(olga, 'GET', `/api/albums/${album}/activity?assetId=${alicePhoto}`),
      404,
    );
  });

  it('marks the photos in an album that are someone else’s, for each member', async () => {
    const album = await createAlbum('Marked');
    await share(album, [{ userId: ed.userId, role: 'editor' }]);
    await call(ed, 'PUT', `/api/albums/${album}/assets`, { ids: [edPhoto] });
    const owners = async (who: Session) => {
      const marks: Record<string, string | undefined> = {};
      for (const { bucket } of (
        await call(who, 'GET', `/api/albums/${album}/timeline/buckets`)
      ).json()) {
        const page = await call(who, 'GET', `/api/albums/${album}/timeline/buckets/${bucket}`);
        for (const a of page.json().assets as { id: string; ownerId?: string }[])
          marks[a.id] = a.ownerId;
      }
      return marks;
    };
    assert.deepEqual(await owners(alice), { [alicePhoto]: undefined, [edPhoto]: ed.userId });
    assert.deepEqual(await owners(ed), { [alicePhoto]: alice.userId, [edPhoto]: undefined });
  });

  it('lists the users of the server, names only, to anyone signed in', async () => {
    const res = await call(olga, 'GET', '/api/users/directory');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(
      res
        .json()
        .map((u: { name: string }) => u.name)
        .sort(),
      [ADMIN.name, 'Ed', 'Olga', 'Vera'],
    );
    assert.deepEqual(Object.keys(res.json()[0]).sort(), ['id', 'name']);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/users/directory' })).statusCode,
      401,
    );
  });
});
