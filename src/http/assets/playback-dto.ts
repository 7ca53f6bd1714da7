import { Type } from '@sinclair/typebox';

export const PlaybackDto = Type.Object({
  status: Type.Union(
    [
      Type.Literal('pending'),
      Type.Literal('original'),
      Type.Literal('encoded'),
      Type.Literal('failed'),
    ],
    {
      description:
        '`original`: the original plays in every browser as it is; `encoded`: a copy was made ' +
        'that does; `pending`: not decided yet; `failed`: see `error`',
    },
  ),
  error: Type.Union([Type.String(), Type.Null()]),
  hls: Type.Boolean({ description: 'An HLS set exists at /api/assets/{id}/hls/index.m3u8' }),
});
