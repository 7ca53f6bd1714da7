import { api, ApiError, ok } from '../api/client';
import { forgetAsset } from '../viewer/asset-cache';
import { chunksOf, type BulkEditOutcome, type BulkPatch } from './bulk-edit';
import { runLimited } from './run-limited';

// The API takes up to 1,000 ids a request; smaller ones keep each answer quick and let the
// progress move on a selection of thousands.
const IDS_PER_REQUEST = 100;
const CONCURRENCY = 2;

/**
 * Sends the same change for every id, a chunk at a time, telling `onProgress` how many have been
 * answered. A change the server refuses as such (400: a date it cannot take) is not sent again
 * for the chunks left: they would be refused the same way.
 */
export async function patchAssets(
  ids: readonly string[],
  patch: BulkPatch,
  onProgress: (answered: number) => void,
): Promise<BulkEditOutcome> {
  const outcome: BulkEditOutcome = { total: ids.length, updated: 0, notFound: 0, failed: 0 };
  let refused: ApiError | undefined;
  let answered = 0;
  const failures = await runLimited(chunksOf(ids, IDS_PER_REQUEST), CONCURRENCY, async (chunk) => {
    try {
      if (refused) throw refused;
      const { results } = await ok(api.PATCH('/api/assets', { body: { ids: chunk, ...patch } }));
      for (const result of results) {
        if (result.status === 'updated') outcome.updated += 1;
        else outcome.notFound += 1;
        // The viewer shows the new values on its next look.
        forgetAsset(result.id);
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) refused = error;
      throw error;
    } finally {
      answered += chunk.length;
      onProgress(answered);
    }
  });
  for (const { item } of failures) outcome.failed += item.length;
  if (failures[0]) outcome.error = failures[0].error.message;
  return outcome;
}
