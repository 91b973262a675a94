import { create } from 'zustand';
import type { Spec } from '../features/newBacktest/specPath';

interface DraftStore {
  /** The New backtest form's spec; kept when the user leaves the screen and comes back. */
  spec: Spec | null;
  /** Where it was loaded from: 'defaults' or the run id it duplicates. */
  origin: string | null;
  load: (spec: Spec, origin: string) => void;
  update: (fn: (spec: Spec) => Spec) => void;
}

export const useDraftStore = create<DraftStore>((set) => ({
  spec: null,
  origin: null,
  load: (spec, origin) => set({ spec, origin }),
  update: (fn) => set((s) => (s.spec ? { spec: fn(s.spec) } : s)),
}));
