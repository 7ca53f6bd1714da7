/**
 * A playlist whose URIs carry `token=` too. A player resolves a playlist's names against the
 * playlist's own URL and drops its query, so without this the variant playlists and segments of
 * a link with a password would be asked for without the token, and refused. Both forms of URI are
 * rewritten: a line of its own, and a `URI="..."` attribute (a key, a map, an alternative track).
 *
 * @example
 *   withToken('#EXTM3U\nstream_0.m3u8\n', 'abc') // '#EXTM3U\nstream_0.m3u8?token=abc\n'
 */
export function withToken(playlist: string, token: string): string {
  const add = (uri: string) =>
    `${uri}${uri.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
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
