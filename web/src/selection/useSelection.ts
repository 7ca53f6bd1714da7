import { useMemo, useState } from 'react';
import type { GridItem } from '../timeline/grid-item';
import * as pure from './selection';

export interface Selection {
  state: pure.SelectionState;
  count: number;
  isSelected(id: string): boolean;
  toggle(item: GridItem): void;
  /** Shift-click: from the last clicked item to this one, through `order` (as shown). */
  selectRange(order: readonly GridItem[], item: GridItem): void;
  toggleAll(items: readonly GridItem[]): void;
  clear(): void;
}

export function useSelection(): Selection {
  const [state, setState] = useState(pure.emptySelection);
  return useMemo(
    () => ({
      state,
      count: state.items.size,
      isSelected: (id) => state.items.has(id),
      toggle: (item) => setState((s) => pure.toggle(s, item)),
      selectRange: (order, item) => setState((s) => pure.selectRange(s, order, item)),
      toggleAll: (items) => setState((s) => pure.toggleAll(s, items)),
      clear: () => setState(pure.emptySelection),
    }),
    [state],
  );
}
