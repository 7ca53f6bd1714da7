import type { GridItem } from '../timeline/grid-item';

/** What is selected, and the item a shift-click range starts from. */
export interface SelectionState {
  items: ReadonlyMap<string, GridItem>;
  anchor?: string;
}

export const emptySelection: SelectionState = { items: new Map() };

/** Selects the item, or unselects it; either way it becomes the start of the next range. */
export function toggle(state: SelectionState, item: GridItem): SelectionState {
  const items = new Map(state.items);
  if (items.has(item.id)) items.delete(item.id);
  else items.set(item.id, item);
  return { items, anchor: item.id };
}

/**
 * Shift-click: selects every item between the anchor and the target, both included, in the
 * order shown. Without an anchor in `order` (nothing clicked yet, or its month unloaded) it
 * toggles the target alone.
 */
export function selectRange(
  state: SelectionState,
  order: readonly GridItem[],
  target: GridItem,
): SelectionState {
  const from = state.anchor === undefined ? -1 : order.findIndex((i) => i.id === state.anchor);
  const to = order.findIndex((i) => i.id === target.id);
  if (from < 0 || to < 0) return toggle(state, target);
  const items = new Map(state.items);
  for (const item of order.slice(Math.min(from, to), Math.max(from, to) + 1))
    items.set(item.id, item);
  return { items, anchor: target.id };
}

/** Selects all of these (a day), or unselects them all when they already are. */
export function toggleAll(state: SelectionState, group: readonly GridItem[]): SelectionState {
  const items = new Map(state.items);
  const allSelected = group.every((i) => items.has(i.id));
  for (const item of group) {
    if (allSelected) items.delete(item.id);
    else items.set(item.id, item);
  }
  return { items, anchor: group[0]?.id ?? state.anchor };
}

export const allSelected = (state: SelectionState, group: readonly GridItem[]) =>
  group.length > 0 && group.every((i) => state.items.has(i.id));
