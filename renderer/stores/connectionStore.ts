import { create } from 'zustand';
import type { ConnectionState } from '../../core/ipc/client';
import type { TransportKind } from '../api/chooseTransport';

interface ConnectionStore {
  kind: TransportKind;
  state: ConnectionState;
  /** Why the engine refused this page (wrong or missing token, foreign origin); null if it did not. */
  refused: string | null;
}

export const useConnectionStore = create<ConnectionStore>(() => ({ kind: 'web', state: 'connecting', refused: null }));
