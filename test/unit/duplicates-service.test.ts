import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  DuplicateCandidate,
  DuplicateRepository,
} from '../../src/core/duplicates/duplicate-repository.js';
import { DuplicatesService } from '../../src/core/duplicates/duplicates-service.js';

const GRID = Buffer.alloc(192, 90).toString('base64');
const candidate = (id: string, hash: string, extra: Partial<DuplicateCandidate> = {}) => ({
  id,
  hash,
  layout: GRID,
  sharpness: 50,
  pixels: 100,
  metadata: 0,
  uploadedAt: '2026-01-01T00:00:00.000Z',
  width: 10,
  height: 10,
  fileSize: 1000,
  originalFileName: `${id}.jpg`,
  thumbnailVersion: null,
  ...extra,
});

function fakeRepository(candidates: DuplicateCandidate[]) {
  const dismissed: string[][] = [];
  const repository: DuplicateRepository = {
    saveFingerprint: async () => {},
    candidates: async () => [...candidates],
    dismissedSets: async () => dismissed,
    dismiss: async (_owner, _group, ids) => void dismissed.push([...ids]),
  };
  return repository;
}

describe('duplicates service', () => {
  const clock = { now: () => new Date('2026-12-08T00:00:00Z') };

  it('hides a dismissed group until another copy joins, and follows changed candidates', async () => {
    const candidates = [
      candidate('a', '00000000000000ff'),
      candidate('b', '00000000000000fe'),
      candidate('x', 'ffff0000ffff0000'),
    ];
    const trashed: string[] = [];
    const service = new DuplicatesService(
      fakeRepository(candidates),
      { trash: async (_owner, id) => void trashed.push(id) },
      clock,
      'v1',
    );
    const [group] = await service.list('owner');
    assert.deepEqual(group!.assetIds, ['a', 'b']);
    await service.dismiss('owner', group!.id);
    assert.deepEqual(await service.list('owner'), []);

    candidates.push(candidate('c', '00000000000000fc', { pixels: 400 }));
    const [again] = await service.list('owner');
    assert.deepEqual(again!.assetIds, ['a', 'b', 'c']);
    assert.equal(again!.keeperId, 'c', 'the larger copy that joined is the keeper');

    await assert.rejects(service.resolve('owner', again!.id, ['x']), {
      code: 'DUPLICATE_KEEP_OUTSIDE_GROUP',
    });
    assert.deepEqual(await service.resolve('owner', again!.id, ['c']), { trashedIds: ['a', 'b'] });
    assert.deepEqual(trashed, ['a', 'b']);
    await assert.rejects(service.dismiss('owner', 'f'.repeat(32)), {
      code: 'DUPLICATE_GROUP_NOT_FOUND',
    });
  });
});
