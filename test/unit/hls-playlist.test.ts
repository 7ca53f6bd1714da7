import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withToken } from '../../src/core/media/hls-playlist.js';

describe('HLS playlists for a link with a password', () => {
  it('adds the token to every name, on its own line or in a URI attribute', () => {
    const playlist = [
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      '#EXT-X-MAP:URI="init.mp4"',
      '#EXT-X-STREAM-INF:BANDWIDTH=140800,RESOLUTION=160x120',
      'stream_0.m3u8',
      '',
      '#EXTINF:6.000000,',
      'stream_0_000.ts?part=1',
      '#EXT-X-ENDLIST',
      '',
    ].join('\n');
    assert.equal(
      withToken(playlist, 'a+b/c'),
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-MAP:URI="init.mp4?token=a%2Bb%2Fc"',
        '#EXT-X-STREAM-INF:BANDWIDTH=140800,RESOLUTION=160x120',
        'stream_0.m3u8?token=a%2Bb%2Fc',
        '',
        '#EXTINF:6.000000,',
        'stream_0_000.ts?part=1&token=a%2Bb%2Fc',
        '#EXT-X-ENDLIST',
        '',
      ].join('\n'),
    );
  });

  it('keeps the line ends of a CRLF playlist', () => {
    assert.equal(withToken('#EXTM3U\r\nseg.ts\r\n', 't'), '#EXTM3U\r\nseg.ts?token=t\r\n');
  });
});
