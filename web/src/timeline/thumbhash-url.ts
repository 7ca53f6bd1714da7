import { thumbHashToDataURL } from 'thumbhash';

// Decoding a hash takes a fraction of a millisecond, but a scroll re-renders the same tiles many
// times; a bounded cache keeps it to once per photo while it is near the viewport.
const cache = new Map<string, string>();
const MAX = 3000;

/** A blurry data: URL standing in for the thumbnail until it arrives; undefined without a hash. */
export function placeholderUrl(thumbhash: string | null): string | undefined {
  if (!thumbhash) return undefined;
  let url = cache.get(thumbhash);
  if (url) return url;
  try {
    url = thumbHashToDataURL(Uint8Array.from(atob(thumbhash), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
  if (cache.size >= MAX) cache.clear();
  cache.set(thumbhash, url);
  return url;
}
