import { ApiError, FetchError, marketData, trading } from '@alpacahq/alpaca-trade-api';
import type { z } from 'zod';
import { backoffDelay, type BackoffConfig } from '../ib/connection/backoff';
import type { AlpacaTarget } from './alpacaTarget';
import type { ReplacePatch } from './modification';
import type { AlpacaOrderBody } from './orderMapping';
import { redactedMessage } from './redact';
import {
  alpacaAccountSchema,
  alpacaAssetSchema,
  alpacaBarsPageSchema,
  alpacaOrderListSchema,
  alpacaOrderSchema,
  alpacaPositionListSchema,
  fillActivityListSchema,
  latestBarsSchema,
  latestQuotesSchema,
  latestTradesSchema,
  parseOrThrow,
  type AlpacaAccount,
  type AlpacaAsset,
  type AlpacaOrder,
  type AlpacaPosition,
  type FillActivity,
} from './schemas';

/**
 * - rate_limited: 429 (retry after Retry-After). - server: 5xx. - network / timeout: no answer.
 * - auth: 401, the keys were refused. - not_found: 404. - refused: any other 4xx, a definite no.
 */
export type FailureKind = 'rate_limited' | 'server' | 'network' | 'timeout' | 'auth' | 'not_found' | 'refused';

/** A failed Alpaca request, keys removed from its message. */
export class AlpacaRequestError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status: number | null,
    readonly retryAfterMs: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'AlpacaRequestError';
  }

  /** The request may have been carried out at Alpaca although no answer said so. */
  get ambiguous(): boolean {
    return this.kind === 'server' || this.kind === 'network' || this.kind === 'timeout';
  }

  /** Worth trying again later (after a wait). */
  get transient(): boolean {
    return this.ambiguous || this.kind === 'rate_limited';
  }
}

function classify(err: unknown, what: string, redact: (t: string) => string): AlpacaRequestError {
  if (err instanceof AlpacaRequestError) return err;
  if (err instanceof ApiError) {
    const s = err.status;
    const kind: FailureKind = s === 429 ? 'rate_limited' : s >= 500 ? 'server' : s === 401 ? 'auth' : s === 404 ? 'not_found' : 'refused';
    return new AlpacaRequestError(kind, s, err.retryAfterMs ?? null, `${what}: Alpaca answered ${s}: ${redactedMessage(err, redact)}`);
  }
  if (err instanceof FetchError) {
    const name = err.cause?.name;
    const kind: FailureKind = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network';
    return new AlpacaRequestError(kind, null, null, `${what}: no answer from Alpaca (${redactedMessage(err.cause ?? err, redact)})`);
  }
  return new AlpacaRequestError('network', null, null, `${what}: ${redactedMessage(err, redact)}`);
}

export interface RestOptions {
  /** Per-request deadline; a POST that times out has an unknown fate. */
  timeoutMs: number;
  /** How often a read is tried before it fails (429, 5xx and no answer are retried). */
  readAttempts: number;
  backoff: BackoffConfig;
  /** The SDK's client-side token bucket (Alpaca allows about 200 requests a minute); false: none. */
  rateLimit: { maxRequests: number; intervalMs: number } | false;
  redact: (text: string) => string;
  /** Tells the adapter a request is being retried, and why. */
  onRetry?: (what: string, err: AlpacaRequestError, delayMs: number) => void;
  /**
   * Called as the POST of an order leaves for Alpaca (after the rate limit let it through), with its
   * client_order_id; a throw stops it from leaving.
   */
  onOrderLeaving?: (clientOrderId: string) => void;
}

/** The client_order_id of an order POST, or null for any other request. */
export function leavingOrderRef(url: string, init: { method?: string; body?: unknown }): string | null {
  if (init.method !== 'POST' || typeof init.body !== 'string' || !/\/v2\/orders$/.test(new URL(url).pathname)) return null;
  try {
    const body: unknown = JSON.parse(init.body);
    const ref = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).client_order_id : undefined;
    return typeof ref === 'string' ? ref : null;
  } catch {
    return null;
  }
}

/** A bar as the market-data REST API sends it, `t` its start. */
export interface AlpacaRestBar {
  t: string;
  o: number;
  h: number;
  l: number;
  c: number;
  v: number;
}

interface RawResponse {
  raw: { json(): Promise<unknown> };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Alpaca's REST endpoints the adapter uses, on the official SDK's generated API classes pointed at the
 * session's base URLs. The SDK's own retry is off: reads are retried here (429 after Retry-After, 5xx
 * and lost answers with backoff); writes are sent once and their failures classified for the caller.
 * Bodies are read raw and checked with zod, so a malformed answer is an error naming the field.
 */
export class AlpacaRest {
  private readonly orders: trading.OrdersApi;
  private readonly accounts: trading.AccountsApi;
  private readonly positionsApi: trading.PositionsApi;
  private readonly activities: trading.AccountActivitiesApi;
  private readonly assets: trading.AssetsApi;
  private readonly stocks: marketData.StockApi;

  constructor(
    target: AlpacaTarget,
    private readonly opts: RestOptions,
  ) {
    const shared = {
      keyId: target.keyId,
      secret: target.secretKey,
      timeoutMs: opts.timeoutMs,
      rateLimit: opts.rateLimit === false ? undefined : opts.rateLimit,
    };
    const leaving = opts.onOrderLeaving;
    const middleware: trading.Middleware[] = leaving
      ? [
          {
            pre: (ctx) => {
              const ref = leavingOrderRef(ctx.url, ctx.init);
              // A withdrawn order's request is aborted: fetch would not send it, and it is not stamped as gone.
              if (ref !== null && ctx.init.signal?.aborted) return Promise.reject(new Error(`order ${ref} was withdrawn before it left`));
              if (ref !== null) leaving(ref);
              return Promise.resolve();
            },
          },
        ]
      : [];
    const tradingConfig = new trading.Configuration({ ...shared, middleware, basePath: target.tradingBaseUrl.replace(/\/+$/, '') });
    const dataConfig = new marketData.Configuration({ ...shared, basePath: target.dataBaseUrl.replace(/\/+$/, '') });
    this.orders = new trading.OrdersApi(tradingConfig);
    this.accounts = new trading.AccountsApi(tradingConfig);
    this.positionsApi = new trading.PositionsApi(tradingConfig);
    this.activities = new trading.AccountActivitiesApi(tradingConfig);
    this.assets = new trading.AssetsApi(tradingConfig);
    this.stocks = new marketData.StockApi(dataConfig);
  }

  account(): Promise<AlpacaAccount> {
    return this.read('getting the account', () => this.accounts.getAccountRaw(), alpacaAccountSchema);
  }

  positions(): Promise<AlpacaPosition[]> {
    return this.read('getting positions', () => this.positionsApi.getAllOpenPositionsRaw(), alpacaPositionListSchema);
  }

  openOrders(): Promise<AlpacaOrder[]> {
    return this.read('getting open orders', () => this.orders.getAllOrdersRaw({ status: 'open', limit: 500, nested: false }), alpacaOrderListSchema);
  }

  /** The order Alpaca holds under our client order ref; null when Alpaca knows none (404). */
  async orderByClientId(ref: string): Promise<AlpacaOrder | null> {
    try {
      return await this.read(`looking order ${ref} up by client_order_id`, () => this.orders.getOrderByClientOrderIdRaw({ clientOrderId: ref }), alpacaOrderSchema);
    } catch (err) {
      if (err instanceof AlpacaRequestError && err.kind === 'not_found') return null;
      throw err;
    }
  }

  /** The order under Alpaca's id, with its legs; null when Alpaca knows none (404). */
  async orderById(alpacaOrderId: string): Promise<AlpacaOrder | null> {
    try {
      return await this.read(`getting Alpaca order ${alpacaOrderId}`, () => this.orders.getOrderByOrderIDRaw({ orderId: alpacaOrderId, nested: true }), alpacaOrderSchema);
    } catch (err) {
      if (err instanceof AlpacaRequestError && err.kind === 'not_found') return null;
      throw err;
    }
  }

  /** Sent exactly once: a failure is classified, never retried here. */
  placeOrder(body: AlpacaOrderBody, signal?: AbortSignal): Promise<AlpacaOrder> {
    const request: trading.PostOrderRequest = {
      symbol: body.symbol,
      qty: body.qty,
      side: body.side,
      type: body.type,
      timeInForce: body.time_in_force,
      limitPrice: body.limit_price,
      stopPrice: body.stop_price,
      trailPrice: body.trail_price,
      trailPercent: body.trail_percent,
      orderClass: body.order_class,
      clientOrderId: body.client_order_id,
    };
    if (body.take_profit) request.takeProfit = { limitPrice: body.take_profit.limit_price };
    if (body.stop_loss) request.stopLoss = { stopPrice: body.stop_loss.stop_price, limitPrice: body.stop_loss.limit_price };
    return this.once(`placing order ${body.client_order_id}`, () => this.orders.postOrderRaw({ postOrderRequest: request }, signal ? { signal } : undefined), alpacaOrderSchema);
  }

  async cancelOrder(alpacaOrderId: string): Promise<void> {
    const what = `cancelling Alpaca order ${alpacaOrderId}`;
    try {
      await this.orders.deleteOrderByOrderIDRaw({ orderId: alpacaOrderId });
    } catch (err) {
      throw classify(err, what, this.opts.redact);
    }
  }

  /** Alpaca answers a replacement with the new order (a new id; the old one ends as `replaced`). */
  replaceOrder(alpacaOrderId: string, changes: ReplacePatch): Promise<AlpacaOrder> {
    return this.once(
      `replacing Alpaca order ${alpacaOrderId}`,
      () =>
        this.orders.patchOrderByOrderIdRaw({
          orderId: alpacaOrderId,
          patchOrderRequest: { qty: changes.qty, limitPrice: changes.limit_price, stopPrice: changes.stop_price, trail: changes.trail },
        }),
      alpacaOrderSchema,
    );
  }

  /** FILL activities after `after` (all when null), oldest first, every page. */
  async fillActivities(after: Date | null): Promise<FillActivity[]> {
    const out: FillActivity[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < 1_000; page++) {
      const rows = await this.read(
        'getting fill activities',
        () => this.activities.getAccountActivitiesByActivityTypeRaw({ activityType: 'FILL', after: after ?? undefined, direction: 'asc', pageSize: 100, pageToken }),
        fillActivityListSchema,
      );
      out.push(...rows);
      if (rows.length < 100) break;
      pageToken = rows[rows.length - 1].id;
    }
    return out;
  }

  /** The asset; null when Alpaca does not know the symbol. */
  async asset(symbol: string): Promise<AlpacaAsset | null> {
    try {
      return await this.read(`looking ${symbol} up`, () => this.assets.getV2AssetsSymbolOrAssetIdRaw({ symbolOrAssetId: symbol }), alpacaAssetSchema);
    } catch (err) {
      if (err instanceof AlpacaRequestError && (err.kind === 'not_found' || err.status === 422)) return null;
      throw err;
    }
  }

  /** Daily bars of `symbol` between two times, every page. */
  dailyBars(symbol: string, start: Date, end: Date): Promise<AlpacaRestBar[]> {
    return this.bars(`getting daily bars of ${symbol}`, symbol, '1Day', start, end, 'all');
  }

  /**
   * Bars of an intraday `timeframe` ("5Min", "2Hour") between two times, every page, stamped at their start.
   * Split-adjusted only, as the live stream's raw prices stand on today's split scale; a dividend adjustment
   * would shift the warm-up away from them.
   */
  intradayBars(symbol: string, timeframe: string, start: Date, end: Date): Promise<AlpacaRestBar[]> {
    return this.bars(`getting ${timeframe} bars of ${symbol}`, symbol, timeframe, start, end, 'split');
  }

  private async bars(what: string, symbol: string, timeframe: string, start: Date, end: Date, adjustment: string): Promise<AlpacaRestBar[]> {
    const out: AlpacaRestBar[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < 1_000; page++) {
      const body = await this.read(what, () => this.stocks.stockBarsRaw({ symbols: symbol, timeframe, start, end, limit: 10_000, adjustment, pageToken }), alpacaBarsPageSchema);
      const bars = body.bars ?? [];
      out.push(...(Array.isArray(bars) ? bars : (bars[symbol] ?? [])));
      if (!body.next_page_token) break;
      pageToken = body.next_page_token;
    }
    return out;
  }

  /** Time of the latest bar of `symbol` (ms), null when Alpaca has none: the data's own "now". */
  async latestBarTime(symbol: string): Promise<number | null> {
    const body = await this.read(`getting the latest bar of ${symbol}`, () => this.stocks.stockLatestBarsRaw({ symbols: symbol }), latestBarsSchema);
    const t = body.bars[symbol]?.t;
    const ms = t === undefined ? NaN : Date.parse(t);
    return Number.isFinite(ms) ? ms : null;
  }

  /** The latest bid and ask, and the latest trade price. */
  async latestQuote(symbol: string): Promise<{ bid: number | null; ask: number | null; last: number | null }> {
    const q = await this.read(`getting the latest quote of ${symbol}`, () => this.stocks.stockLatestQuotesRaw({ symbols: symbol }), latestQuotesSchema);
    const t = await this.read(`getting the latest trade of ${symbol}`, () => this.stocks.stockLatestTradesRaw({ symbols: symbol }), latestTradesSchema);
    const quote = q.quotes[symbol];
    return { bid: quote?.bp ?? null, ask: quote?.ap ?? null, last: t.trades[symbol]?.p ?? null };
  }

  private async once<T>(what: string, call: () => Promise<RawResponse>, schema: z.ZodType<T>): Promise<T> {
    let res: RawResponse;
    try {
      res = await call();
    } catch (err) {
      throw classify(err, what, this.opts.redact);
    }
    let body: unknown;
    try {
      body = await res.raw.json();
    } catch (err) {
      // The request was carried out; only its answer was lost on the way.
      throw new AlpacaRequestError('network', null, null, `${what}: the answer could not be read (${redactedMessage(err, this.opts.redact)})`);
    }
    return parseOrThrow(schema, body, what);
  }

  private async read<T>(what: string, call: () => Promise<RawResponse>, schema: z.ZodType<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(what, call, schema);
      } catch (err) {
        const e = err instanceof AlpacaRequestError ? err : classify(err, what, this.opts.redact);
        if (!e.transient || attempt + 1 >= this.opts.readAttempts) throw e;
        const delay = e.kind === 'rate_limited' && e.retryAfterMs !== null ? e.retryAfterMs : backoffDelay(attempt, this.opts.backoff);
        this.opts.onRetry?.(what, e, delay);
        await sleep(delay);
      }
    }
  }
}
