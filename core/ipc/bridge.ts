import type { CallResult } from './wire';

/** The two channels of the Electron bridge: one for calls (invoke), one for pushed events. */
export const BRIDGE_CALL_CHANNEL = 'tradedesk:call';
export const BRIDGE_EVENT_CHANNEL = 'tradedesk:event';
/** The name the preload exposes the bridge under on `window`. */
export const BRIDGE_GLOBAL = 'tradedesk';

/** What the preload exposes to the renderer: one call method and one event subscription, nothing else. */
export interface TradedeskBridge {
  call(method: string, input: unknown): Promise<CallResult>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}
