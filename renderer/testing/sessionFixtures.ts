import type { SessionDetailDto, SessionSummaryDto } from '../../core/ipc/contract/sessions';
import type { TradingStateDto } from '../../core/ipc/contract/trading';

/**
 * Canned session answers for component tests, each checked against the contract by the fake
 * engine's router. Bar stamps are daily (00:00 UTC); wall-clock stamps are 2024-05-02 around 14:00.
 */

export const SESSION_ID = 'sess-1';
export const RUN_ID = '00000000-0000-4000-8000-0000000000c3';
export const DAY = 86_400_000;
/** 2013-03-01, a daily bar's stamp. */
export const BAR0 = Date.UTC(2013, 2, 1);
export const WALL0 = new Date(2024, 4, 2, 14, 0, 0).getTime();

export const sessionSummary = (over: Partial<SessionSummaryDto> = {}): SessionSummaryDto => ({
  id: SESSION_ID,
  name: 'goog-forward',
  mode: 'PAPER',
  broker: 'ib',
  strategy: 'sma-cross',
  strategyVersion: 'sma-cross@0.1.0',
  sourceRunId: null,
  state: 'running',
  reason: null,
  attached: true,
  createdAt: WALL0,
  updatedAt: WALL0,
  stoppedAt: null,
  lastDecidedTs: BAR0 + 2 * DAY,
  decisions: 3,
  initialCash: 100_000,
  equity: 100_250.5,
  pnlToday: 120.25,
  pnlTotal: 250.5,
  ...over,
});

export const sessionDetail = (over: Partial<SessionDetailDto> = {}): SessionDetailDto => ({
  session: sessionSummary(),
  curve: [
    { ts: BAR0, live: 100_000, backtest: 100_000 },
    { ts: BAR0 + DAY, live: 100_130.25, backtest: 100_140 },
    { ts: BAR0 + 2 * DAY, live: 100_250.5, backtest: 100_270 },
  ],
  fills: [
    {
      decisionTs: BAR0,
      instrument: 'GOOG',
      side: 'BUY',
      decisionPrice: 400,
      arrivalQuote: 400.1,
      live: { quantity: 225, price: 400.3, commission: 1.13 },
      backtest: { quantity: 225, price: 400.3, commission: 1.13 },
      slippageVsDecisionBps: 7.5,
      slippageVsQuoteBps: 2.5,
      slippageVsBacktestBps: 0,
      submitMs: 4,
      ackMs: 120,
      fillMs: 340,
    },
    {
      decisionTs: BAR0 + DAY,
      instrument: 'GOOG',
      side: 'SELL',
      decisionPrice: 410,
      arrivalQuote: 410.1,
      live: { quantity: 225, price: 409.6, commission: 1.13 },
      backtest: { quantity: 225, price: 409.8, commission: 1.13 },
      slippageVsDecisionBps: 9.76,
      slippageVsQuoteBps: 2.5,
      slippageVsBacktestBps: 4.88,
      submitMs: null,
      ackMs: null,
      fillMs: 500,
    },
    {
      decisionTs: BAR0 + 2 * DAY,
      instrument: 'GOOG',
      side: 'BUY',
      decisionPrice: 405,
      arrivalQuote: 405.1,
      live: null,
      backtest: { quantity: 220, price: 405.4, commission: 1.1 },
      slippageVsDecisionBps: null,
      slippageVsQuoteBps: null,
      slippageVsBacktestBps: null,
      submitMs: null,
      ackMs: null,
      fillMs: null,
    },
  ],
  orders: [
    {
      clientOrderRef: 'TDabc-1-1',
      decisionTs: BAR0,
      instrument: 'GOOG',
      side: 'BUY',
      quantity: 225,
      status: 'FILLED',
      filledQuantity: 225,
      avgFillPrice: 400.3,
      decisionPrice: 400,
      arrivalQuote: null,
      decidedAt: WALL0 + 1000 - 4,
      sentAt: WALL0 + 1000,
      acknowledgedAt: WALL0 + 1120,
      filledAt: WALL0 + 1340,
    },
    {
      clientOrderRef: 'TDabc-2-1',
      decisionTs: BAR0 + DAY,
      instrument: 'GOOG',
      side: 'SELL',
      quantity: 225,
      status: 'FILLED',
      filledQuantity: 225,
      avgFillPrice: 409.6,
      decisionPrice: 410,
      arrivalQuote: null,
      decidedAt: WALL0 + 5000 - 4,
      sentAt: WALL0 + 5000,
      acknowledgedAt: null,
      filledAt: WALL0 + 5500,
    },
  ],
  actions: [
    { ts: WALL0 + 6000, action: 'RISK_REJECTED', instrument: 'GOOG', detail: '{"source":"strategy","side":"BUY","quantity":5000,"reason":"max_position_usd exceeded"}' },
    { ts: WALL0 + 7000, action: 'SESSION_LIMIT', instrument: null, detail: '{"reason":"daily loss 2,100 over 2,000","equity":97900.5}' },
  ],
  summary: {
    liveFills: 2,
    backtestFills: 3,
    identical: 1,
    meanSlippageVsDecisionBps: 8.63,
    meanSlippageVsBacktestBps: 2.44,
    fillRate: 1,
    rejectionRate: 0,
    implementationShortfallBps: 9.1,
    medianAckMs: 120,
    medianFillMs: 420,
  },
  calibration: {
    fills: 2,
    slippageBps: 6.63,
    spreadBps: 4,
    limitFillProb: null,
    current: { slippageBps: 5, spreadBps: 4, limitFillProb: 1 },
    specYaml: 'name: goog-forward-calibrated\ndata:\n  csv:\n    - symbol: GOOG\n      csv: /data/GOOG.csv\nstrategy:\n  name: sma-cross\n  params:\n    fast: 2\n    slow: 6\ninitial_cash: 100000\nsimulator:\n  slippage_bps: 6.63\n  spread_bps: 4\n',
  },
  execution: {
    orders: 2,
    filled: 2,
    fillRate: 1,
    medianTimeToFillMs: 420,
    vsArrival: { count: 2, meanBps: 8.63, medianBps: 8.63, p95Bps: 9.76, histogram: [] },
    vsReference: { count: 0, meanBps: null, medianBps: null, p95Bps: null, histogram: [] },
    byType: [],
    bySize: [],
  },
  shadowError: null,
  ...over,
});

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
