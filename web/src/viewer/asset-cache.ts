import { api, ok, thumbnailUrl, type Asset } from '../api/client';

/**
 * The assets the viewer has fetched, so stepping to a neighbour it preloaded shows at once. Small
 * and forgetful on purpose: a person steps back and forth around one place.
 */
const MAX_CACHED = 40;
const cache = new Map<string, Promise<Asset>>();

/** The asset, from the cache unless `fresh` (after a change, or while it is still processing). */
export function fetchAsset(id: string, options: { fresh?: boolean } = {}): Promise<Asset> {
  const cached = cache.get(id);
  if (cached && !options.fresh) return cached;
  const request = ok(api.GET('/api/assets/{id}', { params: { path: { id } } }));
  remember(id, request);
  request.catch(() => cache.delete(id));
  return request;
}

/** Keeps what the server answered after a change (a favorite), so a step back shows it. */
export function saveAsset(asset: Asset): void {
  remember(asset.id, Promise.resolve(asset));
}

export function forgetAsset(id: string): void {
  cache.delete(id);
}

function remember(id: string, value: Promise<Asset>) {
  cache.delete(id);
  cache.set(id, value);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
}

/** Still changing on the server: processing, or a video whose playable copy is being made. */
export const isSettling = (a: Asset) =>
  a.status === 'processing' || (a.type === 'video' && a.playback?.status === 'pending');

// Held so the browser keeps fetching; only the last few matter.
const preloading: HTMLImageElement[] = [];

/** Fetches a neighbour and its preview into the browser cache, ready for the next step. */
export function preloadAsset(id: string): void {
  fetchAsset(id).then(
    (asset) => {
      if (asset.status !== 'ready') return;
      const image = new Image();
      image.decoding = 'async';
      image.src = thumbnailUrl(id, asset.thumbnailVersion, 'preview');
      preloading.push(image);
      if (preloading.length > 4) preloading.shift();
    },
    () => {},
  );
}
