import { z } from 'zod';
import { executionAnalyticsSchema } from './execution';
import { CANCEL_OUTCOMES } from '../../broker/cancelOutcome';
import { ORDER_LIST_KINDS, ORDER_ROLES, ORDER_STATUSES, ORDER_TYPES, SIDES, TIME_IN_FORCE } from '../../domain/enums';
import { RISK_CHECK_NAMES, RISK_CHECK_STATUSES } from '../../engine/risk/riskTypes';
import { method } from '../contractTypes';
import { fillRecordSchema, noInput, nullableNum, num, orderRecordSchema, ts } from './common';

export const TRADING_MODES = ['PAPER', 'LIVE'] as const;
export type TradingMode = (typeof TRADING_MODES)[number];

/** What the trader types to arm LIVE trading; anything else is refused. */
export const LIVE_ARMING_PHRASE = 'TRADE WITH REAL MONEY';

export const CONNECTION_STATES = ['disconnected', 'connecting', 'ready', 'degraded', 'reconnecting'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export const BROKER_KINDS = ['ib', 'alpaca'] as const;
export type BrokerKind = (typeof BROKER_KINDS)[number];

export const CONNECTION_PRESETS = ['tws_paper', 'tws_live', 'gateway_paper', 'gateway_live', 'custom', 'alpaca_paper', 'alpaca_live'] as const;
export type ConnectionPreset = (typeof CONNECTION_PRESETS)[number];
/** The presets that reach TWS or IB Gateway; `custom` is a TWS at a host and port of the trader's choice. */
export type IbPreset = Exclude<ConnectionPreset, 'alpaca_paper' | 'alpaca_live'>;

/** The broker each preset connects to. */
export const PRESET_BROKERS: Record<ConnectionPreset, BrokerKind> = {
  tws_paper: 'ib',
  tws_live: 'ib',
  gateway_paper: 'ib',
  gateway_live: 'ib',
  custom: 'ib',
  alpaca_paper: 'alpaca',
  alpaca_live: 'alpaca',
};

/** IB's default API ports; `custom` takes the port given. */
export const PRESET_PORTS: Record<Exclude<IbPreset, 'custom'>, number> = {
  tws_paper: 7497,
  tws_live: 7496,
  gateway_paper: 4002,
  gateway_live: 4001,
};

/** The mode a preset trades in: a live port or Alpaca's live API needs LIVE armed first. */
export const PRESET_MODES: Record<Exclude<ConnectionPreset, 'custom'>, TradingMode> = {
  tws_paper: 'PAPER',
  tws_live: 'LIVE',
  gateway_paper: 'PAPER',
  gateway_live: 'LIVE',
  alpaca_paper: 'PAPER',
  alpaca_live: 'LIVE',
};

/** Where the Alpaca keys of a session came from; their values never leave the engine. */
export const KEY_SOURCES = ['environment', 'entered', 'keychain'] as const;
export type KeySource = (typeof KEY_SOURCES)[number];

const symbol = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9. /-]+$/, 'letters, digits, dot, slash, dash and space only')
  .transform((s) => s.toUpperCase());

export const connectionSchema = z.object({
  state: z.enum(CONNECTION_STATES),
  preset: z.enum(CONNECTION_PRESETS).nullable(),
  broker: z.enum(BROKER_KINDS).nullable(),
  /** TWS's host, or the host of Alpaca's trading API. */
  host: z.string().nullable(),
  port: nullableNum,
  clientId: nullableNum,
  /** The broker's own words on the last change (e.g. client id in use, connectivity lost). */
  detail: z.string().nullable(),
  since: ts.nullable(),
  /** Alpaca: where the session's keys came from (never the keys); null for IB. */
  keysFrom: z.enum(KEY_SOURCES).nullable(),
});
export type ConnectionDto = z.infer<typeof connectionSchema>;

/** What the connection panel needs to know about Alpaca keys before connecting (never the keys themselves). */
export const alpacaKeysStateSchema = z.object({
  /** APCA_API_KEY_ID and APCA_API_SECRET_KEY are both set in the engine's environment: they are used. */
  environment: z.boolean(),
  /** Keys entered earlier are kept in the OS keychain. */
  keychain: z.boolean(),
  /** Keys can be entered and kept in the OS keychain (the desktop app); web mode takes them from the environment only. */
  canStore: z.boolean(),
});
export type AlpacaKeysStateDto = z.infer<typeof alpacaKeysStateSchema>;

export const accountSchema = z.object({
  netLiquidation: num,
  cash: num,
  buyingPower: num,
  /** Null when the broker does not report it. */
  dayPnl: nullableNum,
  grossExposure: num,
  /** Gross exposure / equity; null when equity is not positive. */
  leverage: nullableNum,
  unrealizedPnl: num,
  realizedPnl: num,
});
export type AccountDto = z.infer<typeof accountSchema>;

export const positionSchema = z.object({
  instrument: z.string(),
  quantity: num,
  avgCost: num,
  /** The latest quote's last price when the symbol is subscribed, else the broker's mark. */
  marketPrice: num,
  marketValue: num,
  unrealizedPnl: num,
  realizedPnl: num,
});
export type PositionDto = z.infer<typeof positionSchema>;

/** A trailing order's trail: a price amount, or a percent of the best price since it went live. */
export const trailSchema = z.union([z.object({ amount: num }).strict(), z.object({ percent: num }).strict()]);

/** What few orders carry (see OrderExtras): a trail, a limit offset, a display size, a list membership. */
export const orderExtrasSchema = z.object({
  trail: trailSchema.optional(),
  limitOffset: num.optional(),
  /** Iceberg: the quantity shown at a time. */
  displayQuantity: num.optional(),
  link: z
    .object({
      listId: z.string(),
      kind: z.enum(ORDER_LIST_KINDS),
      role: z.enum(ORDER_ROLES),
      /** The order whose fill makes this one work (a bracket's entry); null for an entry. */
      parentId: z.string().nullable(),
    })
    .optional(),
});

export const tradingOrderSchema = orderRecordSchema.extend({
  side: z.enum(SIDES),
  type: z.enum(ORDER_TYPES),
  timeInForce: z.enum(TIME_IN_FORCE),
  status: z.enum(ORDER_STATUSES),
  /** A trailing order's stopPrice is its stop now; null for a plain order. */
  extras: orderExtrasSchema.nullable(),
});
export type TradingOrderDto = z.infer<typeof tradingOrderSchema>;

export const executionSchema = fillRecordSchema.extend({
  side: z.enum(SIDES),
  ts,
  /** The quote at submission (ask for a buy, bid for a sell, else last), or the fill price when none was known. */
  referencePrice: num,
  /** Cost against the reference price in currency: positive means worse for the trader. */
  slippage: num,
});
export type ExecutionDto = z.infer<typeof executionSchema>;

export const LOG_LEVELS = ['info', 'warning', 'error'] as const;
export const logEntrySchema = z.object({
  ts,
  level: z.enum(LOG_LEVELS),
  /** IB's message code (2104, 1100, 201, ...); null for the app's own connection events. */
  code: nullableNum,
  message: z.string(),
});
export type LogEntryDto = z.infer<typeof logEntrySchema>;

export const riskVerdictSchema = z.object({
  passed: z.boolean(),
  checks: z.array(z.object({ check: z.enum(RISK_CHECK_NAMES), status: z.enum(RISK_CHECK_STATUSES), detail: z.string() })),
  reasons: z.array(z.string()),
});

export const breakerSchema = z.object({
  enabled: z.boolean(),
  tripped: z.boolean(),
  since: ts.nullable(),
  reason: z.string().nullable(),
  recentCount: num,
  maxRejections: nullableNum,
  windowSeconds: nullableNum,
  recent: z.array(z.object({ at: ts, source: z.enum(['risk', 'broker']), reason: z.string() })),
});
export type BreakerDto = z.infer<typeof breakerSchema>;

const nullableLimit = nullableNum;
export const riskStateSchema = z.object({
  limits: z.object({
    allowed_symbols: z.array(z.string()),
    max_order_size_usd: nullableLimit,
    max_position_usd: nullableLimit,
    max_portfolio_leverage: nullableLimit,
    max_order_quantity: nullableLimit,
    price_band_pct: nullableLimit,
    lot_size: num,
  }),
  breaker: breakerSchema,
});
export type RiskStateDto = z.infer<typeof riskStateSchema>;

/** One open order the kill switch cancelled, and what the broker said about it (see core/broker/cancelOutcome). */
export const killSwitchCancelSchema = z.object({
  orderId: z.string(),
  clientOrderRef: z.string(),
  instrument: z.string(),
  side: z.enum(SIDES),
  quantity: num,
  /** The cancel command was taken (false: refused here, reason says why). */
  accepted: z.boolean(),
  reason: z.string().nullable(),
  outcome: z.enum(CANCEL_OUTCOMES),
  /** The broker's words on the outcome (e.g. its 10147 "not found"), or null. */
  detail: z.string().nullable(),
});
export type KillSwitchCancelDto = z.infer<typeof killSwitchCancelSchema>;

export const killSwitchReportSchema = z.object({
  at: ts,
  cancelled: z.array(killSwitchCancelSchema),
  flatten: z.array(
    z.object({
      instrument: z.string(),
      side: z.enum(SIDES),
      quantity: num,
      accepted: z.boolean(),
      orderId: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});
export type KillSwitchReportDto = z.infer<typeof killSwitchReportSchema>;

export const quoteSchema = z.object({
  symbol: z.string(),
  last: nullableNum,
  bid: nullableNum,
  ask: nullableNum,
  /** True when the account has no live data permission and the broker sends delayed prices. */
  delayed: z.boolean(),
  ts,
});
export type QuoteDto = z.infer<typeof quoteSchema>;

export const unknownOrderSchema = z.object({
  orderId: z.string(),
  clientOrderRef: z.string(),
  instrument: z.string(),
  side: z.enum(SIDES),
  quantity: num,
  detail: z.string(),
});
export type UnknownOrderDto = z.infer<typeof unknownOrderSchema>;

/** A difference a reconciliation found between the broker's records and the app's, shown until acknowledged. */
export const reconciliationDifferenceSchema = z.object({
  id: z.number().int(),
  ts,
  kind: z.enum(['position', 'unknown_order', 'external_order', 'unseen_fill']),
  instrument: z.string().nullable(),
  detail: z.string(),
});
export type ReconciliationDifferenceDto = z.infer<typeof reconciliationDifferenceSchema>;

export const modeStateSchema = z.object({
  mode: z.enum(TRADING_MODES),
  /** LIVE armed: a red banner shows, and every order needs confirm: true. */
  liveArmed: z.boolean(),
  armedAt: ts.nullable(),
});
export type ModeStateDto = z.infer<typeof modeStateSchema>;

/** Everything the trading screens show, in one answer. */
export const tradingStateSchema = modeStateSchema.extend({
  connection: connectionSchema,
  /** Null until the broker has reported the account. */
  account: accountSchema.nullable(),
  positions: z.array(positionSchema),
  openOrders: z.array(tradingOrderSchema),
  /** Newest first. */
  executions: z.array(executionSchema),
  /** The broker's message log, oldest first (a ring buffer of the latest entries). */
  log: z.array(logEntrySchema),
  risk: riskStateSchema,
  lastKillSwitch: killSwitchReportSchema.nullable(),
  unknownOrders: z.array(unknownOrderSchema),
  reconciliation: z.array(reconciliationDifferenceSchema),
  quotes: z.array(quoteSchema),
  alpacaKeys: alpacaKeysStateSchema,
});
export type TradingStateDto = z.infer<typeof tradingStateSchema>;

const price = num.optional();

/** A bracket's members, in the list's order. */
export const BRACKET_ROLES = ['ENTRY', 'TAKE_PROFIT', 'STOP_LOSS'] as const;
export type BracketRole = (typeof BRACKET_ROLES)[number];

/** The exits "Attach bracket" adds: on the other side of the entry, for its quantity, GTC, working once it fills. */
export const ticketBracketSchema = z
  .object({
    takeProfit: z.object({ limitPrice: num }).strict(),
    /** A stop at a price, or a trailing stop. */
    stopLoss: z.union([z.object({ stopPrice: num }).strict(), z.object({ trail: trailSchema }).strict()]),
  })
  .strict();

/**
 * The order ticket. Quantity, prices, trail, offset and display size are only required to be numbers
 * here: the risk checks and the order's own rules (the check's blockers) explain what is wrong with them.
 */
export const orderTicketSchema = z
  .object({
    instrument: symbol,
    side: z.enum(SIDES),
    type: z.enum(ORDER_TYPES),
    quantity: num,
    limitPrice: price,
    /** A trailing order's initial stop, when given. */
    stopPrice: price,
    timeInForce: z.enum(TIME_IN_FORCE).default('DAY'),
    /** TRAILING_STOP and TRAILING_STOP_LIMIT. */
    trail: trailSchema.optional(),
    /** TRAILING_STOP_LIMIT: how far past the stop its limit sits. */
    limitOffset: price,
    /** Iceberg, for limit-type orders: the quantity shown at a time. */
    displayQuantity: price,
    /** Sends the ticket's order as a bracket's entry, with these exits. */
    bracket: ticketBracketSchema.optional(),
  })
  .strict();
export type OrderTicket = z.output<typeof orderTicketSchema>;

/** One member's verdict of a bracket. */
export const memberVerdictSchema = z.object({ role: z.enum(BRACKET_ROLES), risk: riskVerdictSchema });
export type MemberVerdictDto = z.infer<typeof memberVerdictSchema>;

export const checkOrderResultSchema = z.object({
  /** The order (every member of a bracket) would be sent now: the risk checks pass and nothing blocks sending. */
  ok: z.boolean(),
  /** A bracket's: the first refused member's verdict, else the entry's (so `passed` is the list's); see `members`. */
  risk: riskVerdictSchema,
  /** Why it cannot be sent apart from the risk checks: not connected, circuit breaker tripped, the order's own rules. */
  blockers: z.array(z.string()),
  /** The price the checks used as the last price, null when none is known. */
  lastPrice: nullableNum,
  /** LIVE is armed: the send needs confirm: true. */
  needsConfirm: z.boolean(),
  /** A bracket: each member's verdict, entry first; absent for a single order. */
  members: z.array(memberVerdictSchema).optional(),
});
export type CheckOrderResult = z.infer<typeof checkOrderResultSchema>;

/** A sent bracket: its list id and each member's order. */
export const sentListSchema = z.object({
  listId: z.string(),
  orders: z.array(z.object({ role: z.enum(BRACKET_ROLES), orderId: z.string(), clientOrderRef: z.string() })),
});

export const submitResultSchema = z.object({
  accepted: z.boolean(),
  /** A bracket's entry. */
  orderId: z.string().nullable(),
  clientOrderRef: z.string().nullable(),
  reason: z.string().nullable(),
  /** As checkOrder's `risk`. */
  risk: riskVerdictSchema,
  /** A bracket: each member's verdict, entry first; absent for a single order. */
  members: z.array(memberVerdictSchema).optional(),
  /** A bracket the broker took: its members' orders; absent otherwise. */
  list: sentListSchema.optional(),
});
export type SubmitResultDto = z.infer<typeof submitResultSchema>;

export const connectInputSchema = z
  .object({
    preset: z.enum(CONNECTION_PRESETS),
    /** Default: the execution config's broker host. */
    host: z.string().trim().min(1).max(253).optional(),
    /** Required with `custom`; otherwise the preset's port unless given. */
    port: z.number().int().min(1).max(65_535).optional(),
    /** Default: the execution config's client id. */
    clientId: z.number().int().min(0).max(2_147_483_647).optional(),
    /** Alpaca: the trading API root instead of the config's (e.g. the fake's http://127.0.0.1:N); its stream is …/stream. */
    tradingUrl: z.url({ protocol: /^https?$/ }).max(300).optional(),
    /** Alpaca: the market-data API root instead of the config's; its stream is the same address over ws(s). */
    dataUrl: z.url({ protocol: /^https?$/ }).max(300).optional(),
    /** Alpaca keys typed in the desktop app (kept in the OS keychain when `remember`); web mode refuses them. */
    keyId: z.string().trim().min(1).max(200).optional(),
    secretKey: z.string().trim().min(1).max(200).optional(),
    remember: z.boolean().optional(),
  })
  .strict();
export type ConnectInput = z.output<typeof connectInputSchema>;

const orderId = z.string().min(1).max(100);

/** The broker took the command (or refused it, saying why); its outcome arrives as events. */
export const commandAckSchema = z.object({ accepted: z.boolean(), orderId: z.string(), reason: z.string().nullable() });
export type CommandAckDto = z.infer<typeof commandAckSchema>;

export const modifyInputSchema = z
  .object({
    orderId,
    quantity: num.optional(),
    limitPrice: price,
    stopPrice: price,
    /** A trailing order's new trail. */
    trail: trailSchema.optional(),
    /** Required (true) while LIVE is armed. */
    confirm: z.boolean().default(false),
  })
  .strict();
export type ModifyInput = z.output<typeof modifyInputSchema>;

export const historyResultSchema = z.object({
  /** The symbol the bars were stored under (another one when the trader kept both). */
  symbol: z.string(),
  bars: num,
  firstTs: ts,
  lastTs: ts,
  source: z.string(),
});
export type HistoryResultDto = z.infer<typeof historyResultSchema>;

const seriesSpan = { source: z.string(), bars: num, firstTs: ts, lastTs: ts };

/** A download of a symbol that already has a daily series: what replacing it would change, for the trader to decide. */
export const historyDecisionSchema = z.object({
  symbol: z.string(),
  stored: z.object({ ...seriesSpan, importedAt: ts }),
  download: z.object(seriesSpan),
  changes: z.object({
    added: num,
    changed: num,
    /** Stored bars the download does not have: replacing drops them. */
    removed: num,
    unchanged: num,
    firstChangeTs: ts.nullable(),
    lastChangeTs: ts.nullable(),
  }),
  /** Where "keep both" stores the download (e.g. GOOG:IB); null when the symbol is too long to carry a suffix. */
  keepBothAs: z.string().nullable(),
});
export type HistoryDecisionDto = z.infer<typeof historyDecisionSchema>;

/** Either stored at once (the symbol had no daily series) or waiting for the trader's decision. */
export const historyDownloadSchema = z.object({
  symbol: z.string(),
  written: historyResultSchema.nullable(),
  decision: historyDecisionSchema.nullable(),
});
export type HistoryDownloadDto = z.infer<typeof historyDownloadSchema>;

export const HISTORY_CHOICES = ['replace', 'keep_both', 'cancel'] as const;
export type HistoryChoice = (typeof HISTORY_CHOICES)[number];

export const tradingMethods = {
  'trading.state': method(noInput, tradingStateSchema),
  'trading.connect': method(connectInputSchema, connectionSchema),
  'trading.disconnect': method(noInput, connectionSchema),
  /** Forgets the Alpaca keys kept in the OS keychain. */
  'trading.forgetAlpacaKeys': method(noInput, alpacaKeysStateSchema),
  /** The pre-trade check the ticket shows before sending (each member's, for a bracket); sends nothing. */
  'trading.checkOrder': method(orderTicketSchema, checkOrderResultSchema),
  /** Sends the ticket's order; with a bracket, the entry and its exits as one list, taken or refused whole. */
  'trading.submitOrder': method(orderTicketSchema.extend({ confirm: z.boolean().default(false) }), submitResultSchema),
  'trading.cancelOrder': method(z.object({ orderId }).strict(), commandAckSchema),
  'trading.modifyOrder': method(modifyInputSchema, commandAckSchema.extend({ risk: riskVerdictSchema.nullable() })),
  /** The trader's decision that an unknown order never reached the broker: it is closed as cancelled. */
  'trading.dismissUnknownOrder': method(z.object({ orderId }).strict(), commandAckSchema),
  'trading.acknowledgeDifference': method(z.object({ id: z.number().int().positive() }).strict(), z.object({ acknowledged: z.boolean() })),
  /** Cancels every open order, and with flatten closes every position at market. */
  'trading.killSwitch': method(z.object({ flatten: z.boolean(), confirm: z.literal(true) }).strict(), killSwitchReportSchema),
  'trading.resetBreaker': method(noInput, breakerSchema),
  'trading.armLive': method(z.object({ phrase: z.string().max(200) }).strict(), modeStateSchema),
  'trading.disarmLive': method(noInput, modeStateSchema),
  /** Subscribes (or drops) a symbol's last/bid/ask; answers the latest quote known. */
  'trading.quote': method(
    z.object({ symbol, action: z.enum(['subscribe', 'unsubscribe']).default('subscribe') }).strict(),
    quoteSchema.nullable(),
  ),
  /**
   * Downloads daily bars from the broker into the bar store. A symbol that already has a daily series
   * is not touched: the answer says what replacing it would change, and the download waits for resolveHistory.
   */
  'trading.downloadHistory': method(z.object({ symbol, years: z.number().int().min(1).max(30) }).strict(), historyDownloadSchema),
  /** The trader's choice for a download waiting on a stored series: replace it, keep both, or cancel. */
  'trading.resolveHistory': method(z.object({ symbol, choice: z.enum(HISTORY_CHOICES) }).strict(), historyDownloadSchema),
  /** Execution analytics of every order of the current mode (manual tickets and strategy sessions). */
  'trading.execution': method(z.object({}).strict().prefault({}), executionAnalyticsSchema),
} as const;

export const tradingEvents = {
  'trading.order': tradingOrderSchema,
  'trading.fill': executionSchema,
  'trading.account': accountSchema,
  'trading.connection': connectionSchema,
  'trading.log': logEntrySchema,
  'trading.risk': riskStateSchema,
  'trading.quote': quoteSchema,
  'trading.historyProgress': z.object({ symbol: z.string(), done: num, total: num }),
} as const;

export type TradingEvents = typeof tradingEvents;
export type TradingEventName = keyof TradingEvents;
/** How the service pushes events; the host wires it to the event bus. */
export type TradingEmit = <E extends TradingEventName>(event: E, payload: z.output<TradingEvents[E]>) => void;
