import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { uploadBytes, waitForAsset, type Session } from './test-app.js';

/**
 * What the memories HTTP tests share: requests as a session, GET /api/memories, and photos
 * uploaded by name, taken when the client says. `app` is a getter, as a test may restart its app.
 */
export function memoriesFixture(app: () => FastifyInstance) {
  /** Each uploaded photo's id, by the name it was uploaded under. */
  const ids = new Map<string, string>();
  let shade = 0;

  const request = (
    session: Session,
    method: 'GET' | 'PATCH' | 'DELETE',
    url: string,
    body?: object,
  ) => app().inject({ method, url, headers: session.headers, ...(body && { payload: body }) });

  const memories = async <Memory>(session: Session, query: string): Promise<Memory[]> => {
    const res = await request(session, 'GET', `/api/memories${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Memory[]>();
  };

  /** A small PNG of its own colour (no tags, so the date is the client's), waited for. */
  const upload = async (session: Session, name: string, takenAt: string) => {
    shade += 1;
    const png = await sharp({
      create: { width: 8, height: 6, channels: 3, background: { r: shade * 9, g: 40, b: 90 } },
    })
      .png()
      .toBuffer();
    const res = await uploadBytes(app(), session, png, `${name}.png`, { fileCreatedAt: takenAt });
    assert.equal(res.statusCode, 201, res.body);
    const asset = await waitForAsset(app(), session, res.json<{ id: string }>().id);
    assert.equal(asset.status, 'ready', String(asset.error));
    ids.set(name, asset.id);
  };

  /** The name a photo was uploaded under (its id when it was not uploaded here). */
  const nameOf = (id: string) => [...ids].find(([, known]) => known === id)?.[0] ?? id;

  return { ids, request, memories, upload, nameOf };
}
