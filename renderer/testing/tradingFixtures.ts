import type { TradingStateDto } from '../../core/ipc/contract/trading';
import { WALL0 } from './sessionFixtures';

/** The trading state as the engine answers it, disconnected unless `over` says otherwise. */
export const tradingState = (over: Partial<TradingStateDto> = {}): TradingStateDto => ({
  mode: 'PAPER',
  liveArmed: false,
  armedAt: null,
  connection: { state: 'disconnected', preset: null, broker: null, host: null, port: null, clientId: null, detail: null, since: null, keysFrom: null },
  account: null,
  positions: [],
  openOrders: [],
  executions: [],
  log: [],
  risk: {
    limits: { allowed_symbols: [], max_order_size_usd: null, max_position_usd: null, max_portfolio_leverage: null, max_order_quantity: null, price_band_pct: null, lot_size: 1 },
    breaker: { enabled: true, tripped: false, since: null, reason: null, recentCount: 0, maxRejections: 5, windowSeconds: 300, recent: [] },
  },
  lastKillSwitch: null,
  unknownOrders: [],
  reconciliation: [],
  alpacaKeys: { environment: false, keychain: false, canStore: false },
  quotes: [],
  ...over,
});

/** Ready on the fake TWS at 127.0.0.1:7497, client 4. */
export const connectedState = (over: Partial<TradingStateDto> = {}): TradingStateDto =>
  tradingState({
    connection: { state: 'ready', preset: 'custom', broker: 'ib', host: '127.0.0.1', port: 7497, clientId: 4, detail: null, since: WALL0, keysFrom: null },
    ...over,
  });
