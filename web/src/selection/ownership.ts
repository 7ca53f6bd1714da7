import type { GridItem } from '../timeline/grid-item';

/*
 * [Note: Someone else's photos in a selection]
 * A grid may show photos that are not mine: a partner's in my timeline, or another member's in a
 * shared album; their items carry `ownerId`. Favorite, archive, trash, add to album and share
 * link are the owner's to do (the server refuses anyone else), so the selection bar applies them
 * to my own items only and says so ("Archive (3 of 5)", "2 are Alice’s; only your 3 are
 * changed"), and leaves them out when nothing selected is mine. Download applies to all, and so
 * do an album page's own actions (the album's roles decide those, on the server).
 */

export interface Ownership {
  /** My own items: what the owner's actions apply to. */
  own: GridItem[];
  /** Everyone else's, by owner, the owner with most first. */
  others: { ownerId: string; count: number }[];
  total: number;
}

export function ownershipOf(items: readonly GridItem[]): Ownership {
  const own: GridItem[] = [];
  const counts = new Map<string, number>();
  for (const item of items) {
    if (item.ownerId === undefined) own.push(item);
    else counts.set(item.ownerId, (counts.get(item.ownerId) ?? 0) + 1);
  }
  const others = [...counts]
    .map(([ownerId, count]) => ({ ownerId, count }))
    .sort((a, b) => b.count - a.count);
  return { own, others, total: items.length };
}

/** Some of the selection is mine and some is not: the owner's actions apply to fewer. */
export const isMixed = (o: Ownership) => o.own.length > 0 && o.own.length < o.total;

/** An owner's action's label: as it is when all is mine, "Archive (3 of 5)" when not. */
export const ownLabel = (label: string, o: Ownership): string =>
  isMixed(o) ? `${label} (${o.own.length} of ${o.total})` : label;

/** "Alice’s", "Alice’s and Bob’s", "Alice’s, Bob’s and Carl’s"; a name not known: "someone else’s". */
export function ownersPossessive(
  others: Ownership['others'],
  names: ReadonlyMap<string, string>,
): string {
  const known = others.map((o) => names.get(o.ownerId));
  if (known.some((name) => name === undefined)) return 'someone else’s';
  const words = known.map((name) => `${name}’s`);
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

/**
 * Said beside the count when someone else's photos are selected: why the owner's actions count
 * fewer, or are missing. Undefined when everything selected is mine.
 */
export function othersNote(o: Ownership, names: ReadonlyMap<string, string>): string | undefined {
  if (o.others.length === 0) return undefined;
  const whose = ownersPossessive(o.others, names);
  const theirs = o.total - o.own.length;
  if (o.own.length === 0)
    return o.total === 1
      ? `This is ${whose} to change; you can download it.`
      : `These are ${whose} to change; you can download them.`;
  const mine = o.own.length === 1 ? 'only yours is' : `only your ${o.own.length} are`;
  return `${theirs} ${theirs === 1 ? 'is' : 'are'} ${whose}; ${mine} changed.`;
}
