/** A tile as keyboard navigation sees it: tiles of one row share their top. */
export interface NavTile {
  id: string;
  top: number;
  left: number;
  width: number;
}

/**
 * The tile the arrow keys (and Home/End) move focus to from `currentId`, through tiles in
 * reading order; Up and Down go to the nearest tile, horizontally, of the row above or below.
 */
export function nextFocus(
  tiles: readonly NavTile[],
  currentId: string,
  key: string,
): string | undefined {
  const i = tiles.findIndex((t) => t.id === currentId);
  if (i < 0) return tiles[0]?.id;
  switch (key) {
    case 'ArrowLeft':
      return tiles[i - 1]?.id;
    case 'ArrowRight':
      return tiles[i + 1]?.id;
    case 'Home':
      return tiles[0]?.id;
    case 'End':
      return tiles.at(-1)?.id;
    case 'ArrowUp':
    case 'ArrowDown':
      return nearestInNextRow(tiles, i, key === 'ArrowUp' ? -1 : 1);
    default:
      return undefined;
  }
}

function nearestInNextRow(tiles: readonly NavTile[], i: number, step: 1 | -1) {
  const current = tiles[i]!;
  let j = i;
  while (tiles[j] && tiles[j]!.top === current.top) j += step;
  const rowTop = tiles[j]?.top;
  if (rowTop === undefined) return undefined;
  const center = current.left + current.width / 2;
  let best: NavTile | undefined;
  for (; tiles[j] && tiles[j]!.top === rowTop; j += step) {
    const t = tiles[j]!;
    const distance = Math.abs(t.left + t.width / 2 - center);
    if (!best || distance < Math.abs(best.left + best.width / 2 - center)) best = t;
  }
  return best?.id;
}
