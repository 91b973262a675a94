import { create } from 'zustand';

export const MAX_COMPARE = 4;
export const MIN_COMPARE = 2;

/** Adds the run if absent (up to MAX_COMPARE), removes it if present. */
export function toggleSelection(ids: readonly string[], id: string): string[] {
  if (ids.includes(id)) return ids.filter((x) => x !== id);
  return ids.length >= MAX_COMPARE ? [...ids] : [...ids, id];
}

interface CompareStore {
  /** Runs ticked in the list for comparison, in the order they were picked. */
  selected: string[];
  toggle: (id: string) => void;
  set: (ids: string[]) => void;
  clear: () => void;
}

export const useCompareStore = create<CompareStore>((set) => ({
  selected: [],
  toggle: (id) => set((s) => ({ selected: toggleSelection(s.selected, id) })),
  set: (ids) => set({ selected: ids.slice(0, MAX_COMPARE) }),
  clear: () => set({ selected: [] }),
}));
