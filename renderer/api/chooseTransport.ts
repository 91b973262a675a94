import { BRIDGE_GLOBAL } from '../../core/ipc/bridge';
import type { Transport } from '../../core/ipc/client';
import { createWsTransport } from '../../core/ipc/wsClientTransport';
import { createBridgeTransport, isBridge } from './bridgeTransport';
import { engineWsUrl } from './wsUrl';

export type TransportKind = 'electron' | 'web';

export interface ChosenTransport {
  kind: TransportKind;
  transport: Transport;
}

/** The Electron bridge when the preload exposed one, else the engine's WebSocket (web mode). */
export function chooseTransport(win: Window, onRefused: (reason: string) => void): ChosenTransport {
  const bridge: unknown = (win as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  if (isBridge(bridge)) return { kind: 'electron', transport: createBridgeTransport(bridge) };
  return { kind: 'web', transport: createWsTransport({ url: engineWsUrl(win.location), onRefused }) };
}
