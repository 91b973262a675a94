import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_CALL_CHANNEL, BRIDGE_EVENT_CHANNEL, BRIDGE_GLOBAL, type TradedeskBridge } from '../core/ipc/bridge';
import type { CallResult } from '../core/ipc/wire';

const unreachable: CallResult = { ok: false, error: { code: 'UNAVAILABLE', message: 'the engine is not reachable' } };

/**
 * The page's whole view of the engine: one call and one event subscription on the fixed channel
 * pair. ipcRenderer itself, and the IPC event (whose `sender` is ipcRenderer), never reach the page.
 */
function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): TradedeskBridge {
  return {
    call(method, input) {
      // Same frame as the WebSocket transport sends, minus the id that invoke makes unnecessary.
      return (ipc.invoke(BRIDGE_CALL_CHANNEL, { method, input: input ?? {} }) as Promise<CallResult>).catch(() => unreachable);
    },
    onEvent(listener) {
      const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
        if (typeof name === 'string') listener(name, payload);
      };
      ipc.on(BRIDGE_EVENT_CHANNEL, forward);
      return () => {
        ipc.removeListener(BRIDGE_EVENT_CHANNEL, forward);
      };
    },
  };
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer));
