import { create } from 'zustand';

/**
 * A round trip's id on screen: its symbol and entry time, which no two of a run's trips share (a
 * symbol holds one trip at a time). The price chart's markers and the trade tables use the same id.
 */
export function tradeIdOf(t: { instrument: string; entryTs: number }): string {
  return `${t.instrument}@${t.entryTs}`;
}

interface SelectedTradeStore {
  /** The run on screen: a selection does not follow the user to another run. */
  runId: string | null;
  tradeId: string | null;
  /** Called by the run detail screen; a different run clears the selection. */
  enterRun: (runId: string) => void;
  /** Selects a trade of the run on screen; selecting the selected one again clears it. */
  toggle: (tradeId: string) => void;
  select: (tradeId: string | null) => void;
}

/** The trade picked in run detail (table, scatter or price chart), shared so each view shows the same one. */
export const useSelectedTradeStore = create<SelectedTradeStore>((set) => ({
  runId: null,
  tradeId: null,
  enterRun: (runId) => set((s) => (s.runId === runId ? s : { runId, tradeId: null })),
  toggle: (tradeId) => set((s) => ({ tradeId: s.tradeId === tradeId ? null : tradeId })),
  select: (tradeId) => set({ tradeId }),
}));

/** The selected trade id of `runId`, or null when the selection belongs to another run. */
export function useSelectedTradeId(runId: string): string | null {
  return useSelectedTradeStore((s) => (s.runId === runId ? s.tradeId : null));
}
