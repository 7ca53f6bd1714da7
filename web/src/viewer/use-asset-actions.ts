import { useCallback, type Dispatch, type SetStateAction } from 'react';
import { api, ok, type Asset } from '../api/client';
import { emitAssetsChanged } from '../app/events';
import { forgetAsset, saveAsset } from './asset-cache';
import type { Neighbours } from './use-neighbours';
import type { Notice } from './use-notice';
import type { AssetSequence } from './sequence';

interface AssetActionsContext {
  current: Asset | undefined;
  setAsset: Dispatch<SetStateAction<Asset | undefined>>;
  known: Neighbours | undefined;
  sequence: AssetSequence;
  close(): void;
  onChange(id: string): void;
  announce(text: string): void;
  setNotice(notice: Notice): void;
}

/** What the owner can do to the asset on screen: favorite it, or move it to the trash (with Undo). */
export function useAssetActions({
  current,
  setAsset,
  known,
  sequence,
  close,
  onChange,
  announce,
  setNotice,
}: AssetActionsContext) {
  const toggleFavorite = useCallback(async () => {
    if (!current) return;
    const isFavorite = !current.isFavorite;
    setAsset({ ...current, isFavorite });
    try {
      const updated = await ok(
        api.PATCH('/api/assets/{id}', {
          params: { path: { id: current.id } },
          body: { isFavorite },
        }),
      );
      saveAsset(updated);
      setAsset((a) => (a?.id === updated.id ? updated : a));
      announce(isFavorite ? 'Added to favorites' : 'Removed from favorites');
      emitAssetsChanged();
    } catch (e) {
      setAsset((a) => (a?.id === current.id ? current : a));
      setNotice({ text: `Could not change the favorite: ${(e as Error).message}`, isError: true });
    }
  }, [current, setAsset, announce, setNotice]);

  const moveToTrash = useCallback(async () => {
    if (!current) return;
    const id = current.id;
    // Asked before the trash: once the page reloads its list, this asset has no neighbours.
    const [next, previous] = known
      ? [known.next, known.previous]
      : await Promise.all([sequence.neighbour(id, 1), sequence.neighbour(id, -1)]);
    try {
      await ok(api.DELETE('/api/assets/{id}', { params: { path: { id } } }));
    } catch (e) {
      setNotice({ text: `Could not move to the trash: ${(e as Error).message}`, isError: true });
      return;
    }
    forgetAsset(id);
    emitAssetsChanged();
    const then = next ?? previous;
    if (!then) return close();
    setNotice({
      text: 'Moved to the trash',
      undo: () => {
        ok(api.POST('/api/assets/{id}/restore', { params: { path: { id } } })).then(
          () => {
            emitAssetsChanged();
            setNotice({ text: 'Restored' });
            onChange(id);
          },
          (e: Error) => setNotice({ text: `Could not restore: ${e.message}`, isError: true }),
        );
      },
    });
    onChange(then);
  }, [current, known, sequence, close, onChange, setNotice]);

  return { toggleFavorite, moveToTrash };
}
