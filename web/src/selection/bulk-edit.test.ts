import { describe, expect, it } from 'vitest';
import { COORDINATES_HINT, TAKEN_AT_HINT } from '../viewer/edit-values';
import {
  bulkEditNotice,
  chunksOf,
  EMPTY_BULK_EDIT,
  NOTHING_TO_CHANGE,
  patchOfForm,
  type BulkEditForm,
} from './bulk-edit';

const form = (change: Partial<BulkEditForm>): BulkEditForm => ({ ...EMPTY_BULK_EDIT, ...change });

describe('bulk edit: the patch the ticked fields make', () => {
  it('sends only what is ticked, read as the info panel reads it', () => {
    expect(
      patchOfForm(
        form({
          date: { set: true, local: '2016-05-14T18:30', offset: '+02:00' },
          place: { set: true, text: '48.8566, 2.3522' },
          rating: { set: true, stars: 4 },
          // Typed in, then unticked: left unchanged.
          description: { set: false, text: 'not sent' },
        }),
      ),
    ).toEqual({
      patch: {
        takenAt: '2016-05-14T18:30:00+02:00',
        latitude: 48.8566,
        longitude: 2.3522,
        rating: 4,
      },
    });
  });

  it('an empty place, description or "no rating" clears them; an empty offset is unknown', () => {
    expect(
      patchOfForm(
        form({
          date: { set: true, local: '2016-05-14T18:30', offset: '' },
          place: { set: true, text: ' ' },
          description: { set: true, text: '' },
          rating: { set: true, stars: 0 },
        }),
      ),
    ).toEqual({
      patch: {
        takenAt: '2016-05-14T18:30:00',
        latitude: null,
        longitude: null,
        description: '',
        rating: 0,
      },
    });
  });

  it('names each field that is wrong, and nothing ticked', () => {
    expect(
      patchOfForm(
        form({
          date: { set: true, local: '2016-05-14T18:30', offset: '+25:00' },
          place: { set: true, text: 'Paris' },
          rating: { set: true, stars: 3 },
        }),
      ),
    ).toEqual({ errors: { date: TAKEN_AT_HINT, place: COORDINATES_HINT } });
    expect(patchOfForm(form({ date: { set: true, local: '', offset: '+02:00' } }))).toEqual({
      errors: { date: TAKEN_AT_HINT },
    });
    expect(patchOfForm(EMPTY_BULK_EDIT)).toEqual({ errors: { form: NOTHING_TO_CHANGE } });
  });
});

describe('bulk edit: chunks and the notice', () => {
  it('cuts a long id list into runs the API takes, in order', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([1, 2], 2)).toEqual([[1, 2]]);
    expect(chunksOf([], 100)).toEqual([]);
  });

  it('says how many changed, and how many could not be', () => {
    const base = { total: 3, updated: 3, notFound: 0, failed: 0 };
    expect(bulkEditNotice(base)).toEqual({ message: '3 items changed.', failed: false });
    expect(bulkEditNotice({ ...base, total: 1, updated: 1 })).toEqual({
      message: '1 item changed.',
      failed: false,
    });
    expect(bulkEditNotice({ ...base, updated: 2, notFound: 1 })).toEqual({
      message: '2 items changed; 1 no longer found.',
      failed: false,
    });
    expect(
      bulkEditNotice({ total: 250, updated: 150, notFound: 0, failed: 100, error: 'Offline.' }),
    ).toEqual({ message: '100 of 250 items could not be changed: Offline.', failed: true });
  });
});
