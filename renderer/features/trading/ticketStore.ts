import { create } from 'zustand';
import { EMPTY_TICKET, type TicketDraft } from './ticketModel';

interface TicketStore {
  /** The order ticket as typed; kept while the trader visits other screens. */
  draft: TicketDraft;
  update: (changes: Partial<TicketDraft>) => void;
  clear: () => void;
}

export const useTicketStore = create<TicketStore>((set) => ({
  draft: EMPTY_TICKET,
  update: (changes) => set((s) => ({ draft: { ...s.draft, ...changes } })),
  clear: () => set({ draft: EMPTY_TICKET }),
}));
