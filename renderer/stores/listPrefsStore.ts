import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { RunStatus } from '../api/queryKeys';
import type { SortDir, SortKey } from '../features/backtests/sortRuns';

interface ListPrefs {
  sortKey: SortKey;
  sortDir: SortDir;
  search: string;
  status: RunStatus | '';
  /** Clicking the sorted column flips its direction; another column starts descending (newest, best first). */
  sortBy: (key: SortKey) => void;
  setSearch: (search: string) => void;
  setStatus: (status: RunStatus | '') => void;
}

/** The backtests list's sort and filter, kept across reloads. */
export const useListPrefs = create<ListPrefs>()(
  persist(
    (set) => ({
      sortKey: 'createdAt',
      sortDir: 'desc',
      search: '',
      status: '',
      sortBy: (key) =>
        set((s) => (s.sortKey === key ? { sortDir: s.sortDir === 'asc' ? 'desc' : 'asc' } : { sortKey: key, sortDir: 'desc' })),
      setSearch: (search) => set({ search }),
      setStatus: (status) => set({ status }),
    }),
    {
      name: 'tradedesk.backtests.list',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ sortKey: s.sortKey, sortDir: s.sortDir, search: s.search, status: s.status }),
    },
  ),
);
