import { streaming, trading } from '@alpacahq/alpaca-trade-api';
import type { AlpacaTarget } from './alpacaTarget';
import { tradeUpdateSchema, type TradeUpdate } from './schemas';

export interface TradeUpdatesHandlers {
  update(u: TradeUpdate): void;
  /** A frame that did not parse, or a stream error; the text has the keys removed. */
  problem(text: string): void;
}

/** One authenticated, listening trade_updates connection; `closed` settles when it ends, for any reason. */
export interface TradeUpdatesSession {
  closed: Promise<string>;
  close(): void;
}

/**
 * Opens the trade_updates stream with the official SDK's TradingStream at the session's URL. The
 * SDK's own reconnect is off: the adapter reconnects itself, so that every new connection is
 * followed by a reconciliation before orders flow again. Resolves once Alpaca confirmed the
 * subscription; rejects when the connection fails or authentication is refused first.
 */
export function openTradeUpdates(
  target: AlpacaTarget,
  handlers: TradeUpdatesHandlers,
  redact: (t: string) => string,
  timeoutMs: number,
): Promise<TradeUpdatesSession> {
  const stream = new streaming.TradingStream({
    url: target.tradingStreamUrl,
    credentials: { keyId: target.keyId, secret: target.secretKey },
    reconnect: false,
    pingIntervalMs: 10_000,
    pongWaitMs: 5_000,
  });
  let closeReason = 'the trade_updates stream closed';
  let resolveClosed: (why: string) => void = () => undefined;
  const closed = new Promise<string>((r) => (resolveClosed = r));
  return new Promise<TradeUpdatesSession>((resolve, reject) => {
    let listening = false;
    const timer = setTimeout(() => fail(`the trade_updates stream did not confirm the subscription within ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      if (!listening) reject(new Error(redact(why)));
      closeReason = why;
      stream.disconnect();
    };
    stream.onTradeUpdate((u) => {
      // The SDK keeps the order's wire keys but rewrites its legs in camelCase: they go back to the wire's.
      const legs: unknown[] | undefined = u.order.legs?.map((l) => trading.OrderLegToJSONTyped(l) as unknown);
      const raw = { ...u, order: { ...u.order, legs }, timestamp: u.timestamp instanceof Date ? u.timestamp.toISOString() : u.timestamp };
      const parsed = tradeUpdateSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        handlers.problem(`a trade update was ignored: unexpected message from Alpaca at ${issue.path.join('.')}: ${issue.message}`);
        return;
      }
      handlers.update(parsed.data);
    });
    stream.onError((msg) => {
      const text = redact(String(msg));
      handlers.problem(`trade_updates stream: ${text}`);
      if (!listening && /auth/i.test(text)) fail(`the trade_updates stream refused authentication: ${text}`);
    });
    stream.on(streaming.EVENT.SUBSCRIPTION, (streams: unknown) => {
      if (listening || !Array.isArray(streams) || !streams.includes('trade_updates')) return;
      listening = true;
      clearTimeout(timer);
      resolve({ closed, close: () => stream.disconnect() });
    });
    stream.onStateChange((state) => {
      if (state !== streaming.STATE.DISCONNECTED) return;
      clearTimeout(timer);
      if (!listening) reject(new Error(redact(closeReason)));
      resolveClosed(closeReason);
    });
    // Asked before connecting: the SDK sends `listen` right after Alpaca authorizes the connection.
    stream.subscribeTradeUpdates();
    stream.connect();
  });
}
