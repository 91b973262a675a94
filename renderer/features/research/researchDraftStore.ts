import { create } from 'zustand';
import type { SweepDraft } from './sweepDraft';

interface ResearchDraftStore {
  /** The research form; kept while the user looks at results and comes back to refine it. */
  draft: SweepDraft | null;
  load: (draft: SweepDraft) => void;
  update: (fn: (draft: SweepDraft) => SweepDraft) => void;
}

export const useResearchDraft = create<ResearchDraftStore>((set) => ({
  draft: null,
  load: (draft) => set({ draft }),
  update: (fn) => set((s) => (s.draft ? { draft: fn(s.draft) } : s)),
}));
