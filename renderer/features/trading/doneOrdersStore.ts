import { create } from 'zustand';
import type { TradingOrderDto } from '../../../core/ipc/contract/trading';
import { recordDone } from './tradingCache';

interface DoneOrdersStore {
  /** Orders that ended (filled, cancelled, rejected) while the app was open; the engine's state lists only open ones. */
  done: TradingOrderDto[];
  record: (order: TradingOrderDto) => void;
}

export const useDoneOrders = create<DoneOrdersStore>((set) => ({
  done: [],
  record: (order) => set((s) => ({ done: recordDone(s.done, order) })),
}));
