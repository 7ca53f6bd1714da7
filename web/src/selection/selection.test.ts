import { describe, expect, it } from 'vitest';
import { item } from '../timeline/test-items';
import { allSelected, emptySelection, selectRange, toggle, toggleAll } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'].map((id) => item(id, '2026-11-25T10:00:00'));
const [a, b, c, d, e] = order as [ReturnType<typeof item>, ...ReturnType<typeof item>[]];
const ids = (s: { items: ReadonlyMap<string, unknown> }) => [...s.items.keys()].sort();

describe('selection', () => {
  it('toggles one item, remembering it as the start of a range', () => {
    const one = toggle(emptySelection, b!);
    expect(ids(one)).toEqual(['b']);
    expect(one.anchor).toBe('b');
    expect(ids(toggle(one, b!))).toEqual([]);
  });

  it('selects the range between the last clicked and a shift-clicked item, either way', () => {
    expect(ids(selectRange(toggle(emptySelection, b!), order, d!))).toEqual(['b', 'c', 'd']);
    expect(ids(selectRange(toggle(emptySelection, e!), order, c!))).toEqual(['c', 'd', 'e']);
    const extended = selectRange(selectRange(toggle(emptySelection, a), order, b!), order, d!);
    expect(ids(extended)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('toggles the target alone when there is nothing to range from', () => {
    expect(ids(selectRange(emptySelection, order, c!))).toEqual(['c']);
  });

  it('selects a whole day, or unselects it when all of it is selected', () => {
    const day = [b!, c!];
    const some = toggleAll(toggle(emptySelection, b!), day);
    expect(ids(some)).toEqual(['b', 'c']);
    expect(allSelected(some, day)).toBe(true);
    expect(ids(toggleAll(some, day))).toEqual([]);
  });
});
