import { describe, expect, it } from 'vitest';
import type { AlbumActivityItem } from './albums-api';
import { likersText, summarize } from './photo-activity';

let n = 0;
const activity = (
  kind: 'like' | 'comment',
  user: { id: string; name: string },
  text: string | null = null,
): AlbumActivityItem => ({
  id: `a${++n}`,
  kind,
  user,
  assetId: 'photo',
  text,
  createdAt: `2026-05-01T10:00:0${n}.000Z`,
});
const vera = { id: 'u-vera', name: 'Vera' };
const ed = { id: 'u-ed', name: 'Ed' };
const me = { id: 'u-me', name: 'Alice' };
const kim = { id: 'u-kim', name: 'Kim' };

describe('a photo’s activity in the viewer', () => {
  it('counts the likes, says whether one is mine, and keeps the comments newest first', () => {
    // As the server lists them: newest first.
    const items = [
      activity('comment', ed, 'Second'),
      activity('like', me),
      activity('like', vera),
      activity('comment', vera, 'First'),
    ];
    const summary = summarize(items, me.id);
    expect(summary.likeCount).toBe(2);
    expect(summary.likedByMe).toBe(true);
    expect(summary.likers.map((u) => u.name)).toEqual(['Vera', 'Alice']);
    expect(summary.comments.map((c) => c.text)).toEqual(['Second', 'First']);
    expect(summarize(items, ed.id).likedByMe).toBe(false);
  });

  it('says who liked it, me first, and how many more', () => {
    const likes = (...users: { id: string; name: string }[]) =>
      summarize(users.map((u) => activity('like', u)).reverse(), me.id);
    expect(likersText(likes(), me.id)).toBeUndefined();
    expect(likersText(likes(vera), me.id)).toBe('Liked by Vera');
    expect(likersText(likes(vera, me), me.id)).toBe('Liked by you and Vera');
    expect(likersText(likes(vera, ed, me, kim), me.id)).toBe('Liked by you, Vera and 2 others');
    expect(likersText(likes(vera, ed, kim), me.id)).toBe('Liked by Vera, Ed and 1 other');
  });
});
