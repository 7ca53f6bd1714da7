/**
 * A playlist whose URIs all carry `name=value` too. A player resolves a playlist's names against
 * the playlist's own URL and drops its query, so a parameter the whole set needs must be written
 * into every name: the token of a link with a password (else the variant playlists and segments
 * are refused), and the set's version (so they may be cached for good; see [Note: HLS caching] in
 * core/assets/playback-service.ts). Both forms of URI are rewritten: a line of its own, and a
 * `URI="..."` attribute (a key, a map, an alternative track).
 *
 * @example
 *   withQuery('#EXTM3U\nstream_0.m3u8\n', 'token', 'abc') // '#EXTM3U\nstream_0.m3u8?token=abc\n'
 */
export function withQuery(playlist: string, name: string, value: string): string {
  const add = (uri: string) =>
    `${uri}${uri.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(value)}`;
  return playlist
    .split('\n')
    .map((line) => {
      const bare = line.trimEnd();
      if (bare === '') return line;
      if (!bare.startsWith('#')) return add(bare) + line.slice(bare.length);
      return line.replace(/URI="([^"]*)"/g, (_, uri: string) => `URI="${add(uri)}"`);
    })
    .join('\n');
}

/** See withQuery: the token of a link with a password, on every name. */
export const withToken = (playlist: string, token: string): string =>
  withQuery(playlist, 'token', token);
