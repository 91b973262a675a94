import { Alpaca, AuthError, NotFoundError, OrdersApi, PermissionError, RateLimitError, TimeFrame, ValidationError, marketData, streaming, trading } from '@alpacahq/alpaca-trade-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAlpaca, type FakeAlpaca } from './index';
import { waitFor } from './testing/waitFor';

/*
 * The acceptance point: the unmodified official SDK, pointed at the fake, gets the account, places a
 * market order that fills, receives the trade update on its trading stream and reads bars and quotes.
 */

let fake: FakeAlpaca;
const open: { disconnect(): void }[] = [];

beforeEach(async () => {
  fake = await startFakeAlpaca();
});
afterEach(async () => {
  for (const s of open.splice(0)) s.disconnect();
  await fake.close();
});

function tradeStream(url: string): { stream: streaming.TradingStream; updates: streaming.TradeUpdate[]; listening: Promise<void> } {
  const stream = new streaming.TradingStream({ url, credentials: { keyId: fake.keyId, secret: fake.secretKey }, reconnect: false });
  open.push(stream);
  const updates: streaming.TradeUpdate[] = [];
  stream.onTradeUpdate((u) => updates.push(u));
  const listening = new Promise<void>((resolve) => stream.on(streaming.EVENT.SUBSCRIPTION, () => resolve()));
  stream.onConnect(() => stream.subscribeTradeUpdates());
  stream.connect();
  return { stream, updates, listening };
}

describe('the official SDK (generated API classes with basePath, streams with url)', () => {
  it('gets the account, places a market order that fills and receives its trade updates', async () => {
    const config = new trading.Configuration({ basePath: fake.tradingBaseUrl, keyId: fake.keyId, secret: fake.secretKey });
    const account = await new trading.AccountsApi(config).getAccount();
    expect(account.status).toBe('ACTIVE');
    expect(Number(account.cash)).toBe(100_000);
    expect(Number(account.buyingPower)).toBe(200_000);

    const { updates, listening } = tradeStream(fake.tradingStreamUrl);
    await listening;
    const symbol = fake.symbols[0];
    const order = await new OrdersApi(config).market({ symbol, qty: 5, side: 'buy', clientOrderId: 'sdk-accept-1' });
    expect(order.clientOrderId).toBe('sdk-accept-1');
    expect(order.symbol).toBe(symbol);

    await waitFor(() => updates.some((u) => u.event === 'fill'), 'the fill trade update');
    const fill = updates.find((u) => u.event === 'fill');
    expect(updates.map((u) => u.event)).toEqual(['new', 'fill']);
    expect(fill?.order.id).toBe(order.id);
    expect(fill?.order.status).toBe('filled');
    expect(Number(fill?.qty)).toBe(5);
    expect(Number(fill?.positionQty)).toBe(5);
    expect(fill?.executionId).toBe(fake.state().fills[0].id);

    const again = await new OrdersApi(config).getOrderByClientOrderId({ clientOrderId: 'sdk-accept-1' });
    expect(again.status).toBe('filled');
    expect(Number(again.filledAvgPrice)).toBeCloseTo(fake.state().fills[0].price, 6);
    const positions = await new trading.PositionsApi(config).getAllOpenPositions();
    expect(positions.map((p) => [p.symbol, p.qty])).toEqual([[symbol, '5']]);
  });

  it('reads bars and a latest quote over REST, and quotes and bars from the msgpack stream', async () => {
    const config = new marketData.Configuration({ basePath: fake.dataBaseUrl, keyId: fake.keyId, secret: fake.secretKey });
    const stocks = new marketData.StockApi(config);
    const symbol = fake.symbols[1];
    const bars = await stocks.stockBarSingle({ symbol, timeframe: '1Day', limit: 5, start: new Date('2000-06-01T00:00:00Z') });
    expect(bars.bars).toHaveLength(5);
    expect(bars.nextPageToken).toBeTruthy();
    expect(bars.bars?.[0].t.getTime()).toBeGreaterThanOrEqual(Date.parse('2000-06-01'));
    const quote = await stocks.stockLatestQuoteSingle({ symbol });
    const last = fake.price(symbol);
    expect(quote.quote.bp).toBeLessThanOrEqual(last);
    expect(quote.quote.ap).toBeGreaterThanOrEqual(last);

    const stream = new streaming.StockDataStream({ url: `${fake.dataStreamUrl}/v2/iex`, credentials: { keyId: fake.keyId, secret: fake.secretKey }, reconnect: false });
    open.push(stream);
    const quotes: streaming.StreamQuote[] = [];
    const streamed: streaming.StreamBar[] = [];
    stream.onQuote((q) => quotes.push(q));
    stream.onBar((b) => streamed.push(b));
    const subscribed = new Promise<void>((resolve) => stream.on(streaming.EVENT.SUBSCRIPTION, () => resolve()));
    stream.onConnect(() => {
      stream.subscribeForQuotes([symbol]);
      stream.subscribeForBars([symbol]);
    });
    stream.connect();
    await subscribed;
    await waitFor(() => stream.getSubscriptions().bars.length === 1, 'the bar subscription');
    fake.step();
    await waitFor(() => quotes.length > 0 && streamed.length > 0, 'a quote and a bar');
    expect(streamed[0].symbol).toBe(symbol);
    expect(streamed[0].close).toBe(fake.price(symbol));
    expect(streamed[0].timestamp.getTime()).toBe(fake.state().marketTime);
    expect(quotes[0].bidPrice).toBeLessThan(quotes[0].askPrice);
  });
});

describe('the official SDK\'s order builders', () => {
  it('places every kind of order it builds', async () => {
    const config = new trading.Configuration({ basePath: fake.tradingBaseUrl, keyId: fake.keyId, secret: fake.secretKey });
    const orders = new OrdersApi(config);
    const symbol = fake.symbols[3];
    const last = fake.price(symbol);
    const px = (f: number): string => (last * f).toFixed(2);
    await orders.market({ symbol, qty: 100, side: 'buy' });
    const placed = [
      await orders.limit({ symbol, qty: 1, side: 'buy', limitPrice: px(0.9), timeInForce: 'gtc' }),
      await orders.stop({ symbol, qty: 1, side: 'sell', stopPrice: px(0.9), timeInForce: 'gtc' }),
      await orders.stopLimit({ symbol, qty: 1, side: 'sell', stopPrice: px(0.9), limitPrice: px(0.89), timeInForce: 'gtc' }),
      await orders.trailingStop({ symbol, qty: 1, side: 'sell', trailPercent: 5, timeInForce: 'gtc' }),
      await orders.bracket({ symbol, qty: 1, side: 'buy', limitPrice: px(0.95), takeProfit: { limitPrice: px(1.2) }, stopLoss: { stopPrice: px(0.8) }, timeInForce: 'gtc' }),
      await orders.oco({ symbol, qty: 1, side: 'sell', takeProfit: { limitPrice: px(1.2) }, stopLoss: { stopPrice: px(0.8), limitPrice: px(0.79) }, timeInForce: 'gtc' }),
      await orders.oto({ symbol, qty: 1, side: 'buy', limitPrice: px(0.95), stopLoss: { stopPrice: px(0.8) }, timeInForce: 'gtc' }),
      await orders.market({ symbol, notional: 500, side: 'buy' }),
    ];
    expect(placed.map((o) => [o.type, o.orderClass, o.legs?.length ?? 0])).toEqual([
      ['limit', '', 0],
      ['stop', '', 0],
      ['stop_limit', '', 0],
      ['trailing_stop', '', 0],
      ['limit', 'bracket', 2],
      ['limit', 'oco', 1],
      ['limit', 'oto', 1],
      ['market', '', 0],
    ]);
    expect(Number(placed[5].limitPrice)).toBe(Number(px(1.2)));
    const open = await orders.getAllOrders({ status: 'open', nested: true });
    expect(open).toHaveLength(7);
  });
});

describe('the official SDK\'s errors and recovery', () => {
  it('maps the fake\'s refusals to its typed errors, and retries a 429 after Retry-After', async () => {
    const config = new trading.Configuration({ basePath: fake.tradingBaseUrl, keyId: fake.keyId, secret: fake.secretKey });
    const orders = new OrdersApi(config);
    const symbol = fake.symbols[0];
    await expect(orders.market({ symbol: 'NOPE', qty: 1, side: 'buy' })).rejects.toBeInstanceOf(ValidationError);
    await expect(orders.market({ symbol, qty: 1_000_000, side: 'buy' })).rejects.toBeInstanceOf(PermissionError);
    await expect(orders.getOrderByOrderID({ orderId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
    const stranger = new trading.AccountsApi(new trading.Configuration({ basePath: fake.tradingBaseUrl, keyId: 'x', secret: 'y' }));
    await expect(stranger.getAccount()).rejects.toBeInstanceOf(AuthError);

    fake.faults.rateLimit(1, { retryAfterSeconds: 7 });
    const limited = await new trading.AccountsApi(config).getAccount().catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).retryAfterMs).toBe(7000);
    fake.faults.rateLimit(1, { retryAfterSeconds: 0 });
    const retrying = new trading.AccountsApi(new trading.Configuration({ basePath: fake.tradingBaseUrl, keyId: fake.keyId, secret: fake.secretKey, retry: { maxRetries: 1 } }));
    expect((await retrying.getAccount()).status).toBe('ACTIVE');
  });

  it('its trading stream reconnects after the fake drops it and listens again', async () => {
    const stream = new streaming.TradingStream({ url: fake.tradingStreamUrl, credentials: { keyId: fake.keyId, secret: fake.secretKey }, initialReconnectMs: 20, backoff: false });
    open.push(stream);
    const updates: streaming.TradeUpdate[] = [];
    let subscribed = 0;
    stream.onTradeUpdate((u) => updates.push(u));
    stream.on(streaming.EVENT.SUBSCRIPTION, () => subscribed++);
    stream.onConnect(() => stream.subscribeTradeUpdates());
    stream.connect();
    await waitFor(() => subscribed > 0, 'the first listening reply');
    const before = subscribed;
    fake.faults.dropTradeStream();
    await waitFor(() => subscribed > before, 'listening again after the reconnect');
    const config = new trading.Configuration({ basePath: fake.tradingBaseUrl, keyId: fake.keyId, secret: fake.secretKey });
    await new OrdersApi(config).market({ symbol: fake.symbols[0], qty: 1, side: 'buy' });
    await waitFor(() => updates.some((u) => u.event === 'fill'), 'a fill on the new socket');
  });
});

describe('the Alpaca facade', () => {
  it('works against the fake once its fetch is pointed there (it has no base URL option), streams by url', async () => {
    const hosts = new Map([
      ['https://paper-api.alpaca.markets', fake.tradingBaseUrl],
      ['https://data.alpaca.markets', fake.dataBaseUrl],
    ]);
    // The documented fetchApi option: the facade's fixed hosts are rewritten to the fake's.
    const fetchApi = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      const to = hosts.get(url.origin);
      if (!to) throw new Error(`unexpected host ${url.origin}`);
      return fetch(`${to}${url.pathname}${url.search}`, init);
    };
    const alpaca = new Alpaca({ keyId: fake.keyId, secret: fake.secretKey, fetchApi, retry: false, rateLimit: false });
    const account = await alpaca.trading.account.getAccount();
    expect(account.accountNumber).toMatch(/^PA/);

    const stream = alpaca.trading.stream({ url: fake.tradingStreamUrl, reconnect: false });
    open.push(stream);
    const updates: streaming.TradeUpdate[] = [];
    stream.onTradeUpdate((u) => updates.push(u));
    const listening = new Promise<void>((resolve) => stream.on(streaming.EVENT.SUBSCRIPTION, () => resolve()));
    stream.onConnect(() => stream.subscribeTradeUpdates());
    stream.connect();
    await listening;

    const symbol = fake.symbols[2];
    const order = await alpaca.trading.orders.market({ symbol, qty: 3, side: 'buy' });
    await waitFor(() => updates.some((u) => u.event === 'fill'), 'the fill trade update');
    expect(updates.find((u) => u.event === 'fill')?.order.id).toBe(order.id);

    // The helper follows next_page_token: pages of 3 bars add up to every bar from start to now.
    const bars = await alpaca.marketData.getStockBarsFor(symbol, { timeframe: TimeFrame.Day, limit: 3, start: new Date('2000-03-01T00:00:00Z') });
    const times = bars.map((b) => b.timestamp.getTime());
    expect(times[0]).toBeGreaterThanOrEqual(Date.parse('2000-03-01'));
    expect(times.at(-1)).toBe(fake.state().marketTime);
    expect(times.every((t, i) => i === 0 || t > times[i - 1])).toBe(true);
    expect(bars.length).toBeGreaterThan(100);
    const quote = await alpaca.marketData.stocks.stockLatestQuoteSingle({ symbol });
    expect(quote.symbol).toBe(symbol);
  });
});
